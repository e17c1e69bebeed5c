/**
 * The paper's bar panel (e.g. seed 000 Fig. 2: cells migrated for PBS / N-GDE / H-GDE): one bar per
 * arm at the mean, the individual replicates as dots, mean ± SD whiskers, and optional brackets from
 * the control to each arm labelled with stars or the p-value.
 *
 * The x axis is quantitative (arm i at x = i, labelled with the arm's name) rather than nominal,
 * because a bracket's label sits halfway between two arms — a position a nominal scale cannot name.
 * Replicate dots are spread by a fixed low-discrepancy sequence (golden-ratio steps), so a figure is
 * byte-identical from run to run; the spread says nothing about the data.
 */
import { baseConfig, colorScale, significanceLabel, type ArmPalette, type SignificanceStyle, type VegaLiteSpec } from './spec-style.ts';

export interface BarArm {
  arm: string;
  /** Replicate readouts (one per independent run). */
  values: readonly number[];
}

export interface BarComparison {
  /** The arm compared with `versus` (usually the control). */
  arm: string;
  versus: string;
  /** The p-value to print (already adjusted if the test adjusts). */
  p: number;
}

export interface BarChartInput {
  title?: string;
  arms: readonly BarArm[];
  /** Value-axis title with its unit, e.g. "Migrated cells per field (count)". */
  yTitle: string;
  xTitle?: string;
  comparisons?: readonly BarComparison[];
  /** Stars (default) or p-value text on the brackets. */
  significance?: SignificanceStyle;
  palette?: ArmPalette;
  width?: number;
  height?: number;
}

const BAR_HALF_WIDTH = 0.32;
const CAP_HALF_WIDTH = 0.1;
const JITTER_HALF_WIDTH = 0.2;
/** Golden-ratio conjugate: i·φ mod 1 spreads any number of points evenly and deterministically. */
const PHI = 0.6180339887498949;

function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (n - 1)) : 0;
  return { mean, sd };
}

export function barChartSpec(input: BarChartInput): VegaLiteSpec {
  const names = input.arms.map((a) => a.arm);
  if (names.length === 0) throw new RangeError('barChartSpec needs at least one arm');
  if (new Set(names).size !== names.length) throw new RangeError(`arm names must be unique, got ${names.join(', ')}`);
  input.arms.forEach((a) => {
    if (a.values.length === 0 || a.values.some((v) => !Number.isFinite(v))) throw new RangeError(`arm '${a.arm}' needs at least one finite value`);
  });
  const index = new Map(names.map((n, i) => [n, i]));
  const summary = input.arms.map((a, i) => {
    const { mean, sd } = meanSd(a.values);
    return { arm: a.arm, i, x0: i - BAR_HALF_WIDTH, x1: i + BAR_HALF_WIDTH, c0: i - CAP_HALF_WIDTH, c1: i + CAP_HALF_WIDTH, mean, sd, lo: mean - sd, hi: mean + sd, n: a.values.length };
  });
  const points = input.arms.flatMap((a, i) =>
    a.values.map((value, r) => ({ arm: a.arm, x: a.values.length === 1 ? i : i + JITTER_HALF_WIDTH * (2 * (((r + 0.5) * PHI) % 1) - 1), value })),
  );

  const top = Math.max(0, ...summary.map((s) => s.hi), ...points.map((p) => p.value));
  const bottom = Math.min(0, ...summary.map((s) => s.lo), ...points.map((p) => p.value));
  const span = top - bottom || 1;
  const step = 0.09 * span;
  const brackets = (input.comparisons ?? []).map((c, k) => {
    const a = index.get(c.versus);
    const b = index.get(c.arm);
    if (a === undefined || b === undefined) throw new RangeError(`comparison ${c.arm} vs ${c.versus} names an arm that is not in the chart (${names.join(', ')})`);
    const y = top + step * (k + 1);
    return { xa: a, xb: b, mid: (a + b) / 2, y, drop: y - 0.3 * step, label: significanceLabel(c.p, input.significance ?? 'stars') };
  });
  const yMax = brackets.length > 0 ? top + step * (brackets.length + 1) : top + 0.05 * span;
  const color = { field: 'arm', type: 'nominal', scale: colorScale(names, input.palette), legend: null } as const;
  const longNames = names.some((n) => n.length > 8);
  const x = {
    type: 'quantitative',
    scale: { domain: [-0.5, names.length - 0.5], nice: false, zero: false },
    axis: { values: names.map((_, i) => i), labelExpr: `${JSON.stringify(names)}[datum.value]`, title: input.xTitle ?? null, grid: false, ticks: false, labelAngle: longNames ? -30 : 0, labelAlign: longNames ? 'right' : 'center', labelLimit: 160 },
  } as const;
  const y = { type: 'quantitative', scale: { domain: [bottom, yMax], nice: false }, axis: { title: input.yTitle, grid: true } } as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(input.title === undefined ? {} : { title: input.title }),
    width: input.width ?? 400,
    height: input.height ?? 300,
    config: baseConfig(),
    layer: [
      {
        data: { values: summary },
        mark: { type: 'rect', opacity: 0.85 },
        encoding: { x: { field: 'x0', ...x }, x2: { field: 'x1' }, y: { field: 'mean', ...y }, y2: { datum: 0 }, color, tooltip: [{ field: 'arm' }, { field: 'mean', format: '.3g' }, { field: 'sd', format: '.3g' }, { field: 'n' }] },
      },
      { data: { values: summary }, mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 }, encoding: { x: { field: 'i', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
      { data: { values: summary }, mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 }, encoding: { x: { field: 'c0', type: 'quantitative' }, x2: { field: 'c1' }, y: { field: 'hi', type: 'quantitative' } } },
      { data: { values: summary }, mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 }, encoding: { x: { field: 'c0', type: 'quantitative' }, x2: { field: 'c1' }, y: { field: 'lo', type: 'quantitative' } } },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 28, color: '#111111', opacity: 0.75 },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
      },
      ...(brackets.length === 0
        ? []
        : [
            { data: { values: brackets }, mark: { type: 'rule', color: '#222222' }, encoding: { x: { field: 'xa', type: 'quantitative' }, x2: { field: 'xb' }, y: { field: 'y', type: 'quantitative' } } },
            { data: { values: brackets }, mark: { type: 'rule', color: '#222222' }, encoding: { x: { field: 'xa', type: 'quantitative' }, y: { field: 'drop', type: 'quantitative' }, y2: { field: 'y' } } },
            { data: { values: brackets }, mark: { type: 'rule', color: '#222222' }, encoding: { x: { field: 'xb', type: 'quantitative' }, y: { field: 'drop', type: 'quantitative' }, y2: { field: 'y' } } },
            {
              data: { values: brackets },
              mark: { type: 'text', baseline: 'bottom', dy: -2, fontSize: 12, color: '#111111' },
              encoding: { x: { field: 'mid', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
            },
          ]),
    ],
  };
}
