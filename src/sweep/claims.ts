/**
 * Claims, evaluated per run: "metric op value" on a number, or on a boolean metric "is true"
 * ({ name, metric }) or "== / != true / false"; shares of runs with a Wilson score interval.
 */
import { inverseNormal } from '../sensitivity/normal.ts';
import type { Metrics } from './evaluator.ts';
import type { ClaimSpec } from './spec.ts';

/** A claim that only names a boolean metric of the same name: it is that metric's column. */
export function isMetricItself(c: ClaimSpec): boolean {
  return c.op === undefined && c.name === c.metric;
}

/**
 * True / false, or null when the metric is missing, NaN, or of the other type (a number compared
 * with true, a boolean with a threshold).
 */
export function evaluateClaim(c: ClaimSpec, m: Metrics): boolean | null {
  const v = m[c.metric];
  if (c.op === undefined || typeof c.value === 'boolean') {
    if (typeof v !== 'boolean') return null;
    if (c.op === undefined) return v;
    return c.op === '==' ? v === c.value : c.op === '!=' ? v !== c.value : null;
  }
  if (typeof v !== 'number' || Number.isNaN(v) || c.value === undefined) return null;
  switch (c.op) {
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '==':
      return v === c.value;
    case '!=':
      return v !== c.value;
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
