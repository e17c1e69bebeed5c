/**
 * `exoscape assay NAME` — run one virtual assay (its arms × n replicates, in parallel) and print the
 * statistics; `exoscape reproduce qian2021` — run the assays behind figures 1–5 of the seed study and
 * print the claims table. Long runs show a progress bar on a terminal and are quiet with --json.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { UserError } from '../common/errors.ts';
import { closestName } from '../common/suggest.ts';
import { loadModel } from '../model/load-model.ts';
import { ASSAYS, assayByName } from '../experiments/registry.ts';
import { runExperiment } from '../experiments/experiment.ts';
import { formatAssay } from '../experiments/format.ts';
import { claimsJson, formatClaims } from '../experiments/claims-format.ts';
import { reproduceQian2021, type Reproduction } from '../experiments/qian2021.ts';
import { formatRepeats, repeatClaims, repeatsJson } from '../experiments/repeats.ts';
import { writeReproductionReport } from '../experiments/report/write-report.ts';
import { loadAtlas } from '../atlas/load.ts';
import { DEFAULT_OPTIONS, type AssayOptions } from '../experiments/types.ts';
import { printJson, type Io } from './io.ts';

function integer(what: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${what} must be an integer ≥ ${min}, got "${v}"`);
    return n;
  };
}

function positive(what: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${what} must be a positive number, got "${v}"`);
    return n;
  };
}

/** `--seeds 1,2,3`: distinct base seeds, each an integer ≥ 0. */
function seedList(v: string): number[] {
  const parts = v.split(',').map((x) => x.trim());
  const seeds = parts.map(Number);
  const bad = parts.find((x, i) => x === '' || !Number.isInteger(seeds[i]) || seeds[i]! < 0);
  if (bad !== undefined) throw new InvalidArgumentError(`--seeds expects comma-separated integers ≥ 0 (e.g. 1,2,3), got "${bad}" in "${v}"`);
  if (new Set(seeds).size !== seeds.length) throw new InvalidArgumentError(`--seeds: a seed is listed twice in "${v}"; repeats need distinct seeds`);
  return seeds;
}

/** `--set name=value` (repeatable): model parameter overrides. */
function collectSet(v: string, prev: Record<string, number>): Record<string, number> {
  const m = /^([a-z][a-z0-9_]*)=(.+)$/.exec(v.trim());
  const x = m === null ? Number.NaN : Number(m[2]);
  if (m === null || !Number.isFinite(x)) throw new InvalidArgumentError(`--set expects name=number (e.g. frk_max_repression=0), got "${v}"`);
  return { ...prev, [m[1]!]: x };
}

/** Unknown parameter names are a usage error here, before any simulation starts. */
export function checkParameters(set: Record<string, number>): void {
  const names = Object.keys(loadModel().values);
  for (const k of Object.keys(set)) {
    if (!names.includes(k)) {
      const near = closestName(k, names);
      throw new UserError(`--set ${k}: unknown model parameter${near ? `; did you mean "${near}"?` : ''} (see exoscape model explain)`);
    }
  }
}

export interface CommonOptions {
  replicates: number;
  seed: number;
  workers: number;
  dose?: number;
  uptakeDose?: number;
  set: Record<string, number>;
  json?: boolean;
}

export function commonAssayOptions(cmd: Command, defaultReplicates: number): Command {
  return cmd
    .option('-n, --replicates <n>', 'replicates per arm (independent seeds)', integer('--replicates', 2), defaultReplicates)
    .option('--seed <n>', 'base seed (each arm and replicate derives its own)', integer('--seed', 0), 1)
    .addOption(new Option('--workers <n>', 'worker threads running replicates in parallel (results do not depend on it)').argParser(integer('--workers', 1)).default(availableParallelism(), 'all cores'))
    .option('--dose <n>', `vesicles per recipient cell in the 48 h pre-treatment (default ${DEFAULT_OPTIONS.dose})`, positive('--dose'))
    .option('--uptake-dose <n>', `labelled vesicles per cell in the uptake assay (default ${DEFAULT_OPTIONS.uptakeDose})`, positive('--uptake-dose'))
    .option('--set <name=value>', 'override a model parameter in every simulation (repeatable), e.g. frk_max_repression=0', collectSet, {})
    .option('--json', 'print the results as JSON (no progress output)');
}

