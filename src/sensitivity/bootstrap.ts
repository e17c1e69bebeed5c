/**
 * Bootstrap confidence intervals (Efron & Tibshirani 1993): resample the independent units of a
 * design (Saltelli rows, Morris trajectories, LHS points) with replacement, recompute the
 * statistics, and take percentile intervals of the replicates. Seeded, so a summary is
 * reproducible.
 */
import { PURPOSE, randomIndex, uniforms } from './random.ts';

/** A point estimate with a confidence interval and the bootstrap standard error. */
export interface Estimate {
  estimate: number;
  low: number;
  high: number;
  /** Standard deviation of the bootstrap replicates. */
  se: number;
}

export interface BootstrapOptions {
  /** Number of bootstrap replicates (0: no interval; low = high = estimate, se = NaN). */
  resamples: number;
  /** Two-sided confidence level, e.g. 0.95. */
  confidence: number;
  seed: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { resamples: 1000, confidence: 0.95, seed: 1 };

/** Quantile of sorted values with linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function sd(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}

/**
 * Estimates with percentile intervals for the m statistics that `statistic` computes from a
 * selection of unit indices (with repeats). `statistic(identity)` gives the point estimates.
 */
export function bootstrapEstimates(nUnits: number, statistic: (units: Int32Array) => number[], options: BootstrapOptions): Estimate[] {
  const identity = Int32Array.from({ length: nUnits }, (_, i) => i);
  const point = statistic(identity);
  if (options.resamples <= 0 || nUnits < 2) return point.map((estimate) => ({ estimate, low: estimate, high: estimate, se: NaN }));
  const next = uniforms(options.seed, PURPOSE.bootstrap);
  const reps: number[][] = point.map(() => []);
  const units = new Int32Array(nUnits);
  for (let b = 0; b < options.resamples; b++) {
    for (let i = 0; i < nUnits; i++) units[i] = randomIndex(next, nUnits);
    const s = statistic(units);
    for (let m = 0; m < s.length; m++) reps[m]!.push(s[m]!);
  }
  const alpha = (1 - options.confidence) / 2;
  return point.map((estimate, m) => {
    const r = reps[m]!.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    if (Number.isNaN(estimate) || r.length === 0) return { estimate, low: NaN, high: NaN, se: NaN };
    return { estimate, low: quantileSorted(r, alpha), high: quantileSorted(r, 1 - alpha), se: sd(r) };
  });
}
