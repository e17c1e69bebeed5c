/**
 * Snapshot refresh for steps that reuse the Verlet lists: copies each cell's current position,
 * adhesion reach a = ρ(type)·r, radius and type into its slot of the grid snapshot (slot order of the
 * last list build) and records how far the cell has drifted since that build plus how much its reach
 * has grown: drift[s] = |x − x₀| + max(0, a − a₀) (µm). The lists stay exact while
 * max_s drift[s] ≤ skin/2, because a pair's distance and reach then change by at most
 * drift_i + drift_j ≤ skin. A pool kernel (one slot per index, writes only its own slot), so any
 * thread split gives the same snapshot; the maximum is taken by the caller.
 */

export interface RefreshArrays {
  order: Int32Array;
  sp: Float64Array;
  sr: Float64Array;
  stype: Int32Array;
  /** Snapshot at the last list build (same layout as sp). */
  sp0: Float64Array;
  /** Per-slot drift since the build, µm. */
  drift: Float64Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  radius: Float64Array;
  type: Int32Array;
  relAdhesion: Float64Array;
}

export function refreshKernel(args: { dims: 2 | 3 }, start: number, end: number, a: RefreshArrays): void {
  const { order, sp, sr, stype, sp0, drift, x, y, z, radius, type, relAdhesion } = a;
  const three = args.dims === 3;
  for (let s = start; s < end; s++) {
    const i = order[s]!;
    const t = type[i]!;
    const r = radius[i]!;
    const ar = relAdhesion[t]! * r;
    let d2: number;
    let da: number;
    if (three) {
      const o = 4 * s;
      const dx = x[i]! - sp0[o]!;
      const dy = y[i]! - sp0[o + 1]!;
      const dz = z[i]! - sp0[o + 2]!;
      d2 = dx * dx + dy * dy + dz * dz;
      da = ar - sp0[o + 3]!;
      sp[o] = x[i]!;
      sp[o + 1] = y[i]!;
      sp[o + 2] = z[i]!;
      sp[o + 3] = ar;
    } else {
      const o = 3 * s;
      const dx = x[i]! - sp0[o]!;
      const dy = y[i]! - sp0[o + 1]!;
      d2 = dx * dx + dy * dy;
      da = ar - sp0[o + 2]!;
      sp[o] = x[i]!;
      sp[o + 1] = y[i]!;
      sp[o + 2] = ar;
    }
    sr[s] = r;
    stype[s] = t;
    drift[s] = Math.sqrt(d2) + (da > 0 ? da : 0);
  }
}
