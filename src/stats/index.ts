/** Statistics for virtual experiments: the public surface of src/stats. */
export { compareArms, type ArmComparison, type ArmComparisonResult, type ArmSummary, type CompareOptions, type OmnibusTest, type PairComparison, type Posthoc } from './compare.ts';
export { welchTTest, studentTTest, type TTestResult } from './t-test.ts';
export { oneWayAnova, type AnovaResult } from './anova.ts';
export { tukeyHsd, type TukeyPair, type TukeyResult } from './tukey-hsd.ts';
export { effectSize, hedgesCorrection, type EffectSize } from './effect-size.ts';
export { holm } from './adjust.ts';
export { summarize, checkSample, type SampleSummary } from './descriptive.ts';
export { normalCdf, normalTails, studentTCdf, studentTTails, studentTTwoSided, studentTQuantile, fCdf, fTails, type Tails } from './distributions.ts';
export { studentizedRangeCdf, studentizedRangeQuantile } from './studentized-range.ts';
export { incompleteBeta, incompleteGamma, logBeta, logGamma } from './special.ts';
export { StatsError, isStatsError, type StatsErrorCode } from './stats-error.ts';
