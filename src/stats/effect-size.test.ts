import { describe, expect, it } from 'vitest';
import { sleep } from './test-helpers/r-datasets.ts';
import { effectSize, hedgesCorrection } from './effect-size.ts';

describe('hedgesCorrection', () => {
  it('equals the closed forms J(2) = 1/√π and J(4) = 2/√(2π)', () => {
    // J(2) = Γ(1)/(1·Γ(½)) = 1/√π; J(4) = Γ(2)/(√2·Γ(3/2)) = 2/√(2π)
    expect(hedgesCorrection(2)).toBeCloseTo(1 / Math.sqrt(Math.PI), 14);
    expect(hedgesCorrection(4)).toBeCloseTo(2 / Math.sqrt(2 * Math.PI), 14);
  });

  it('approaches 1 − 3/(4ν − 1) (Hedges 1981) as ν grows', () => {
    for (const df of [10, 30, 100]) expect(Math.abs(hedgesCorrection(df) - (1 - 3 / (4 * df - 1)))).toBeLessThan(0.5 / df ** 2);
    expect(hedgesCorrection(1e6)).toBeCloseTo(1 - 3 / (4e6 - 1), 12);
  });
});

describe('effectSize', () => {
  it('gives Cohen’s d = −0.8322 for the sleep data', () => {
    // by definition, from the group means and variances R prints: (0.75 − 2.33)/√((9·3.2005556 + 9·4.009)/18)
    const e = effectSize(sleep.group1, sleep.group2);
    expect(e.cohensD).toBeCloseTo(-0.8321811, 7);
    expect(e.pooledSd).toBeCloseTo(Math.sqrt((9 * 3.2005556 + 9 * 4.009) / 18), 6);
    expect(e.hedgesG).toBeCloseTo(e.cohensD! * hedgesCorrection(18), 14);
    expect(Math.abs(e.hedgesG!)).toBeLessThan(Math.abs(e.cohensD!));
  });

  it('returns null effect sizes (not ±Infinity or NaN) when both samples are constant', () => {
    expect(effectSize([2, 2], [3, 3])).toEqual({ cohensD: null, hedgesG: null, pooledSd: 0, df: 2 });
  });

  it('flips sign with the order of the samples and ignores a common shift', () => {
    const x = [1.2, 1.9, 2.4];
    const y = [2.8, 3.1, 3.9, 3.3];
    expect(effectSize(y, x).cohensD).toBeCloseTo(-effectSize(x, y).cohensD!, 14);
    expect(effectSize(x.map((v) => v + 100), y.map((v) => v + 100)).cohensD).toBeCloseTo(effectSize(x, y).cohensD!, 10);
  });
});
