import { describe, expect, it } from 'vitest';
import { evaluateClaim, wilsonShare } from './claims.ts';

describe('claims', () => {
  it('tests metric op value, null when the metric is missing or NaN', () => {
    const c = { name: 'c', metric: 'y', op: '>=' as const, value: 2 };
    expect(evaluateClaim(c, { y: 2 })).toBe(true);
    expect(evaluateClaim({ ...c, op: '>' }, { y: 2 })).toBe(false);
    expect(evaluateClaim(c, { y: NaN })).toBeNull();
    expect(evaluateClaim(c, {})).toBeNull();
  });
  it('tests a boolean metric: is true, == / != true / false; null for the wrong type', () => {
    expect(evaluateClaim({ name: 'F4d', metric: 'F4d' }, { F4d: true })).toBe(true);
    expect(evaluateClaim({ name: 'F4d', metric: 'F4d' }, { F4d: false })).toBe(false);
    expect(evaluateClaim({ name: 'n', metric: 'F4d', op: '==', value: false }, { F4d: false })).toBe(true);
    expect(evaluateClaim({ name: 'n', metric: 'F4d', op: '!=', value: true }, { F4d: true })).toBe(false);
    expect(evaluateClaim({ name: 'n', metric: 'F4d' }, { F4d: 1 })).toBeNull();
    expect(evaluateClaim({ name: 'n', metric: 'x', op: '>', value: 0 }, { x: true })).toBeNull();
    expect(evaluateClaim({ name: 'n', metric: 'x', op: '==', value: 2 }, { x: 2 })).toBe(true);
    expect(evaluateClaim({ name: 'n', metric: 'x', op: '!=', value: 2 }, { x: 2 })).toBe(false);
  });
  it('gives the Wilson score interval', () => {
    // 8 of 10 at 95 %: [0.490, 0.943] (Newcombe 1998, Table I style check)
    const s = wilsonShare(8, 10, 0.95);
    expect(s.share).toBe(0.8);
    expect(s.low).toBeCloseTo(0.4902, 3);
    expect(s.high).toBeCloseTo(0.9433, 3);
    const all = wilsonShare(20, 20, 0.95);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.8389, 3);
  });
});
