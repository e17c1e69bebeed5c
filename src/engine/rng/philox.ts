/**
 * Philox4x32-10 (Salmon et al. 2011, "Parallel random numbers: as easy as 1, 2, 3"), a counter-based
 * generator: the output is a pure function of a 128-bit counter and a 64-bit key. That is what makes
 * results independent of thread count: a cell's draws are addressed by (seed, cell id, step, purpose,
 * block) and never by "how many numbers this thread drew before".
 *
 * JavaScript has no 32×32→64 multiply; `mulhi32` recovers the high word exactly from the double
 * product (see there). Ten rounds is the Random123 default (passes BigCrush).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const TWO_M32 = 2.3283064365386963e-10;

/**
 * High 32 bits of the 64-bit product of two uint32 values.
 *
 * The low word is exact from Math.imul, so the high word is (P − lo)/2^32 for the exact product P. The
 * double product a·b is within 2^11 of P (half an ulp at 2^64) and subtracting lo adds at most as much
 * again, so the scaled value is within 2^−20 of the integer answer and rounding recovers it exactly.
 * This is ~3× faster than assembling the product from 16-bit halves.
 */
export function mulhi32(a: number, b: number): number {
  const lo = Math.imul(a, b) >>> 0;
  return Math.round((a * b - lo) * TWO_M32) >>> 0;
}

/**
 * One Philox4x32-10 block: counter (c0..c3), key (k0, k1), all uint32; writes 4 uint32 into out[0..3].
 * Allocation-free so it can sit in per-cell kernels.
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
): void {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let key0 = k0 >>> 0;
  let key1 = k1 >>> 0;
  for (let r = 0; r < 10; r++) {
    // mulhi32 inlined (this is the hot path of every random draw).
    const lo0 = Math.imul(M0, x0) >>> 0;
    const hi0 = Math.round((M0 * x0 - lo0) * TWO_M32) >>> 0;
    const lo1 = Math.imul(M1, x2) >>> 0;
    const hi1 = Math.round((M1 * x2 - lo1) * TWO_M32) >>> 0;
    x0 = (hi1 ^ x1 ^ key0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ key1) >>> 0;
    x3 = lo0;
    key0 = (key0 + W0) >>> 0;
    key1 = (key1 + W1) >>> 0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
}
