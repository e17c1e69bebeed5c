/**
 * `exoscape sweep SPEC` — run a parameter sweep (designs: grid, LHS, Morris, Sobol') on all cores,
 * or on a BullMQ queue with `--queue redis://…`; and `exoscape worker --queue …`, which runs queued
 * sweep points on this machine. Results: DIR/sweep.parquet (one row per run), DIR/summary.json
 * (sensitivity indices with confidence intervals, claim shares), DIR/journal.jsonl (resume).
 */
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { UserError } from '../common/errors.ts';
import type { SweepBackend } from '../sweep/backend.ts';
import { REPORT_FILE, writeSweepReport } from '../sweep/figures.ts';
import { formatSummary } from '../sweep/format.ts';
import { loadSweep } from '../sweep/load-spec.ts';
import { createLocalBackend } from '../sweep/local/local-backend.ts';
import { checkRedisUrl, DEFAULT_QUEUE_NAME } from '../sweep/queue/connection.ts';
import { createQueueBackend } from '../sweep/queue/queue-backend.ts';
import { startQueueWorker } from '../sweep/queue/queue-worker.ts';
import { runSweep, type SweepProgress } from '../sweep/run-sweep.ts';
import { formatTable, printJson, type Io } from './io.ts';
import { EXIT_INTERRUPTED } from './run-command.ts';

const EXIT_FAILURE = 1;

function positiveInt(flag: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`${flag} expects a positive integer (found "${v}")`);
    return n;
  };
}

function eta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '…';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** A cli-progress bar on stderr (TTY only): finished / running / queued, failures, ETA. */
function progressBar(): { update: (p: SweepProgress) => void; stop: () => void } {
  const bar = new SingleBar({
    format: '{bar} {value}/{total} finished | {running} running | {queued} queued{failedText} | ETA {etaText}',
    hideCursor: true,
    clearOnComplete: false,
    fps: 5,
  });
  let started = false;
  return {
    update(p) {
      const payload = { running: p.running, queued: p.queued, failedText: p.failed > 0 ? ` | ${p.failed} failed` : '', etaText: eta(p.etaSeconds) };
      if (!started) {
        bar.start(p.total, p.finished, payload);
        started = true;
      } else bar.update(p.finished, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

interface SweepOptions {
  out?: string;
  resume?: boolean;
  json?: boolean;
  threads?: number;
  queue?: string;
  queueName: string;
  figures: boolean;
}

export function sweepCommand(io: Io): Command {
  return new Command('sweep')
    .description('run a parameter sweep (grid, Latin hypercube, Morris, Sobol\') and compute sensitivity indices')
    .argument('<spec>', 'sweep file (YAML; see sweeps/)')
    .option('-o, --out <dir>', 'output directory (default: results/sweeps/<name>)')
    .option('--resume', 'continue the sweep in --out: finished runs are kept, the rest run')
    .option('--threads <n>', 'worker threads for the local backend (default: all cores)', positiveInt('--threads'))
    .option('--queue <url>', 'run on a BullMQ queue at this Redis URL (redis://host:port) instead of locally; start `exoscape worker --queue …` on any machines')
    .option('--queue-name <name>', 'BullMQ queue name', DEFAULT_QUEUE_NAME)
    .option('--no-figures', 'skip the figures (DIR/figures) and DIR/report.md')
    .option('--json', 'print the summary as JSON (no progress bar)')
    .addHelpText('after', '\nWrites DIR/sweep.parquet (a row per run: point_id, replicate, seed, parameters, metrics, claims),\nDIR/summary.json (indices with confidence intervals, claim shares), DIR/journal.jsonl (for --resume),\nand DIR/report.md with figures in DIR/figures (tornado per metric, Morris μ*–σ, heatmaps for 2-parameter grids).\n')
    .action(async (specPath: string, opts: SweepOptions) => {
      const sweep = await loadSweep(resolve(io.cwd, specPath), { displayRoot: io.cwd });
      const outDir = resolve(io.cwd, opts.out ?? `results/sweeps/${sweep.spec.name}`);
      if (opts.queue !== undefined && opts.threads !== undefined) throw new UserError('--threads applies to the local backend; with --queue, give each `exoscape worker` its --threads');
      const backend: SweepBackend =
        opts.queue !== undefined
          ? await createQueueBackend({ url: checkRedisUrl(opts.queue), queueName: opts.queueName })
          : createLocalBackend({ ...(opts.threads !== undefined ? { threads: opts.threads } : {}), workDir: resolve(outDir, 'runs') });
      const bar = io.isTty && opts.json !== true ? progressBar() : undefined;
      const ac = new AbortController();
      const onSigint = (): void => { ac.abort(); };
      process.once('SIGINT', onSigint);
      let outcome;
      try {
        outcome = await runSweep(sweep, backend, { outDir, resume: opts.resume === true, signal: ac.signal, ...(bar !== undefined ? { onProgress: bar.update } : {}) });
      } finally {
        process.removeListener('SIGINT', onSigint);
        bar?.stop();
        await backend.close();
      }
      const rel = relative(io.cwd, outDir);
      const where = rel === '' ? '.' : rel.startsWith('..') ? outDir : rel;
      if (outcome.cancelled || outcome.summary === undefined) {
        io.err(`exoscape: sweep interrupted; ${outcome.results.size} of ${outcome.plan.tasks.length} runs are recorded in ${where}/journal.jsonl — continue with --resume\n`);
        io.exitCode = EXIT_INTERRUPTED;
        return;
      }
      const figures = opts.figures ? await writeSweepReport(outDir, outcome.summary, sweep, outcome.plan, outcome.results, formatTable) : [];
      if (opts.json === true) printJson(io, { ...outcome.summary, outDir: where, figures: figures.map((f) => `figures/${f}.svg`) });
      else io.out(formatSummary(outcome.summary, formatTable, where) + (opts.figures ? `report ${where}/${REPORT_FILE} (${figures.length} figure${figures.length === 1 ? '' : 's'} in ${where}/figures)\n` : ''));
      if (outcome.failed.length > 0) {
        io.err(`exoscape: ${outcome.failed.length} run(s) failed after ${sweep.spec.retry.attempts} attempt(s), e.g. ${outcome.failed[0]!.error}; the table holds the others. Rerun with --resume to retry them.\n`);
        io.exitCode = EXIT_FAILURE;
      }
    });
}

interface WorkerOptions {
  queue: string;
  queueName: string;
  threads?: number;
  workDir?: string;
  lockDuration: number;
  stalledInterval: number;
  json?: boolean;
}

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string): void => {
      process.removeListener('SIGINT', on);
      process.removeListener('SIGTERM', on);
      resolve(sig);
    };
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  });
}

