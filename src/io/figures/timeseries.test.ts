import { describe, expect, it } from 'vitest';
import { panelsOf, timeSeriesSpec } from './timeseries.ts';
import type { ColumnInfo } from '../results/layout.ts';

const columns: ColumnInfo[] = [
  { name: 'time_min', unit: 'min', group: 'time', description: '' },
  { name: 'cells_total', unit: 'cells', group: 'population', description: '' },
  { name: 'hif_mean', unit: '1', group: 'hypoxia', description: '' },
  { name: 'cells_dead', unit: 'cells', group: 'population', description: '' },
  { name: 'o2_min', unit: 'mmHg', group: 'hypoxia', description: '' },
  { name: 'hif_max', unit: '1', group: 'hypoxia', description: '' },
];

interface Panel { title: { text: string }; data: { values: { t: number; series: string; value: number }[] }; encoding: { x: { title: string }; y: { title: string } } }

describe('time-series figure', () => {
  it('one panel per group in first-appearance order, split by unit inside a group', () => {
    expect(panelsOf(columns).map((p) => [p.group, p.unit, p.columns.map((c) => c.name)])).toEqual([
      ['population', 'cells', ['cells_total', 'cells_dead']],
      ['hypoxia', '1', ['hif_mean', 'hif_max']],
      ['hypoxia', 'mmHg', ['o2_min']],
    ]);
  });

  it('long-format data per panel, NULL and non-finite values left out, hours for long runs', () => {
    const rows: Record<string, number>[] = [
      { time_min: 0, cells_total: 10, hif_mean: 0.1, o2_min: 30, cells_dead: 0 },
      { time_min: 720, cells_total: 12, hif_mean: Number.NaN, o2_min: 20 },
    ];
    const spec = timeSeriesSpec({ rows, columns }) as { vconcat: Panel[] };
    expect(spec.vconcat.map((p) => p.title.text)).toEqual(['population', 'hypoxia (dimensionless)', 'hypoxia (mmHg)']);
    expect(spec.vconcat[0]!.data.values).toEqual([
      { t: 0, series: 'cells_total (cells)', value: 10 },
      { t: 0, series: 'cells_dead (cells)', value: 0 },
      { t: 12, series: 'cells_total (cells)', value: 12 },
    ]);
    expect(spec.vconcat[1]!.data.values).toEqual([{ t: 0, series: 'hif_mean (1)', value: 0.1 }]);
    expect(spec.vconcat[0]!.encoding.x.title).toBe('time (h)');
    expect(spec.vconcat[2]!.encoding.y.title).toBe('mmHg');
  });

  it('scientific notation on axes whose values are tiny or huge', () => {
    const cols: ColumnInfo[] = [
      { name: 'balance_error', unit: '1', group: 'mass balance', description: '' },
      { name: 'released', unit: 'vesicles', group: 'vesicles', description: '' },
      { name: 'cells', unit: 'cells', group: 'population', description: '' },
    ];
    const spec = timeSeriesSpec({ rows: [{ time_min: 0, balance_error: 6e-14, released: 2e7, cells: 600 }], columns: cols }) as { vconcat: { encoding: { y: { axis?: { format: string } } } }[] };
    expect(spec.vconcat.map((p) => p.encoding.y.axis?.format)).toEqual(['.2~e', '.2~e', undefined]);
  });

  it('minutes for short runs; no columns is an error', () => {
    const spec = timeSeriesSpec({ rows: [{ time_min: 0, cells_total: 1 }, { time_min: 60, cells_total: 2 }], columns }) as { vconcat: Panel[] };
    expect(spec.vconcat[0]!.encoding.x.title).toBe('time (min)');
    expect(() => timeSeriesSpec({ rows: [], columns: [columns[0]!] })).toThrow('no columns to plot');
  });
});
