/**
 * Cells and fields for the tissue view, as compact binary: little-endian Float32 arrays the
 * browser hands to the GPU without parsing. Cells: x, y, radius, value, state (0 live,
 * 1 apoptotic, 2 necrotic), each `n` long, one after another. Fields: `nx·ny` values of one
 * z-plane (the middle one in 3D), indexed `i + nx·j`. Times and sizes travel in headers.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CELLS_DIR, FIELDS_DIR, parseTimeTag, snapshotFileName } from '../../io/results/layout.ts';
import { readCellSnapshot, readFieldSnapshot } from '../../io/results/reader.ts';
import type { RunFrame } from '../../sim/run.ts';

/** Columns of a cell snapshot that are not state variables. */
export const CELL_GEOMETRY = new Set(['id', 'type', 'death', 'x_um', 'y_um', 'z_um', 'radius_um']);

/** Output times with a snapshot in `dir/<sub>/`, ascending. */
export function snapshotTimes(dir: string, sub: typeof CELLS_DIR | typeof FIELDS_DIR): number[] {
  const d = join(dir, sub);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .map(parseTimeTag)
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
}

export interface CellFrame {
  timeMin: number;
  /** Variables available at this time. */
  variables: string[];
  data: Float32Array;
  count: number;
}

/** In 3D, cells within this distance of the middle plane are shown (a 60 µm slice). */
export const SLICE_HALF_UM = 30;

function pack(x: ArrayLike<number>, y: ArrayLike<number>, r: ArrayLike<number>, v: ArrayLike<number> | undefined, state: ArrayLike<number> | undefined, keep: (i: number) => boolean): { data: Float32Array; count: number } {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (keep(i)) idx.push(i);
  const n = idx.length;
  const data = new Float32Array(5 * n);
  idx.forEach((i, k) => {
    data[k] = x[i]!;
    data[n + k] = y[i]!;
    data[2 * n + k] = r[i]!;
    data[3 * n + k] = v !== undefined ? v[i]! : 0;
    data[4 * n + k] = state !== undefined ? state[i]! : 0;
  });
  return { data, count: n };
}

/** Cells of a snapshot file (or, without one, an in-memory frame) coloured by `variable`. */
export async function cellFrame(dir: string, timeMin: number | undefined, variable: string, live: RunFrame | undefined, midZ: number | undefined): Promise<CellFrame | undefined> {
  const times = snapshotTimes(dir, CELLS_DIR);
  const t = timeMin ?? times[times.length - 1];
  if (t !== undefined && times.includes(t)) {
    const snap = await readCellSnapshot(join(dir, CELLS_DIR, snapshotFileName(t)));
    const c = snap.columns;
    const variables = Object.keys(c).filter((k) => !CELL_GEOMETRY.has(k));
    const z = c.z_um;
    const keep = midZ === undefined || z === undefined ? () => true : (i: number) => Math.abs(z[i]! - midZ) <= SLICE_HALF_UM;
    const { data, count } = pack(c.x_um!, c.y_um!, c.radius_um!, c[variable], c.death, keep);
    return { timeMin: snap.timeMin, variables, data, count };
  }
  if (live !== undefined && (timeMin === undefined || timeMin === live.timeMin)) {
    const { data, count } = pack(live.x, live.y, live.radius, live.values[variable], undefined, () => true);
    return { timeMin: live.timeMin, variables: Object.keys(live.values), data, count };
  }
  return undefined;
}

export interface FieldPlane {
  timeMin: number;
  nx: number;
  ny: number;
  dxUm: number;
  names: string[];
  data: Float32Array;
}

export async function fieldPlane(dir: string, timeMin: number | undefined, name: string): Promise<FieldPlane | undefined> {
  const times = snapshotTimes(dir, FIELDS_DIR);
  const t = timeMin ?? times[times.length - 1];
  if (t === undefined || !times.includes(t)) return undefined;
  const snap = await readFieldSnapshot(join(dir, FIELDS_DIR, snapshotFileName(t)));
  const { nx, ny, nz, dxUm } = snap.mesh;
  const f = snap.fields[name];
  const names = Object.keys(snap.fields);
  if (f === undefined) return { timeMin: snap.timeMin, nx, ny, dxUm, names, data: new Float32Array(0) };
  const k = Math.floor(nz / 2);
  return { timeMin: snap.timeMin, nx, ny, dxUm, names, data: Float32Array.from(f.subarray(k * nx * ny, (k + 1) * nx * ny)) };
}
