/**
 * Chemotaxis: setting each cell's migration-bias direction (bx, by, bz) from a gradient. The random
 * walk itself lives in the step kernel (it re-reads the bias at every re-draw, as PhysiCell does), so
 * these helpers only need to run before the steps whose re-draws should see a new gradient.
 *
 * All helpers write sign·∇c/|∇c| (a unit vector, or 0 where the gradient vanishes): sign +1 climbs
 * the gradient, −1 descends it. The sign may be one number or one value per cell.
 */
import type { Mesh } from '../mesh.ts';
import type { AgentStore } from './store.ts';

/** Gradient magnitudes below this (substrate units per µm) count as no gradient. */
const MIN_GRADIENT = 1e-300;

function writeBias(store: AgentStore, i: number, gx: number, gy: number, gz: number, sign: number): void {
  const n = Math.sqrt(gx * gx + gy * gy + gz * gz);
  const f = n > MIN_GRADIENT ? sign / n : 0;
  store.bx[i] = gx * f;
  store.by[i] = gy * f;
  store.bz[i] = store.dims === 3 ? gz * f : 0;
}

const signOf = (direction: number | Float64Array, i: number): number =>
  typeof direction === 'number' ? direction : direction[i]!;

/** Bias from per-cell gradient arrays (gz may be null in 2D), cells [start, end). */
export function biasFromGradients(
  store: AgentStore,
  gx: Float64Array,
  gy: Float64Array,
  gz: Float64Array | null,
  direction: number | Float64Array,
  start = 0,
  end = store.count,
): void {
  for (let i = start; i < end; i++) writeBias(store, i, gx[i]!, gy[i]!, gz ? gz[i]! : 0, signOf(direction, i));
}

/** Bias from a gradient function of position (µm) that writes ∇c into out[0..2]. */
export function biasFromFunction(
  store: AgentStore,
  gradient: (x: number, y: number, z: number, out: Float64Array) => void,
  direction: number | Float64Array,
  start = 0,
  end = store.count,
): void {
  const g = new Float64Array(3);
  for (let i = start; i < end; i++) {
    g.fill(0);
    gradient(store.x[i]!, store.y[i]!, store.z[i]!, g);
    writeBias(store, i, g[0]!, g[1]!, g[2]!, signOf(direction, i));
  }
}

/** Writes ∇field (per µm) at the voxel containing (x, y, z) into g[0..2] (central differences, one-sided at edges). */
function voxelGradient(mesh: Mesh, field: Float64Array, x: number, y: number, z: number, g: Float64Array): void {
  const { nx, ny, nz, dxUm, originUm } = mesh;
  const inv = 1 / dxUm;
  const clampIdx = (v: number, n: number): number => (v < 0 ? 0 : v >= n ? n - 1 : v);
  const ci = clampIdx(Math.floor((x - originUm[0]) * inv), nx);
  const cj = clampIdx(Math.floor((y - originUm[1]) * inv), ny);
  const ck = nz === 1 ? 0 : clampIdx(Math.floor((z - originUm[2]) * inv), nz);
  const v = ci + nx * (cj + ny * ck);
  const diff = (c: number, n: number, stride: number): number => {
    if (n === 1) return 0;
    const lo = c > 0 ? v - stride : v;
    const hi = c < n - 1 ? v + stride : v;
    const span = (c > 0 ? 1 : 0) + (c < n - 1 ? 1 : 0);
    return ((field[hi]! - field[lo]!) * inv) / span;
  };
  g[0] = diff(ci, nx, 1);
  g[1] = diff(cj, ny, nx);
  g[2] = diff(ck, nz, nx * ny);
}

/**
 * Bias from a voxel field on `mesh` (one substrate, `field[voxel]`): the gradient of the voxel that
 * contains the cell, by central differences (one-sided at the domain edge), as BioFVM computes
 * gradients. Cells outside the mesh use the nearest edge voxel.
 */
export function biasFromField(
  store: AgentStore,
  mesh: Mesh,
  field: Float64Array,
  direction: number | Float64Array,
  start = 0,
  end = store.count,
): void {
  const g = new Float64Array(3);
  for (let i = start; i < end; i++) {
    voxelGradient(mesh, field, store.x[i]!, store.y[i]!, store.z[i]!, g);
    writeBias(store, i, g[0]!, g[1]!, g[2]!, signOf(direction, i));
  }
}

/**
 * PhysiCell's "advanced chemotaxis": bias = normalise(Σ_k s_k ∇ρ_k) over several fields, with
 * sensitivities s_k (signed; one number per field for all cells, or a per-cell array per field).
 */
export function biasFromFields(
  store: AgentStore,
  mesh: Mesh,
  fields: readonly Float64Array[],
  sensitivities: readonly (number | Float64Array)[],
  start = 0,
  end = store.count,
): void {
  if (fields.length !== sensitivities.length) {
    throw new RangeError(`biasFromFields: ${fields.length} fields but ${sensitivities.length} sensitivities`);
  }
  const g = new Float64Array(3);
  for (let i = start; i < end; i++) {
    let gx = 0;
    let gy = 0;
    let gz = 0;
    for (let k = 0; k < fields.length; k++) {
      const sk = signOf(sensitivities[k]!, i);
      if (sk === 0) continue;
      voxelGradient(mesh, fields[k]!, store.x[i]!, store.y[i]!, store.z[i]!, g);
      gx += sk * g[0]!;
      gy += sk * g[1]!;
      gz += sk * g[2]!;
    }
    writeBias(store, i, gx, gy, gz, 1);
  }
}
