/** Sensitivity-analysis designs and estimators, in the unit cube (src/sweep maps them to parameter values). */
export { bootstrapEstimates, quantileSorted, DEFAULT_BOOTSTRAP } from './bootstrap.ts';
export type { BootstrapOptions, Estimate } from './bootstrap.ts';
export { fullGrid, linspace, logspace } from './grid.ts';
export { latinHypercube } from './lhs.ts';
export { morrisIndices, morrisSample } from './morris.ts';
export type { MorrisDesign, MorrisIndices } from './morris.ts';
export { prcc, ranks } from './prcc.ts';
export { saltelliSample, sobolIndices, SALTELLI_SOBOL_MAX_FACTORS } from './saltelli.ts';
export type { SaltelliDesign, SaltelliSampling, SobolIndices } from './saltelli.ts';
export { sobolPoints, SOBOL_MAX_DIMENSIONS } from './sobol-sequence.ts';
export { inverseNormal } from './normal.ts';
