/** Kernels used by the pool tests (excluded from the build). */

export interface FillBound {
  out: Float64Array;
}

/** out[i] = scale·i + (a small per-index computation), over [start, end). */
export function fillKernel(args: { scale: number }, start: number, end: number, bound: FillBound): void {
  const out = bound.out;
  for (let i = start; i < end; i++) out[i] = args.scale * i + Math.sqrt(i);
}

/** Records which chunk each index was in: owner[i] = start. */
export function ownerKernel(_args: null, start: number, end: number, bound: { owner: Int32Array }): void {
  for (let i = start; i < end; i++) bound.owner[i] = start;
}

export function throwingKernel(_args: null, start: number): void {
  if (start > 0) throw new Error(`deliberate failure at ${start}`);
}
