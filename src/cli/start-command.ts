/**
 * `exoscape start` — the main job on embedded defaults (what `npm start` runs): run the default
 * scenario (scenarios/hypoxic-glioma.yaml) into a fresh results directory, draw its figures and
 * write a short report (report.md) that states what emerged, with the evidence chain behind it.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { loadAtlas } from '../atlas/load.ts';
import { atlasStats } from '../atlas/stats.ts';
import { buildGraph, findPaths, resolveNode } from '../atlas/graph.ts';
import { filterRelations } from '../atlas/query.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
import { runScenario, type RunProgress, type RunSummary } from '../sim/run.ts';
import { plotRun } from '../io/figures/plot-run.ts';
import { readTimeSeries } from '../io/results/reader.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { defaultThreads } from '../engine/parallel/pool.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { describeSummary } from './run-command.ts';
import { printJson, type Io } from './io.ts';
import { codeVersion } from '../version.ts';

export function defaultScenarioPath(): string {
  return fileURLToPath(new URL('../../scenarios/hypoxic-glioma.yaml', import.meta.url));
}

/** results/<name>, or results/<name>-2, -3 … so an earlier run is never overwritten. */
function freshDir(base: string): string {
  if (!existsSync(base)) return base;
  for (let k = 2; ; k++) if (!existsSync(`${base}-${k}`)) return `${base}-${k}`;
}

function chains(atlas: Atlas): { nodes: string[]; relations: string[] }[] {
  const glioma = filterRelations(atlas, { cancerType: 'glioma' });
  const g = buildGraph(glioma);
  const from = resolveNode(atlas, g, 'hypoxia');
  const to = resolveNode(atlas, g, 'invasion');
  const paths = from !== undefined && to !== undefined ? findPaths(atlas, g, from, to, { maxLength: 3, limit: 100 }) : [];
  return paths
    .filter((p) => p.steps.length === 3)
    .slice(0, 4)
    .map((p) => ({ nodes: p.nodes.map((n) => n.label), relations: [...new Set(p.steps.flatMap((s) => s.relations.map((r) => r.id)))] }));
}

const pct = (x: number | undefined): string => `${(100 * (x ?? 0)).toFixed(1)} %`;
const num = (x: number | undefined, d = 3): string => (x === undefined ? '–' : Number(x.toPrecision(d)).toString());

function report(summary: RunSummary, rows: Record<string, number>[], figures: string[], dir: string, atlasChains: { nodes: string[]; relations: string[] }[]): string {
  const first = rows[0] ?? {};
  const last = summary.final;
  const lines = [
    `# exoscape report — ${summary.scenario.name}`,
    '',
    summary.scenario.description ?? '',
    '',
    `Code ${summary.codeVersion} · seed ${summary.seed} · ${summary.threads} thread(s) · ${summary.wallSeconds.toFixed(1)} s wall time · stateDigest \`${summary.stateDigest.slice(0, 16)}…\``,
    '',
    '## What emerged',
    '',
    `| | start | after ${num(summary.simulatedMinutes / 60)} h |`,
    '|---|---|---|',
    `| live cells | ${num(first.cells)} | ${num(last.cells)} |`,
    `| hypoxic cells (HIF-1α > 0.5) | ${pct(first.hypoxic_fraction)} | ${pct(last.hypoxic_fraction)} |`,
    `| mean O2 sensed (mmHg) | ${num(first.o2_mean_mmhg)} | ${num(last.o2_mean_mmhg)} |`,
    `| vesicles released / taken up | 0 / 0 | ${num(last.vesicles_released)} / ${num(last.vesicles_taken_up)} |`,
    `| miR-1246 / miR-10b-5p per cell (functional) | ${num(first.mir_1246_mean)} / ${num(first.mir_10b_5p_mean)} | ${num(last.mir_1246_mean)} / ${num(last.mir_10b_5p_mean)} |`,
    `| FRK / TFAP2A (1 = unrepressed) | ${num(first.frk_mean)} / ${num(first.tfap2a_mean)} | ${num(last.frk_mean)} / ${num(last.tfap2a_mean)} |`,
    `| mean migration speed (µm/min) | ${num(first.speed_mean_um_per_min)} | ${num(last.speed_mean_um_per_min)} |`,
    `| invasion front beyond the initial outline (µm) | 0 | ${num(last.invasion_front_um)} |`,
    `| cells beyond the initial outline | ${pct(first.invaded_fraction)} | ${pct(last.invaded_fraction)} |`,
    '',
    `Nothing was labelled hypoxic: the hypoxic core comes from the cells' O2 consumption between ${summary.scenario.name === 'hypoxic-glioma' ? 'four vessels and the slice edges' : 'the vessels'}. ` +
      'Hypoxic cells release more vesicles with more miR-1246 and miR-10b-5p per vesicle; cells that take them up lose FRK and TFAP2A and migrate and invade faster (`exoscape model explain` lists every rule with its evidence).',
    '',
    ...figures.filter((f) => f.endsWith('.png')).map((f) => `![${relative(dir, f)}](${relative(dir, f)})\n`),
    '## Mass balance',
    '',
    '| field | released | dosed | taken up | cleared | left through boundaries | in field | relative residual |',
    '|---|---|---|---|---|---|---|---|',
    ...summary.massBalance.map((b) => `| ${b.field} | ${num(b.released)} | ${num(b.dosed)} | ${num(b.takenUp)} | ${num(b.cleared)} | ${num(b.leftThroughBoundaries)} | ${num(b.inField)} | ${b.relativeError.toExponential(1)} |`),
    '',
    '## The evidence chains the model implements (atlas)',
    '',
    ...atlasChains.map((c) => `- ${c.nodes.join(' → ')} (${c.relations.length} relations, e.g. ${c.relations.slice(0, 4).join(', ')}${c.relations.length > 4 ? ', …' : ''})`),
    '',
    '## Next',
    '',
    `- \`exoscape query ${dir} "SELECT time_min, hypoxic_fraction, frk_mean, invasion_front_um FROM timeseries"\``,
    `- \`exoscape plot ${dir} --color frk --field vesicles\``,
    `- \`exoscape atlas path hypoxia invasion --cancer glioma\` — every step with its verbatim quote`,
    '',
  ];
  return lines.join('\n');
}

