/** The shapes a run's results take in memory, and the metadata each Parquet file carries. */
import { TIME_COLUMN, type ColumnInfo } from './layout.ts';

/** Cells at one output time: structure-of-arrays columns, all of one length (one entry per cell). */
export interface CellSnapshot {
  timeMin: number;
  columns: Record<string, Float64Array | Int32Array>;
}

/** Fields at one output time on a voxel mesh; each field is flat, indexed `i + nx*(j + ny*k)`. */
export interface FieldSnapshot {
  timeMin: number;
  mesh: { nx: number; ny: number; nz: number; dxUm: number; originUm: readonly [number, number, number] };
  fields: Record<string, Float64Array>;
}

export const TIME_COLUMN_INFO: ColumnInfo = { name: TIME_COLUMN, unit: 'min', group: 'time', description: 'simulated time' };
/** Columns every field snapshot has before its fields: voxel indices and voxel-centre coordinates. */
export const FIELD_GRID_COLUMNS = [TIME_COLUMN, 'i', 'j', 'k', 'x_um', 'y_um', 'z_um'] as const;

/** The Parquet key-value metadata each kind of file carries (under the key `exoscape`). */
export interface TimeSeriesMeta { kind: 'timeseries'; columns: ColumnInfo[] }
export interface CellsMeta { kind: 'cells'; timeMin: number }
export interface FieldsMeta { kind: 'fields'; timeMin: number; mesh: FieldSnapshot['mesh'] }
