/**
 * SQL over a run directory. DuckDB runs in memory with these views over the run's files:
 *
 * - `timeseries` — DIR/timeseries.parquet (one row per output time)
 * - `cells`      — every DIR/cells/t-*.parquet (one row per cell per output time; `time_min` tells them apart)
 * - `fields`     — every DIR/fields/t-*.parquet (one row per voxel per output time)
 * - `summary`    — DIR/summary.json as one row (nested objects become structs: `summary.cells.final`)
 * - `columns`    — DIR/columns.json: name, unit, group, description of the time-series columns
 *
 * Snapshots are combined by name (`union_by_name`), so a column added part-way through a run reads
 * as NULL before it existed. The session is sandboxed: after the views are made, DuckDB may touch
 * only the run directory and cannot change that setting, so a query cannot read or write elsewhere.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import { UserError } from '../common/errors.ts';
import { inspectRun, type RunContents } from './results/run-dir.ts';
import { snapshotFileName } from './results/layout.ts';

export interface QueryResult {
  /** Column names, made unique (DuckDB appends _1, _2 … to repeats) so rows can become objects. */
  columns: string[];
  /** Plain JSON-ready values: BIGINT as a number when it fits exactly (else a string), dates as ISO strings, NULL as null. */
  rows: unknown[][];
}

/** A view of a query session: its name, where it reads from (for messages) and its defining SELECT. */
export interface View {
  name: string;
  source: string;
  sql: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** A glob over the snapshot files, or an explicit list when the directory name itself contains glob characters. */
function snapshotSource(dir: string, times: readonly number[], fileName: (t: number) => string): string {
  if (!/[*?[\]{}]/.test(dir)) return sqlString(`${dir}/t-*.parquet`);
  return `[${times.map((t) => sqlString(`${dir}/${fileName(t)}`)).join(', ')}]`;
}

function runViews(run: RunContents): View[] {
  const { layout } = run;
  const views: View[] = [];
  if (run.hasTimeSeries) views.push({ name: 'timeseries', source: layout.timeseries, sql: `SELECT * FROM read_parquet(${sqlString(layout.timeseries)})` });
  if (run.cellTimes.length > 0) views.push({ name: 'cells', source: `${layout.cellsDir}/t-*.parquet (${plural(run.cellTimes.length, 'snapshot')})`, sql: `SELECT * FROM read_parquet(${snapshotSource(layout.cellsDir, run.cellTimes, snapshotFileName)}, union_by_name = true)` });
  if (run.fieldTimes.length > 0) views.push({ name: 'fields', source: `${layout.fieldsDir}/t-*.parquet (${plural(run.fieldTimes.length, 'snapshot')})`, sql: `SELECT * FROM read_parquet(${snapshotSource(layout.fieldsDir, run.fieldTimes, snapshotFileName)}, union_by_name = true)` });
  if (run.hasSummary) views.push({ name: 'summary', source: layout.summary, sql: `SELECT * FROM read_json_auto(${sqlString(layout.summary)})` });
  if (run.hasColumns) views.push({ name: 'columns', source: layout.columns, sql: `SELECT * FROM read_json_auto(${sqlString(layout.columns)}, format = 'array')` });
  return views;
}

function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/^Failed to extract statements: /, '').trim();

async function runAll(con: DuckDBConnection, sql: string): Promise<DuckDBResultReader | undefined> {
  const statements = await con.extractStatements(sql);
  let last: DuckDBResultReader | undefined;
  for (let i = 0; i < statements.count; i++) last = await (await statements.prepare(i)).runAndReadAll();
  return last;
}

/** Run `sql` against the run in `dir` (several statements allowed; the last one's result is returned). */
export async function queryRun(dir: string, sql: string): Promise<QueryResult> {
  const run = inspectRun(dir);
  return queryViews(run.layout.dir, dir, runViews(run), sql);
}

/**
 * Run `sql` in a sandboxed in-memory DuckDB holding `views` (made before the sandbox closes; a view
 * that cannot be made is reported when a query names a missing table). Afterwards DuckDB may read
 * only `root`, and cannot change that setting. `shown` names the directory in messages.
 */
export async function queryViews(root: string, shown: string, views: readonly View[], sql: string): Promise<QueryResult> {
  if (sql.trim() === '') throw new UserError(`query: the SQL is empty; e.g. "SELECT * FROM ${views[0]?.name ?? 'timeseries'}"`);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const made: View[] = [];
    const failed: { view: View; reason: string }[] = [];
    for (const view of views) {
      try {
        await con.run(`CREATE VIEW ${view.name} AS ${view.sql}`);
        made.push(view);
      } catch (e) {
        failed.push({ view, reason: message(e).split('\n')[0]! });
      }
    }
    await con.run(`SET allowed_directories = [${sqlString(`${root}/`)}]`);
    await con.run('SET enable_external_access = false');
    await con.run('SET lock_configuration = true');
    let reader: DuckDBResultReader | undefined;
    try {
      reader = await runAll(con, sql);
    } catch (e) {
      const lines = [`query failed: ${message(e)}`];
      if (/Catalog Error: Table with name \w+ does not exist/.test(message(e))) {
        const width = Math.max(0, ...made.map((v) => v.name.length));
        lines.push(`views in ${shown}:${made.length === 0 ? ' none' : ''}`, ...made.map((v) => `  ${v.name.padEnd(width)}  ${v.source}`));
        for (const f of failed) lines.push(`view ${f.view.name} could not be made from ${f.view.source}: ${f.reason}`);
      }
      throw new UserError(lines.join('\n'));
    }
    if (reader === undefined) return { columns: [], rows: [] };
    return { columns: reader.deduplicatedColumnNames(), rows: reader.getRowsJS().map((r) => r.map(plain)) };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
