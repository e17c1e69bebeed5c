/**
 * Parquet encoding and decoding of numeric columns (hyparquet-writer / hyparquet, pure JS).
 *
 * Why hyparquet-writer rather than a DuckDB appender + `COPY … TO parquet`: on a 1e5-cell,
 * 16-column snapshot it took ~100 ms against ~220 ms for DuckDB (most of that spent converting
 * typed arrays into DuckDB chunks), the files are the same size (~10 MB, snappy), it needs no
 * native database instance in the writer, and it runs unchanged in worker threads. DuckDB reads
 * the files for queries. Numbers: docs/benchmarks.md, "Results store".
 *
 * Layout choices: DOUBLE and INT32 columns, required (no definition levels) unless a column can
 * hold nulls, snappy pages, 100,000-row groups, min/max statistics (DuckDB uses them to skip row
 * groups), and one key-value entry `exoscape` holding a JSON object that describes the file.
 */
import { readFile } from 'node:fs/promises';
import { parquetMetadata, parquetRead, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { VERSION } from '../../version.ts';

export type NumericArray = Float64Array | Int32Array;

export interface NumericColumn {
  name: string;
  /** Typed arrays are written as required columns; a plain array may hold nulls. */
  data: NumericArray | readonly (number | null)[];
  type: 'DOUBLE' | 'INT32';
}

export const META_KEY = 'exoscape';
const ROW_GROUP = 100_000;

/** Encode columns (all of one length) as a Parquet file with `meta` stored as JSON under `exoscape`. */
export function encodeParquet(columns: readonly NumericColumn[], meta: object): Uint8Array {
  const lengths = new Set(columns.map((c) => c.data.length));
  if (lengths.size > 1) throw new RangeError(`parquet: columns differ in length (${columns.map((c) => `${c.name}=${c.data.length}`).join(', ')})`);
  const columnData: ColumnSource[] = columns.map((c) => ({
    name: c.name,
    data: ArrayBuffer.isView(c.data) ? c.data : [...c.data],
    type: c.type,
    nullable: !ArrayBuffer.isView(c.data),
  }));
  const buffer = parquetWriteBuffer({
    columnData,
    rowGroupSize: ROW_GROUP,
    kvMetadata: [{ key: META_KEY, value: JSON.stringify(meta) }],
    createdBy: `exoscape ${VERSION}`,
  });
  return new Uint8Array(buffer);
}

export interface DecodedParquet {
  rowCount: number;
  /** Column names in file order with their physical types. */
  schema: { name: string; type: string }[];
  /** The JSON object stored under `exoscape`, or undefined when the file has none. */
  meta: unknown;
}

async function load(path: string): Promise<ArrayBuffer> {
  const bytes = await readFile(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function describe(file: ArrayBuffer): DecodedParquet & { metadata: ReturnType<typeof parquetMetadata> } {
  const metadata = parquetMetadata(file);
  const raw = metadata.key_value_metadata?.find((kv) => kv.key === META_KEY)?.value;
  return {
    metadata,
    rowCount: Number(metadata.num_rows),
    schema: metadata.schema.slice(1).map((s) => ({ name: s.name, type: s.type ?? 'GROUP' })),
    meta: raw === undefined ? undefined : JSON.parse(raw),
  };
}

/** Read every column into a typed array (DOUBLE → Float64Array, INT32 → Int32Array). Nulls are not allowed. */
export async function readParquetColumns(path: string): Promise<DecodedParquet & { columns: Record<string, NumericArray> }> {
  const file = await load(path);
  const { metadata, ...info } = describe(file);
  const columns: Record<string, NumericArray> = {};
  for (const s of info.schema) {
    if (s.type === 'DOUBLE') columns[s.name] = new Float64Array(info.rowCount);
    else if (s.type === 'INT32') columns[s.name] = new Int32Array(info.rowCount);
    else throw new TypeError(`${path}: column ${s.name} has type ${s.type}; expected DOUBLE or INT32`);
  }
  await parquetRead({
    file,
    metadata,
    onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
      const target = columns[columnName];
      if (target === undefined) return;
      const n = Math.min(rowEnd, info.rowCount) - rowStart;
      const source = columnData.length === n ? columnData : columnData.slice(0, n);
      if (!ArrayBuffer.isView(source) && (source as unknown[]).includes(null)) throw new TypeError(`${path}: column ${columnName} holds nulls`);
      target.set(source as ArrayLike<number>, rowStart);
    },
  });
  return { ...info, columns };
}

/** Read rows as objects; null cells are left out of the row. */
export async function readParquetRows(path: string): Promise<DecodedParquet & { rows: Record<string, number>[] }> {
  const file = await load(path);
  const { metadata, ...info } = describe(file);
  const raw = await parquetReadObjects({ file, metadata });
  const rows = raw.map((r) => {
    const row: Record<string, number> = {};
    for (const [k, v] of Object.entries(r)) {
      if (v === null || v === undefined) continue;
      row[k] = typeof v === 'bigint' ? Number(v) : (v as number);
    }
    return row;
  });
  return { ...info, rows };
}
