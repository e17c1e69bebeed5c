/**
 * Saltelli sampling and Sobol' indices.
 *
 * Sampling (Saltelli 2002; Saltelli et al. 2010): two independent N×k matrices A and B, and for
 * each factor i the matrix A_B^(i) — A with column i taken from B — in total N(k + 2) model runs.
 * The base sample is the Sobol' sequence in 2k dimensions with a seeded digital shift (A = the
 * first k coordinates, B = the next k), or seeded pseudo-random uniforms. Row layout: for each
 * j = 0..N−1 a block of k + 2 rows [A_j, A_B^(1)_j, …, A_B^(k)_j, B_j], so any prefix of blocks is
 * itself a complete (smaller) design. For second-order indices (Saltelli 2002) each block also holds
 * B_A^(i) — B with column i taken from A — after the A_B rows: [A, A_B^(1..k), B_A^(1..k), B],
 * N(2k + 2) runs.
 *
 * Estimators (Saltelli et al. 2010, Table 2), with V the variance of f over the rows of A and B:
 *   first order  S_i  = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V
 *   total        ST_i = (1/(2N)) Σ_j (f(A)_j − f(A_B^(i))_j)² / V        (Jansen 1999)
 *   second order S_il = (1/N) Σ_j (f(B_A^(i))_j f(A_B^(l))_j − f(A)_j f(B)_j) / V − S_i − S_l
 *                (Saltelli 2002, Theorem 2: B_A^(i) and A_B^(l) share x_i (from A) and x_l (from B),
 *                so the first term estimates the closed variance V_i + V_l + V_il)
 * Confidence intervals: bootstrap over the N blocks.
 */
import { bootstrapEstimates, type BootstrapOptions, type Estimate } from './bootstrap.ts';
import { PURPOSE, uniforms } from './random.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol-sequence.ts';

export type SaltelliSampling = 'sobol' | 'random';

export interface SaltelliDesign {
  n: number;
  k: number;
  sampling: SaltelliSampling;
  /** The blocks also hold B_A^(i) rows, for second-order indices. */
  secondOrder: boolean;
  /** N(k + 2) points in the unit cube — N(2k + 2) with second order — in the block layout described above. */
  points: number[][];
}

/** Rows per block: k + 2, or 2k + 2 with the B_A rows of second-order designs. */
export function saltelliStride(k: number, secondOrder: boolean): number {
  return secondOrder ? 2 * k + 2 : k + 2;
}

/** The largest k the Sobol' base supports (2k dimensions). */
export const SALTELLI_SOBOL_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

export function saltelliSample(n: number, k: number, seed: number, sampling: SaltelliSampling = 'sobol', secondOrder = false): SaltelliDesign {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`saltelliSample: N must be an integer ≥ 2, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`saltelliSample: k must be a positive integer, got ${k}`);
  let base: number[][];
  if (sampling === 'sobol') {
    if (k > SALTELLI_SOBOL_MAX_FACTORS) throw new RangeError(`saltelliSample: the Sobol' base supports at most ${SALTELLI_SOBOL_MAX_FACTORS} factors, got ${k}; use random sampling`);
    const next = uniforms(seed, PURPOSE.sobolShift);
    const shift = Uint32Array.from({ length: 2 * k }, () => Math.floor(next() * 4294967296) >>> 0);
    base = sobolPoints(n, 2 * k, shift);
  } else {
    const next = uniforms(seed, PURPOSE.saltelli);
    base = Array.from({ length: n }, () => Array.from({ length: 2 * k }, () => next()));
  }
  const points: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, k);
    const b = row.slice(k, 2 * k);
    points.push(a);
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i]!;
      points.push(ab);
    }
    if (secondOrder) {
      for (let i = 0; i < k; i++) {
        const ba = b.slice();
        ba[i] = a[i]!;
        points.push(ba);
      }
    }
    points.push(b);
  }
  return { n, k, sampling, secondOrder, points };
}

/** A second-order index of the factor pair (i, l), i < l. */
export interface SecondOrderIndex {
  i: number;
  l: number;
  index: Estimate;
}

export interface SobolIndices {
  /** First-order index per factor. */
  first: Estimate[];
  /** Total-order index per factor. */
  total: Estimate[];
  /** Second-order indices of every pair i < l (in the order (0,1), (0,2), …, (1,2), …); empty unless the design has B_A rows. */
  second: SecondOrderIndex[];
  /** Output variance over A and B. */
  variance: number;
}

/** Pairs (i, l), i < l, in row-major order. */
function pairs(k: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) for (let l = i + 1; l < k; l++) out.push([i, l]);
  return out;
}

/** Sobol' indices from the outputs `y` of the design's points (same order, length N(k + 2), or N(2k + 2) with second order). */
export function sobolIndices(design: { n: number; k: number; secondOrder?: boolean }, y: ArrayLike<number>, options: BootstrapOptions): SobolIndices {
  const { n, k } = design;
  const second = design.secondOrder === true;
  const stride = saltelliStride(k, second);
  const pairList = second ? pairs(k) : [];
  if (y.length !== n * stride) throw new RangeError(`sobolIndices: expected ${n * stride} outputs, got ${y.length}`);
  const stat = (units: Int32Array): number[] => {
    const m = units.length;
    const bRow = stride - 1;
    let mean = 0;
    for (const j of units) mean += y[j * stride]! + y[j * stride + bRow]!;
    mean /= 2 * m;
    let v = 0;
    for (const j of units) v += (y[j * stride]! - mean) ** 2 + (y[j * stride + bRow]! - mean) ** 2;
    v /= 2 * m;
    const out = new Array<number>(2 * k + pairList.length).fill(0);
    for (const j of units) {
      const base = j * stride;
      const fa = y[base]!;
      const fb = y[base + bRow]!;
      for (let i = 0; i < k; i++) {
        const fab = y[base + 1 + i]!;
        out[i]! += fb * (fab - fa);
        out[k + i]! += (fa - fab) ** 2;
      }
      pairList.forEach(([i, l], p) => {
        out[2 * k + p]! += y[base + 1 + k + i]! * y[base + 1 + l]! - fa * fb;
      });
    }
    for (let i = 0; i < k; i++) {
      out[i] = out[i]! / m / v;
      out[k + i] = out[k + i]! / (2 * m) / v;
    }
    pairList.forEach(([i, l], p) => {
      out[2 * k + p] = out[2 * k + p]! / m / v - out[i]! - out[l]!;
    });
    return out;
  };
  const est = bootstrapEstimates(n, stat, options);
  const bRow = stride - 1;
  let mean = 0;
  for (let j = 0; j < n; j++) mean += y[j * stride]! + y[j * stride + bRow]!;
  mean /= 2 * n;
  let variance = 0;
  for (let j = 0; j < n; j++) variance += (y[j * stride]! - mean) ** 2 + (y[j * stride + bRow]! - mean) ** 2;
  variance /= 2 * n;
  return {
    first: est.slice(0, k),
    total: est.slice(k, 2 * k),
    second: pairList.map(([i, l], p) => ({ i, l, index: est[2 * k + p]! })),
    variance,
  };
}
