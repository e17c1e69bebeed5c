/**
 * A swept parameter's distribution, and the two ways designs use it: `fromUnit` maps a unit-cube
 * coordinate to a value (inverse CDF; LHS, Morris and Sobol' designs sample in the unit cube) and
 * `gridLevels` lists a grid's values.
 */
import { linspace, logspace } from '../sensitivity/grid.ts';
import { inverseNormal } from '../sensitivity/normal.ts';

export type Distribution =
  | { kind: 'values'; values: readonly number[] }
  | { kind: 'uniform'; lo: number; hi: number; levels?: number }
  | { kind: 'loguniform'; lo: number; hi: number; levels?: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; median: number; sigma: number }
  | { kind: 'triangular'; lo: number; mode: number; hi: number };

/** Value at unit-cube coordinate u ∈ [0, 1] (u = 0 and 1 are the bounds of bounded distributions). */
export function fromUnit(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'values':
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))]!;
    case 'uniform':
      return u >= 1 ? d.hi : d.lo + u * (d.hi - d.lo);
    case 'loguniform':
      return u <= 0 ? d.lo : u >= 1 ? d.hi : Math.exp(Math.log(d.lo) + u * (Math.log(d.hi) - Math.log(d.lo)));
    case 'normal':
      return d.mean + d.sd * inverseNormal(u);
    case 'lognormal':
      return d.median * Math.exp(d.sigma * inverseNormal(u));
    case 'triangular': {
      const w = d.hi - d.lo;
      const fc = (d.mode - d.lo) / w;
      return u < fc ? d.lo + Math.sqrt(u * w * (d.mode - d.lo)) : d.hi - Math.sqrt((1 - u) * w * (d.hi - d.mode));
    }
  }
}

/** True when u = 0 and u = 1 map to finite values (Morris needs the ends of the grid). */
export function isBounded(d: Distribution): boolean {
  return d.kind !== 'normal' && d.kind !== 'lognormal';
}

/**
 * The grid values of a parameter: its list, or `levels` evenly spaced values over its range
 * (in log for log scales). Undefined when the parameter has no grid (a distribution, or a range
 * without levels).
 */
export function gridLevels(d: Distribution, defaultLevels: number | undefined): number[] | undefined {
  if (d.kind === 'values') return [...d.values];
  if (d.kind === 'uniform' || d.kind === 'loguniform') {
    const n = d.levels ?? defaultLevels;
    if (n === undefined) return undefined;
    return d.kind === 'uniform' ? linspace(d.lo, d.hi, n) : logspace(d.lo, d.hi, n);
  }
  return undefined;
}

/** One line for summaries and messages, e.g. "uniform [0.1, 2]". */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'values':
      return `values [${d.values.join(', ')}]`;
    case 'uniform':
    case 'loguniform':
      return `${d.kind} [${d.lo}, ${d.hi}]${d.levels !== undefined ? `, ${d.levels} levels` : ''}`;
    case 'normal':
      return `normal (mean ${d.mean}, sd ${d.sd})`;
    case 'lognormal':
      return `lognormal (median ${d.median}, sigma ${d.sigma})`;
    case 'triangular':
      return `triangular [${d.lo}, ${d.mode}, ${d.hi}]`;
  }
}
