/**
 * Writing a run's results: the time series, per-cell snapshots and field snapshots, each an atomic
 * Parquet file in the run-directory layout (layout.ts). The simulation calls these at output times.
 *
 * Mistakes here are the caller's bugs (a ragged column, a bad name), so they throw TypeError /
 * RangeError rather than UserError.
 */
import { writeFileAtomic } from '../atomic.ts';
import { encodeParquet, type NumericArray, type NumericColumn } from './parquet.ts';
import { cellSnapshotPath, checkColumnNames, fieldSnapshotPath, runLayout, TIME_COLUMN, type ColumnInfo } from './layout.ts';
import { FIELD_GRID_COLUMNS, TIME_COLUMN_INFO, type CellSnapshot, type CellsMeta, type FieldSnapshot, type FieldsMeta, type TimeSeriesMeta } from './types.ts';

export type { CellSnapshot, FieldSnapshot } from './types.ts';
export type { ColumnInfo } from './layout.ts';
export { readTimeSeries } from './reader.ts';

/**
 * Rewrite DIR/timeseries.parquet and DIR/columns.json (each atomically). `columns` describes every
 * column; `time_min` is added first when missing. A row may omit a column (stored as NULL); a key
 * that no column describes is an error.
 */
export async function writeTimeSeries(dir: string, rows: readonly Record<string, number>[], columns: readonly ColumnInfo[]): Promise<void> {
  const infos = columns.some((c) => c.name === TIME_COLUMN) ? [...columns] : [TIME_COLUMN_INFO, ...columns];
  checkColumnNames(infos.map((c) => c.name), 'time series');
  const known = new Set(infos.map((c) => c.name));
  const data = new Map(infos.map((c) => [c.name, new Array<number | null>(rows.length).fill(null)]));
  rows.forEach((row, r) => {
    for (const [key, value] of Object.entries(row)) {
      if (!known.has(key)) throw new TypeError(`time series row ${r}: column "${key}" is not described in columns (known: ${[...known].join(', ')})`);
      if (typeof value !== 'number') throw new TypeError(`time series row ${r}: ${key} must be a number, got ${typeof value}`);
      data.get(key)![r] = value;
    }
    if (typeof row[TIME_COLUMN] !== 'number') throw new TypeError(`time series row ${r}: ${TIME_COLUMN} is required`);
  });
  const meta: TimeSeriesMeta = { kind: 'timeseries', columns: infos.map((c) => ({ name: c.name, unit: c.unit, group: c.group, description: c.description })) };
  const bytes = encodeParquet(infos.map((c) => ({ name: c.name, type: 'DOUBLE', data: data.get(c.name)! })), meta);
  const layout = runLayout(dir);
  await writeFileAtomic(layout.timeseries, bytes);
  await writeFileAtomic(layout.columns, `${JSON.stringify(meta.columns, null, 2)}\n`);
}

function numericColumn(name: string, data: NumericArray, what: string): NumericColumn {
  if (data instanceof Float64Array) return { name, data, type: 'DOUBLE' };
  if (data instanceof Int32Array) return { name, data, type: 'INT32' };
  throw new TypeError(`${what}: column ${name} must be a Float64Array or Int32Array`);
}

function timeColumn(timeMin: number, n: number): NumericColumn {
  return { name: TIME_COLUMN, type: 'DOUBLE', data: new Float64Array(n).fill(timeMin) };
}

/** Write DIR/cells/t-<time>.parquet: a `time_min` column, then the snapshot's columns in order. Returns the path. */
export async function writeCellSnapshot(dir: string, snap: CellSnapshot): Promise<string> {
  const what = `cell snapshot at ${snap.timeMin} min`;
  const path = cellSnapshotPath(dir, snap.timeMin);
  const names = Object.keys(snap.columns);
  checkColumnNames(names, what);
  if (names.some((n) => n.toLowerCase() === TIME_COLUMN)) throw new TypeError(`${what}: ${TIME_COLUMN} is added by the writer; leave it out`);
  const cols = names.map((n) => numericColumn(n, snap.columns[n]!, what));
  const n = cols[0]?.data.length ?? 0;
  const ragged = cols.find((c) => c.data.length !== n);
  if (ragged !== undefined) throw new RangeError(`${what}: column ${ragged.name} has ${ragged.data.length} values, ${cols[0]!.name} has ${n}`);
  const meta: CellsMeta = { kind: 'cells', timeMin: snap.timeMin };
  await writeFileAtomic(path, encodeParquet([timeColumn(snap.timeMin, n), ...cols], meta));
  return path;
}

/**
 * Write DIR/fields/t-<time>.parquet: one row per voxel in flat order, with columns time_min, i, j, k,
 * x_um, y_um, z_um (voxel centres: origin + (index + ½)·dx) and one column per field. Returns the path.
 */
export async function writeFieldSnapshot(dir: string, snap: FieldSnapshot): Promise<string> {
  const what = `field snapshot at ${snap.timeMin} min`;
  const path = fieldSnapshotPath(dir, snap.timeMin);
  const { nx, ny, nz, dxUm, originUm } = snap.mesh;
  for (const [k, v] of [['nx', nx], ['ny', ny], ['nz', nz]] as const) if (!Number.isInteger(v) || v < 1) throw new RangeError(`${what}: mesh.${k} must be a positive integer, got ${v}`);
  if (!(dxUm > 0) || !Number.isFinite(dxUm)) throw new RangeError(`${what}: mesh.dxUm must be positive, got ${dxUm}`);
  const names = Object.keys(snap.fields);
  checkColumnNames([...FIELD_GRID_COLUMNS, ...names], what);
  const count = nx * ny * nz;
  for (const name of names) {
    const f = snap.fields[name]!;
    if (!(f instanceof Float64Array)) throw new TypeError(`${what}: field ${name} must be a Float64Array`);
    if (f.length !== count) throw new RangeError(`${what}: field ${name} has ${f.length} values; the ${nx}×${ny}×${nz} mesh has ${count}`);
  }
  const i = new Int32Array(count), j = new Int32Array(count), k = new Int32Array(count);
  const x = new Float64Array(count), y = new Float64Array(count), z = new Float64Array(count);
  for (let idx = 0; idx < count; idx++) {
    const ii = idx % nx, rest = (idx - ii) / nx, jj = rest % ny, kk = (rest - jj) / ny;
    i[idx] = ii; j[idx] = jj; k[idx] = kk;
    x[idx] = originUm[0] + (ii + 0.5) * dxUm;
    y[idx] = originUm[1] + (jj + 0.5) * dxUm;
    z[idx] = originUm[2] + (kk + 0.5) * dxUm;
  }
  const meta: FieldsMeta = { kind: 'fields', timeMin: snap.timeMin, mesh: { nx, ny, nz, dxUm, originUm: [originUm[0], originUm[1], originUm[2]] } };
  const cols: NumericColumn[] = [
    timeColumn(snap.timeMin, count),
    { name: 'i', type: 'INT32', data: i }, { name: 'j', type: 'INT32', data: j }, { name: 'k', type: 'INT32', data: k },
    { name: 'x_um', type: 'DOUBLE', data: x }, { name: 'y_um', type: 'DOUBLE', data: y }, { name: 'z_um', type: 'DOUBLE', data: z },
    ...names.map((n): NumericColumn => ({ name: n, type: 'DOUBLE', data: snap.fields[n]! })),
  ];
  await writeFileAtomic(path, encodeParquet(cols, meta));
  return path;
}
