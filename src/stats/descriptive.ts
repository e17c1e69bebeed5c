/**
 * Per-arm descriptives: n, mean, SD (n − 1), SEM and the t-interval of the mean. Mean and SD come
 * from simple-statistics; the interval needs a t quantile, which simple-statistics does not have.
 */
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import { studentTQuantile } from './distributions.ts';
import { StatsError } from './stats-error.ts';

/** Throws `non-finite` or `too-few-values` with the sample's name and the offending position. */
export function checkSample(name: string, values: readonly number[], minimum = 2): void {
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new StatsError('non-finite', `${name}: value #${i + 1} is ${String(v)}; every replicate must be a finite number`);
    }
  }
  if (values.length < minimum) {
    throw new StatsError('too-few-values', `${name}: ${values.length} value(s); at least ${minimum} replicates are needed for a variance`);
  }
}

export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1). */
  sd: number;
  /** Standard error of the mean, sd/√n. */
  sem: number;
  /** Two-sided t-interval of the mean at `level` (default 0.95): mean ± t_{(1+level)/2, n−1}·sem. */
  ci: [number, number];
  level: number;
}

export function summarize(values: readonly number[], level = 0.95, name = 'sample'): SampleSummary {
  checkSample(name, values);
  if (!(level > 0 && level < 1)) throw new StatsError('bad-design', `confidence level must be in (0, 1), got ${level}`);
  const n = values.length;
  const m = mean(values);
  const sd = sampleStandardDeviation(values);
  const sem = sd / Math.sqrt(n);
  const half = studentTQuantile((1 + level) / 2, n - 1) * sem;
  return { n, mean: m, sd, sem, ci: [m - half, m + half], level };
}

/** Sample variance (n − 1), via simple-statistics. */
export function variance(values: readonly number[]): number {
  return sampleVariance(values);
}
