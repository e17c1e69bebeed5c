/**
 * Morris elementary effects (Morris 1991; μ* from Campolongo, Cariboni & Saltelli 2007).
 *
 * Design: r trajectories on a p-level grid of the unit cube {0, 1/(p−1), …, 1} (p even). Each
 * trajectory starts at a random grid point and moves one factor at a time, in a random order, by
 * ±Δ with Δ = p / (2(p − 1)); it has k + 1 points. For every direction the start level is drawn
 * from the half of the grid that keeps the move inside [0, 1], so all levels are equally likely.
 *
 * Indices, per factor, from the r elementary effects EE = (f(x + sΔe_i) − f(x)) / (sΔ):
 * μ (mean), μ* (mean of |EE|) and σ (standard deviation, n − 1). Effects are measured in unit-cube
 * coordinates — the change of the output over the factor's whole range — so factors with different
 * units compare directly; for f = Σ b_i x_i on ranges [lo_i, hi_i], μ* = |b_i|(hi_i − lo_i) and σ = 0.
 * Confidence intervals: bootstrap over trajectories.
 */
import { bootstrapEstimates, type BootstrapOptions, type Estimate } from './bootstrap.ts';
import { PURPOSE, permutation, randomIndex, uniforms } from './random.ts';

export interface MorrisDesign {
  r: number;
  k: number;
  levels: number;
  delta: number;
  /** r(k + 1) points in the unit cube, trajectory after trajectory. */
  points: number[][];
  /** For each trajectory, the factor moved at step m = 1..k (index m − 1). */
  order: number[][];
  /** For each trajectory, the direction (+1 / −1) of each factor's move, indexed by factor. */
  sign: number[][];
}

export function morrisSample(r: number, k: number, levels: number, seed: number): MorrisDesign {
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`morrisSample: trajectories must be a positive integer, got ${r}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`morrisSample: k must be a positive integer, got ${k}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`morrisSample: levels must be an even integer ≥ 2, got ${levels}`);
  const next = uniforms(seed, PURPOSE.morris);
  const half = levels / 2;
  const delta = half / (levels - 1);
  const points: number[][] = [];
  const order: number[][] = [];
  const sign: number[][] = [];
  for (let t = 0; t < r; t++) {
    const s = Array.from({ length: k }, () => (next() < 0.5 ? -1 : 1));
    // Start level: 0..half−1 when moving up, half..levels−1 when moving down.
    const x = s.map((d) => (randomIndex(next, half) + (d > 0 ? 0 : half)) / (levels - 1));
    const perm = permutation(next, k);
    points.push(x.slice());
    for (const i of perm) {
      // Snap to the grid so that repeated points are bit-identical (and share a point id).
      x[i] = Math.round((x[i]! + s[i]! * delta) * (levels - 1)) / (levels - 1);
      points.push(x.slice());
    }
    order.push(perm);
    sign.push(s);
  }
  return { r, k, levels, delta, points, order, sign };
}

export interface MorrisIndices {
  mu: Estimate[];
  muStar: Estimate[];
  sigma: Estimate[];
  /** Elementary effects, [trajectory][factor]. */
  effects: number[][];
}

/** Elementary effects and their statistics from outputs `y` of the design's points (same order). */
export function morrisIndices(design: MorrisDesign, y: ArrayLike<number>, options: BootstrapOptions): MorrisIndices {
  const { r, k, delta } = design;
  if (y.length !== r * (k + 1)) throw new RangeError(`morrisIndices: expected ${r * (k + 1)} outputs, got ${y.length}`);
  const effects: number[][] = [];
  for (let t = 0; t < r; t++) {
    const ee = new Array<number>(k).fill(NaN);
    const base = t * (k + 1);
    design.order[t]!.forEach((i, m) => {
      ee[i] = (y[base + m + 1]! - y[base + m]!) / (design.sign[t]![i]! * delta);
    });
    effects.push(ee);
  }
  const stat = (units: Int32Array): number[] => {
    const n = units.length;
    const out = new Array<number>(3 * k).fill(0);
    for (let i = 0; i < k; i++) {
      let sum = 0;
      let sumAbs = 0;
      for (const t of units) {
        const e = effects[t]![i]!;
        sum += e;
        sumAbs += Math.abs(e);
      }
      const mu = sum / n;
      let ss = 0;
      for (const t of units) ss += (effects[t]![i]! - mu) ** 2;
      out[i] = mu;
      out[k + i] = sumAbs / n;
      out[2 * k + i] = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
    }
    return out;
  };
  const est = bootstrapEstimates(r, stat, options);
  return { mu: est.slice(0, k), muStar: est.slice(k, 2 * k), sigma: est.slice(2 * k), effects };
}
