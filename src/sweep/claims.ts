/** Claims "metric op value", evaluated per run; shares of runs with a Wilson score interval. */
import { inverseNormal } from '../sensitivity/normal.ts';
import type { Metrics } from './evaluator.ts';
import type { ClaimSpec } from './spec.ts';

/** True / false, or null when the metric is missing or not a number. */
export function evaluateClaim(c: ClaimSpec, m: Metrics): boolean | null {
  const v = m[c.metric];
  if (typeof v !== 'number' || Number.isNaN(v)) return null;
  switch (c.op) {
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
  }
}

export interface Share {
  /** Fraction of runs in which the claim holds. */
  share: number;
  low: number;
  high: number;
  holds: number;
  runs: number;
}

/** Wilson score interval (Wilson 1927) for `holds` successes in `runs` trials. */
export function wilsonShare(holds: number, runs: number, confidence: number): Share {
  if (runs === 0) return { share: NaN, low: NaN, high: NaN, holds, runs };
  const z = inverseNormal(1 - (1 - confidence) / 2);
  const p = holds / runs;
  const d = 1 + (z * z) / runs;
  const centre = (p + (z * z) / (2 * runs)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / runs + (z * z) / (4 * runs * runs))) / d;
  return { share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half), holds, runs };
}
