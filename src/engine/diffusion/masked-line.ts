/**
 * The general Thomas solve for grid lines that contain Dirichlet voxels (see sweeps.ts and
 * dirichlet.ts). Separate from the fast sweeps because its coefficients depend on the line.
 */
import type { AxisCoefficients } from './coefficients.ts';

/**
 * Exact solve of one line containing Dirichlet voxels: rows at masked voxels are identity rows (the
 * voxel keeps the value it holds, which the solver keeps equal to its Dirichlet value), the other
 * rows are the ordinary interior / no-flux rows. Coefficients are formed on the fly (O(n) extra
 * work, paid only by masked lines). `rhs` is the line's right-hand side when it was saved
 * elsewhere, else it is read from u.
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
  const { c, delta } = co;
  // e and y are kept in u-shaped scratch: e in a local array, y written into u directly.
  const e = new Float64Array(n);
  let ePrev = 0;
  let yPrev = 0;
  for (let t = 0; t < n; t++) {
    const at = base + t * stride;
    const d = rhs === null ? u[at]! : rhs[t]!;
    if (mask[at] === 1) {
      e[t] = 0;
      yPrev = d;
      ePrev = 0;
      u[at] = d;
      continue;
    }
    const l = t > 0 ? c : 0;
    const r = t < n - 1 ? c : 0;
    const den = 1 + delta + l + r - l * ePrev;
    const y = (d + l * yPrev) / den;
    ePrev = r / den;
    e[t] = ePrev;
    yPrev = y;
    u[at] = y;
  }
  let x = u[base + (n - 1) * stride]!;
  for (let t = n - 2; t >= 0; t--) {
    const at = base + t * stride;
    x = u[at]! + e[t]! * x;
    u[at] = x;
  }
}
