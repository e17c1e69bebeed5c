import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holm } from './adjust.ts';

describe('holm', () => {
  it('adjusts by hand-checkable steps: (0.01, 0.04, 0.03, 0.005) → (0.03, 0.06, 0.06, 0.02)', () => {
    // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to 0.06 (monotone)
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => {
      expect(adjusted[i]).toBeCloseTo(v, 15);
    });
  });

  it('caps at 1 and leaves a single p-value alone', () => {
    expect(holm([0.4, 0.6])).toEqual([0.8, 0.8]);
    expect(holm([0.7, 0.9, 0.8])).toEqual([1, 1, 1]);
    expect(holm([0.037])).toEqual([0.037]);
    expect(holm([])).toEqual([]);
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => holm([0.2, Number.NaN])).toThrow(/p-value #2 is NaN/);
    expect(() => holm([1.2])).toThrow(/\[0, 1\]/);
  });

  it('never lowers a p-value, keeps the order and stays within Bonferroni (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (ps) => {
        const adj = holm(ps);
        ps.forEach((p, i) => {
          expect(adj[i]).toBeGreaterThanOrEqual(p);
          expect(adj[i]).toBeLessThanOrEqual(Math.min(1, ps.length * p) + 1e-15);
          ps.forEach((q, j) => {
            if (p < q) expect(adj[i]).toBeLessThanOrEqual(adj[j]!);
          });
        });
      }),
    );
  });
});
