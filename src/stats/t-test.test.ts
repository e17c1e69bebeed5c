import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ref from './fixtures/scipy-reference.json' with { type: 'json' };
import { matchesPrinted, rOutput, sleep } from './test-helpers/r-datasets.ts';
import { studentTTest, welchTTest } from './t-test.ts';
import { StatsError } from './stats-error.ts';

const closeRel = (a: number, b: number, tol: number): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
};

describe('welchTTest', () => {
  it("reproduces R's t.test(extra ~ group, data = sleep) to every printed digit", () => {
    const r = welchTTest(sleep.group1, sleep.group2);
    expect(r.method).toBe('Welch two-sample t-test');
    expect(matchesPrinted(r.t, rOutput.welch.t)).toBe(true);
    expect(matchesPrinted(r.df, rOutput.welch.df)).toBe(true);
    expect(matchesPrinted(r.p, rOutput.welch.p)).toBe(true);
    expect(matchesPrinted(r.ci[0], rOutput.welch.ci[0])).toBe(true);
    expect(matchesPrinted(r.ci[1], rOutput.welch.ci[1])).toBe(true);
    expect(r.difference).toBeCloseTo(0.75 - 2.33, 12);
  });

  it('matches SciPy ttest_ind(equal_var=False) on seeded data sets with unequal n and SD (1e-10 relative)', () => {
    // n from 3 to 30, SD ratios up to 4; 1e-10 covers both libraries' t-quantile root finding.
    for (const d of ref.twoArm) {
      const r = welchTTest(d.treated, d.control);
      closeRel(r.t, d.welch.t, 1e-12);
      closeRel(r.df, d.welch.df, 1e-12);
      closeRel(r.p, d.welch.p, 1e-10);
      closeRel(r.ci[0], d.welch.ci[0]!, 1e-10);
      closeRel(r.ci[1], d.welch.ci[1]!, 1e-10);
    }
  });

  it('works when one arm has zero variance (df from the other arm)', () => {
    const r = welchTTest([1, 1, 1], [2, 3, 4, 5]);
    expect(r.df).toBeCloseTo(3, 12);
    expect(r.p).toBeGreaterThan(0);
    expect(r.p).toBeLessThan(1);
  });

  it('throws instead of returning NaN for degenerate data', () => {
    expect(() => welchTTest([1, 1, 1], [1, 1, 1])).toThrow(expect.objectContaining({ code: 'zero-variance' }) as Error);
    expect(() => welchTTest([1, 1], [2, 2])).toThrow(/±∞/);
    expect(() => welchTTest([1], [2, 3])).toThrow(expect.objectContaining({ code: 'too-few-values' }) as Error);
    expect(() => welchTTest([1, Number.NaN], [2, 3])).toThrow(/value #2 is NaN/);
    expect(() => welchTTest([1, 2], [2, Infinity])).toThrow(StatsError);
    expect(() => welchTTest([1, 2], [2, 3], 1)).toThrow(/confidence level/);
  });

  // Readouts as an assay produces them: |x| ≤ 1000 with 3 decimals (denormals such as 5e-324 would
  // make a variance underflow to 0, which the test then rightly refuses).
  const sample = fc.array(fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 1000), { minLength: 2, maxLength: 12 });
  const varied = (xs: number[]): boolean => new Set(xs).size > 1;

  it('p lies in [0, 1]; swapping the arms negates t and keeps p (property)', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        fc.pre(varied(x) || varied(y));
        const a = welchTTest(x, y);
        const b = welchTTest(y, x);
        expect(a.p).toBeGreaterThanOrEqual(0);
        expect(a.p).toBeLessThanOrEqual(1);
        expect(Math.abs(b.t + a.t)).toBeLessThanOrEqual(1e-12 * Math.abs(a.t));
        expect(b.p).toBeCloseTo(a.p, 12);
        expect(a.ci[0]).toBeLessThanOrEqual(a.difference);
        expect(a.ci[1]).toBeGreaterThanOrEqual(a.difference);
      }),
      { numRuns: 200 },
    );
  });

  it('is invariant to shifting both arms by the same amount (property)', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: -1e4, max: 1e4, noNaN: true }), (x, y, c) => {
        fc.pre(varied(x) && varied(y));
        const a = welchTTest(x, y);
        const b = welchTTest(x.map((v) => v + c), y.map((v) => v + c));
        // shifting rounds each value by up to ulp(1e4) ≈ 2e-12, against a spread ≥ 1e-3
        expect(Math.abs(b.p - a.p)).toBeLessThan(1e-6);
        expect(Math.abs(b.difference - a.difference)).toBeLessThan(1e-8);
      }),
      { numRuns: 200 },
    );
  });

  it('is invariant to rescaling both arms (property)', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (x, y, s) => {
        fc.pre(varied(x) && varied(y));
        const a = welchTTest(x, y);
        const b = welchTTest(x.map((v) => v * s), y.map((v) => v * s));
        // Rounding in the variance grows with (max|x| / range)² (cancellation when the values
        // are close together), so the tolerance scales with that condition number.
        const cond = (xs: number[]): number => (Math.max(...xs.map(Math.abs)) / (Math.max(...xs) - Math.min(...xs))) ** 2;
        const k = Math.max(1, cond(x), cond(y));
        expect(Math.abs(b.t - a.t)).toBeLessThanOrEqual(1e-12 * k * Math.abs(a.t));
        expect(Math.abs(b.p - a.p)).toBeLessThanOrEqual(1e-10 * k);
      }),
      { numRuns: 200 },
    );
  });
});

describe('studentTTest', () => {
  it("reproduces R's t.test(extra ~ group, data = sleep, var.equal = TRUE)", () => {
    const r = studentTTest(sleep.group1, sleep.group2);
    expect(matchesPrinted(r.t, rOutput.student.t)).toBe(true);
    expect(r.df).toBe(18);
    expect(matchesPrinted(r.p, rOutput.student.p)).toBe(true);
    expect(matchesPrinted(r.ci[0], rOutput.student.ci[0])).toBe(true);
    expect(matchesPrinted(r.ci[1], rOutput.student.ci[1])).toBe(true);
  });

  it('matches SciPy ttest_ind(equal_var=True) (1e-10 relative)', () => {
    for (const d of ref.twoArm) {
      const r = studentTTest(d.treated, d.control);
      closeRel(r.t, d.student.t, 1e-12);
      expect(r.df).toBe(d.student.df);
      closeRel(r.p, d.student.p, 1e-10);
      closeRel(r.ci[0], d.student.ci[0]!, 1e-10);
      closeRel(r.ci[1], d.student.ci[1]!, 1e-10);
    }
  });

  it('agrees with Welch when the arms have equal n and equal variance', () => {
    const x = [1, 2, 3, 4];
    const y = [3, 4, 5, 6];
    expect(studentTTest(x, y).t).toBeCloseTo(welchTTest(x, y).t, 14);
    expect(studentTTest(x, y).df).toBe(6);
    expect(welchTTest(x, y).df).toBeCloseTo(6, 12);
  });
});
