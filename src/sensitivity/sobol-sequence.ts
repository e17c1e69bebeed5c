/**
 * The Sobol' low-discrepancy sequence (Bratley & Fox 1988, Algorithm 659) with the Joe & Kuo (2008)
 * direction numbers (`new-joe-kuo-6.21201`, https://web.maths.unsw.edu.au/~fkuo/sobol/), in up to
 * 32 dimensions — enough for Saltelli sampling of 16 parameters (the A and B matrices take k
 * dimensions each). Points are generated in Gray-code order with 32-bit integer direction numbers.
 *
 * An optional digital shift (each coordinate's 32 bits XOR a random word) randomizes the sequence
 * while keeping its stratification: the first 2^m points still put exactly one point in every
 * interval [j/2^m, (j+1)/2^m) of each coordinate.
 */

/** Rows 2..32 of new-joe-kuo-6.21201: [degree s, polynomial a, m_1..m_s]. Dimension 1 is van der Corput. */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
];

export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 32;
const TWO_M32 = 2.3283064365386963e-10;

/** Direction numbers V[1..32] of one dimension (index 0 unused), as uint32. */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dim === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = (1 << (BITS - i)) >>> 0;
    return v;
  }
  const row = JOE_KUO[dim - 1]!;
  const s = row[0]!;
  const a = row[1]!;
  for (let i = 1; i <= s; i++) v[i] = (row[1 + i]! << (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let x = (v[i - s]! ^ (v[i - s]! >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if (((a >>> (s - 1 - k)) & 1) === 1) x = (x ^ v[i - k]!) >>> 0;
    v[i] = x;
  }
  return v;
}

/** 1-based position of the lowest zero bit of n (n = 0 → 1, 1 → 2, 3 → 3 …). */
function lowestZeroBit(n: number): number {
  let c = 1;
  let m = n;
  while ((m & 1) === 1) {
    m >>>= 1;
    c++;
  }
  return c;
}

/**
 * The first n points of the d-dimensional Sobol' sequence (point 0 is the origin, or the shift).
 * `shift`, if given, holds one uint32 per dimension XOR-ed into every point.
 */
export function sobolPoints(n: number, d: number, shift?: Uint32Array): number[][] {
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSIONS) throw new RangeError(`sobolPoints: dimension must be 1..${SOBOL_MAX_DIMENSIONS}, got ${d}`);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31) throw new RangeError(`sobolPoints: n must be an integer in 0..2^31, got ${n}`);
  if (shift !== undefined && shift.length < d) throw new RangeError(`sobolPoints: shift has ${shift.length} words for ${d} dimensions`);
  const dirs = Array.from({ length: d }, (_, j) => directions(j));
  const x = new Uint32Array(d);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const c = lowestZeroBit(i - 1);
      for (let j = 0; j < d; j++) x[j] = (x[j]! ^ dirs[j]![c]!) >>> 0;
    }
    const p = new Array<number>(d);
    for (let j = 0; j < d; j++) p[j] = ((shift === undefined ? x[j]! : (x[j]! ^ shift[j]!) >>> 0)) * TWO_M32;
    out.push(p);
  }
  return out;
}
