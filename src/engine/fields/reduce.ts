/**
 * Deterministic parallel sums over a field: each fixed block of REDUCTION_BLOCK voxels is summed by
 * whichever thread owns it (a pool kernel over block indices), and the block sums are then added in
 * block order on the calling thread. This is exactly the arithmetic of `blockSum`, so the total is
 * bit-identical for any number of threads, and to the serial function.
 */
import { REDUCTION_BLOCK } from './fields.ts';

export interface BlockSumBound {
  fields: Float64Array[];
  /** One entry per block (shared with the workers). */
  sums: Float64Array;
}

export function blockCount(n: number): number {
  return Math.ceil(n / REDUCTION_BLOCK);
}

/** Pool kernel: sums[b] = Σ fields[s][i] over block b, for blocks [start, end). */
export function blockSumsKernel(args: { s: number }, start: number, end: number, bound: BlockSumBound): void {
  const a = bound.fields[args.s]!;
  const n = a.length;
  const sums = bound.sums;
  for (let blk = start; blk < end; blk++) {
    const last = Math.min(n, (blk + 1) * REDUCTION_BLOCK);
    let s = 0;
    for (let i = blk * REDUCTION_BLOCK; i < last; i++) s += a[i]!;
    sums[blk] = s;
  }
}

/** Σ sums[0 … blocks−1] in order. */
export function addBlockSums(sums: Float64Array, blocks: number): number {
  let total = 0;
  for (let b = 0; b < blocks; b++) total += sums[b]!;
  return total;
}
