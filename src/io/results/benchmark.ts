/**
 * Results-store benchmark (scripts/bench-results-store.ts prints it): writing a 1e5-cell, 15-column
 * snapshot through the real writer; the same table through a DuckDB appender + COPY … TO parquet,
 * for comparison; reading it back; a per-time aggregate over 20 such snapshots with queryRun; and
 * a 100³ field snapshot. The cell data is smooth in space with noise, like simulation output, so
 * compression is neither flattered (constant columns) nor defeated (pure noise).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER } from '@duckdb/node-api';
import { queryRun } from '../query.ts';
import { readCellSnapshot } from './reader.ts';
import { writeCellSnapshot, writeFieldSnapshot, writeTimeSeries } from './writer.ts';

export interface ResultsBenchOptions {
  cells?: number;
  snapshots?: number;
  repeats?: number;
  fieldSide?: number;
}

export interface ResultsBench {
  cells: number;
  columns: number;
  writeMs: number;
  fileMb: number;
  duckdbCopyMs: number;
  duckdbFileMb: number;
  readMs: number;
  snapshots: number;
  queryMs: number;
  queryColdMs: number;
  fieldVoxels: number;
  fieldWriteMs: number;
  fieldFileMb: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** 15 columns: id, type (Int32) and 13 Float64 state columns. */
export function benchCells(n: number, seed = 1): Record<string, Float64Array | Int32Array> {
  let s = seed;
  const rnd = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const id = Int32Array.from({ length: n }, (_, i) => i);
  const type = Int32Array.from({ length: n }, () => (rnd() < 0.85 ? 0 : 1));
  const x = new Float64Array(n), y = new Float64Array(n), r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rr = 1500 * Math.sqrt(rnd()), a = 2 * Math.PI * rnd();
    x[i] = rr * Math.cos(a);
    y[i] = rr * Math.sin(a);
    r[i] = rr;
  }
  const o2 = r.map((v) => 38 * (1 - 0.9 * Math.exp(-((v / 800) ** 2))) * (1 + 0.02 * (rnd() - 0.5)));
  const hif = o2.map((v) => 1 / (1 + (v / 10) ** 3));
  const noisy = (f: Float64Array, k: number): Float64Array => f.map((v) => v * k * (1 + 0.1 * (rnd() - 0.5)));
  return {
    id, type, x_um: x, y_um: y, z_um: new Float64Array(n), radius_um: Float64Array.from({ length: n }, () => 8 + 2 * rnd()),
    o2_mmHg: o2, hif, mir_1246: noisy(hif, 5), mir_10b_5p: noisy(hif, 3), frk: hif.map((h) => 1 / (1 + 5 * h)), tfap2a: hif.map((h) => 1 / (1 + 3 * h)),
    ev_uptake: noisy(hif, 0.2), pressure: Float64Array.from({ length: n }, () => rnd()), speed: Float64Array.from({ length: n }, () => 0.5 * rnd()),
  };
}

async function duckdbCopy(columns: Record<string, Float64Array | Int32Array>, path: string): Promise<void> {
  const names = Object.keys(columns);
  const types = names.map((c) => (columns[c] instanceof Int32Array ? INTEGER : DOUBLE));
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    await con.run(`CREATE TABLE t (${names.map((c, i) => `${c} ${types[i] === INTEGER ? 'INTEGER' : 'DOUBLE'}`).join(', ')})`);
    const appender = await con.createAppender('t');
    const n = columns[names[0]!]!.length;
    for (let start = 0; start < n; start += 2048) {
      const m = Math.min(2048, n - start);
      const chunk = DuckDBDataChunk.create(types, m);
      chunk.setColumns(names.map((c) => Array.from(columns[c]!.subarray(start, start + m))));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
    appender.closeSync();
    await con.run(`COPY t TO '${path}' (FORMAT parquet, COMPRESSION snappy)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

export async function benchResultsStore(options: ResultsBenchOptions = {}): Promise<ResultsBench> {
  const n = options.cells ?? 100_000;
  const snapshots = options.snapshots ?? 20;
  const repeats = options.repeats ?? 5;
  const side = options.fieldSide ?? 100;
  const dir = mkdtempSync(join(tmpdir(), 'exoscape-bench-results-'));
  try {
    const cols = benchCells(n);
    const write: number[] = [], copy: number[] = [], read: number[] = [];
    let path = '';
    for (let k = 0; k < repeats + 1; k++) {
      const w = await timed(async () => { path = await writeCellSnapshot(dir, { timeMin: 0, columns: cols }); });
      const c = await timed(() => duckdbCopy(cols, join(dir, 'duckdb.parquet')));
      const r = await timed(() => readCellSnapshot(path));
      if (k === 0) continue; // warm-up
      write.push(w); copy.push(c); read.push(r);
    }
    const fileMb = statSync(path).size / 1e6;
    const duckdbFileMb = statSync(join(dir, 'duckdb.parquet')).size / 1e6;
    rmSync(join(dir, 'duckdb.parquet'));

    for (let s = 1; s < snapshots; s++) await writeCellSnapshot(dir, { timeMin: s * 60, columns: benchCells(n, s + 1) });
    await writeTimeSeries(dir, [{ time_min: 0 }], []);
    const sql = 'SELECT time_min, count(*) AS cells, avg(hif) AS hif, max(mir_1246) AS mir, sum(CASE WHEN o2_mmHg < 10 THEN 1 ELSE 0 END) AS hypoxic FROM cells GROUP BY 1 ORDER BY 1';
    const queryColdMs = await timed(() => queryRun(dir, sql));
    const query: number[] = [];
    for (let k = 0; k < repeats; k++) query.push(await timed(() => queryRun(dir, sql)));

    const count = side ** 3;
    const mesh = { nx: side, ny: side, nz: side, dxUm: 20, originUm: [0, 0, 0] as const };
    const o2 = Float64Array.from({ length: count }, (_, i) => 38 * Math.exp(-(i % side) / 50));
    const ev = Float64Array.from({ length: count }, (_, i) => Math.sin(i / 1000) ** 2);
    let fieldPath = '';
    const fieldWriteMs = await timed(async () => { fieldPath = await writeFieldSnapshot(dir, { timeMin: 0, mesh, fields: { o2_mmHg: o2, ev } }); });
    return {
      cells: n,
      columns: Object.keys(cols).length,
      writeMs: median(write),
      fileMb,
      duckdbCopyMs: median(copy),
      duckdbFileMb,
      readMs: median(read),
      snapshots,
      queryMs: median(query),
      queryColdMs,
      fieldVoxels: count,
      fieldWriteMs,
      fieldFileMb: statSync(fieldPath).size / 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
