/**
 * Partial rank correlation coefficients (PRCC; Marino et al. 2008, J Theor Biol 254:178), the usual
 * sensitivity measure for Latin hypercube samples: the correlation between the ranks of factor i
 * and of the output after removing the linear effect of the other factors' ranks. Computed from
 * the inverse P of the rank correlation matrix of [x_1 … x_k, y]: PRCC_i = −P_iy / √(P_ii P_yy).
 * Monotone relations give |PRCC| near 1, no relation near 0. Confidence intervals: bootstrap
 * over the sample points (ranks recomputed in each resample; ties get average ranks).
 *
 * When the output is an exact monotone function of the factors the matrix is singular; a ridge of
 * 1e-10 on its diagonal keeps it invertible and moves the coefficients by O(1e-10) (PRCC → ±1).
 */
import { bootstrapEstimates, type BootstrapOptions, type Estimate } from './bootstrap.ts';

const RIDGE = 1e-10;

/** Ranks 1..n with ties given their average rank. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[idx[j + 1]!] === values[idx[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) out[idx[m]!] = r;
    i = j + 1;
  }
  return out;
}

/** Inverse of a symmetric positive definite matrix by Gauss–Jordan with partial pivoting; undefined if singular. */
export function invert(a: readonly (readonly number[])[]): number[][] | undefined {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (!(Math.abs(m[p]![c]!) > 1e-14)) return undefined;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    for (let j = 0; j < 2 * n; j++) m[c]![j] = m[c]![j]! / pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      if (f === 0) continue;
      for (let j = 0; j < 2 * n; j++) m[r]![j] = m[r]![j]! - f * m[c]![j]!;
    }
  }
  return m.map((row) => row.slice(n));
}

function correlationMatrix(cols: readonly Float64Array[]): number[][] {
  const q = cols.length;
  const n = cols[0]!.length;
  const centered = cols.map((c) => {
    let mean = 0;
    for (const v of c) mean += v;
    mean /= n;
    return c.map((v) => v - mean);
  });
  const norms = centered.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
  const out = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (let i = 0; i < q; i++) {
    for (let j = i; j < q; j++) {
      let s = 0;
      const a = centered[i]!;
      const b = centered[j]!;
      for (let t = 0; t < n; t++) s += a[t]! * b[t]!;
      const r = s / (norms[i]! * norms[j]!);
      out[i]![j] = r;
      out[j]![i] = r;
    }
  }
  return out;
}

/** PRCC of each column of `x` (n rows × k factors) with `y`. */
export function prcc(x: readonly (readonly number[])[], y: ArrayLike<number>, options: BootstrapOptions): Estimate[] {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`prcc: ${n} rows but ${y.length} outputs`);
  const k = x[0]?.length ?? 0;
  const stat = (units: Int32Array): number[] => {
    const cols: Float64Array[] = [];
    for (let i = 0; i < k; i++) cols.push(ranks(Float64Array.from(units, (u) => x[u]![i]!)));
    cols.push(ranks(Float64Array.from(units, (u) => y[u]!)));
    const r = correlationMatrix(cols);
    for (let i = 0; i <= k; i++) r[i]![i] = r[i]![i]! + RIDGE;
    const p = invert(r);
    if (p === undefined) return new Array<number>(k).fill(NaN);
    return Array.from({ length: k }, (_, i) => -p[i]![k]! / Math.sqrt(p[i]![i]! * p[k]![k]!));
  };
  return bootstrapEstimates(n, stat, options);
}
