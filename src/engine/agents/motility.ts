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
  const { nx, ny, nz, dxUm, originUm } = mesh;
  const inv = 1 / dxUm;
  const clampIdx = (v: number, n: number): number => (v < 0 ? 0 : v >= n ? n - 1 : v);
  const diff = (c: number, n: number, stride: number, v: number): number => {
    if (n === 1) return 0;
    const lo = c > 0 ? v - stride : v;
    const hi = c < n - 1 ? v + stride : v;
    const span = (c > 0 ? 1 : 0) + (c < n - 1 ? 1 : 0);
    return (field[hi]! - field[lo]!) * inv / span;
  };
  for (let i = start; i < end; i++) {
    const ci = clampIdx(Math.floor((store.x[i]! - originUm[0]) * inv), nx);
    const cj = clampIdx(Math.floor((store.y[i]! - originUm[1]) * inv), ny);
    const ck = nz === 1 ? 0 : clampIdx(Math.floor((store.z[i]! - originUm[2]) * inv), nz);
    const v = ci + nx * (cj + ny * ck);
    writeBias(store, i, diff(ci, nx, 1, v), diff(cj, ny, nx, v), diff(ck, nz, nx * ny, v), signOf(direction, i));
  }
}
