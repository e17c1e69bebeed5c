/**
 * `exoscape run FILE` — run a scenario and write its results (src/sim/run.ts). A progress bar on a
 * terminal, one line per output time otherwise, nothing but the summary JSON with --json.
 * Ctrl-C stops after the current phenotype step, keeps the last checkpoint and exits 130;
 * `exoscape run --resume DIR` continues to the same final state.
 */
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import { UserError } from '../common/errors.ts';
import { loadAtlas } from '../atlas/load.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
import { loadRecordedScenario, runScenario, type RunProgress, type RunSummary } from '../sim/run.ts';
import { printJson, type Io } from './io.ts';

export const EXIT_INTERRUPTED = 130;

function positiveInt(what: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${what} must be a non-negative integer, got "${v}"`);
    return n;
  };
}

function fmt(x: number, digits = 3): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(digits);
}

export function describeSummary(s: RunSummary): string {
  const f = s.final;
  const lines = [
    `${s.status === 'finished' ? 'Finished' : 'Stopped'} ${s.scenario.name}: ${fmt(s.simulatedMinutes)} of ${fmt(s.durationMin)} simulated min in ${s.wallSeconds.toFixed(1)} s (seed ${s.seed}, ${s.threads} thread${s.threads === 1 ? '' : 's'})`,
    `  cells: ${s.cells.live} live of ${s.cells.total}; hypoxic (HIF-1α > 0.5): ${fmt(100 * (f.hypoxic_fraction ?? 0), 3)} %; mean O2 ${fmt(f.o2_mean_mmhg ?? 0)} mmHg`,
    `  vesicles: ${fmt(f.vesicles_released ?? 0)} released, ${fmt(f.vesicles_taken_up ?? 0)} taken up, ${fmt(f.vesicles_in_field ?? 0)} in the tissue`,
    `  recipients: miR-1246 ${fmt(f.mir_1246_mean ?? 0)} and miR-10b-5p ${fmt(f.mir_10b_5p_mean ?? 0)} copies/cell; FRK ${fmt(f.frk_mean ?? 1)}, TFAP2A ${fmt(f.tfap2a_mean ?? 1)}`,
    `  motility: ${fmt(f.speed_mean_um_per_min ?? 0)} µm/min; invasion front ${fmt(f.invasion_front_um ?? 0)} µm beyond the initial outline`,
    `  mass balance: largest relative residual ${s.maxMassBalanceError.toExponential(1)} (${s.massBalance.map((b) => b.field).join(', ')})`,
    `  stateDigest ${s.stateDigest}`,
    `  results in ${s.outDir}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function runCommand(io: Io, dataDir: () => string | undefined): Command {
  return new Command('run')
    .description('run a scenario and write time series, snapshots, checkpoints and summary.json')
    .argument('[file]', 'scenario YAML file (omit with --resume)')
    .option('--seed <n>', 'random seed (default: the scenario\'s)', positiveInt('--seed'))
    .option('--threads <n>', 'worker threads (results are identical for any number)', positiveInt('--threads'), 1)
    .option('--out <dir>', 'results directory (default: results/<scenario name>)')
    .option('--resume <dir>', 'continue an interrupted run from its last checkpoint')
    .option('--force', 'replace an existing run in the results directory')
    .option('--json', 'print the summary as JSON (no progress output)')
    .addHelpText('after', '\nExamples:\n  exoscape run scenarios/hypoxic-glioma-quick.yaml\n  exoscape run scenarios/hypoxic-glioma.yaml --threads 2 --out results/slice\n  exoscape run --resume results/slice\n')
    .action(async (file: string | undefined, opts: { seed?: number; threads: number; out?: string; resume?: string; force?: boolean; json?: boolean }) => {
      if (file === undefined && opts.resume === undefined) throw new UserError('run: give a scenario file, or --resume DIR');
      if (file !== undefined && opts.resume !== undefined) throw new UserError('run: give either a scenario file or --resume DIR, not both');
      let loaded;
      let seed = opts.seed;
      let outDir: string;
      if (opts.resume !== undefined) {
        outDir = resolve(io.cwd, opts.resume);
        const rec = loadRecordedScenario(outDir);
        loaded = rec.loaded;
        if (seed !== undefined && seed !== rec.seed) throw new UserError(`run --resume: the run used seed ${rec.seed}; leave --seed out`);
        seed = rec.seed;
      } else {
        const d = dataDir();
        const atlas = loadAtlas(d !== undefined ? { dataDir: d } : {});
        loaded = loadScenario(resolve(io.cwd, file!), { atlas, displayRoot: io.cwd });
        outDir = resolve(io.cwd, opts.out ?? `results/${loaded.scenario.name}`);
      }
      const controller = new AbortController();
      const onSigint = (): void => {
        controller.abort();
      };
      process.once('SIGINT', onSigint);
      let bar: SingleBar | null = null;
      const quiet = opts.json === true;
      let lastLine = -1;
      const onProgress = (p: RunProgress): void => {
        if (quiet) return;
        if (io.isTty) {
          if (bar === null) {
            bar = new SingleBar({ format: ' {bar} {value}/{total} min | {cells} cells | {speed} sim-min/s | ETA {eta_formatted}', hideCursor: true, stream: process.stdout });
            bar.start(p.durationMin, p.timeMin, { cells: p.cells, speed: '-' });
          }
          bar.update(p.timeMin, { cells: p.cells, speed: p.wallSeconds > 0 ? (p.timeMin / p.wallSeconds).toFixed(0) : '-' });
        } else {
          const tenth = Math.floor((10 * p.timeMin) / p.durationMin);
          if (tenth !== lastLine) {
            lastLine = tenth;
            io.out(`  t = ${fmt(p.timeMin)} / ${fmt(p.durationMin)} min, ${p.cells} cells, ${p.wallSeconds.toFixed(1)} s\n`);
          }
        }
      };
      let summary: RunSummary;
      try {
        if (!quiet && !io.isTty) io.out(`Running ${loaded.scenario.name} → ${outDir}\n`);
        summary = await runScenario(loaded, {
          ...(seed !== undefined ? { seed } : {}),
          threads: Math.max(1, opts.threads),
          outDir,
          resume: opts.resume !== undefined,
          force: opts.force === true,
          signal: controller.signal,
          onProgress,
        });
      } finally {
        process.removeListener('SIGINT', onSigint);
        (bar as SingleBar | null)?.stop();
      }
      if (quiet) printJson(io, summary);
      else {
        io.out(describeSummary(summary));
        if (summary.status === 'finished') io.out(`Next: exoscape plot ${outDir}   ·   exoscape query ${outDir} "SELECT time_min, hypoxic_fraction, frk_mean FROM timeseries"\n`);
        else io.out(`Interrupted. Continue with: exoscape run --resume ${outDir}\n`);
      }
      if (summary.status === 'cancelled') io.exitCode = EXIT_INTERRUPTED;
    });
}
