/**
 * The run-directory layout: the one place that names every file a run writes.
 *
 * ```
 * DIR/summary.json                 run summary (written by the simulation)
 * DIR/timeseries.parquet           one row per output time; column `time_min` always present
 * DIR/columns.json                 ColumnInfo[] for the time-series columns (also inside the Parquet)
 * DIR/cells/t-0001440.parquet      per-cell snapshot at t = 1440 min (one row per cell)
 * DIR/fields/t-0001440.parquet     field snapshot at t = 1440 min (one row per voxel)
 * DIR/checkpoint/                  owned by the simulation (restart files)
 * DIR/figures/                     `exoscape plot` output
 * ```
 *
 * Snapshot names carry the time in whole minutes, zero-padded to 7 digits so names sort by time;
 * a fractional time keeps its decimals (`t-0000090.5.parquet`).
 */
import { join } from 'node:path';

/** One time-series column: what it is, in which unit, and which panel (`group`) plots it. */
export interface ColumnInfo {
  name: string;
  unit: string;
  group: string;
  description: string;
}

export interface RunLayout {
  dir: string;
  summary: string;
  timeseries: string;
  columns: string;
  cellsDir: string;
  fieldsDir: string;
  checkpointDir: string;
  figuresDir: string;
}

export const SUMMARY_FILE = 'summary.json';
export const TIMESERIES_FILE = 'timeseries.parquet';
export const COLUMNS_FILE = 'columns.json';
export const CELLS_DIR = 'cells';
export const FIELDS_DIR = 'fields';
export const CHECKPOINT_DIR = 'checkpoint';
export const FIGURES_DIR = 'figures';
export const TIME_COLUMN = 'time_min';

export function runLayout(dir: string): RunLayout {
  return {
    dir,
    summary: join(dir, SUMMARY_FILE),
    timeseries: join(dir, TIMESERIES_FILE),
    columns: join(dir, COLUMNS_FILE),
    cellsDir: join(dir, CELLS_DIR),
    fieldsDir: join(dir, FIELDS_DIR),
    checkpointDir: join(dir, CHECKPOINT_DIR),
    figuresDir: join(dir, FIGURES_DIR),
  };
}

const MAX_TIME_MIN = 1e7;

/** `t-0001440` for 1440 min; `t-0000090.5` for 90.5 min. */
export function timeTag(timeMin: number): string {
  if (!Number.isFinite(timeMin) || timeMin < 0 || timeMin >= MAX_TIME_MIN) throw new RangeError(`snapshot time must be in [0, ${MAX_TIME_MIN}) min, got ${timeMin}`);
  const whole = Math.trunc(timeMin);
  const frac = String(timeMin).slice(String(whole).length); // '' or '.5' (String of a number < 1e21 has no exponent)
  return `t-${String(whole).padStart(7, '0')}${frac}`;
}

/** The time encoded in a snapshot file name, or undefined for any other name. */
export function parseTimeTag(fileName: string): number | undefined {
  const m = /^t-(\d{7,})(\.\d+)?\.parquet$/.exec(fileName);
  if (m === null) return undefined;
  return Number(`${m[1]!}${m[2] ?? ''}`);
}

export function snapshotFileName(timeMin: number): string {
  return `${timeTag(timeMin)}.parquet`;
}

export function cellSnapshotPath(dir: string, timeMin: number): string {
  return join(dir, CELLS_DIR, snapshotFileName(timeMin));
}

export function fieldSnapshotPath(dir: string, timeMin: number): string {
  return join(dir, FIELDS_DIR, snapshotFileName(timeMin));
}

/**
 * Column names are ASCII identifiers (letters, digits, `_`, not starting with a digit) so SQL needs
 * no quoting; DuckDB compares names case-insensitively, so two names that differ only in case clash.
 */
export function checkColumnNames(names: readonly string[], what: string): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`${what}: column name "${name}" must be an ASCII identifier (letters, digits, _), e.g. mir_1246`);
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) throw new TypeError(`${what}: column names "${other}" and "${name}" differ only in case; SQL would not tell them apart`);
    seen.set(key, name);
  }
}
