import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latinHypercube } from './lhs.ts';

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata of every coordinate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 1e9 }), (n, k, seed) => {
        const x = latinHypercube(n, k, seed);
        expect(x).toHaveLength(n);
        for (let j = 0; j < k; j++) {
          const strata = x.map((row) => Math.floor(row[j]! * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
      { numRuns: 50 },
    );
  });
  it('is deterministic for a seed and differs between seeds', () => {
    expect(latinHypercube(20, 3, 7)).toEqual(latinHypercube(20, 3, 7));
    expect(latinHypercube(20, 3, 7)).not.toEqual(latinHypercube(20, 3, 8));
  });
  it('pairs strata independently: coordinates are not all in the same order', () => {
    const x = latinHypercube(50, 2, 3);
    const same = x.filter((r) => Math.floor(r[0]! * 50) === Math.floor(r[1]! * 50)).length;
    expect(same).toBeLessThan(10);
  });
});
