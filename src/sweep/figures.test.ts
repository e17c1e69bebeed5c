import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable } from '../cli/io.ts';
import { createLocalBackend } from './local/local-backend.ts';
import { sweepFigures, writeSweepReport, type OverviewCell } from './figures.ts';
import { runSweep } from './run-sweep.ts';
import { ishigamiSpec, sweepFromText, tempDir } from './test-helpers/index.ts';

const dir = tempDir();
afterAll(() => { dir.remove(); });

async function sweepOutcome(name: string, text: string) {
  const sweep = await sweepFromText(dir.path, text, name);
  const backend = createLocalBackend({ threads: 2 });
  try {
    const o = await runSweep(sweep, backend, { outDir: join(dir.path, name) });
    return { sweep, o };
  } finally {
    await backend.close();
  }
}

describe('sweep figures and report', () => {
  it('draws a heatmap per metric for a 2-parameter grid, and a tornado of main effects', async () => {
    const { sweep, o } = await sweepOutcome('grid', `version: 1\nname: g\nevaluator: { name: linear, coefficients: { a: 2, b: -1 } }\nparameters:\n  a: { values: [0, 1, 2] }\n  b: { range: [0, 10], levels: 4 }\ndesign: { kind: grid }\nmetrics: [y]\n`);
    const figs = sweepFigures(o.summary!, sweep, o.plan, o.results);
    expect(figs.map((f) => f.name)).toEqual(['y-tornado', 'y-heatmap']);
    const heat = JSON.stringify(figs[1]!.spec);
    // 12 cells, each the metric's value at that grid point: y(a = 2, b = 10/3) = 4 − 3.333.
    expect((figs[1]!.spec.data as { values: unknown[] }).values).toHaveLength(12);
    expect(heat).toContain('"value":0.6666666666666665');
    const names = await writeSweepReport(o.outDir, o.summary!, sweep, o.plan, o.results, formatTable);
    for (const n of names) {
      const svg = readFileSync(join(o.outDir, 'figures', `${n}.svg`), 'utf8');
      expect(svg).toMatch(/^<svg/);
      const png = readFileSync(join(o.outDir, 'figures', `${n}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThan(100); // width
    }
    expect(readFileSync(join(o.outDir, 'figures', 'y-heatmap.svg'), 'utf8')).toContain('3.333');
    const report = readFileSync(join(o.outDir, 'report.md'), 'utf8');
    expect(report).toContain('![y over the grid](figures/y-heatmap.png)');
    expect(report).toContain('main effects');
  });

  it('draws a tornado of total Sobol\' indices with intervals, largest first', async () => {
    const { sweep, o } = await sweepOutcome('sobol', ishigamiSpec({ samples: 64 }));
    const figs = sweepFigures(o.summary!, sweep, o.plan, o.results);
    expect(figs.map((f) => f.name)).toEqual(['y-tornado']);
    const rows = (figs[0]!.spec.data as { values: { label: string; low: number; high: number }[] }).values;
    expect(rows.map((r) => r.label)).toEqual(['x1', 'x2', 'x3']); // ST 0.56, 0.44, 0.24
    for (const r of rows) expect(r.high).toBeGreaterThan(r.low);
    await writeSweepReport(o.outDir, o.summary!, sweep, o.plan, o.results, formatTable);
    expect(readFileSync(join(o.outDir, 'figures', 'y-tornado.svg'), 'utf8')).toContain('total Sobol');
  });

  it('adds a μ*–σ plot for Morris designs', async () => {
    const { sweep, o } = await sweepOutcome('morris', `version: 1\nname: m\nevaluator: { name: linear, coefficients: { a: 2, b: -1 } }\nparameters:\n  a: { range: [0, 1] }\n  b: { range: [0, 1] }\ndesign: { kind: morris, trajectories: 6 }\nmetrics: [y]\n`);
    const names = await writeSweepReport(o.outDir, o.summary!, sweep, o.plan, o.results, formatTable);
    expect(names).toEqual(['y-tornado', 'y-morris']);
    expect(existsSync(join(o.outDir, 'figures', 'y-morris.png'))).toBe(true);
    expect(readFileSync(join(o.outDir, 'figures', 'y-morris.svg'), 'utf8')).toContain('μ*');
  });

  it('adds an overview heatmap of relative μ* when a Morris sweep has several metrics', async () => {
    const { sweep, o } = await sweepOutcome('overview', `version: 1\nname: o\nevaluator: { name: linear, coefficients: { a: 2, b: -1 } }\nparameters:\n  a: { range: [0, 1] }\n  b: { range: [0, 1] }\ndesign: { kind: morris, trajectories: 4 }\nmetrics: [y, { name: Y2, column: y }]\n`);
    const figs = sweepFigures(o.summary!, sweep, o.plan, o.results);
    expect(figs.map((f) => f.name)).toEqual(['overview-mu-star', 'y-tornado', 'y-morris', 'Y2-tornado', 'Y2-morris']);
    const cells = (figs[0]!.spec.data as { values: OverviewCell[] }).values;
    // μ*(a) = 2, μ*(b) = 1: relative 1 and 0.5 for both outputs; rows sorted by total.
    expect(cells.map((c) => [c.metric, c.parameter])).toEqual([['y', 'a'], ['y', 'b'], ['Y2', 'a'], ['Y2', 'b']]);
    cells.forEach((c, i) => { expect(c.value).toBeCloseTo([1, 0.5][i % 2]!, 12); });
    expect(JSON.stringify(figs[0]!.spec)).toContain('"sort":["a","b"]');
    const names = await writeSweepReport(o.outDir, o.summary!, sweep, o.plan, o.results, formatTable);
    expect(readFileSync(join(o.outDir, 'figures', `${names[0]!}.svg`), 'utf8')).toContain('μ* / max μ*');
  });
});
