/** Reading a run's results back into the shapes the writer takes. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readParquetColumns, readParquetRows } from './parquet.ts';
import { runLayout, TIME_COLUMN, type ColumnInfo } from './layout.ts';
import { FIELD_GRID_COLUMNS, type CellSnapshot, type CellsMeta, type FieldSnapshot, type FieldsMeta, type TimeSeriesMeta } from './types.ts';

function metaOfKind<T extends { kind: string }>(meta: unknown, kind: T['kind'], path: string): T {
  if (typeof meta !== 'object' || meta === null || (meta as { kind?: unknown }).kind !== kind) throw new Error(`${path}: not an exoscape ${kind} file (its Parquet metadata has no exoscape.kind = "${kind}")`);
  return meta as T;
}

/** DIR/timeseries.parquet as rows (NULL cells left out) plus the column descriptions. */
export async function readTimeSeries(dir: string): Promise<{ rows: Record<string, number>[]; columns: ColumnInfo[] }> {
  const layout = runLayout(dir);
  const { rows, meta, schema } = await readParquetRows(layout.timeseries);
  if (meta !== undefined) return { rows, columns: metaOfKind<TimeSeriesMeta>(meta, 'timeseries', layout.timeseries).columns };
  // A file written by another tool: fall back to columns.json, then to bare names.
  const described = existsSync(layout.columns) ? (JSON.parse(await readFile(layout.columns, 'utf8')) as ColumnInfo[]) : [];
  const byName = new Map(described.map((c) => [c.name, c]));
  return { rows, columns: schema.map((s) => byName.get(s.name) ?? { name: s.name, unit: '', group: s.name === TIME_COLUMN ? 'time' : 'other', description: '' }) };
}

export async function readCellSnapshot(path: string): Promise<CellSnapshot> {
  const { columns, meta } = await readParquetColumns(path);
  const { timeMin } = metaOfKind<CellsMeta>(meta, 'cells', path);
  const { [TIME_COLUMN]: _time, ...rest } = columns;
  return { timeMin, columns: rest };
}

export async function readFieldSnapshot(path: string): Promise<FieldSnapshot> {
  const { columns, meta } = await readParquetColumns(path);
  const { timeMin, mesh } = metaOfKind<FieldsMeta>(meta, 'fields', path);
  const grid = new Set<string>(FIELD_GRID_COLUMNS);
  const fields: Record<string, Float64Array> = {};
  for (const [name, data] of Object.entries(columns)) {
    if (grid.has(name)) continue;
    if (!(data instanceof Float64Array)) throw new TypeError(`${path}: field ${name} is not DOUBLE`);
    fields[name] = data;
  }
  return { timeMin, mesh, fields };
}
