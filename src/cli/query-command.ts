/** `exoscape query DIR "SQL"`: SQL over a run directory's or a sweep directory's results (DuckDB over their Parquet files). */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { queryRun } from '../io/query.ts';
import { isSweepDir, querySweep } from '../sweep/query.ts';
import { formatCsv } from '../io/csv.ts';
import { formatTable, printJson, type Io } from './io.ts';

const VIEWS = `
Views of a run directory (those the run has):
  timeseries   one row per output time (DIR/timeseries.parquet)
  cells        one row per cell per output time (DIR/cells/t-*.parquet)
  fields       one row per voxel per output time (DIR/fields/t-*.parquet)
  summary      DIR/summary.json as one row
  columns      name, unit, group, description of the time-series columns

Views of a sweep directory (holds sweep.parquet; exoscape sweep writes it):
  sweep        one row per run: point_id, replicate, seed, parameters, metrics, claims
  indices      sensitivity indices: metric, method, parameter, statistic, estimate, low, high
  claims       share of runs in which each claim holds, with its interval (low, high), holds, runs
  runs         per finished run: point_id, replicate, seed, attempts, ms, worker
  summary      DIR/summary.json as one row

Examples:
  exoscape query runs/a "SELECT time_min, count(*) AS cells, avg(hif) FROM cells GROUP BY 1 ORDER BY 1"
  exoscape query runs/a "SELECT * FROM timeseries" --csv > timeseries.csv
  exoscape query runs/a "DESCRIBE cells"
  exoscape query results/sweeps/qian2021-morris "SELECT metric, parameter, estimate FROM indices WHERE statistic = 'mu_star' ORDER BY estimate DESC LIMIT 10"
  exoscape query results/sweeps/qian2021-morris "SELECT speed_unrepressed, F4d, F4d_fold FROM sweep ORDER BY 1"

Queries can read only the directory given. The table shows at most 1000 rows and rounds numbers
to 6 significant digits; --json and --csv print every row, exactly.`;

/** The table is for reading: longer results are cut here (with a note); --json and --csv print every row. */
const TABLE_ROWS = 1000;

/** Table cell: NULL, numbers to 6 significant digits, nested values as JSON. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

export function queryCommand(io: Io): Command {
  return new Command('query')
    .description('run SQL on a run directory (views: timeseries, cells, fields, summary, columns) or a sweep directory (sweep, indices, claims, runs, summary)')
    .argument('<dir>', 'run directory (holds summary.json or timeseries.parquet) or sweep directory (holds sweep.parquet)')
    .argument('<sql>', 'SQL; several statements may be separated by ";" (the last result is printed)')
    .option('--json', 'print the rows as JSON objects')
    .addOption(new Option('--csv', 'print CSV (RFC 4180)').conflicts('json'))
    .addHelpText('after', VIEWS)
    .action(async (dir: string, sql: string, opts: { json?: boolean; csv?: boolean }) => {
      const path = resolve(io.cwd, dir);
      const { columns, rows } = await (isSweepDir(path) ? querySweep(path, sql) : queryRun(path, sql));
      if (opts.json) printJson(io, rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null]))));
      else if (opts.csv) io.out(formatCsv(columns, rows));
      else if (columns.length === 0) io.out('OK\n');
      else {
        const shown = rows.slice(0, TABLE_ROWS);
        const more = rows.length > shown.length ? `; showing the first ${TABLE_ROWS} — add LIMIT, or use --json or --csv for all` : '';
        io.out(`${formatTable(columns, shown.map((r) => r.map(cell)))}(${rows.length} row${rows.length === 1 ? '' : 's'}${more})\n`);
      }
    });
}
