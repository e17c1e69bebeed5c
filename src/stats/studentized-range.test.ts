import { describe, expect, it } from 'vitest';
import ref from './fixtures/scipy-reference.json' with { type: 'json' };
import { studentTTails } from './distributions.ts';
import { normalRangeCdf, studentizedRangeCdf, studentizedRangeQuantile } from './studentized-range.ts';
import { StatsError } from './stats-error.ts';

describe('studentized range CDF', () => {
  it('equals the exact two-mean case P(Q ≤ q) = P(|T_ν| ≤ q/√2) to 1e-12', () => {
    // For k = 2, Q = |Z₁ − Z₂|/s and (Z₁ − Z₂)/√2 ~ N(0, 1), so Q/√2 = |T_ν|.
    for (const df of [2, 3, 5, 27, 1000, 1e5]) {
      for (const q of [0.2, 1, 2.77, 5, 12]) {
        const t = studentTTails(q / Math.SQRT2, df);
        expect(Math.abs(studentizedRangeCdf(q, 2, df) - (t.lower - t.upper))).toBeLessThan(1e-12);
      }
    }
  });

  it('matches SciPy studentized_range.cdf over k = 2…20, df = 2…1000 (1e-11 absolute)', () => {
    // SciPy integrates the same double integral adaptively; the largest difference seen was 5e-13.
    for (const r of ref.studentizedRange) expect(Math.abs(studentizedRangeCdf(r.q, r.k, r.df) - r.cdf)).toBeLessThan(1e-11);
  });

  it('is the normal range distribution for df = ∞ (k = 2: P(|Z₁ − Z₂| ≤ w) = 2Φ(w/√2) − 1)', () => {
    const t = studentTTails(3 / Math.SQRT2, Infinity);
    expect(studentizedRangeCdf(3, 2, Infinity)).toBeCloseTo(t.lower - t.upper, 13);
    expect(normalRangeCdf(0, 4)).toBe(0);
    expect(normalRangeCdf(20, 4)).toBe(1);
  });

  it('increases in q and decreases in k', () => {
    let last = 0;
    for (let q = 0.25; q < 9; q += 0.25) {
      const p = studentizedRangeCdf(q, 4, 12);
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
    expect(studentizedRangeCdf(3, 3, 10)).toBeGreaterThan(studentizedRangeCdf(3, 6, 10));
  });

  it('rejects k < 2, non-integer k and df < 2', () => {
    expect(() => studentizedRangeCdf(1, 1, 10)).toThrow(StatsError);
    expect(() => studentizedRangeCdf(1, 2.5, 10)).toThrow(/integer/);
    expect(() => studentizedRangeCdf(1, 3, 1)).toThrow(/df ≥ 2/);
  });
});

describe('studentized range quantile', () => {
  it('matches SciPy studentized_range.ppf (1e-9 relative)', () => {
    for (const r of ref.studentizedRangeQuantile) {
      expect(Math.abs(studentizedRangeQuantile(r.p, r.k, r.df) - r.q)).toBeLessThan(1e-9 * r.q);
    }
  });

  it('reproduces printed Tukey tables (Harter 1960; 3 decimals)', () => {
    // q(0.95; 3, 10) = 3.877, q(0.95; 5, 20) = 4.232, q(0.95; 4, 30) = 3.845, q(0.99; 3, 10) = 5.270, q(0.99; 4, 30) = 4.799
    const table: [number, number, number, number][] = [[0.95, 3, 10, 3.877], [0.95, 5, 20, 4.232], [0.95, 4, 30, 3.845], [0.99, 3, 10, 5.27], [0.99, 4, 30, 4.799]];
    for (const [p, k, df, q] of table) expect(Math.abs(studentizedRangeQuantile(p, k, df) - q)).toBeLessThanOrEqual(5e-4);
  });

  it("gives R's qtukey(0.95, 3, 27) = 3.506426 (the PlantGrowth Tukey interval)", () => {
    expect(studentizedRangeQuantile(0.95, 3, 27)).toBeCloseTo(3.506426, 6);
  });
});
