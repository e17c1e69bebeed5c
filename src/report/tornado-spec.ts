/**
 * A tornado chart for sensitivity analysis: one horizontal bar per parameter, longest at the top,
 * coloured by the sign of the effect, with optional interval whiskers (e.g. bootstrap CIs of PRCC
 * or Sobol indices) and a line at zero.
 */
import { baseConfig, OKABE_ITO, type VegaLiteSpec } from './spec-style.ts';

export interface TornadoBar {
  /** Parameter name as it should read on the axis, e.g. "HIF-1α release gain". */
  label: string;
  value: number;
  /** Optional interval around `value`. */
  low?: number;
  high?: number;
}

export interface TornadoInput {
  title?: string;
  bars: readonly TornadoBar[];
  /** Value-axis title, e.g. "PRCC with invaded fraction" or "First-order Sobol index". */
  xTitle: string;
  /** Default: the data's range, always including 0. */
  xDomain?: readonly [number, number];
  /** Keep at most this many bars (largest |value|); default all. */
  top?: number;
  width?: number;
  /** Pixels per bar; the height follows. Default 24. */
  step?: number;
}

const POSITIVE = OKABE_ITO[2]!; // vermillion
const NEGATIVE = OKABE_ITO[1]!; // blue

export function tornadoSpec(input: TornadoInput): VegaLiteSpec {
  if (input.bars.length === 0) throw new RangeError('tornadoSpec needs at least one bar');
  for (const b of input.bars) {
    if (![b.value, b.low ?? 0, b.high ?? 0].every(Number.isFinite)) throw new RangeError(`bar '${b.label}' has a non-finite value or interval`);
  }
  if (new Set(input.bars.map((b) => b.label)).size !== input.bars.length) throw new RangeError('bar labels must be unique');
  const sorted = [...input.bars].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, input.top ?? input.bars.length);
  const rows = sorted.map((b) => ({ label: b.label, value: b.value, low: b.low ?? b.value, high: b.high ?? b.value, sign: b.value >= 0 ? 'positive' : 'negative' }));
  const extent = rows.flatMap((r) => [r.low, r.high, r.value]);
  const xDomain = input.xDomain ?? [Math.min(0, ...extent), Math.max(0, ...extent)];
  const order = rows.map((r) => r.label);
  const hasIntervals = input.bars.some((b) => b.low !== undefined || b.high !== undefined);
  const y = { field: 'label', type: 'nominal', sort: order, axis: { title: null, labelLimit: 320, ticks: false } } as const;
  const x = { type: 'quantitative', scale: { domain: [...xDomain], nice: true }, axis: { title: input.xTitle, grid: true, tickCount: 6 } } as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(input.title === undefined ? {} : { title: input.title }),
    width: input.width ?? 400,
    height: { step: input.step ?? 24 },
    config: baseConfig(),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y,
          x: { field: 'value', ...x },
          x2: { datum: 0 },
          color: { field: 'sign', type: 'nominal', scale: { domain: ['positive', 'negative'], range: [POSITIVE, NEGATIVE] }, legend: null },
          tooltip: [{ field: 'label' }, { field: 'value', format: '.3g' }, ...(hasIntervals ? [{ field: 'low', format: '.3g' }, { field: 'high', format: '.3g' }] : [])],
        },
      },
      ...(hasIntervals ? [{ mark: { type: 'rule', color: '#222222' }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } }] : []),
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#333333', strokeWidth: 1 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  };
}
