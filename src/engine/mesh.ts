/**
 * Cartesian voxel mesh, 2-D or 3-D, with equal spacing on every axis (dx = dy = dz, µm).
 *
 * A 2-D mesh has nz = 1 and is one voxel thick, as in PhysiCell, so a voxel's volume is dx³ in
 * both cases (the default 20 µm gives 8000 µm³). Voxels are numbered `i + nx*(j + ny*k)`: x is the
 * contiguous axis, which the diffusion sweeps rely on for cache-friendly inner loops.
 *
 * The mesh is an immutable value; nothing here allocates per call except `voxelCentre` when no
 * output array is given.
 */

export interface Mesh {
  /** 2 when nz = 1, else 3. */
  readonly dims: 2 | 3;
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Voxel edge length (µm), the same on every axis. */
  readonly dxUm: number;
  /** Lower corner of the domain (µm): voxel (0,0,0) spans [origin, origin + dx) on each axis. */
  readonly originUm: readonly [number, number, number];
  /** nx·ny·nz. */
  readonly voxelCount: number;
  /** dx³ (µm³), also in 2-D where the mesh is one voxel thick. */
  readonly voxelVolumeUm3: number;
}

export interface MeshOptions {
  nx: number;
  ny: number;
  /** 1 (the default) makes a 2-D mesh. */
  nz?: number;
  /** Voxel edge (µm); default 20, PhysiCell's default. */
  dxUm?: number;
  /** Lower corner (µm); default (0, 0, 0). In 2-D PhysiCell centres the slab on z = 0, so pass z = −dx/2 to match. */
  originUm?: readonly [number, number, number];
}

export const DEFAULT_DX_UM = 20;

export function createMesh(options: MeshOptions): Mesh {
  const { nx, ny } = options;
  const nz = options.nz ?? 1;
  const dxUm = options.dxUm ?? DEFAULT_DX_UM;
  for (const [name, n] of [['nx', nx], ['ny', ny], ['nz', nz]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`createMesh: ${name} must be a positive integer, got ${n}`);
  }
  if (!(dxUm > 0) || !Number.isFinite(dxUm)) throw new RangeError(`createMesh: dxUm must be a positive finite number, got ${dxUm}`);
  const voxelCount = nx * ny * nz;
  // Int32 voxel indices are used by the coupling and agent code.
  if (voxelCount > 2 ** 31 - 1) throw new RangeError(`createMesh: ${voxelCount} voxels exceed the Int32 index range`);
  const origin = options.originUm ?? [0, 0, 0];
  return {
    dims: nz === 1 ? 2 : 3,
    nx,
    ny,
    nz,
    dxUm,
    originUm: [origin[0], origin[1], origin[2]],
    voxelCount,
    voxelVolumeUm3: dxUm * dxUm * dxUm,
  };
}

/** Linear index of voxel (i, j, k); no range check (hot path). */
export function voxelIndex(mesh: Mesh, i: number, j: number, k = 0): number {
  return i + mesh.nx * (j + mesh.ny * k);
}

/** Centre of voxel `index` (µm), written into `out` (allocated when omitted). */
export function voxelCentre(mesh: Mesh, index: number, out: Float64Array | number[] = new Float64Array(3)): Float64Array | number[] {
  const { nx, ny, dxUm, originUm } = mesh;
  const i = index % nx;
  const rest = (index - i) / nx;
  const j = rest % ny;
  const k = (rest - j) / ny;
  out[0] = originUm[0] + (i + 0.5) * dxUm;
  out[1] = originUm[1] + (j + 0.5) * dxUm;
  out[2] = originUm[2] + (k + 0.5) * dxUm;
  return out;
}

/**
 * Index of the voxel containing (x, y, z) µm, or −1 outside the domain. In 2-D z is ignored (the
 * slab is the whole domain in z), so agents need not keep z inside the slab. A point on an upper
 * face belongs to no voxel (half-open intervals), as a point on a lower face belongs to voxel 0.
 */
export function voxelAt(mesh: Mesh, xUm: number, yUm: number, zUm = 0): number {
  const { nx, ny, nz, dxUm, originUm } = mesh;
  const i = Math.floor((xUm - originUm[0]) / dxUm);
  const j = Math.floor((yUm - originUm[1]) / dxUm);
  const k = nz === 1 ? 0 : Math.floor((zUm - originUm[2]) / dxUm);
  if (i < 0 || i >= nx || j < 0 || j >= ny || k < 0 || k >= nz || Number.isNaN(i + j + k)) return -1;
  return i + nx * (j + ny * k);
}

/** Like `voxelAt` but clamps points outside the domain to the nearest boundary voxel. */
export function voxelAtClamped(mesh: Mesh, xUm: number, yUm: number, zUm = 0): number {
  const { nx, ny, nz, dxUm, originUm } = mesh;
  const i = Math.min(nx - 1, Math.max(0, Math.floor((xUm - originUm[0]) / dxUm)));
  const j = Math.min(ny - 1, Math.max(0, Math.floor((yUm - originUm[1]) / dxUm)));
  const k = nz === 1 ? 0 : Math.min(nz - 1, Math.max(0, Math.floor((zUm - originUm[2]) / dxUm)));
  return i + nx * (j + ny * k);
}

/** Extent of the domain (µm) along each axis: [nx·dx, ny·dx, nz·dx]. */
export function domainSizeUm(mesh: Mesh): [number, number, number] {
  return [mesh.nx * mesh.dxUm, mesh.ny * mesh.dxUm, mesh.nz * mesh.dxUm];
}
