/**
 * The time-series figure: one panel per ColumnInfo.group (in the order groups first appear), one line
 * per column, legend labels with units. Columns of one group in different units get a panel per unit,
 * so no line is flattened by another's scale. Hours on the x axis once a run is longer than 3 h.
 */
import { TIME_COLUMN, type ColumnInfo } from '../results/layout.ts';
import { FIGURE_CONFIG } from './style.ts';

export interface TimeSeriesFigureInput {
  rows: readonly Record<string, number>[];
  columns: readonly ColumnInfo[];
  title?: string;
}

export interface Panel {
  group: string;
  /** The unit shared by the panel's columns; a group whose columns differ in unit gets one panel per unit. */
  unit: string;
  columns: ColumnInfo[];
}

/** Panels in first-appearance order of group, then unit (time_min excluded). */
export function panelsOf(columns: readonly ColumnInfo[]): Panel[] {
  const panels: Panel[] = [];
  for (const c of columns) {
    if (c.name === TIME_COLUMN) continue;
    const group = c.group === '' ? 'other' : c.group;
    let p = panels.find((x) => x.group === group && x.unit === c.unit);
    if (p === undefined) {
      p = { group, unit: c.unit, columns: [] };
      const lastOfGroup = panels.findLastIndex((x) => x.group === group);
      panels.splice(lastOfGroup === -1 ? panels.length : lastOfGroup + 1, 0, p);
    }
    p.columns.push(c);
  }
  return panels;
}

const unitTitle = (unit: string): string => (unit === '' ? 'value' : unit === '1' ? 'dimensionless' : unit);

export function timeSeriesSpec(input: TimeSeriesFigureInput): object {
  const panels = panelsOf(input.columns);
  if (panels.length === 0) throw new Error('timeSeriesSpec: no columns to plot besides time_min');
  const tMax = input.rows.reduce((m, r) => Math.max(m, r[TIME_COLUMN] ?? 0), 0);
  const hours = tMax > 180;
  const label = (c: ColumnInfo): string => (c.unit === '' ? c.name : `${c.name} (${c.unit})`);
  const many = input.rows.length > 60;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: input.title ?? 'Time series',
    config: FIGURE_CONFIG,
    vconcat: panels.map((p) => panelSpec(p, panels, input.rows, hours, label, many)),
    resolve: { scale: { color: 'independent', y: 'independent' }, legend: { color: 'independent' } },
  };
}

function panelSpec(p: Panel, panels: readonly Panel[], rows: readonly Record<string, number>[], hours: boolean, label: (c: ColumnInfo) => string, many: boolean): object {
  const values = rows.flatMap((r) =>
    p.columns.flatMap((c) => {
      const v = r[c.name];
      const t = r[TIME_COLUMN];
      return v === undefined || t === undefined || !Number.isFinite(v) ? [] : [{ t: hours ? t / 60 : t, series: label(c), value: v }];
    }),
  );
  const maxAbs = values.reduce((m, v) => Math.max(m, Math.abs(v.value)), 0);
  // tiny residuals (1e-13) and huge counts read better in scientific notation than as 0.0000000000001
  const scientific = maxAbs > 0 && (maxAbs < 1e-3 || maxAbs >= 1e7);
  return {
    title: { text: panels.filter((q) => q.group === p.group).length > 1 ? `${p.group} (${unitTitle(p.unit)})` : p.group, fontSize: 12 },
    width: 520,
    height: 150,
    data: { values },
    mark: { type: 'line', point: !many, strokeWidth: 1.5 },
    encoding: {
      x: { field: 't', type: 'quantitative', title: hours ? 'time (h)' : 'time (min)' },
      y: { field: 'value', type: 'quantitative', title: unitTitle(p.unit), scale: { zero: false }, ...(scientific ? { axis: { format: '.2~e' } } : {}) },
      color: { field: 'series', type: 'nominal', title: null, sort: p.columns.map(label), legend: { orient: 'right', labelLimit: 260 } },
    },
  };
}
