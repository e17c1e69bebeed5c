import { afterAll, describe, expect, it } from 'vitest';
import { ishigami, ishigamiIndices } from '../sensitivity/test-functions.ts';
import { analyze } from './analyze.ts';
import type { Metrics } from './evaluator.ts';
import { planSweep } from './plan.ts';
import { ishigamiSpec, sweepFromText, tempDir } from './test-helpers/index.ts';

const dir = tempDir();
afterAll(() => { dir.remove(); });

/** Results computed in-process (no backend): analysis is tested on its own here. */
function evaluateAll(tasks: { id: string; params: Record<string, number> }[], f: (p: Record<string, number>) => Metrics): Map<string, Metrics> {
  return new Map(tasks.map((t) => [t.id, f(t.params)]));
}

const linear = (design: string, params: string, extra = ''): string =>
  `version: 1\nname: t\nevaluator: { name: linear, coefficients: { a: 2, b: -1 } }\nparameters:\n${params}\ndesign: ${design}\nmetrics: [y]\n${extra}`;

describe('analyze', () => {
  it('Sobol\': the Ishigami indices from a sweep plan, within 0.02 at N = 1024 (Sobol\' base)', async () => {
    const s = await sweepFromText(dir.path, ishigamiSpec({ samples: 1024 }));
    const p = planSweep(s);
    const a = analyze(s, p, evaluateAll(p.tasks, (x) => ({ y: ishigami(x.x1!, x.x2!, x.x3!) })));
    const truth = ishigamiIndices();
    const y = a.metrics.y!;
    if (y.method !== 'sobol') throw new Error(`expected sobol, got ${y.method}`);
    ['x1', 'x2', 'x3'].forEach((n, i) => {
      expect(Math.abs(y.parameters[n]!.first.estimate - truth.first[i]!)).toBeLessThan(0.03);
      expect(Math.abs(y.parameters[n]!.total.estimate - truth.total[i]!)).toBeLessThan(0.02);
    });
    // y > 0 over the A and B rows: a share with a Wilson interval around it.
    const c = a.claims.y_positive!;
    expect(c.runs).toBe(2048);
    expect(c.low).toBeLessThan(c.share);
    expect(c.high).toBeGreaterThan(c.share);
  });

  it('Sobol\' with secondOrder: S13 of the Ishigami function from the plan, pairs named, claims over A and B rows only', async () => {
    const s = await sweepFromText(dir.path, ishigamiSpec({ samples: 4096 }).replace('kind: sobol,', 'kind: sobol, secondOrder: true,'));
    const p = planSweep(s);
    expect(p.tasks).toHaveLength(4096 * 8);
    const a = analyze(s, p, evaluateAll(p.tasks, (x) => ({ y: ishigami(x.x1!, x.x2!, x.x3!) })));
    const y = a.metrics.y!;
    if (y.method !== 'sobol') throw new Error(`expected sobol, got ${y.method}`);
    const second = Object.fromEntries((y.second ?? []).map((x) => [`${x.a}:${x.b}`, x.index.estimate]));
    expect(Object.keys(second)).toEqual(['x1:x2', 'x1:x3', 'x2:x3']);
    expect(Math.abs(second['x1:x3']! - ishigamiIndices().second.s13)).toBeLessThan(0.006);
    expect(Math.abs(second['x1:x2']!)).toBeLessThan(0.006);
    expect(Math.abs(second['x2:x3']!)).toBeLessThan(0.006);
    expect(Math.abs(y.parameters.x1!.first.estimate - ishigamiIndices().first[0])).toBeLessThan(0.02);
    expect(a.claims.y_positive!.runs).toBe(2 * 4096);
  });

  it('Morris: μ* = |coefficient| × range width for the linear evaluator', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: morris, trajectories: 10 }', '  a: { range: [0, 3] }\n  b: { range: [1, 2] }'));
    const p = planSweep(s);
    const a = analyze(s, p, evaluateAll(p.tasks, (x) => ({ y: 2 * x.a! - x.b! })));
    const y = a.metrics.y!;
    if (y.method !== 'morris') throw new Error(`expected morris, got ${y.method}`);
    expect(y.parameters.a!.muStar.estimate).toBeCloseTo(6, 10);
    expect(y.parameters.b!.muStar.estimate).toBeCloseTo(1, 10);
    expect(y.parameters.b!.mu.estimate).toBeCloseTo(-1, 10);
  });

  it('LHS: PRCC ranks the strong factor first', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: lhs, samples: 100, bootstrap: 200 }', '  a: { range: [0, 1] }\n  b: { range: [0, 1] }'));
    const p = planSweep(s);
    const a = analyze(s, p, evaluateAll(p.tasks, (x) => ({ y: 2 * x.a! - x.b! })));
    const y = a.metrics.y!;
    if (y.method !== 'prcc') throw new Error(`expected prcc, got ${y.method}`);
    expect(y.parameters.a!.prcc.estimate).toBeGreaterThan(0.95);
    expect(y.parameters.b!.prcc.estimate).toBeLessThan(-0.8);
  });

  it('grid: main effects are the marginal means per level, averaged over replicates', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: grid }', '  a: { values: [0, 1, 2] }\n  b: { values: [0, 10] }', 'replicates: 2\n'));
    const p = planSweep(s);
    // Replicate noise ±1 that averages out: seed 1 → +1, seed 2 → −1.
    const results = new Map(p.tasks.map((t) => [t.id, { y: 2 * t.params.a! - t.params.b! + (t.seed === 1 ? 1 : -1) }]));
    const y = analyze(s, p, results).metrics.y!;
    if (y.method !== 'main-effects') throw new Error(`expected main-effects, got ${y.method}`);
    expect(y.parameters.a).toEqual({ levels: [0, 1, 2], means: [-5, -3, -1], range: 4 });
    expect(y.parameters.b).toEqual({ levels: [0, 10], means: [2, -8], range: 10 });
  });

  it('says a metric is incomplete rather than estimating from part of the design', async () => {
    const s = await sweepFromText(dir.path, ishigamiSpec({ samples: 8 }));
    const p = planSweep(s);
    const results = evaluateAll(p.tasks.slice(1), (x) => ({ y: ishigami(x.x1!, x.x2!, x.x3!) }));
    expect(analyze(s, p, results).metrics.y).toEqual({ method: 'incomplete', missingRuns: 1 });
  });

  it('treats a boolean metric as a claim: the share of sampled runs where it holds', async () => {
    const s = await sweepFromText(dir.path, linear('{ kind: grid }', '  a: { values: [1, 2, 3, 4] }\n  b: { values: [0] }'));
    const p = planSweep(s);
    const a = analyze(s, p, evaluateAll(p.tasks, (x) => ({ y: x.a! > 1 })));
    expect(a.metrics.y).toBeUndefined();
    expect(a.claims.y).toMatchObject({ share: 0.75, holds: 3, runs: 4 });
  });

  it('Morris on a boolean metric: the share of each parameter\'s moves that flip it', async () => {
    // On the 4-level grid {0, 1/3, 2/3, 1} every move of a (Δ = 2/3) crosses 0.5; b never matters.
    const s = await sweepFromText(dir.path, linear('{ kind: morris, trajectories: 6 }', '  a: { range: [0, 1] }\n  b: { range: [0, 1] }'));
    const p = planSweep(s);
    const a = analyze(s, p, evaluateAll(p.tasks, (x) => ({ y: x.a! > 0.5 })));
    const y = a.metrics.y!;
    if (y.method !== 'morris-flips') throw new Error(`expected morris-flips, got ${y.method}`);
    expect(y.parameters.a!.flips.estimate).toBeCloseTo(1, 12);
    expect(y.parameters.b!.flips.estimate).toBe(0);
    expect(a.claims.y!.runs).toBe(p.rows.length); // every design row, revisited points included
  });
});
