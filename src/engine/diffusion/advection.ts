/**
 * Advection by a given velocity field (e.g. interstitial flow), as an explicit first-order upwind
 * step in conservative (finite-volume) form, operator-split before the implicit diffusion sweeps.
 *
 * Velocities (µm/min) are given at voxel centres, uniform or per voxel; the velocity on the face
 * between two voxels is the mean of their centre values. The flux through a face is w·u_upwind per
 * unit area, so what leaves one voxel enters its neighbour exactly (total amount conserved to
 * round-off). The outer faces of the domain carry no advective flux; to let flow enter or leave,
 * make those faces Dirichlet: a Dirichlet voxel supplies inflow at its value and absorbs outflow, and
 * the solver books the difference as Dirichlet inflow when it restores the value.
 *
 * Stability and positivity: the update of voxel v is u_v ← u_v·(1 − Δt·Σ outflow face speeds/dx)
 * + (non-negative inflow terms), so it is monotone and keeps u ≥ 0 exactly when the Courant number
 *     Co_v = Δt·Σ_faces max(0, outward face velocity)/dx ≤ 1   for every voxel.
 * `checkCourant` enforces this and throws a RangeError naming the worst voxel otherwise. The
 * operator splitting adds an O(Δt) error, the same order as the LOD diffusion itself.
 */
import type { Mesh } from '../mesh.ts';

export type VelocityField =
  | { kind: 'uniform'; velocityUmPerMin: readonly [number, number, number] }
  | { kind: 'perVoxel'; vx: Float64Array; vy: Float64Array; vz: Float64Array | null };

/** Centre velocities along `axis` (per voxel), or null for a uniform field. */
function axisArray(v: VelocityField, axis: 0 | 1 | 2): Float64Array | null {
  if (v.kind === 'uniform') return null;
  return axis === 0 ? v.vx : axis === 1 ? v.vy : v.vz;
}

/**
 * Call `face(a, b, w)` for every interior face along `axis`, a the lower voxel, b = a + stride the
 * upper one, w the face velocity (µm/min). Loops are nested so that the inner loop runs over
 * contiguous voxels (rows for y and z faces).
 */
function forEachFace(mesh: Mesh, v: VelocityField, axis: 0 | 1 | 2, face: (a: number, b: number, w: number) => void): void {
  const { nx, ny, nz } = mesh;
  const arr = axisArray(v, axis);
  if (v.kind === 'perVoxel' && arr === null) return; // no z velocity given: no z faces carry flux
  const w0 = v.kind === 'uniform' ? v.velocityUmPerMin[axis] : 0;
  if (arr === null && w0 === 0) return;
  if (axis === 0) {
    for (let line = 0; line < ny * nz; line++) {
      const base = line * nx;
      for (let a = base; a < base + nx - 1; a++) face(a, a + 1, arr === null ? w0 : 0.5 * (arr[a]! + arr[a + 1]!));
    }
    return;
  }
  const st = axis === 1 ? nx : nx * ny;
  const n = axis === 1 ? ny : nz;
  const outer = axis === 1 ? nz : ny;
  const outerStride = axis === 1 ? nx * ny : nx;
  for (let o = 0; o < outer; o++) {
    for (let t = 0; t < n - 1; t++) {
      const row = o * outerStride + t * st;
      for (let a = row; a < row + nx; a++) face(a, a + st, arr === null ? w0 : 0.5 * (arr[a]! + arr[a + st]!));
    }
  }
}

/** Largest Courant number over all voxels, and where it occurs. */
export function maxCourant(mesh: Mesh, v: VelocityField, dtMin: number): { courant: number; voxel: number } {
  const out = new Float64Array(mesh.voxelCount);
  for (let axis = 0 as 0 | 1 | 2; axis < mesh.dims; axis = (axis + 1) as 0 | 1 | 2) {
    forEachFace(mesh, v, axis, (a, b, w) => {
      if (w > 0) out[a] = out[a]! + w;
      else out[b] = out[b]! - w;
    });
  }
  let courant = 0;
  let voxel = 0;
  for (let idx = 0; idx < out.length; idx++) {
    const c = (out[idx]! * dtMin) / mesh.dxUm;
    if (c > courant) {
      courant = c;
      voxel = idx;
    }
  }
  return { courant, voxel };
}

export function checkCourant(mesh: Mesh, v: VelocityField, dtMin: number): void {
  if (v.kind === 'perVoxel') {
    for (const [name, a] of [['vx', v.vx], ['vy', v.vy], ['vz', v.vz]] as const) {
      if (a !== null && a.length !== mesh.voxelCount) throw new RangeError(`velocity ${name} has ${a.length} entries, expected ${mesh.voxelCount} (one per voxel)`);
    }
  }
  const { courant, voxel } = maxCourant(mesh, v, dtMin);
  if (!(courant <= 1)) {
    throw new RangeError(
      `advection is unstable: Courant number Δt·Σ outflow speed/dx = ${courant.toPrecision(4)} > 1 at voxel ${voxel} ` +
        `(Δt = ${dtMin} min, dx = ${mesh.dxUm} µm); reduce Δt or the velocity`,
    );
  }
}

/**
 * One explicit upwind step for field u, using `old` (length voxelCount) as scratch for the values at
 * the start of the step. Serial: an O(N) pass next to the implicit sweeps. The face loops are
 * written out rather than going through forEachFace, whose per-face callback cost 3× here.
 */
export function advect(mesh: Mesh, v: VelocityField, dtMin: number, u: Float64Array, old: Float64Array): void {
  old.set(u);
  const { nx, ny, nz } = mesh;
  const k = dtMin / mesh.dxUm;
  for (let axis = 0 as 0 | 1 | 2; axis < mesh.dims; axis = (axis + 1) as 0 | 1 | 2) {
    const arr = axisArray(v, axis);
    if (v.kind === 'perVoxel' && arr === null) continue;
    const w0 = v.kind === 'uniform' ? v.velocityUmPerMin[axis] : 0;
    if (arr === null && w0 === 0) continue;
    // Faces (a, a + st) for a over `count` runs of `len` contiguous lower voxels starting at
    // first + r·runStride.
    const st = axis === 0 ? 1 : axis === 1 ? nx : nx * ny;
    const len = axis === 0 ? nx - 1 : nx;
    const runsPerOuter = axis === 0 ? 1 : axis === 1 ? ny - 1 : nz - 1;
    const outer = axis === 0 ? ny * nz : axis === 1 ? nz : ny;
    const outerStride = axis === 0 ? nx : axis === 1 ? nx * ny : nx;
    for (let o = 0; o < outer; o++) {
      for (let r = 0; r < runsPerOuter; r++) {
        const first = o * outerStride + r * st;
        const last = first + len;
        if (arr === null) {
          // Uniform velocity: one upwind side for the whole axis, no per-face branch.
          const kw = k * w0;
          const up = w0 > 0 ? 0 : st;
          for (let a = first; a < last; a++) {
            const moved = kw * old[a + up]!;
            u[a] = u[a]! - moved;
            u[a + st] = u[a + st]! + moved;
          }
          continue;
        }
        for (let a = first; a < last; a++) {
          const b = a + st;
          const w = 0.5 * (arr[a]! + arr[b]!);
          const moved = k * w * (w > 0 ? old[a]! : old[b]!);
          u[a] = u[a]! - moved;
          u[b] = u[b]! + moved;
        }
      }
    }
  }
}