export function assayOptionsFrom(o: CommonOptions): AssayOptions {
  checkParameters(o.set);
  return { ...DEFAULT_OPTIONS, dose: o.dose ?? DEFAULT_OPTIONS.dose, uptakeDose: o.uptakeDose ?? DEFAULT_OPTIONS.uptakeDose, parameters: o.set };
}

/** A progress bar on a terminal (jobs done / total), nothing otherwise. */
export function progress(io: Io, quiet: boolean, label: string): { onProgress: (d: number, t: number) => void; stop: () => void } {
  let bar: SingleBar | null = null;
  return {
    onProgress: (d, t) => {
      if (quiet || !io.isTty) return;
      if (bar === null) {
        bar = new SingleBar({ format: ` ${label} {bar} {value}/{total} arm×replicate jobs | {duration_formatted} | ETA {eta_formatted}`, hideCursor: true, stream: process.stdout });
        bar.start(t, 0);
      }
      bar.update(d);
    },
    stop: () => {
      bar?.stop();
    },
  };
}

function listAssays(): string {
  const lines = ['Assays (exoscape assay NAME --arms A,B,... -n N):', ''];
  for (const a of ASSAYS) {
    lines.push(`${a.name} — ${a.title} [${a.figure}]`);
    lines.push(`  readouts: ${a.readouts.map((r) => r.key).join(', ')}`);
    lines.push(`  arms: ${a.arms.join(', ')}`);
    lines.push(`  default: --arms "${a.defaultArms.join(',')}" (control ${a.control})`, '');
  }
  return lines.join('\n');
}

export function assayCommand(io: Io): Command {
  const cmd = new Command('assay')
    .description('run a virtual assay of the seed study (arms × replicates) and compare the arms (Welch t / ANOVA + Tukey, effect sizes)')
    .argument('[name]', 'assay name (omit to list the assays and their arms)')
    .option('--arms <list>', 'comma-separated arms (default: the assay\'s)')
    .option('--control <arm>', 'control arm (default: the assay\'s control, else the first arm)');
  commonAssayOptions(cmd, 4)
    .addHelpText('after', '\nExamples:\n  exoscape assay                       # list assays and arms\n  exoscape assay production -n 4\n  exoscape assay transwell-migration --arms "PBS,N-GDE,H-GDE" -n 5 --json\n  exoscape assay matrigel-invasion --arms "H-GDE,H-GDE+TFAP2A" --set tfap2a_max_repression=0\n')
    .action(async (name: string | undefined, o: CommonOptions & { arms?: string; control?: string }) => {
      if (name === undefined) {
        io.out(listAssays());
        return;
      }
      const def = assayByName(name);
      const options = assayOptionsFrom(o);
      const arms = o.arms !== undefined ? o.arms.split(',').map((s) => s.trim()).filter((s) => s !== '') : [...def.defaultArms];
      const bar = progress(io, o.json === true, name);
      let result;
      try {
        result = await runExperiment([{ assay: def.name, arms, ...(o.control !== undefined ? { control: o.control } : {}) }], {
          replicates: o.replicates,
          seed: o.seed,
          workers: o.workers,
          options,
          onProgress: bar.onProgress,
        });
      } finally {
        bar.stop();
      }
      if (o.json === true) {
        printJson(io, result);
        return;
      }
      io.out(formatAssay(result.assays[0]!));
      io.out(`\nseed ${result.seed}, ${result.workers} worker(s), ${result.wallSeconds.toFixed(1)} s wall, ${result.cpuSeconds.toFixed(1)} s CPU, code ${result.codeVersion}\n`);
    });
  return cmd;
}


export const STUDIES = ['qian2021'] as const;

