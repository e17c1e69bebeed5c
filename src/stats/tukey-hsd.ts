/**
 * Tukey's honestly significant difference (Tukey–Kramer for unequal n), as R's `TukeyHSD(aov(...))`:
 * for groups i < j, diff = mean_j − mean_i ("j-i" in R), SE = √(MS_within/2 · (1/nᵢ + 1/nⱼ)),
 * p = P(Q_{k, N−k} > |diff|/SE), CI = diff ± q_{level; k, N−k}·SE. The p-values and intervals are
 * family-wise over all k(k−1)/2 pairs.
 */
import { mean } from 'simple-statistics';
import { oneWayAnova, type AnovaResult } from './anova.ts';
import { studentizedRangeCdf, studentizedRangeQuantile } from './studentized-range.ts';
import { StatsError } from './stats-error.ts';

export interface TukeyPair {
  /** Index and name of the first group (subtracted). */
  i: number;
  a: string;
  /** Index and name of the second group. */
  j: number;
  b: string;
  /** mean(b) − mean(a) */
  difference: number;
  /** Family-wise confidence interval at `level`. */
  ci: [number, number];
  /** Studentized range statistic |diff|/SE. */
  q: number;
  /** Family-wise adjusted p-value. Accurate to ~1e-12 absolute (see studentized-range.ts). */
  p: number;
}

export interface TukeyResult {
  method: 'Tukey HSD';
  k: number;
  df: number;
  level: number;
  /** The critical value q_{level; k, df}. */
  qCritical: number;
  anova: AnovaResult;
  pairs: TukeyPair[];
}

export function tukeyHsd(groups: readonly (readonly number[])[], names?: readonly string[], level = 0.95): TukeyResult {
  if (!(level > 0 && level < 1)) throw new StatsError('bad-design', `confidence level must be in (0, 1), got ${level}`);
  const anova = oneWayAnova(groups, names);
  const k = groups.length;
  const df = anova.df2;
  // every group has ≥ 2 values (checked by the ANOVA), so df = N − k ≥ k ≥ 2 as the studentized range needs
  const label = (i: number): string => names?.[i] ?? `group ${i + 1}`;
  const means = groups.map((g) => mean(g));
  const qCritical = studentizedRangeQuantile(level, k, df);
  const pairs: TukeyPair[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const difference = means[j]! - means[i]!;
      const se = Math.sqrt((anova.msWithin / 2) * (1 / groups[i]!.length + 1 / groups[j]!.length));
      const q = Math.abs(difference) / se;
      const half = qCritical * se;
      pairs.push({ i, a: label(i), j, b: label(j), difference, ci: [difference - half, difference + half], q, p: Math.max(0, 1 - studentizedRangeCdf(q, k, df)) });
    }
  }
  return { method: 'Tukey HSD', k, df, level, qCritical, anova, pairs };
}
