import { describe, expect, it } from 'vitest';
import { latinHypercube } from './lhs.ts';
import { invert, prcc, ranks } from './prcc.ts';

describe('ranks', () => {
  it('ranks from 1 with ties at their average rank', () => {
    expect([...ranks([10, 30, 20, 30])]).toEqual([1, 3.5, 2, 3.5]);
  });
});

describe('invert', () => {
  it('inverts a matrix and reports a singular one', () => {
    const inv = invert([[4, 2], [2, 3]])!;
    expect(inv[0]![0]).toBeCloseTo(3 / 8, 12);
    expect(inv[0]![1]).toBeCloseTo(-2 / 8, 12);
    expect(invert([[1, 2], [2, 4]])).toBeUndefined();
  });
});

describe('prcc', () => {
  const x = latinHypercube(200, 3, 5);
  it('is ±1 for strictly monotone dependence on one factor and near 0 for inert factors', () => {
    const y = x.map((r) => Math.exp(3 * r[0]!) - 0 * r[1]!);
    const p = prcc(x, y, { resamples: 200, confidence: 0.95, seed: 1 });
    expect(p[0]!.estimate).toBeCloseTo(1, 6);
    expect(Math.abs(p[1]!.estimate)).toBeLessThan(0.2);
    expect(p[1]!.low).toBeLessThan(0);
    expect(p[1]!.high).toBeGreaterThan(0);
  });
  it('separates a strong from a weak monotone effect and keeps the sign', () => {
    const y = x.map((r) => 5 * r[0]! - r[1]! + 0.0 * r[2]!);
    const p = prcc(x, y, { resamples: 200, confidence: 0.95, seed: 1 });
    expect(p[0]!.estimate).toBeGreaterThan(0.9);
    expect(p[1]!.estimate).toBeLessThan(-0.5);
    expect(p[1]!.high).toBeLessThan(0);
  });
});
