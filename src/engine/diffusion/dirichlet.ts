/**
 * Dirichlet voxels of one substrate: whole domain faces and arbitrary voxels inside the domain
 * (e.g. vessels), each with its value.
 *
 * How they are imposed (exactly, in every sweep). A Dirichlet voxel is a voxel whose value is held
 * fixed; its row in each sweep's tridiagonal system is the identity row x = u, and the solver sets
 * u to the voxel's stage value before every sweep: g·(1 + Δtλ/d)^(sweeps left after this one), which
 * the decay share of the remaining sweeps brings back to exactly g at the end of the step (see
 * `stageFactor` in solver.ts). Face voxels at the ends of a sweep's
 * lines get identity rows through the precomputed coefficients (coefficients.ts); lines through an
 * interior Dirichlet voxel are solved by the masked-line solve (masked-line.ts); lines lying in
 * a face of another axis consist of Dirichlet voxels only and are simply restored after the sweep.
 * Unlike re-imposing values only between sweeps (BioFVM's apply_dirichlet_conditions), the
 * neighbours of a Dirichlet voxel therefore see the exact boundary value implicitly in each 1-D
 * solve; there is no O(D·Δt/dx²) boundary-layer error. What remains is the LOD splitting error,
 * O(Δt) overall like backward Euler: at steady state the scheme behaves like an effective decay
 * rate λ(1 − O(Δtλ)) (≈ 1e-4 relative change of the profile for Δt = 0.01, λ = 0.1; measured in
 * analytic.test.ts), plus the non-commutation of the 1-D diffusion operators where a Dirichlet set
 * is not aligned with an axis (corners of two Dirichlet faces, isolated vessel voxels), which is
 * also O(Δt) and local to a few voxels.
 *
 * Precedence where faces meet and where interior voxels lie on faces: xmin, xmax, ymin, ymax, zmin,
 * zmax, then interior voxels; a later one overrides the value of an earlier one.
 */
import type { Mesh } from '../mesh.ts';
import type { EndCondition } from './coefficients.ts';

export const FACES = ['xmin', 'xmax', 'ymin', 'ymax', 'zmin', 'zmax'] as const;
export type Face = (typeof FACES)[number];

/** Dirichlet value (substrate units) per face; a face not listed is no-flux. */
export type DirichletFaces = Partial<Record<Face, number>>;

export interface DirichletSet {
  /** 1 at Dirichlet voxels, on a SharedArrayBuffer; null when there are none. */
  readonly mask: Uint8Array | null;
  /** Every Dirichlet voxel once, ascending, with its value. */
  readonly nodes: Int32Array;
  readonly values: Float64Array;
  /** Σ values (used by the mass budget). */
  readonly valueSum: number;
  /** Per axis, flags of lines holding an interior Dirichlet voxel (null when none on that axis). */
  readonly maskedLines: [Uint8Array | null, Uint8Array | null, Uint8Array | null];
  /** Per axis, the [low, high] end conditions of the fast sweep. */
  readonly ends: [[EndCondition, EndCondition], [EndCondition, EndCondition], [EndCondition, EndCondition]];
}

export function buildDirichlet(
  mesh: Mesh,
  faces: DirichletFaces = {},
  interior: { indices: ArrayLike<number>; values: ArrayLike<number> | number } | null = null,
): DirichletSet {
  const { nx, ny, nz, voxelCount } = mesh;
  const value = new Map<number, number>();
  for (const face of FACES) {
    const v = faces[face];
    if (v === undefined) continue;
    if (!Number.isFinite(v)) throw new RangeError(`Dirichlet value on ${face} must be finite, got ${v}`);
    if (mesh.dims === 2 && (face === 'zmin' || face === 'zmax')) {
      throw new RangeError(`Dirichlet face ${face} given for a 2-D mesh (nz = 1), which has no z faces to impose it on`);
    }
    const axis = face[0] === 'x' ? 0 : face[0] === 'y' ? 1 : 2;
    const at = face.endsWith('min') ? 0 : [nx, ny, nz][axis]! - 1;
    for (let k = 0; k < nz; k++) {
      if (axis === 2 && k !== at) continue;
      for (let j = 0; j < ny; j++) {
        if (axis === 1 && j !== at) continue;
        if (axis === 0) value.set(at + nx * (j + ny * k), v);
        else for (let i = 0; i < nx; i++) value.set(i + nx * (j + ny * k), v);
      }
    }
  }
  const maskedLines: [Uint8Array | null, Uint8Array | null, Uint8Array | null] = [null, null, null];
  if (interior !== null) {
    const { indices, values } = interior;
    if (typeof values !== 'number' && values.length !== indices.length) {
      throw new RangeError(`Dirichlet nodes: ${indices.length} indices but ${values.length} values`);
    }
    maskedLines[0] = new Uint8Array(ny * nz);
    maskedLines[1] = new Uint8Array(nx * nz);
    if (mesh.dims === 3) maskedLines[2] = new Uint8Array(nx * ny);
    for (let m = 0; m < indices.length; m++) {
      const idx = indices[m]!;
      const v = typeof values === 'number' ? values : values[m]!;
      if (!Number.isInteger(idx) || idx < 0 || idx >= voxelCount) throw new RangeError(`Dirichlet node index ${idx} is outside 0..${voxelCount - 1}`);
      if (!Number.isFinite(v)) throw new RangeError(`Dirichlet node ${idx} has a non-finite value ${v}`);
      value.set(idx, v);
      const i = idx % nx;
      const jk = (idx - i) / nx;
      const j = jk % ny;
      const k = (jk - j) / ny;
      maskedLines[0][jk] = 1;
      maskedLines[1][i + nx * k] = 1;
      if (maskedLines[2] !== null) maskedLines[2][i + nx * j] = 1;
    }
  }
  const nodes = Int32Array.from([...value.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(nodes, (n) => value.get(n)!);
  let valueSum = 0;
  for (const v of values) valueSum += v;
  let mask: Uint8Array | null = null;
  if (nodes.length > 0) {
    mask = new Uint8Array(new SharedArrayBuffer(voxelCount));
    for (const n of nodes) mask[n] = 1;
  }
  const end = (face: Face): EndCondition => (faces[face] === undefined ? 'noflux' : 'dirichlet');
  return {
    mask,
    nodes,
    values,
    valueSum,
    maskedLines,
    ends: [
      [end('xmin'), end('xmax')],
      [end('ymin'), end('ymax')],
      [end('zmin'), end('zmax')],
    ],
  };
}
