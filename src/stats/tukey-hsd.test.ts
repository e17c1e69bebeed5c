import { describe, expect, it } from 'vitest';
import ref from './fixtures/scipy-reference.json' with { type: 'json' };
import { matchesPrinted, plantGrowth, rOutput } from './test-helpers/r-datasets.ts';
import { tukeyHsd } from './tukey-hsd.ts';

describe('tukeyHsd', () => {
  it("reproduces R's TukeyHSD(aov(weight ~ group, PlantGrowth)) to every printed digit", () => {
    const r = tukeyHsd([plantGrowth.ctrl, plantGrowth.trt1, plantGrowth.trt2], ['ctrl', 'trt1', 'trt2']);
    expect(r.pairs).toHaveLength(3);
    rOutput.tukey.forEach((R, i) => {
      const p = r.pairs[i]!;
      expect([p.a, p.b]).toEqual([R.a, R.b]);
      expect(matchesPrinted(p.difference, R.diff)).toBe(true);
      expect(matchesPrinted(p.ci[0], R.lwr)).toBe(true);
      expect(matchesPrinted(p.ci[1], R.upr)).toBe(true);
      expect(matchesPrinted(p.p, R.p)).toBe(true);
    });
    expect(r.df).toBe(27);
    expect(r.qCritical).toBeCloseTo(3.506426, 6);
  });

  it('matches SciPy tukey_hsd (p and interval) on seeded designs with 3–5 unbalanced groups', () => {
    // p to 1e-9 absolute: both integrate the studentized range numerically (ours to ~1e-12)
    for (const d of ref.multiArm) {
      const r = tukeyHsd(d.arms);
      for (const s of d.tukey) {
        const p = r.pairs.find((x) => x.i === s.i && x.j === s.j)!;
        expect(p.difference).toBeCloseTo(s.diff, 12);
        expect(Math.abs(p.p - s.p)).toBeLessThan(1e-9);
        expect(p.ci[0]).toBeCloseTo(s.ci[0]!, 8);
        expect(p.ci[1]).toBeCloseTo(s.ci[1]!, 8);
      }
    }
  });

  it('is significant exactly when the interval excludes 0', () => {
    for (const d of ref.multiArm) {
      for (const p of tukeyHsd(d.arms).pairs) expect(p.p < 0.05).toBe(p.ci[0] > 0 || p.ci[1] < 0);
    }
  });
});
