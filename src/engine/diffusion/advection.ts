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

/** Face velocity along `axis` between voxel a and its upper neighbour b (µm/min). */
function faceVelocity(v: VelocityField, axis: 0 | 1 | 2, a: number, b: number): number {
  if (v.kind === 'uniform') return v.velocityUmPerMin[axis];
  const arr = axis === 0 ? v.vx : axis === 1 ? v.vy : v.vz;
  if (arr === null) return 0;
  return 0.5 * (arr[a]! + arr[b]!);
}

/** Largest Courant number over all voxels, and where it occurs. */
export function maxCourant(mesh: Mesh, v: VelocityField, dtMin: number): { courant: number; voxel: number } {
  const { nx, ny, nz, dxUm } = mesh;
  const out = new Float64Array(mesh.voxelCount);
  const strides = [1, nx, nx * ny] as const;
  const sizes = [nx, ny, nz] as const;
  for (let axis = 0 as 0 | 1 | 2; axis < mesh.dims; axis = (axis + 1) as 0 | 1 | 2) {
    const st = strides[axis];
    const n = sizes[axis];
    for (let idx = 0; idx < mesh.voxelCount; idx++) {
      const t = Math.floor(idx / st) % n;
      if (t === n - 1) continue;
      const w = faceVelocity(v, axis, idx, idx + st);
      if (w > 0) out[idx] = out[idx]! + w;
      else out[idx + st] = out[idx + st]! - w;
    }
  }
  let courant = 0;
  let voxel = 0;
  for (let idx = 0; idx < out.length; idx++) {
    const c = (out[idx]! * dtMin) / dxUm;
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
 * the start of the step. Serial: it is a light O(N) pass next to the implicit sweeps.
 */
export function advect(mesh: Mesh, v: VelocityField, dtMin: number, u: Float64Array, old: Float64Array): void {
  old.set(u);
  const { nx, ny, nz } = mesh;
  const k = dtMin / mesh.dxUm;
  const strides = [1, nx, nx * ny] as const;
  const sizes = [nx, ny, nz] as const;
  for (let axis = 0 as 0 | 1 | 2; axis < mesh.dims; axis = (axis + 1) as 0 | 1 | 2) {
    const st = strides[axis];
    const n = sizes[axis];
    for (let idx = 0; idx < mesh.voxelCount; idx++) {
      const t = Math.floor(idx / st) % n;
      if (t === n - 1) continue;
      const w = faceVelocity(v, axis, idx, idx + st);
      if (w === 0) continue;
      const moved = k * w * (w > 0 ? old[idx]! : old[idx + st]!);
      u[idx] = u[idx]! - moved;
      u[idx + st] = u[idx + st]! + moved;
    }
  }
}
