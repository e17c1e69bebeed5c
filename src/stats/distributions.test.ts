import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ref from './fixtures/scipy-reference.json' with { type: 'json' };
import { fCdf, fTails, normalCdf, normalTails, studentTCdf, studentTQuantile, studentTTails, studentTTwoSided } from './distributions.ts';
import { StatsError } from './stats-error.ts';

const closeRel = (a: number, b: number, tol: number): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
};

describe('normal distribution', () => {
  it('matches mpmath ncdf to 1e-13 relative, down to Φ(−37) = 5.7e-300', () => {
    for (const r of ref.normalCdf) closeRel(normalCdf(r.x), r.p, 1e-13);
  });

  it('gives Φ(1.96) = 0.9750021048517795 and exact symmetry', () => {
    closeRel(normalCdf(1.96), 0.9750021048517795, 1e-15);
    for (const z of [0.1, 1, 4, 20]) expect(normalTails(z).upper).toBe(normalTails(-z).lower);
    expect(normalTails(Infinity)).toEqual({ lower: 1, upper: 0 });
    expect(() => normalCdf(Number.NaN)).toThrow(StatsError);
  });
});

describe('Student t distribution', () => {
  it('matches mpmath on a grid of t and df (1e-13 relative; 5e-12 at df = 1e5)', () => {
    // At df = 1e5 the continued fraction runs ~10³ terms and collects ~1e-12 of rounding.
    for (const r of ref.studentT) {
      const tol = r.df >= 1e4 ? 5e-12 : 1e-13;
      closeRel(studentTCdf(r.t, r.df), r.cdf, tol);
      closeRel(studentTTwoSided(r.t, r.df), r.twoSided, tol);
    }
  });

  it('equals the closed forms for df = 1 (Cauchy) and df = 2', () => {
    // Lower tails for t < 0 in cancellation-free forms: atan(1/|t|)/π and 1/(r(r + |t|)), r = √(2 + t²).
    for (const t of [-30, -2, -0.3]) {
      const r = Math.sqrt(2 + t * t);
      closeRel(studentTCdf(t, 1), Math.atan(-1 / t) / Math.PI, 1e-14);
      closeRel(studentTCdf(t, 2), 1 / (r * (r - t)), 1e-14);
    }
    for (const t of [0, 0.7, 5]) {
      closeRel(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-14);
      closeRel(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-14);
    }
  });

  it('reproduces printed t tables (3 decimals): t(0.975; 1, 5, 10, 30) = 12.706, 2.571, 2.228, 2.042; t(0.995; 20) = 2.845', () => {
    // Any statistics textbook's table; the tolerance is the table's rounding.
    const table: [number, number, number][] = [[0.975, 1, 12.706], [0.975, 5, 2.571], [0.975, 10, 2.228], [0.975, 30, 2.042], [0.995, 20, 2.845], [0.95, 3, 2.353]];
    for (const [p, df, t] of table) expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThanOrEqual(5e-4);
  });

  it('tends to the normal as df → ∞', () => {
    expect(studentTTails(1.3, Infinity)).toEqual(normalTails(1.3));
    expect(Math.abs(studentTCdf(1.3, 1e7) - normalCdf(1.3))).toBeLessThan(1e-7);
  });

  it('quantile inverts the CDF (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (p, df) => {
        const t = studentTQuantile(p, df);
        const back = studentTCdf(t, df);
        // relative on the smaller tail, where the root finder works
        expect(Math.abs(back - p)).toBeLessThanOrEqual(1e-10 * Math.min(p, 1 - p) + 1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric and its tails sum to one (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0.1, max: 1e4, noNaN: true }), (t, df) => {
        const a = studentTTails(t, df);
        const b = studentTTails(-t, df);
        expect(a.lower).toBeCloseTo(b.upper, 14);
        expect(a.lower + a.upper).toBeCloseTo(1, 14);
        const p = studentTTwoSided(t, df);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects df ≤ 0 and NaN', () => {
    expect(() => studentTCdf(1, 0)).toThrow(/df must be > 0/);
    expect(() => studentTTwoSided(Number.NaN, 3)).toThrow(/NaN/);
    expect(() => studentTQuantile(1, 3)).toThrow(/0 < p < 1/);
  });
});

describe('F distribution', () => {
  it('matches mpmath in both tails (1e-12 relative, tails down to 1e-200)', () => {
    for (const r of ref.fDist) {
      const t = fTails(r.f, r.df1, r.df2);
      if (r.cdf > 1e-300) closeRel(t.lower, r.cdf, 1e-12);
      if (r.sf > 1e-300) closeRel(t.upper, r.sf, 1e-12);
    }
  });

  it('equals closed forms: F(2, 2) has CDF f/(1 + f); F(1, ν) is t²', () => {
    for (const f of [0.01, 0.5, 3, 40]) {
      closeRel(fCdf(f, 2, 2), f / (1 + f), 1e-14);
      closeRel(fTails(f, 1, 7).upper, studentTTwoSided(Math.sqrt(f), 7), 1e-13);
    }
  });

  it('puts printed 5 % and 1 % points where the table says (4 significant digits)', () => {
    // F(0.95; 2, 27) = 3.354, F(0.95; 1, 1) = 161.4, F(0.99; 5, 10) = 5.636, F(0.95; 4, 20) = 2.866
    const table: [number, number, number, number][] = [[0.95, 2, 27, 3.354], [0.95, 1, 1, 161.4], [0.99, 5, 10, 5.636], [0.95, 4, 20, 2.866]];
    for (const [p, d1, d2, f] of table) {
      // the CDF at the rounded table value is within the rounding × density of p
      expect(Math.abs(fCdf(f, d1, d2) - p)).toBeLessThan(2e-4);
    }
  });
});
