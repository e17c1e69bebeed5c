/**
 * Sweep figures (Vega-Lite → SVG + PNG, no browser) and a Markdown report tying them together:
 *   tornado   per metric: Sobol' ST, Morris μ*, PRCC or a grid's main-effect range, with CIs
 *   μ*–σ      per metric of a Morris design: σ above the line σ = μ* means non-linear or interacting
 *   heatmap   per metric of a 2-parameter grid: the mean over replicates at each grid point
 *   overview  Morris designs with several metrics: parameters × metrics, μ* relative to the metric's
 *             largest (which parameters move which output), and for boolean metrics the flip share
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderVegaLite } from '../io/figures/render.ts';
import { baseConfig, OKABE_ITO, type VegaLiteSpec } from '../report/spec-style.ts';
import { tornadoSpec, type TornadoBar } from '../report/tornado-spec.ts';
import { rowMeans, type MetricAnalysis } from './analyze.ts';
import type { Metrics } from './evaluator.ts';
import { formatSummary } from './format.ts';
import { writeFileAtomicSync as writeFileDurable } from '../io/atomic.ts';
import type { LoadedSweep } from './load-spec.ts';
import type { SweepPlan } from './plan.ts';
import type { SweepSummary } from './run-sweep.ts';

export const FIGURES_DIR = 'figures';
export const REPORT_FILE = 'report.md';

export interface SweepFigure {
  name: string;
  title: string;
  spec: VegaLiteSpec;
}

const finite = (...xs: number[]): boolean => xs.every(Number.isFinite);

function tornadoOf(metric: string, a: MetricAnalysis): SweepFigure | undefined {
  let bars: TornadoBar[];
  let xTitle: string;
  switch (a.method) {
    case 'incomplete':
      return undefined;
    case 'sobol':
      bars = Object.entries(a.parameters).map(([label, v]) => ({ label, value: v.total.estimate, low: v.total.low, high: v.total.high }));
      xTitle = `total Sobol' index ST of ${metric} (95 % CI)`;
      break;
    case 'morris':
      bars = Object.entries(a.parameters).map(([label, v]) => ({ label, value: v.muStar.estimate, low: v.muStar.low, high: v.muStar.high }));
      xTitle = `Morris μ* of ${metric} (effect over the full range)`;
      break;
    case 'morris-flips':
      bars = Object.entries(a.parameters).map(([label, v]) => ({ label, value: v.flips.estimate, low: v.flips.low, high: v.flips.high }));
      xTitle = `share of a parameter's moves that flip ${metric} (95 % CI)`;
      break;
    case 'prcc':
      bars = Object.entries(a.parameters).map(([label, v]) => ({ label, value: v.prcc.estimate, low: v.prcc.low, high: v.prcc.high }));
      xTitle = `PRCC with ${metric} (95 % CI)`;
      break;
    case 'main-effects':
      bars = Object.entries(a.parameters).map(([label, v]) => ({ label, value: v.range }));
      xTitle = `range of ${metric} over each parameter's levels`;
      break;
  }
  if (!bars.every((b) => finite(b.value, b.low ?? 0, b.high ?? 0))) return undefined;
  return { name: `${metric}-tornado`, title: `Which parameters move ${metric}`, spec: tornadoSpec({ title: metric, bars, xTitle }) };
}

/** μ* against σ with the μ* intervals and the line σ = μ*. */
export function morrisScatterSpec(metric: string, a: Extract<MetricAnalysis, { method: 'morris' }>): VegaLiteSpec {
  const rows = Object.entries(a.parameters).map(([label, v]) => ({ label, muStar: v.muStar.estimate, low: v.muStar.low, high: v.muStar.high, sigma: v.sigma.estimate }));
  const max = Math.max(1e-12, ...rows.flatMap((r) => [r.high, r.sigma]));
  const x = { field: 'muStar', type: 'quantitative', scale: { domain: [0, max], nice: true }, axis: { title: 'μ* (mean |elementary effect|)' } } as const;
  const y = { field: 'sigma', type: 'quantitative', scale: { domain: [0, max], nice: true }, axis: { title: 'σ (spread of elementary effects)' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${metric}: Morris μ* and σ`,
    width: 360,
    height: 300,
    config: baseConfig(),
    layer: [
      { data: { values: [{ a: 0 }, { a: max }] }, mark: { type: 'line', color: '#999999', strokeDash: [4, 4] }, encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'a', type: 'quantitative' } } },
      { data: { values: rows }, mark: { type: 'rule', color: '#444444' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, y } },
      { data: { values: rows }, mark: { type: 'point', filled: true, size: 70, color: OKABE_ITO[1]! }, encoding: { x, y, tooltip: [{ field: 'label' }, { field: 'muStar', format: '.3g' }, { field: 'sigma', format: '.3g' }] } },
      { data: { values: rows }, mark: { type: 'text', align: 'left', dx: 7, dy: -6, fontSize: 11 }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}

/** Mean of a metric at every point of a 2-parameter grid. */
export function gridHeatmapSpec(metric: string, names: readonly [string, string], cells: readonly { a: number; b: number; value: number }[]): VegaLiteSpec {
  const fmt = (v: number): string => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(4))));
  const rows = cells.map((c) => ({ a: fmt(c.a), b: fmt(c.b), ao: c.a, bo: c.b, value: c.value }));
  const sortBy = (key: 'a' | 'b', order: 'ao' | 'bo'): string[] => [...new Map(rows.map((r) => [r[key], r[order]])).entries()].sort((p, q) => p[1] - q[1]).map((p) => p[0]);
  const small = new Set(rows.map((r) => r.a)).size <= 10 && new Set(rows.map((r) => r.b)).size <= 10;
  const values = rows.map((r) => r.value);
  const mid = (Math.min(...values) + Math.max(...values)) / 2;
  const x = { field: 'a', type: 'ordinal', sort: sortBy('a', 'ao'), axis: { title: names[0], labelAngle: 0 } } as const;
  const y = { field: 'b', type: 'ordinal', sort: sortBy('b', 'bo').reverse(), axis: { title: names[1] } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${metric} over ${names[0]} × ${names[1]}`,
    width: { step: 56 },
    height: { step: 32 },
    config: baseConfig(),
    data: { values: rows },
    layer: [
      { mark: 'rect', encoding: { x, y, color: { field: 'value', type: 'quantitative', scale: { scheme: 'viridis' }, legend: { title: metric } }, tooltip: [{ field: 'a', title: names[0] }, { field: 'b', title: names[1] }, { field: 'value', format: '.4g' }] } },
      // Dark text on the light (upper) half of viridis, white on the dark half.
      ...(small ? [{ mark: { type: 'text', fontSize: 10 }, encoding: { x, y, text: { field: 'value', type: 'quantitative', format: '.3~g' }, color: { condition: { test: `datum.value > ${mid}`, value: '#111111' }, value: '#ffffff' } } }] : []),
    ],
  };
}

export interface OverviewCell {
  metric: string;
  parameter: string;
  /** The colour: μ* / the metric's largest μ*, or a flip share. */
  value: number;
  /** Shown in the cell when there is room, and in the tooltip. */
  label: string;
}

/** Parameters (rows, in the given order) × metrics (columns): one colour per cell in [0, 1]. */
export function morrisOverviewSpec(title: string, legend: string, parameters: readonly string[], metrics: readonly string[], cells: readonly OverviewCell[]): VegaLiteSpec {
  const small = metrics.length * parameters.length <= 200;
  const x = { field: 'metric', type: 'nominal', sort: [...metrics], axis: { title: null, labelAngle: -50, labelLimit: 160 } } as const;
  const y = { field: 'parameter', type: 'nominal', sort: [...parameters], axis: { title: null, labelLimit: 300 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: { step: small ? 46 : 22 },
    height: { step: 22 },
    config: baseConfig(),
    data: { values: cells.map((c) => ({ ...c })) },
    layer: [
      { mark: 'rect', encoding: { x, y, color: { field: 'value', type: 'quantitative', scale: { scheme: 'viridis', domain: [0, 1] }, legend: { title: legend } }, tooltip: [{ field: 'parameter' }, { field: 'metric' }, { field: 'label', title: 'value' }] } },
      ...(small ? [{ mark: { type: 'text', fontSize: 9 }, encoding: { x, y, text: { field: 'label', type: 'nominal' }, color: { condition: { test: 'datum.value > 0.5', value: '#111111' }, value: '#ffffff' } } }] : []),
    ],
  };
}

/** Three significant digits, at most 3 decimals (0.000123 → 0). */
export const fmt3 = (v: number): string => String(Number(Number(v.toPrecision(3)).toFixed(3)));

/** The two overview heatmaps of a Morris sweep with more than one metric of a kind. */
export function overviews(summary: SweepSummary, names: readonly string[]): SweepFigure[] {
  const figs: SweepFigure[] = [];
  const entries = Object.entries(summary.metrics);
  const numeric = entries.filter((e): e is [string, Extract<MetricAnalysis, { method: 'morris' }>] => e[1].method === 'morris');
  const flips = entries.filter((e): e is [string, Extract<MetricAnalysis, { method: 'morris-flips' }>] => e[1].method === 'morris-flips');
  const order = (score: (p: string) => number): string[] => [...names].sort((a, b) => score(b) - score(a));
  if (numeric.length >= 2) {
    const cells: OverviewCell[] = numeric.flatMap(([metric, a]) => {
      const max = Math.max(...names.map((p) => a.parameters[p]!.muStar.estimate));
      return names.map((p) => {
        const m = a.parameters[p]!.muStar.estimate;
        return { metric, parameter: p, value: max > 0 && Number.isFinite(max) ? m / max : 0, label: fmt3(m) };
      });
    });
    if (cells.every((c) => Number.isFinite(c.value))) {
      const total = (p: string): number => cells.filter((c) => c.parameter === p).reduce((s, c) => s + c.value, 0);
      figs.push({ name: 'overview-mu-star', title: 'Which parameters move which output (Morris μ*; colour relative to the largest per output)', spec: morrisOverviewSpec('Morris μ* (colour: relative to the largest per output)', 'μ* / max μ*', order(total), numeric.map((e) => e[0]), cells) });
    }
  }
  if (flips.length >= 2) {
    const cells: OverviewCell[] = flips.flatMap(([metric, a]) => names.map((p) => ({ metric, parameter: p, value: a.parameters[p]!.flips.estimate, label: fmt3(a.parameters[p]!.flips.estimate) })));
    if (cells.every((c) => Number.isFinite(c.value))) {
      const total = (p: string): number => cells.filter((c) => c.parameter === p).reduce((s, c) => s + c.value, 0);
      figs.push({ name: 'overview-flips', title: 'Which parameters flip which claim (share of a parameter\'s moves that change whether it holds)', spec: morrisOverviewSpec('Share of moves that flip the claim', 'flip share', order(total), flips.map((e) => e[0]), cells) });
    }
  }
  return figs;
}

export function sweepFigures(summary: SweepSummary, sweep: LoadedSweep, plan: SweepPlan, results: ReadonlyMap<string, Metrics>): SweepFigure[] {
  const figs: SweepFigure[] = plan.structure.kind === 'morris' ? overviews(summary, sweep.names) : [];
  for (const [metric, a] of Object.entries(summary.metrics)) {
    const t = tornadoOf(metric, a);
    if (t !== undefined) figs.push(t);
    if (a.method === 'morris' && Object.values(a.parameters).every((v) => finite(v.muStar.estimate, v.muStar.low, v.muStar.high, v.sigma.estimate))) {
      figs.push({ name: `${metric}-morris`, title: `μ* and σ of ${metric}`, spec: morrisScatterSpec(metric, a) });
    }
    if (plan.structure.kind === 'grid' && sweep.names.length === 2 && a.method !== 'incomplete') {
      const y = rowMeans(plan, results, metric);
      const cells = plan.rows.map((r, i) => ({ a: r[0]!, b: r[1]!, value: y[i]! }));
      if (cells.every((c) => Number.isFinite(c.value))) figs.push({ name: `${metric}-heatmap`, title: `${metric} over the grid`, spec: gridHeatmapSpec(metric, [sweep.names[0]!, sweep.names[1]!], cells) });
    }
  }
  return figs;
}

/** Render every figure to DIR/figures/NAME.svg and .png and write DIR/report.md; returns the figure names. */
export async function writeSweepReport(outDir: string, summary: SweepSummary, sweep: LoadedSweep, plan: SweepPlan, results: ReadonlyMap<string, Metrics>, table: Parameters<typeof formatSummary>[1]): Promise<string[]> {
  const figs = sweepFigures(summary, sweep, plan, results);
  mkdirSync(join(outDir, FIGURES_DIR), { recursive: true });
  const lines = [`# Sweep ${summary.sweep}`, ''];
  if (summary.description !== undefined) lines.push(summary.description, '');
  lines.push('```', formatSummary(summary, table, '.').trimEnd(), '```', '');
  for (const f of figs) {
    const r = await renderVegaLite(f.spec);
    writeFileDurable(join(outDir, FIGURES_DIR, `${f.name}.svg`), r.svg);
    writeFileDurable(join(outDir, FIGURES_DIR, `${f.name}.png`), r.png);
    lines.push(`## ${f.title}`, '', `![${f.title}](${FIGURES_DIR}/${f.name}.png)`, '');
  }
  writeFileDurable(join(outDir, REPORT_FILE), `${lines.join('\n')}\n`);
  return figs.map((f) => f.name);
}
