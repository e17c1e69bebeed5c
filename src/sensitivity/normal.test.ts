import { describe, expect, it } from 'vitest';
import { inverseNormal } from './normal.ts';

describe('inverseNormal', () => {
  it('matches standard normal quantiles', () => {
    expect(inverseNormal(0.5)).toBe(0);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(inverseNormal(0.8413447460685429)).toBeCloseTo(1, 8);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(inverseNormal(1e-10)).toBeCloseTo(-6.361340902404056, 6);
  });
  it('is antisymmetric and finite at the ends', () => {
    for (const u of [0.01, 0.1, 0.3]) expect(inverseNormal(1 - u)).toBeCloseTo(-inverseNormal(u), 9);
    expect(Number.isFinite(inverseNormal(0))).toBe(true);
    expect(Number.isFinite(inverseNormal(1))).toBe(true);
  });
});
