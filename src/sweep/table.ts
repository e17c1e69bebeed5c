/**
 * The results table (`sweep.parquet`): one row per run — point_id, replicate, seed, one column per
 * parameter, one per metric, one per claim — in design order, whatever order the runs finished in,
 * so the same sweep gives the same file on any backend. Queryable with DuckDB
 * (`SELECT … FROM 'sweep.parquet'`) like a run's time series.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { VERSION } from '../version.ts';
import { evaluateClaim, isMetricItself } from './claims.ts';
import type { Metrics } from './evaluator.ts';
import { writeFileAtomicSync as writeFileDurable } from '../io/atomic.ts';
import type { LoadedSweep } from './load-spec.ts';
import type { SweepPlan, SweepTask } from './plan.ts';

export const TABLE_FILE = 'sweep.parquet';

type Column = { name: string; data: (number | bigint | boolean | string | null)[]; type: 'STRING' | 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN' };

/** The finished runs in design order. */
export function finishedInOrder(plan: SweepPlan, results: ReadonlyMap<string, Metrics>): { task: SweepTask; metrics: Metrics }[] {
  return plan.tasks.flatMap((task) => {
    const metrics = results.get(task.id);
    return metrics === undefined ? [] : [{ task, metrics }];
  });
}

export function tableColumns(sweep: LoadedSweep, plan: SweepPlan, results: ReadonlyMap<string, Metrics>): Column[] {
  const rows = finishedInOrder(plan, results);
  const cols: Column[] = [
    { name: 'point_id', type: 'STRING', data: rows.map((r) => r.task.id) },
    { name: 'replicate', type: 'INT32', data: rows.map((r) => r.task.replicate) },
    { name: 'seed', type: 'INT64', data: rows.map((r) => BigInt(r.task.seed)) },
  ];
  for (const n of sweep.names) cols.push({ name: n, type: 'DOUBLE', data: rows.map((r) => r.task.params[n]!) });
  for (const m of sweep.evaluator.metrics) {
    const data = rows.map((r) => r.metrics[m.name] ?? null);
    const bool = data.some((v) => typeof v === 'boolean') && data.every((v) => v === null || typeof v === 'boolean');
    cols.push({ name: m.name, type: bool ? 'BOOLEAN' : 'DOUBLE', data: bool ? data : data.map((v) => (typeof v === 'boolean' ? Number(v) : v)) });
  }
  for (const c of sweep.claims.filter((x) => !isMetricItself(x))) cols.push({ name: c.name, type: 'BOOLEAN', data: rows.map((r) => evaluateClaim(c, r.metrics)) });
  return cols;
}

export function writeTable(path: string, sweep: LoadedSweep, plan: SweepPlan, results: ReadonlyMap<string, Metrics>): number {
  const columnData = tableColumns(sweep, plan, results);
  const buf = parquetWriteBuffer({
    columnData,
    createdBy: `exoscape ${VERSION}`,
    kvMetadata: [
      { key: 'exoscape.sweep', value: sweep.spec.name },
      { key: 'exoscape.eval_key', value: sweep.evalKey },
    ],
  });
  writeFileDurable(path, new Uint8Array(buf));
  return columnData[0]!.data.length;
}