export function workerCommand(io: Io): Command {
  return new Command('worker')
    .description('run queued sweep points on this machine (BullMQ on Redis) until stopped with Ctrl-C / SIGTERM')
    .requiredOption('--queue <url>', 'Redis URL of the queue (redis://host:port)')
    .option('--queue-name <name>', 'BullMQ queue name', DEFAULT_QUEUE_NAME)
    .option('--threads <n>', 'points run at once (worker threads; default: all cores)', positiveInt('--threads'))
    .option('--work-dir <dir>', 'where points may write (default: a directory under the OS temp dir)')
    .option('--lock-duration <ms>', 'how long a dead worker keeps its job claimed before another worker takes it over', positiveInt('--lock-duration'), 30_000)
    .option('--stalled-interval <ms>', 'how often this worker checks for jobs of dead workers', positiveInt('--stalled-interval'), 30_000)
    .option('--json', 'log one JSON object per event')
    .action(async (opts: WorkerOptions) => {
      const log = (e: Record<string, unknown>, text: string): void => {
        io.out(opts.json === true ? `${JSON.stringify({ time: new Date().toISOString(), ...e })}\n` : `${text}\n`);
      };
      const w = await startQueueWorker({
        url: checkRedisUrl(opts.queue),
        queueName: opts.queueName,
        ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
        ...(opts.workDir !== undefined ? { workDir: resolve(io.cwd, opts.workDir) } : {}),
        lockDurationMs: opts.lockDuration,
        stalledIntervalMs: opts.stalledInterval,
        onEvent: (e) => {
          if (e.type === 'started') log(e, `started ${e.id}`);
          else if (e.type === 'finished') log(e, `finished ${e.id} in ${e.ms.toFixed(1)} ms`);
          else log(e, `failed ${e.id}: ${e.error}`);
        },
      });
      log({ type: 'ready', worker: w.name, threads: w.threads, queue: opts.queueName }, `exoscape worker ${w.name}: ${w.threads} thread(s) on queue "${opts.queueName}", waiting for jobs (Ctrl-C to stop)`);
      const sig = await untilSignal();
      log({ type: 'stopping', signal: sig }, `${sig}: finishing running points, then stopping`);
      await w.close();
    });
}