export function startCommand(io: Io, dataDir: () => string | undefined): Command {
  return new Command('start')
    .description("exoscape's main job on its embedded defaults: run the default hypoxic glioma scenario, draw its figures and write a short report")
    .option('--out <dir>', 'results directory (default: a fresh results/hypoxic-glioma[-N])')
    .option('--scenario <file>', 'another scenario instead of the default')
    .option('--threads <n>', 'worker threads (default: all cores; results do not depend on it)', (v) => Math.max(1, Number.parseInt(v, 10) || 1))
    .option('--json', 'print the run summary and report path as JSON')
    .action(async (opts: { out?: string; scenario?: string; threads?: number; json?: boolean }) => {
      const d = dataDir();
      const atlas = loadAtlas(d !== undefined ? { dataDir: d } : {});
      const scenarioPath = opts.scenario !== undefined ? resolve(io.cwd, opts.scenario) : defaultScenarioPath();
      const loaded = loadScenario(scenarioPath, { atlas, displayRoot: io.cwd });
      const outDir = opts.out !== undefined ? resolve(io.cwd, opts.out) : freshDir(resolve(io.cwd, 'results', loaded.scenario.name));
      const threads = opts.threads ?? Math.min(2, defaultThreads());
      const quiet = opts.json === true;
      if (!quiet) {
        const stats = atlasStats(atlas);
        io.out(`exoscape ${codeVersion()} — atlas of ${stats.relations} evidence-linked relations from ${Object.keys(stats.bySeed).length} papers\n`);
        io.out(`Running ${loaded.scenario.name} (${loaded.scenario.time.duration} simulated min) on ${threads} thread(s) → ${outDir}\n`);
      }
      let bar: SingleBar | null = null;
      let lastTenth = -1;
      const onProgress = (p: RunProgress): void => {
        if (quiet) return;
        if (io.isTty) {
          bar ??= new SingleBar({ format: ' {bar} {value}/{total} min | {cells} cells | ETA {eta_formatted}', hideCursor: true, stream: process.stdout });
          if (p.timeMin === 0 || lastTenth < 0) bar.start(p.durationMin, p.timeMin, { cells: p.cells });
          lastTenth = 0;
          bar.update(p.timeMin, { cells: p.cells });
        } else {
          const tenth = Math.floor((10 * p.timeMin) / p.durationMin);
          if (tenth !== lastTenth) {
            lastTenth = tenth;
            io.out(`  t = ${p.timeMin} / ${p.durationMin} min, ${p.cells} cells, ${p.wallSeconds.toFixed(0)} s\n`);
          }
        }
      };
      let summary: RunSummary;
      try {
        summary = await runScenario(loaded, { outDir, threads, onProgress });
      } finally {
        (bar as SingleBar | null)?.stop();
      }
      const figures = await plotRun(outDir, { formats: ['svg', 'png'] });
      const tissueFrk = await plotRun(outDir, { formats: ['png'], color: 'frk', field: 'vesicles', timeSeries: false, outDir: join(outDir, 'figures', 'frk-over-vesicles') });
      const ts = await readTimeSeries(outDir);
      const reportPath = join(outDir, 'report.md');
      await writeFileAtomic(reportPath, report(summary, ts.rows, [...figures.files, ...tissueFrk.files], outDir, chains(atlas)));
      if (quiet) {
        printJson(io, { report: reportPath, figures: figures.files, summary });
        return;
      }
      io.out(describeSummary(summary));
      io.out(`Report: ${reportPath}\nFigures: ${figures.files.filter((f) => f.endsWith('.png')).join(', ')}\n`);
    });
}
