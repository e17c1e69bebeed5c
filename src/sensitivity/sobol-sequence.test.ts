import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol-sequence.ts';

describe('sobolPoints', () => {
  it('reproduces the first ten 3-D points of the Joe–Kuo sequence', () => {
    // As printed by an independent Python port of Joe & Kuo's generator (same direction numbers).
    expect(sobolPoints(10, 3)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
      [0.1875, 0.3125, 0.9375],
      [0.6875, 0.8125, 0.4375],
    ]);
  });

  it('stratifies every coordinate of the first 2^m points (one per interval of width 2^-m), shifted or not', () => {
    const m = 8;
    const shift = Uint32Array.from({ length: SOBOL_MAX_DIMENSIONS }, (_, j) => (0x9e3779b9 * (j + 1)) >>> 0);
    for (const s of [undefined, shift]) {
      const x = sobolPoints(2 ** m, SOBOL_MAX_DIMENSIONS, s);
      for (let j = 0; j < SOBOL_MAX_DIMENSIONS; j++) {
        const cells = x.map((p) => Math.floor(p[j]! * 2 ** m)).sort((a, b) => a - b);
        expect(cells).toEqual(Array.from({ length: 2 ** m }, (_, i) => i));
      }
    }
  });

  it('makes the first two coordinates a (0, m, 2)-net: one point in every elementary box of area 2^-m', () => {
    const m = 10;
    const x = sobolPoints(2 ** m, 2);
    for (let a = 0; a <= m; a++) {
      const counts = new Map<string, number>();
      for (const p of x) {
        const key = `${Math.floor(p[0]! * 2 ** a)},${Math.floor(p[1]! * 2 ** (m - a))}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(counts.size).toBe(2 ** m);
    }
  });

  it('rejects dimensions beyond the table', () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(/dimension must be/);
  });
});
