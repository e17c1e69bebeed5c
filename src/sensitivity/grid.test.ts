import { describe, expect, it } from 'vitest';
import { fullGrid, linspace, logspace } from './grid.ts';

describe('fullGrid', () => {
  it('gives every combination, the first factor varying slowest', () => {
    expect(fullGrid([[1, 2], [10, 20, 30]])).toEqual([
      [1, 10], [1, 20], [1, 30],
      [2, 10], [2, 20], [2, 30],
    ]);
  });
  it('has the product of the level counts as size', () => {
    expect(fullGrid([[0, 1], [0, 1, 2], [5, 6, 7, 8]])).toHaveLength(24);
  });
  it('rejects a factor without levels', () => {
    expect(() => fullGrid([[1], []])).toThrow(/factor 1 has no levels/);
  });
});

describe('linspace / logspace', () => {
  it('linspace hits both ends exactly', () => {
    const v = linspace(0.1, 0.7, 7);
    expect(v[0]).toBe(0.1);
    expect(v[6]).toBe(0.7);
    expect(v[3]).toBeCloseTo(0.4, 15);
  });
  it('logspace is evenly spaced in log and hits both ends exactly', () => {
    const v = logspace(0.001, 10, 5);
    expect(v[0]).toBe(0.001);
    expect(v[4]).toBe(10);
    for (let i = 1; i < 5; i++) expect(v[i]! / v[i - 1]!).toBeCloseTo(10, 10);
  });
  it('one level is the midpoint (linear) or geometric mean (log)', () => {
    expect(linspace(2, 4, 1)).toEqual([3]);
    expect(logspace(1, 100, 1)[0]).toBeCloseTo(10, 12);
  });
});
