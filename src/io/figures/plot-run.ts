/**
 * The figures of one run: the time series (one panel per column group) and a tissue snapshot at one
 * output time. Every choice (time, colour column, field) is checked against what the run holds
 * before anything is rendered, so a typo never leaves half the figures written.
 */
import { basename, join } from 'node:path';
import { UserError } from '../../common/errors.ts';
import { closestName } from '../../common/suggest.ts';
import { writeFileAtomic } from '../atomic.ts';
import { cellSnapshotPath, fieldSnapshotPath, timeTag } from '../results/layout.ts';
import { readCellSnapshot, readFieldSnapshot, readTimeSeries } from '../results/reader.ts';
import { inspectRun } from '../results/run-dir.ts';
import type { CellSnapshot, FieldSnapshot } from '../results/types.ts';
import type { RenderedFigure } from './render.ts';
import { renderVegaLite } from './render.ts';
import { panelsOf, timeSeriesSpec } from './timeseries.ts';
import { renderTissue } from './tissue.ts';

export type FigureFormat = 'svg' | 'png';
export const FIGURE_FORMATS: readonly FigureFormat[] = ['svg', 'png'];

export interface PlotRunOptions {
  /** Default DIR/figures. */
  outDir?: string;
  /** Default both. */
  formats?: readonly FigureFormat[];
  /** Output time in minutes, or 'last' (the default). */
  time?: number | 'last';
  /** Cell column that colours the cells; default `hif` when present. */
  color?: string;
  /** Field shown as the heat map; default the first field. */
  field?: string;
  /** Draw the time-series figure (default true; false for extra tissue views of one run). */
  timeSeries?: boolean;
  /** Called before each figure is rendered and once at the end (done === total). */
  onProgress?: (done: number, total: number, figure: string) => void;
}

export interface PlotRunResult {
  files: string[];
  /** The time of the tissue snapshot, when one was drawn. */
  timeMin?: number;
}

/** Columns that say where a cell is rather than what state it is in: never the default colour. */
const GEOMETRY = new Set(['id', 'x_um', 'y_um', 'z_um', 'radius_um']);

function unknown(kind: string, name: string, known: readonly string[]): UserError {
  const guess = closestName(name, known);
  return new UserError(`unknown ${kind} "${name}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; the run has: ${known.join(', ') || 'none'}`);
}

function chooseTime(requested: number | 'last', times: readonly number[], dir: string): number {
  if (times.length === 0) throw new UserError(`${dir} has no cell or field snapshots (cells/t-*.parquet, fields/t-*.parquet), so there is no tissue to draw at ${requested === 'last' ? 'the last time' : `${requested} min`}`);
  if (requested === 'last') return times.at(-1)!;
  if (times.includes(requested)) return requested;
  const nearest = times.reduce((a, b) => (Math.abs(b - requested) < Math.abs(a - requested) ? b : a));
  const shown = times.length > 20 ? [...times.slice(0, 10), '…', ...times.slice(-10)] : times;
  throw new UserError(`no snapshot at ${requested} min (nearest: ${nearest} min); output times in ${dir}: ${shown.join(', ')}`);
}

export async function plotRun(dir: string, options: PlotRunOptions = {}): Promise<PlotRunResult> {
  const run = inspectRun(dir);
  const outDir = options.outDir ?? run.layout.figuresDir;
  const formats = options.formats ?? FIGURE_FORMATS;
  const figures: { base: string; render: () => Promise<RenderedFigure> }[] = [];

  // the time series
  if (run.hasTimeSeries && options.timeSeries !== false) {
    const ts = await readTimeSeries(run.layout.dir);
    if (ts.rows.length > 0 && panelsOf(ts.columns).length > 0) figures.push({ base: 'timeseries', render: () => renderVegaLite(timeSeriesSpec({ ...ts, title: `Time series — ${basename(run.layout.dir)}` })) });
  }

  // the tissue snapshot
  const times = [...new Set([...run.cellTimes, ...run.fieldTimes])].sort((a, b) => a - b);
  let timeMin: number | undefined;
  const wantsTissue = times.length > 0 || options.time !== undefined || options.color !== undefined || options.field !== undefined;
  if (wantsTissue) {
    const t = chooseTime(options.time ?? 'last', times, dir);
    timeMin = t;
    const cells: CellSnapshot | undefined = run.cellTimes.includes(t) ? await readCellSnapshot(cellSnapshotPath(run.layout.dir, t)) : undefined;
    const field: FieldSnapshot | undefined = run.fieldTimes.includes(t) ? await readFieldSnapshot(fieldSnapshotPath(run.layout.dir, t)) : undefined;
    let color: string | undefined;
    if (cells !== undefined) {
      const names = Object.keys(cells.columns);
      color = options.color ?? (names.includes('hif') ? 'hif' : names.find((n) => !GEOMETRY.has(n)) ?? names[0]);
      if (color !== undefined && !names.includes(color)) throw unknown('cell column', color, names);
    } else if (options.color !== undefined) throw new UserError(`--color ${options.color}: there is no cell snapshot at ${t} min (cells/${timeTag(t)}.parquet)`);
    let fieldName: string | undefined;
    if (field !== undefined) {
      const names = Object.keys(field.fields);
      fieldName = options.field ?? names[0];
      if (fieldName !== undefined && !names.includes(fieldName)) throw unknown('field', fieldName, names);
    } else if (options.field !== undefined) throw new UserError(`--field ${options.field}: there is no field snapshot at ${t} min (fields/${timeTag(t)}.parquet)`);
    figures.push({
      base: `tissue-${timeTag(t)}`,
      render: () => renderTissue({
        timeMin: t,
        ...(cells !== undefined && color !== undefined ? { cells: { snapshot: cells, color } } : {}),
        ...(field !== undefined && fieldName !== undefined ? { field: { snapshot: field, name: fieldName } } : {}),
      }),
    });
  }

  if (figures.length === 0) throw new UserError(`nothing to plot in ${dir}: the time series has no rows and there are no cell or field snapshots`);
  const files: string[] = [];
  for (const [n, f] of figures.entries()) {
    options.onProgress?.(n, figures.length, f.base);
    const out = await f.render();
    for (const format of formats) {
      const path = join(outDir, `${f.base}.${format}`);
      await writeFileAtomic(path, format === 'svg' ? out.svg : out.png);
      files.push(path);
    }
  }
  options.onProgress?.(figures.length, figures.length, 'done');
  return { files, ...(timeMin !== undefined ? { timeMin } : {}) };
}
