/**
 * The paper's time-course panel (seed 000 Fig. 1: labelled recipients over 0–24 h; Fig. 2: wound
 * closure at 0, 24, 48 h): per arm a line through the replicate means with dots at the sampled
 * times and a translucent band of mean ± SD.
 */
import { baseConfig, colorScale, type ArmPalette, type VegaLiteSpec } from './spec-style.ts';

export interface TimePoint {
  /** Time in the unit of `xTitle` (hours by default). */
  time: number;
  /** Replicate readouts at this time. */
  values: readonly number[];
}

export interface TimeSeries {
  arm: string;
  points: readonly TimePoint[];
}

export interface TimeCourseInput {
  title?: string;
  series: readonly TimeSeries[];
  /** Value-axis title with unit, e.g. "Labelled recipient cells (%)". */
  yTitle: string;
  /** Default "Time (h)". */
  xTitle?: string;
  /** e.g. [0, 24] for uptake, [0, 48] for wound closure; default the data's range. */
  xDomain?: readonly [number, number];
  /** e.g. [0, 100] for percentages; default from the data (including 0). */
  yDomain?: readonly [number, number];
  /** Tick positions on the time axis, e.g. [0, 6, 12, 18, 24]. */
  xTicks?: readonly number[];
  palette?: ArmPalette;
  width?: number;
  height?: number;
}

export function timeCourseSpec(input: TimeCourseInput): VegaLiteSpec {
  const names = input.series.map((s) => s.arm);
  if (names.length === 0) throw new RangeError('timeCourseSpec needs at least one series');
  if (new Set(names).size !== names.length) throw new RangeError(`arm names must be unique, got ${names.join(', ')}`);
  const rows = input.series.flatMap((s) =>
    s.points.map((p) => {
      if (!Number.isFinite(p.time) || p.values.length === 0 || p.values.some((v) => !Number.isFinite(v))) {
        throw new RangeError(`arm '${s.arm}' at time ${p.time}: needs a finite time and at least one finite value`);
      }
      const n = p.values.length;
      const mean = p.values.reduce((a, b) => a + b, 0) / n;
      const sd = n > 1 ? Math.sqrt(p.values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (n - 1)) : 0;
      return { arm: s.arm, time: p.time, mean, sd, lo: mean - sd, hi: mean + sd, n };
    }),
  );
  const times = rows.map((r) => r.time);
  const xDomain = input.xDomain ?? [Math.min(...times), Math.max(...times)];
  const yDomain = input.yDomain ?? [Math.min(0, ...rows.map((r) => r.lo)), Math.max(...rows.map((r) => r.hi))];
  // both layers carry the same legend definition: Vega-Lite merges them into one legend, and
  // conflicting definitions would make it drop the legend altogether
  const color = { field: 'arm', type: 'nominal', scale: colorScale(names, input.palette), sort: names, legend: { title: null, orient: 'top', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } } as const;
  const x = {
    field: 'time',
    type: 'quantitative',
    scale: { domain: [...xDomain], nice: false, padding: 6 },
    axis: { title: input.xTitle ?? 'Time (h)', grid: false, ...(input.xTicks ? { values: [...input.xTicks] } : {}) },
  } as const;
  const yScale = { domain: [...yDomain], nice: input.yDomain === undefined } as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(input.title === undefined ? {} : { title: input.title }),
    width: input.width ?? 400,
    height: input.height ?? 300,
    config: baseConfig(),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'area', opacity: 0.18 },
        encoding: { x, y: { field: 'lo', type: 'quantitative', scale: yScale, axis: { title: input.yTitle } }, y2: { field: 'hi' }, color },
      },
      {
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 36 } },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', scale: yScale },
          color,
          tooltip: [{ field: 'arm' }, { field: 'time' }, { field: 'mean', format: '.3g' }, { field: 'sd', format: '.3g' }, { field: 'n' }],
        },
      },
    ],
  };
}
