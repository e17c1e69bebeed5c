import { describe, expect, it } from 'vitest';
import ref from './fixtures/scipy-reference.json' with { type: 'json' };
import { matchesPrinted, plantGrowth, rOutput } from './test-helpers/r-datasets.ts';
import { oneWayAnova } from './anova.ts';
import { studentTTest } from './t-test.ts';

const closeRel = (a: number, b: number, tol: number): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
};

describe('oneWayAnova', () => {
  it("reproduces R's summary(aov(weight ~ group, PlantGrowth)) to every printed digit", () => {
    const r = oneWayAnova([plantGrowth.ctrl, plantGrowth.trt1, plantGrowth.trt2]);
    const R = rOutput.aov;
    expect(String(r.df1)).toBe(R.df1);
    expect(String(r.df2)).toBe(R.df2);
    expect(matchesPrinted(r.ssBetween, R.ssBetween)).toBe(true);
    expect(matchesPrinted(r.ssWithin, R.ssWithin)).toBe(true);
    expect(matchesPrinted(r.msBetween, R.msBetween)).toBe(true);
    expect(matchesPrinted(r.msWithin, R.msWithin)).toBe(true);
    expect(matchesPrinted(r.F, R.F)).toBe(true);
    expect(matchesPrinted(r.p, R.p)).toBe(true);
  });

  it('computes η² and ω² from their definitions (PlantGrowth: η² = 3.76634/14.25843, ω² = 0.2041)', () => {
    const r = oneWayAnova([plantGrowth.ctrl, plantGrowth.trt1, plantGrowth.trt2]);
    // SS values by hand from the group means 5.032, 4.661, 5.526 and grand mean 5.073
    expect(r.ssBetween).toBeCloseTo(10 * ((5.032 - 5.073) ** 2 + (4.661 - 5.073) ** 2 + (5.526 - 5.073) ** 2), 10);
    expect(r.etaSquared).toBeCloseTo(r.ssBetween / (r.ssBetween + r.ssWithin), 14);
    expect(r.etaSquared).toBeCloseTo(0.264148, 6);
    expect(r.omegaSquared).toBeCloseTo((r.ssBetween - 2 * r.msWithin) / (r.ssBetween + r.ssWithin + r.msWithin), 14);
    expect(r.omegaSquared).toBeCloseTo(0.204079, 6);
    expect(r.omegaSquared).toBeLessThan(r.etaSquared);
  });

  it('matches SciPy f_oneway on seeded unbalanced designs (1e-12 relative)', () => {
    for (const d of ref.multiArm) {
      const r = oneWayAnova(d.arms);
      closeRel(r.F, d.anova.F, 1e-12);
      closeRel(r.p, d.anova.p, 1e-11);
    }
  });

  it('with two groups equals the pooled t-test: F = t², same p', () => {
    const x = [3.1, 2.7, 3.9, 3.3];
    const y = [4.2, 3.8, 4.9, 4.4, 5.0];
    const a = oneWayAnova([x, y]);
    const t = studentTTest(x, y);
    expect(a.F).toBeCloseTo(t.t * t.t, 10);
    expect(a.p).toBeCloseTo(t.p, 12);
  });

  it('throws for fewer than 2 groups, short groups and zero variance everywhere', () => {
    expect(() => oneWayAnova([[1, 2, 3]])).toThrow(/at least 2 groups/);
    expect(() => oneWayAnova([[1, 2], [3]], ['ctrl', 'H-GDE'])).toThrow(/H-GDE: 1 value/);
    expect(() => oneWayAnova([[1, 1], [2, 2], [3, 3]])).toThrow(expect.objectContaining({ code: 'zero-variance' }) as Error);
  });
});
