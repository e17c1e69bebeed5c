/**
 * One-way ANOVA (fixed effects, unbalanced allowed), as R's `summary(aov(y ~ group))`:
 *   F = [SS_between/(k − 1)] / [SS_within/(N − k)],  p = P(F_{k−1, N−k} > F)
 * with the effect sizes
 *   η² = SS_between / SS_total
 *   ω² = (SS_between − (k − 1)·MS_within) / (SS_total + MS_within)   (Hays 1963; less biased than η²)
 */
import { mean } from 'simple-statistics';
import { checkSample } from './descriptive.ts';
import { fTails } from './distributions.ts';
import { StatsError } from './stats-error.ts';

export interface AnovaResult {
  method: 'one-way ANOVA';
  F: number;
  /** k − 1 */
  df1: number;
  /** N − k */
  df2: number;
  p: number;
  ssBetween: number;
  ssWithin: number;
  msBetween: number;
  /** The residual mean square (pooled variance); Tukey HSD uses it. */
  msWithin: number;
  etaSquared: number;
  /** Can be slightly negative when F < 1; reported as computed, not clipped. */
  omegaSquared: number;
}

/** Groups are arrays of replicate values; names only label error messages. */
export function oneWayAnova(groups: readonly (readonly number[])[], names?: readonly string[]): AnovaResult {
  if (groups.length < 2) throw new StatsError('bad-design', `ANOVA needs at least 2 groups, got ${groups.length}`);
  groups.forEach((g, i) => {
    checkSample(names?.[i] ?? `group ${i + 1}`, g);
  });
  const k = groups.length;
  const all = groups.flat();
  const n = all.length;
  const grand = mean(all);
  let ssBetween = 0;
  let ssWithin = 0;
  for (const g of groups) {
    const m = mean(g);
    ssBetween += g.length * (m - grand) * (m - grand);
    for (const v of g) ssWithin += (v - m) * (v - m);
  }
  const df1 = k - 1;
  const df2 = n - k;
  const msBetween = ssBetween / df1;
  const msWithin = ssWithin / df2;
  if (msWithin === 0) {
    throw new StatsError('zero-variance', `every group has zero variance (group means ${groups.map((g) => mean(g)).join(', ')}): F is ${ssBetween === 0 ? '0/0' : '∞'} and no p-value exists`);
  }
  const F = msBetween / msWithin;
  const ssTotal = ssBetween + ssWithin;
  return {
    method: 'one-way ANOVA',
    F,
    df1,
    df2,
    p: fTails(F, df1, df2).upper,
    ssBetween,
    ssWithin,
    msBetween,
    msWithin,
    etaSquared: ssBetween / ssTotal,
    omegaSquared: (ssBetween - df1 * msWithin) / (ssTotal + msWithin),
  };
}
