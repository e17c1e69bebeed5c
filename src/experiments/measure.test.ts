import { describe, expect, it } from 'vitest';
import { measurementStream, poisson } from './measure.ts';

function moments(lambda: number, n: number, seed: number): { mean: number; variance: number; draws: number[] } {
  const rng = measurementStream(seed);
  const draws = Array.from({ length: n }, () => poisson(rng, lambda));
  const mean = draws.reduce((a, b) => a + b, 0) / n;
  const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, variance, draws };
}

describe('poisson', () => {
  it.each([0.3, 4, 9.9, 10, 37, 1000, 2.5e5])('has mean and variance λ (λ = %s)', (lambda) => {
    const n = 20000;
    const { mean, variance, draws } = moments(lambda, n, 7);
    // mean within 5 standard errors; variance within 5 standard errors of the sample variance
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
    const sdVar = Math.sqrt((lambda + 2 * lambda * lambda) / n);
    expect(Math.abs(variance - lambda)).toBeLessThan(5 * sdVar);
    expect(draws.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
  });

  it('matches the Poisson probabilities at λ = 12 (PTRS branch), chi-square', () => {
    const lambda = 12;
    const n = 40000;
    const { draws } = moments(lambda, n, 11);
    const counts = new Map<number, number>();
    for (const k of draws) counts.set(k, (counts.get(k) ?? 0) + 1);
    let p = Math.exp(-lambda);
    let chi2 = 0;
    let bins = 0;
    for (let k = 0; k <= 30; k++) {
      if (k > 0) p *= lambda / k;
      const expected = n * p;
      if (expected < 20) continue;
      chi2 += ((counts.get(k) ?? 0) - expected) ** 2 / expected;
      bins++;
    }
    // ~20 bins: the 99.9 % point of chi-square(20) is 45.3
    expect(bins).toBeGreaterThan(15);
    expect(chi2).toBeLessThan(45.3);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    expect(moments(50, 20, 3).draws).toEqual(moments(50, 20, 3).draws);
    expect(moments(50, 20, 3).draws).not.toEqual(moments(50, 20, 4).draws);
  });

  it('rejects a negative or non-finite λ', () => {
    const rng = measurementStream(1);
    expect(() => poisson(rng, -1)).toThrow(RangeError);
    expect(() => poisson(rng, Number.NaN)).toThrow(RangeError);
    expect(poisson(rng, 0)).toBe(0);
  });
});
