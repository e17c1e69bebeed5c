/**
 * SQL over a sweep's results directory (`exoscape query DIR "SQL"` when DIR holds sweep.parquet),
 * with the same sandboxed DuckDB session as run directories (src/io/query.ts) and these views:
 *
 * - `sweep`    — DIR/sweep.parquet: one row per run (point_id, replicate, seed, parameters, metrics, claims)
 * - `indices`  — the sensitivity indices of summary.json, one row per metric × parameter × statistic
 *                (method, statistic: mu / mu_star / sigma, first / total / second — parameter "a:b" —,
 *                prcc, flips, range; estimate, low, high)
 * - `claims`   — the share of runs in which each claim holds, with its Wilson interval
 * - `runs`     — DIR/journal.jsonl: per finished run its attempts, duration (ms) and worker
 * - `summary`  — DIR/summary.json as one row (nested objects become structs)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../common/errors.ts';
import { queryViews, sqlString, type QueryResult, type View } from '../io/query.ts';
import type { Estimate } from '../sensitivity/bootstrap.ts';
import type { MetricAnalysis } from './analyze.ts';
import type { Share } from './claims.ts';
import { JOURNAL_FILE, readJournal } from './journal.ts';
import { SUMMARY_FILE } from './run-sweep.ts';
import { TABLE_FILE } from './table.ts';

/** True when `dir` is a sweep's results directory (it holds the table). */
export function isSweepDir(dir: string): boolean {
  return existsSync(join(dir, TABLE_FILE));
}

type Cell = string | number | null;
interface Column {
  name: string;
  type: 'VARCHAR' | 'DOUBLE' | 'BIGINT';
}

/** A typed literal: numbers cast explicitly (DuckDB would read 0.1 as a DECIMAL); NaN and ±Infinity by name. */
function literal(v: Cell, type: Column['type']): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v) && type !== 'DOUBLE')) return `NULL::${type}`;
  if (typeof v === 'string') return `${sqlString(v)}::${type}`;
  return Number.isFinite(v) ? `${String(v)}::${type}` : `${sqlString(String(v))}::${type}`;
}

/** A view over rows held in the query itself (built before the session is sandboxed). */
function valuesView(name: string, source: string, columns: readonly Column[], rows: readonly Cell[][]): View {
  if (rows.length === 0) return { name, source, sql: `SELECT ${columns.map((c) => `NULL::${c.type} AS ${c.name}`).join(', ')} WHERE false` };
  const values = rows.map((r) => `(${r.map((v, i) => literal(v, columns[i]!.type)).join(', ')})`).join(',\n');
  return { name, source, sql: `SELECT * FROM (VALUES ${values}) AS t(${columns.map((c) => c.name).join(', ')})` };
}

const INDEX_COLUMNS: Column[] = [
  { name: 'metric', type: 'VARCHAR' },
  { name: 'method', type: 'VARCHAR' },
  { name: 'parameter', type: 'VARCHAR' },
  { name: 'statistic', type: 'VARCHAR' },
  { name: 'estimate', type: 'DOUBLE' },
  { name: 'low', type: 'DOUBLE' },
  { name: 'high', type: 'DOUBLE' },
];

/** summary.json stores NaN as null. */
const num = (x: number | null | undefined): number | null => (typeof x === 'number' ? x : null);

function indexRows(metrics: Record<string, MetricAnalysis>): Cell[][] {
  const rows: Cell[][] = [];
  const est = (metric: string, method: string, parameter: string, statistic: string, e: Estimate): void => {
    rows.push([metric, method, parameter, statistic, num(e.estimate), num(e.low), num(e.high)]);
  };
  for (const [metric, a] of Object.entries(metrics)) {
    switch (a.method) {
      case 'incomplete':
        break;
      case 'morris':
        for (const [p, v] of Object.entries(a.parameters)) {
          est(metric, a.method, p, 'mu', v.mu);
          est(metric, a.method, p, 'mu_star', v.muStar);
          est(metric, a.method, p, 'sigma', v.sigma);
        }
        break;
      case 'morris-flips':
        for (const [p, v] of Object.entries(a.parameters)) est(metric, a.method, p, 'flips', v.flips);
        break;
      case 'sobol':
        for (const [p, v] of Object.entries(a.parameters)) {
          est(metric, a.method, p, 'first', v.first);
          est(metric, a.method, p, 'total', v.total);
        }
        for (const x of a.second ?? []) est(metric, a.method, `${x.a}:${x.b}`, 'second', x.index);
        break;
      case 'prcc':
        for (const [p, v] of Object.entries(a.parameters)) est(metric, a.method, p, 'prcc', v.prcc);
        break;
      case 'main-effects':
        for (const [p, v] of Object.entries(a.parameters)) rows.push([metric, a.method, p, 'range', num(v.range), null, null]);
        break;
    }
  }
  return rows;
}

function sweepViews(dir: string): View[] {
  const table = join(dir, TABLE_FILE);
  const views: View[] = [{ name: 'sweep', source: table, sql: `SELECT * FROM read_parquet(${sqlString(table)})` }];
  const summaryPath = join(dir, SUMMARY_FILE);
  if (existsSync(summaryPath)) {
    let summary: { metrics?: Record<string, MetricAnalysis>; claims?: Record<string, Share> };
    try {
      summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as typeof summary;
    } catch {
      throw new UserError(`${summaryPath}: not JSON; rerun the sweep with --resume to rewrite it`);
    }
    views.push(valuesView('indices', `${SUMMARY_FILE} (metrics)`, INDEX_COLUMNS, indexRows(summary.metrics ?? {})));
    const claims = Object.entries(summary.claims ?? {}).map(([c, s]): Cell[] => [c, num(s.share), num(s.low), num(s.high), s.holds, s.runs]);
    views.push(valuesView('claims', `${SUMMARY_FILE} (claims)`, [{ name: 'claim', type: 'VARCHAR' }, { name: 'share', type: 'DOUBLE' }, { name: 'low', type: 'DOUBLE' }, { name: 'high', type: 'DOUBLE' }, { name: 'holds', type: 'BIGINT' }, { name: 'runs', type: 'BIGINT' }], claims));
    views.push({ name: 'summary', source: summaryPath, sql: `SELECT * FROM read_json_auto(${sqlString(summaryPath)})` });
  }
  const journalPath = join(dir, JOURNAL_FILE);
  if (existsSync(journalPath)) {
    const runs = [...readJournal(journalPath).results.values()].map((r): Cell[] => [r.id, r.replicate, r.seed, r.attempts, r.ms, r.worker]);
    views.push(valuesView('runs', journalPath, [{ name: 'point_id', type: 'VARCHAR' }, { name: 'replicate', type: 'BIGINT' }, { name: 'seed', type: 'BIGINT' }, { name: 'attempts', type: 'BIGINT' }, { name: 'ms', type: 'DOUBLE' }, { name: 'worker', type: 'VARCHAR' }], runs));
  }
  return views;
}

/** Run `sql` against the sweep results in `dir` (several statements allowed; the last one's result is returned). */
export async function querySweep(dir: string, sql: string): Promise<QueryResult> {
  const full = resolve(dir);
  if (!isSweepDir(full)) throw new UserError(`${dir}: not a sweep directory; expected ${TABLE_FILE} in it (exoscape sweep writes it)`);
  return queryViews(full, dir, sweepViews(full), sql);
}
