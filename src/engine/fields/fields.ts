/**
 * Substrate fields on a mesh: any number of named scalar fields, one Float64Array per substrate
 * (voxel order of the mesh). With `shared: true` each array lives on its own SharedArrayBuffer so
 * worker threads read and write it without copying; otherwise on a plain ArrayBuffer.
 *
 * One array per substrate (rather than one interleaved array) keeps every diffusion sweep a
 * unit-stride loop over a single field, which is what the Thomas solver wants.
 */
import type { Mesh } from '../mesh.ts';

export interface Fields {
  readonly mesh: Mesh;
  readonly names: readonly string[];
  /** data[s][voxel]: concentration of substrate s (substrate units per µm³, by convention). */
  readonly data: readonly Float64Array[];
  readonly shared: boolean;
}

export interface FieldsOptions {
  /** Allocate on SharedArrayBuffers (needed for the worker pool). Default true. */
  shared?: boolean;
  /** Initial value per substrate (same order as `names`); default 0. */
  initial?: readonly number[];
}

export function createFields(mesh: Mesh, names: readonly string[], options: FieldsOptions = {}): Fields {
  const shared = options.shared ?? true;
  if (new Set(names).size !== names.length) throw new Error(`createFields: duplicate substrate names in [${names.join(', ')}]`);
  const bytes = mesh.voxelCount * Float64Array.BYTES_PER_ELEMENT;
  const data = names.map((_, s) => {
    const a = new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const v = options.initial?.[s] ?? 0;
    if (v !== 0) a.fill(v);
    return a;
  });
  return { mesh, names: [...names], data, shared };
}

/** Index of substrate `name`; throws with the known names when absent. */
export function substrateIndex(fields: Fields, name: string): number {
  const s = fields.names.indexOf(name);
  if (s < 0) throw new Error(`unknown substrate "${name}"; known: ${fields.names.join(', ')}`);
  return s;
}

/**
 * Block size of every deterministic reduction over voxels. Sums are formed per fixed block and the
 * block sums added in block order, so a total never depends on how work was split across threads.
 */
export const REDUCTION_BLOCK = 4096;

/**
 * Σ a[i] over [0, n) in fixed blocks of REDUCTION_BLOCK, block sums added in order. Pairwise-ish
 * blocking also keeps the rounding error near √(n/B)·B·ε instead of n·ε for a plain running sum.
 */
export function blockSum(a: Float64Array, n = a.length): number {
  let total = 0;
  for (let b = 0; b < n; b += REDUCTION_BLOCK) {
    const end = Math.min(n, b + REDUCTION_BLOCK);
    let s = 0;
    for (let i = b; i < end; i++) s += a[i]!;
    total += s;
  }
  return total;
}

/** Total amount of substrate s in the domain: Σ u·V_voxel (substrate units). */
export function totalAmount(fields: Fields, s: number): number {
  const a = fields.data[s];
  if (a === undefined) throw new RangeError(`totalAmount: substrate index ${s} out of range (0..${fields.data.length - 1})`);
  return blockSum(a) * fields.mesh.voxelVolumeUm3;
}

/** A copy of the fields with the same layout (shared or not), e.g. to compare two runs. */
export function cloneFields(fields: Fields): Fields {
  const out = createFields(fields.mesh, fields.names, { shared: fields.shared });
  fields.data.forEach((a, s) => {
    out.data[s]!.set(a);
  });
  return out;
}
