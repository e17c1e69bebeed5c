/**
 * What a run directory holds: used by `query` and `plot` (and later the server) to check that a path
 * is a run directory and to list its snapshot times.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../common/errors.ts';
import { parseTimeTag, runLayout, SUMMARY_FILE, TIMESERIES_FILE, type RunLayout } from './layout.ts';

export interface RunContents {
  layout: RunLayout;
  hasSummary: boolean;
  hasTimeSeries: boolean;
  hasColumns: boolean;
  /** Output times (min), ascending, of DIR/cells/t-*.parquet and DIR/fields/t-*.parquet. */
  cellTimes: number[];
  fieldTimes: number[];
}

function snapshotTimes(dir: string): number[] {
  if (!existsSync(dir)) return [];
  const times: number[] = [];
  for (const name of readdirSync(dir)) {
    const t = parseTimeTag(name);
    if (t !== undefined) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

/** Inspect `dir`; a UserError when it is missing or not a run directory (no summary.json and no timeseries.parquet). */
export function inspectRun(dir: string): RunContents {
  const full = resolve(dir);
  if (!existsSync(full)) throw new UserError(`${dir}: no such directory; expected a run directory (with ${SUMMARY_FILE} or ${TIMESERIES_FILE})`);
  if (!statSync(full).isDirectory()) throw new UserError(`${dir}: is a file; expected a run directory (with ${SUMMARY_FILE} or ${TIMESERIES_FILE})`);
  const layout = runLayout(full);
  const hasSummary = existsSync(layout.summary);
  const hasTimeSeries = existsSync(layout.timeseries);
  if (!hasSummary && !hasTimeSeries) throw new UserError(`${dir}: not a run directory; expected ${SUMMARY_FILE} or ${TIMESERIES_FILE} in it (a run writes them)`);
  return {
    layout,
    hasSummary,
    hasTimeSeries,
    hasColumns: existsSync(layout.columns),
    cellTimes: snapshotTimes(layout.cellsDir),
    fieldTimes: snapshotTimes(layout.fieldsDir),
  };
}
