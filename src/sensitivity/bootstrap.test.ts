import { describe, expect, it } from 'vitest';
import { bootstrapEstimates, quantileSorted } from './bootstrap.ts';

describe('bootstrapEstimates', () => {
  const data = Array.from({ length: 400 }, (_, i) => Math.sin(i * 12.9898) * 10);
  const mean = (u: Int32Array): number[] => [u.reduce((s, i) => s + data[i]!, 0) / u.length];
  it('gives the point estimate and a percentile interval with the standard error of the mean', () => {
    const [e] = bootstrapEstimates(data.length, mean, { resamples: 2000, confidence: 0.95, seed: 1 });
    const m = data.reduce((s, v) => s + v, 0) / data.length;
    const sd = Math.sqrt(data.reduce((s, v) => s + (v - m) ** 2, 0) / (data.length - 1));
    expect(e!.estimate).toBeCloseTo(m, 12);
    expect(e!.low).toBeLessThan(m);
    expect(e!.high).toBeGreaterThan(m);
    expect(e!.se / (sd / Math.sqrt(data.length))).toBeGreaterThan(0.9);
    expect(e!.se / (sd / Math.sqrt(data.length))).toBeLessThan(1.1);
    expect((e!.high - e!.low) / (2 * 1.96 * e!.se)).toBeCloseTo(1, 1);
  });
  it('is deterministic for a seed', () => {
    const o = { resamples: 100, confidence: 0.9, seed: 4 };
    expect(bootstrapEstimates(data.length, mean, o)).toEqual(bootstrapEstimates(data.length, mean, o));
  });
  it('without resamples returns the estimate as its own interval', () => {
    const [e] = bootstrapEstimates(data.length, mean, { resamples: 0, confidence: 0.95, seed: 1 });
    expect(e!.low).toBe(e!.estimate);
    expect(Number.isNaN(e!.se)).toBe(true);
  });
  it('quantileSorted interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});
