import { afterAll, describe, expect, it } from 'vitest';
import { planSweep, pointId } from './plan.ts';
import { sweepFromText, tempDir } from './test-helpers/index.ts';

const dir = tempDir();
afterAll(() => { dir.remove(); });

const linear = (design: string, params: string, extra = ''): string =>
  `version: 1\nname: t\nevaluator: { name: linear, coefficients: { a: 1, b: 1 } }\nparameters:\n${params}\ndesign: ${design}\nmetrics: [y]\n${extra}`;

describe('planSweep', () => {
  it('grids every combination, row-major, with values lists and log levels', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: grid, levels: 3 }', '  a: { values: [1, 2] }\n  b: { range: [1, 100], scale: log }'));
    const p = planSweep(s);
    const want = [[1, 1], [1, 10], [1, 100], [2, 1], [2, 10], [2, 100]];
    expect(p.rows).toHaveLength(6);
    p.rows.forEach((r, i) => {
      expect(r[0]).toBe(want[i]![0]);
      expect(r[1]).toBeCloseTo(want[i]![1]!, 12);
    });
    expect(p.tasks).toHaveLength(6);
  });

  it('gives each replicate its own seed, the same at every row (common random numbers)', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: grid }', '  a: { values: [1, 2] }\n  b: { values: [0] }', 'replicates: 3\nseed: 40\n'));
    const p = planSweep(s);
    expect(p.tasks.map((t) => t.seed)).toEqual([40, 41, 42, 40, 41, 42]);
    expect(p.rowTasks.map((ids) => ids.length)).toEqual([3, 3]);
  });

  it('computes a repeated point once (Morris trajectories revisit grid points)', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: morris, trajectories: 30, levels: 4 }', '  a: { range: [0, 1] }\n  b: { range: [0, 1] }'));
    const p = planSweep(s);
    expect(p.rows).toHaveLength(90);
    expect(p.tasks.length).toBeLessThan(90);
    expect(p.tasks.length).toBeLessThanOrEqual(16); // a 4×4 grid has 16 points
    expect(new Set(p.rowTasks.flat())).toEqual(new Set(p.tasks.map((t) => t.id)));
  });

  it('maps unit samples through the distributions (LHS of a log-uniform stays in range, one point per log-stratum)', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: lhs, samples: 50 }', '  a: { range: [0.001, 10], scale: log }\n  b: { triangular: [0, 1, 4] }'));
    const p = planSweep(s);
    const strata = p.rows.map((r) => Math.floor(((Math.log(r[0]!) - Math.log(0.001)) / (Math.log(10) - Math.log(0.001))) * 50)).sort((x, y) => x - y);
    expect(strata).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const r of p.rows) {
      expect(r[1]).toBeGreaterThanOrEqual(0);
      expect(r[1]).toBeLessThanOrEqual(4);
    }
  });

  it('ids are stable hashes of parameters, replicate and seed', () => {
    expect(pointId({ a: 1, b: 2 }, 0, 1)).toBe(pointId({ b: 2, a: 1 }, 0, 1));
    expect(pointId({ a: 1, b: 2 }, 0, 1)).not.toBe(pointId({ a: 1, b: 2 }, 1, 2));
    expect(pointId({ a: 1, b: 2 }, 0, 1)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('marks the A and B rows of a Saltelli design as the distribution sample', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: sobol, samples: 4 }', '  a: { range: [0, 1] }\n  b: { range: [0, 1] }'));
    const p = planSweep(s);
    expect(p.rows).toHaveLength(16);
    expect(p.sampleRows).toEqual([0, 3, 4, 7, 8, 11, 12, 15]);
  });
});
