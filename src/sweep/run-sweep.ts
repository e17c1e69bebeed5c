/**
 * The one sweep code path, whatever the backend: plan the runs, skip those the journal already
 * holds, submit the rest to the backend, record each result as it arrives, then write the table
 * (sweep.parquet) and the summary (summary.json: indices with CIs, claim shares) atomically.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type Analysis } from './analyze.ts';
import type { SweepBackend } from './backend.ts';
import type { Metrics } from './evaluator.ts';
import { writeFileAtomicSync as writeFileDurable } from '../io/atomic.ts';
import { JOURNAL_FILE, Journal } from './journal.ts';
import type { LoadedSweep } from './load-spec.ts';
import { describeDistribution } from './parameters.ts';
import { planSweep, type SweepPlan } from './plan.ts';
import { TABLE_FILE, writeTable } from './table.ts';

export const SUMMARY_FILE = 'summary.json';

export interface SweepProgress {
  total: number;
  finished: number;
  running: number;
  queued: number;
  failed: number;
  /** Finished before this session (from the journal). */
  reused: number;
  /** Seconds left at this session's rate, once a run has finished. */
  etaSeconds: number | undefined;
}

export interface RunSweepOptions {
  outDir: string;
  resume?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SweepProgress) => void;
}

export interface SweepSummary extends Analysis {
  format: 1;
  sweep: string;
  file: string;
  description?: string;
  evaluator: { name: string; options: Record<string, unknown> };
  evalKey: string;
  specHash: string;
  design: Record<string, unknown>;
  parameters: Record<string, string>;
  replicates: number;
  seed: number;
  backend: string;
  runs: { designRows: number; planned: number; finished: number; failed: number; reused: number; new: number };
  elapsedSeconds: number;
  runsPerSecond: number;
  table: string;
  failures: { id: string; error: string }[];
}

export interface SweepOutcome {
  summary: SweepSummary | undefined;
  outDir: string;
  tablePath: string;
  summaryPath: string;
  plan: SweepPlan;
  results: Map<string, Metrics>;
  failed: { id: string; error: string }[];
  cancelled: boolean;
}

export async function runSweep(sweep: LoadedSweep, backend: SweepBackend, options: RunSweepOptions): Promise<SweepOutcome> {
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const plan = planSweep(sweep);
  const journal = Journal.open(join(outDir, JOURNAL_FILE), { type: 'sweep', format: 1, name: sweep.spec.name, evalKey: sweep.evalKey }, { resume: options.resume ?? false });
  const results = new Map<string, Metrics>();
  for (const t of plan.tasks) {
    const r = journal.results.get(t.id);
    if (r !== undefined) results.set(t.id, r.metrics);
  }
  const reused = results.size;
  const todo = plan.tasks.filter((t) => !results.has(t.id));
  const byId = new Map(todo.map((t) => [t.id, t]));
  const running = new Set<string>();
  const failed: { id: string; error: string }[] = [];
  const t0 = performance.now();
  let fresh = 0;
  const progress = (): void => {
    if (options.onProgress === undefined) return;
    const done = results.size + failed.length;
    const elapsed = (performance.now() - t0) / 1000;
    options.onProgress({
      total: plan.tasks.length,
      finished: results.size,
      running: running.size,
      queued: plan.tasks.length - done - running.size,
      failed: failed.length,
      reused,
      etaSeconds: fresh > 0 ? ((plan.tasks.length - done) * elapsed) / fresh : undefined,
    });
  };
  progress();
  let cancelled = false;
  try {
    const stream = backend.run({ evalKey: sweep.evalKey, evaluator: sweep.evaluator, retry: { attempts: sweep.spec.retry.attempts, backoffMs: sweep.spec.retry.backoff } }, todo, options.signal !== undefined ? { signal: options.signal } : {});
    for await (const ev of stream) {
      const task = byId.get(ev.id);
      if (task === undefined) continue;
      if (ev.type === 'started') running.add(ev.id);
      else if (ev.type === 'retrying') running.delete(ev.id);
      else if (ev.type === 'finished') {
        running.delete(ev.id);
        if (results.has(ev.id)) continue;
        results.set(ev.id, ev.metrics);
        fresh++;
        journal.append({ id: ev.id, replicate: task.replicate, seed: task.seed, params: task.params, metrics: ev.metrics, attempts: ev.attempts, ms: ev.ms, worker: ev.worker });
      } else {
        running.delete(ev.id);
        failed.push({ id: ev.id, error: ev.error });
        journal.noteFailure(ev.id, ev.error, ev.attempts);
      }
      progress();
    }
    cancelled = options.signal?.aborted === true;
  } finally {
    journal.close();
  }
  const tablePath = join(outDir, TABLE_FILE);
  const summaryPath = join(outDir, 'summary.json');
  if (cancelled) return { summary: undefined, outDir, tablePath, summaryPath, plan, results, failed, cancelled };

  writeTable(tablePath, sweep, plan, results);
  const elapsedSeconds = (performance.now() - t0) / 1000;
  const summary: SweepSummary = {
    format: 1,
    sweep: sweep.spec.name,
    file: sweep.path,
    ...(sweep.spec.description !== undefined ? { description: sweep.spec.description } : {}),
    evaluator: { name: sweep.evaluator.name, options: sweep.evaluator.options },
    evalKey: sweep.evalKey,
    specHash: sweep.specHash,
    design: { ...sweep.spec.design, ...(sweep.sampling !== undefined ? { sampling: sweep.sampling } : {}) },
    parameters: Object.fromEntries(sweep.names.map((n) => [n, describeDistribution(sweep.distributions[n]!)])),
    replicates: sweep.spec.replicates,
    seed: sweep.spec.seed,
    backend: backend.name,
    runs: { designRows: plan.rows.length, planned: plan.tasks.length, finished: results.size, failed: failed.length, reused, new: fresh },
    elapsedSeconds,
    runsPerSecond: fresh / Math.max(elapsedSeconds, 1e-9),
    table: TABLE_FILE,
    failures: failed.slice(0, 20),
    ...analyze(sweep, plan, results),
  };
  writeFileDurable(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, outDir, tablePath, summaryPath, plan, results, failed, cancelled };
}
