/**
 * The solve for grid lines that contain Dirichlet voxels (see sweeps.ts and dirichlet.ts).
 *
 * Rows at masked voxels are identity rows, so a masked line falls apart into independent runs of
 * ordinary rows between Dirichlet voxels, each run coupled to its known neighbours through
 * c·g terms. A run starting at row 0 is eliminated exactly as the unmasked line would be (the
 * forward recurrence only looks back), so it uses the line's precomputed inv/e; a run starting
 * after a Dirichlet voxel uses the precomputed "fresh start" sequence invFresh/eFresh; only a fresh
 * run that reaches a no-flux domain end needs one division for its last row. Back substitution of a
 * run starts from the Dirichlet value on its right. Cost is that of the fast sweep, so vessels do
 * not slow the solver beyond the bookkeeping.
 */
import type { AxisCoefficients } from './coefficients.ts';

/**
 * Solve one line with Dirichlet voxels in place. The line starts at `base` and steps by `stride`;
 * `rhs` is its right-hand side when saved elsewhere (the y/z plane sweeps overwrite it first), else
 * the right-hand side is read from u.
 */
export function solveMaskedLine(
  u: Float64Array,
  base: number,
  stride: number,
  n: number,
  co: AxisCoefficients,
  mask: Uint8Array,
  rhs: Float64Array | null,
): void {
  const { c, inv, e, invFresh, eFresh, lowerLast, bLast } = co;
  const last = n - 1;
  // Right-hand side d_t = src[sb + t·ss]: the saved copy, or the line itself.
  const src = rhs ?? u;
  const sb = rhs === null ? base : 0;
  const ss = rhs === null ? stride : 1;
  let t = 0;
  while (t < n) {
    if (mask[base + t * stride] === 1) {
      if (rhs !== null) u[base + t * stride] = rhs[t]!;
      t++;
      continue;
    }
    // A run of ordinary rows [s0, s1).
    const s0 = t;
    let s1 = t + 1;
    while (s1 < n && mask[base + s1 * stride] !== 1) s1++;
    // Forward elimination (y into u) and the e of the run's last row.
    let y: number;
    let eEnd: number;
    if (s0 === 0) {
      // Starts at the domain's low end: exactly the unmasked line's elimination.
      y = src[sb]! * inv[0]!;
      u[base] = y;
      eEnd = e[0]!;
      for (let tt = 1; tt < s1; tt++) {
        const a = base + tt * stride;
        y = (src[sb + tt * ss]! + (tt === last ? lowerLast : c) * y) * inv[tt]!;
        u[a] = y;
        eEnd = e[tt]!;
      }
    } else {
      // Starts after a Dirichlet voxel (value d_{s0−1}): fresh elimination.
      const end = s1 === n ? last : s1; // a run reaching the no-flux end finishes with its last row below
      y = (src[sb + s0 * ss]! + c * src[sb + (s0 - 1) * ss]!) * invFresh[0]!;
      eEnd = eFresh[0]!;
      if (s0 === last) {
        y = (src[sb + s0 * ss]! + c * src[sb + (s0 - 1) * ss]!) / bLast;
        eEnd = 0;
      }
      u[base + s0 * stride] = y;
      for (let tt = s0 + 1; tt < end; tt++) {
        const r = tt - s0;
        y = (src[sb + tt * ss]! + c * y) * invFresh[r]!;
        u[base + tt * stride] = y;
        eEnd = eFresh[r]!;
      }
      if (s1 === n && s0 < last) {
        // Last row (1 + c + δ) at the no-flux domain end.
        const r = last - s0;
        y = (src[sb + last * ss]! + c * y) / (bLast - c * eFresh[r - 1]!);
        u[base + last * stride] = y;
        eEnd = 0;
      }
    }
    // Back substitution from the Dirichlet value on the right (none at the domain end).
    let x = y;
    if (s1 < n) {
      x += eEnd * src[sb + s1 * ss]!;
      u[base + (s1 - 1) * stride] = x;
    }
    if (s0 === 0) {
      for (let tt = s1 - 2; tt >= 0; tt--) {
        const a = base + tt * stride;
        x = u[a]! + e[tt]! * x;
        u[a] = x;
      }
    } else {
      for (let tt = s1 - 2; tt >= s0; tt--) {
        const a = base + tt * stride;
        x = u[a]! + eFresh[tt - s0]! * x;
        u[a] = x;
      }
    }
    t = s1;
  }
}