export function reproduceCommand(io: Io, dataDir: () => string | undefined): Command {
  const cmd = new Command('reproduce')
    .description('run the assays behind a seed study\'s figures and print whether each of its findings holds in the model (claims table)')
    .argument('<study>', `study to reproduce: ${STUDIES.join(', ')}`)
    .option('--report <dir>', 'also write a self-contained HTML report with figures (SVG, PNG), claims.json and results.json into DIR')
    .option('--seeds <list>', 'repeat the whole reproduction at each of these base seeds (e.g. 1,2,3: independent experiments); a claim holds when it holds at every seed', seedList);
  commonAssayOptions(cmd, 4)
    .addHelpText('after', '\nExamples:\n  exoscape reproduce qian2021\n  exoscape reproduce qian2021 --replicates 6 --report results/qian2021\n  exoscape reproduce qian2021 --seeds 1,2,3        # three independent repeats: which claims are robust\n  exoscape reproduce qian2021 --set frk_max_repression=0 --json    # cut the miR-1246 ⊣ FRK link\n')
    .action(async (study: string, o: CommonOptions & { report?: string; seeds?: number[] }) => {
      if (!(STUDIES as readonly string[]).includes(study)) {
        const near = closestName(study, STUDIES);
        throw new UserError(`reproduce: unknown study "${study}"${near ? `; did you mean "${near}"?` : ''} — studies: ${STUDIES.join(', ')}`);
      }
      if (o.seeds !== undefined && cmd.getOptionValueSource('seed') === 'cli') throw new UserError('reproduce: give either --seed or --seeds, not both');
      const seeds = o.seeds ?? [o.seed];
      // A report shows a snapshot of replicate 1 of each arm of the spatial assays.
      const options = { ...assayOptionsFrom(o), snapshots: o.report !== undefined };
      const d = dataDir();
      // Load the atlas first when a report is asked for, so a bad data directory fails before the run.
      const atlas = o.report !== undefined ? loadAtlas(d !== undefined ? { dataDir: d } : {}) : undefined;
      const reps: Reproduction[] = [];
      for (const [k, seed] of seeds.entries()) {
        const bar = progress(io, o.json === true, seeds.length > 1 ? `${study} seed ${seed} (${k + 1}/${seeds.length})` : study);
        try {
          // Snapshots (for the report's figures) only from the first seed's run.
          reps.push(await reproduceQian2021({ replicates: o.replicates, seed, workers: o.workers, options: { ...options, snapshots: options.snapshots && k === 0 }, onProgress: bar.onProgress }));
        } finally {
          bar.stop();
        }
      }
      const rep = reps[0]!;
      const repeats = seeds.length > 1 ? repeatClaims(seeds, reps.map((r) => r.claims)) : undefined;
      const wall = reps.reduce((a, r) => a + r.experiment.wallSeconds, 0);
      const cpu = reps.reduce((a, r) => a + r.experiment.cpuSeconds, 0);
      let written: string[] = [];
      if (o.report !== undefined && atlas !== undefined) {
        written = await writeReproductionReport(resolve(io.cwd, o.report), rep, { model: loadModel(undefined, { atlas }), atlas, date: new Date().toISOString(), ...(repeats !== undefined ? { repeats, wallSeconds: wall, cpuSeconds: cpu } : {}) });
      }
      if (o.json === true) {
        const run = { replicates: rep.experiment.replicates, seed: rep.experiment.seed, ...(repeats !== undefined ? { seeds } : {}), workers: rep.experiment.workers, wallSeconds: wall, cpuSeconds: cpu, codeVersion: rep.experiment.codeVersion, parameters: options.parameters, report: o.report !== undefined ? resolve(io.cwd, o.report, 'index.html') : null };
        printJson(io, { ...(repeats !== undefined ? repeatsJson(repeats) : claimsJson(rep.claims)), run });
        return;
      }
      if (repeats !== undefined) {
        io.out(`Qian et al. 2021 (Lab Invest): ${rep.experiment.assays.length} assays, n = ${rep.experiment.replicates} replicates per arm, repeated at seeds ${seeds.join(', ')}\n\n`);
        io.out(formatRepeats(repeats));
      } else {
        io.out(`Qian et al. 2021 (Lab Invest): ${rep.experiment.assays.length} assays, n = ${rep.experiment.replicates} replicates per arm, seed ${rep.experiment.seed}\n\n`);
        io.out(formatClaims(rep.claims));
      }
      io.out(`${wall.toFixed(0)} s wall on ${rep.experiment.workers} worker(s), ${cpu.toFixed(0)} s CPU; code ${rep.experiment.codeVersion}\n`);
      if (written.length > 0) io.out(`Report: ${resolve(io.cwd, o.report!, 'index.html')} (${written.length} files${repeats !== undefined ? `; figures from seed ${seeds[0]}` : ''})\n`);
    });
  return cmd;
}
