import { describe, expect, it } from 'vitest';
import { gaussLegendre, integrate } from './quadrature.ts';

describe('gaussLegendre', () => {
  it('has weights summing to 2 and symmetric nodes', () => {
    for (const n of [1, 2, 5, 12, 16]) {
      const r = gaussLegendre(n);
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 14);
      for (let i = 0; i < n; i++) expect(r.nodes[i]).toBeCloseTo(-r.nodes[n - 1 - i]!, 15);
    }
  });

  it('reproduces the published 12-point rule (A&S Table 25.4: x₆ = 0.981560634246719, w₆ = 0.047175336386512)', () => {
    const r = gaussLegendre(12);
    expect(r.nodes[11]).toBeCloseTo(0.981560634246719, 14);
    expect(r.weights[11]).toBeCloseTo(0.047175336386512, 14);
  });

  it('integrates polynomials of degree 2n − 1 exactly and not degree 2n', () => {
    const r = gaussLegendre(6);
    expect(integrate(r, (x) => x ** 11 + 3 * x ** 10, -1, 1)).toBeCloseTo(6 / 11, 14);
    expect(Math.abs(integrate(r, (x) => x ** 12, -1, 1) - 2 / 13)).toBeGreaterThan(1e-6);
    // e^x is not a polynomial: the 6-point rule on [0, 2] is off by 4e-12 (measured)
    expect(Math.abs(integrate(r, Math.exp, 0, 2) - (Math.exp(2) - 1))).toBeLessThan(1e-11);
  });

  it('returns frozen rules', () => {
    expect(Object.isFrozen(gaussLegendre(4).nodes)).toBe(true);
  });
});
