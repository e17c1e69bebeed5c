/** `exoscape plot DIR`: the time-series figure and a tissue snapshot of a run, as SVG and PNG. */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { UserError } from '../common/errors.ts';
import { FIGURE_FORMATS, plotRun, type FigureFormat } from '../io/figures/plot-run.ts';
import { printJson, type Io } from './io.ts';

function formatList(v: string): FigureFormat[] {
  const list = v.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
  const bad = list.filter((x) => !(FIGURE_FORMATS as readonly string[]).includes(x));
  if (list.length === 0 || bad.length > 0) throw new UserError(`--format expects a comma-separated list of ${FIGURE_FORMATS.join(', ')} (found "${v}")`);
  return [...new Set(list)] as FigureFormat[];
}

function timeOption(v: string): number | 'last' {
  if (v === 'last') return 'last';
  const t = Number(v);
  if (v.trim() === '' || !Number.isFinite(t) || t < 0) throw new UserError(`--time expects an output time in minutes (e.g. 1440) or "last" (found "${v}")`);
  return t;
}

const HELP = `
Figures (written to --out, default DIR/figures):
  timeseries.svg|png         one panel per column group of the time series
  tissue-t-<time>.svg|png    the field as a heat map (middle z-slice in 3D) with the cells as
                             circles of their size, coloured by --color; colour bars, scale bar

Examples:
  exoscape plot runs/a
  exoscape plot runs/a --time 1440 --color mir_1246 --field o2_mmHg --format png`;

export function plotCommand(io: Io): Command {
  return new Command('plot')
    .description('draw a run: time-series panels and a tissue snapshot (SVG and PNG)')
    .argument('<dir>', 'run directory (holds summary.json or timeseries.parquet)')
    .option('--out <dir>', 'output directory (default: DIR/figures)')
    .option('--format <list>', 'svg, png or svg,png (default: svg,png)', formatList)
    .option('--time <t>', 'output time in minutes of the tissue snapshot, or "last" (default)', timeOption)
    .option('--color <column>', 'cell column that colours the cells (default: hif when present)')
    .option('--field <name>', 'field shown as the heat map (default: the first field)')
    .option('--json', 'print the written file paths as JSON')
    .addHelpText('after', HELP)
    .action(async (dir: string, opts: { out?: string; format?: FigureFormat[]; time?: number | 'last'; color?: string; field?: string; json?: boolean }) => {
      const bar = io.isTty && !opts.json ? new SingleBar({ format: 'plot [{bar}] {value}/{total} {figure}', hideCursor: true, clearOnComplete: true }) : undefined;
      try {
        const result = await plotRun(resolve(io.cwd, dir), {
          ...(opts.out !== undefined ? { outDir: resolve(io.cwd, opts.out) } : {}),
          ...(opts.format !== undefined ? { formats: opts.format } : {}),
          ...(opts.time !== undefined ? { time: opts.time } : {}),
          ...(opts.color !== undefined ? { color: opts.color } : {}),
          ...(opts.field !== undefined ? { field: opts.field } : {}),
          onProgress: (done, total, figure) => {
            if (bar === undefined) return;
            if (done === 0) bar.start(total, 0, { figure });
            else bar.update(done, { figure });
          },
        });
        bar?.stop();
        if (opts.json) printJson(io, { files: result.files, ...(result.timeMin !== undefined ? { timeMin: result.timeMin } : {}) });
        else for (const f of result.files) io.out(`wrote ${f}\n`);
      } finally {
        bar?.stop();
      }
    });
}
