import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesPrinted, plantGrowth, rOutput, sleep } from './test-helpers/r-datasets.ts';
import { compareArms } from './compare.ts';
import { holm } from './adjust.ts';
import { effectSize } from './effect-size.ts';
import { welchTTest } from './t-test.ts';
import { isStatsError, type StatsErrorCode } from './stats-error.ts';

function codeOf(f: () => unknown): StatsErrorCode | 'no error' | 'other error' {
  try {
    f();
    return 'no error';
  } catch (e) {
    return isStatsError(e) ? e.code : 'other error';
  }
}

describe('compareArms with two arms', () => {
  it('runs Welch’s t-test of arm vs control (R sleep: t = 1.8608 for group2 − group1, p = 0.07939)', () => {
    const r = compareArms({ control: sleep.group1, treated: sleep.group2 });
    expect(r.method).toBe('Welch two-sample t-test');
    expect(r.control).toBe('control');
    expect(r.omnibus).toBeNull();
    expect(r.vsControl).toHaveLength(1);
    const c = r.vsControl[0]!;
    expect(c.arm).toBe('treated');
    expect(c.statistic.name).toBe('t');
    expect(matchesPrinted(-c.statistic.value, rOutput.welch.t)).toBe(true);
    expect(matchesPrinted(c.statistic.df, rOutput.welch.df)).toBe(true);
    expect(matchesPrinted(c.p, rOutput.welch.p)).toBe(true);
    expect(c.adjustment).toBe('none');
    expect(c.significant).toBe(false);
    expect(c.difference).toBeCloseTo(1.58, 12);
    expect(c.foldChange).toBeCloseTo(2.33 / 0.75, 12);
    expect(c.cohensD).toBeCloseTo(0.8321811, 7);
    expect(r.pairs).toEqual([{ a: 'control', b: 'treated', difference: c.difference, ci: c.ci, p: c.p, adjustment: 'none', significant: false }]);
  });

  it('reports arm descriptives: n, mean, SD, SEM and the t-interval at 1 − alpha', () => {
    const r = compareArms({ a: [1, 2, 3, 4], b: [2, 4, 6, 8] }, { alpha: 0.1 });
    const a = r.arms[0]!;
    expect(a).toMatchObject({ arm: 'a', n: 4, mean: 2.5, level: 0.9 });
    expect(a.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(a.sem).toBeCloseTo(Math.sqrt(5 / 3) / 2, 14);
    // t(0.95; 3) = 2.353363
    expect(a.ci[1] - a.mean).toBeCloseTo(2.353363435 * a.sem, 8);
    expect(r.confidenceLevel).toBeCloseTo(0.9, 15);
  });

  it('honours the control option (sign of differences follows arm − control)', () => {
    const r = compareArms({ treated: [5, 6, 7], control: [1, 2, 3] }, { control: 'control' });
    expect(r.vsControl[0]!.arm).toBe('treated');
    expect(r.vsControl[0]!.difference).toBeCloseTo(4, 14);
    expect(r.vsControl[0]!.cohensD).toBeGreaterThan(0);
  });
});

describe('compareArms with more than two arms', () => {
  it("runs ANOVA + Tukey HSD like R's aov/TukeyHSD on PlantGrowth", () => {
    const r = compareArms({ ...plantGrowth });
    expect(r.method).toBe('one-way ANOVA + Tukey HSD');
    expect(matchesPrinted(r.omnibus!.F, rOutput.aov.F)).toBe(true);
    expect(matchesPrinted(r.omnibus!.p, rOutput.aov.p)).toBe(true);
    expect(r.omnibus!.significant).toBe(true);
    expect(r.pairs.map((p) => `${p.b}-${p.a}`)).toEqual(['trt1-ctrl', 'trt2-ctrl', 'trt2-trt1']);
    r.pairs.forEach((p, i) => {
      expect(matchesPrinted(p.p, rOutput.tukey[i]!.p)).toBe(true);
    });
    expect(r.vsControl.map((c) => [c.arm, c.significant])).toEqual([['trt1', false], ['trt2', false]]);
    expect(r.vsControl[1]!.statistic).toMatchObject({ name: 'q', df: 27 });
    expect(r.pairs[2]!.significant).toBe(true);
  });

  it('turns Tukey’s later − earlier into arm − control when the control is not first', () => {
    const r = compareArms({ ...plantGrowth }, { control: 'trt2' });
    const trt1 = r.vsControl.find((c) => c.arm === 'trt1')!;
    expect(trt1.difference).toBeCloseTo(4.661 - 5.526, 12);
    expect(matchesPrinted(-trt1.ci[1], rOutput.tukey[2].lwr)).toBe(true);
    expect(matchesPrinted(-trt1.ci[0], rOutput.tukey[2].upr)).toBe(true);
    expect(matchesPrinted(trt1.p, rOutput.tukey[2].p)).toBe(true);
    expect(trt1.cohensD).toBeCloseTo(effectSize(plantGrowth.trt1, plantGrowth.trt2).cohensD!, 14);
  });

  it("with posthoc 'welch-holm' runs Welch vs control and Holm-adjusts", () => {
    const arms = { ...plantGrowth };
    const r = compareArms(arms, { posthoc: 'welch-holm' });
    expect(r.method).toBe('one-way ANOVA + Welch t-tests vs control (Holm-adjusted)');
    const raw = [welchTTest(arms.trt1, arms.ctrl).p, welchTTest(arms.trt2, arms.ctrl).p];
    expect(r.vsControl.map((c) => c.p)).toEqual(holm(raw));
    expect(r.vsControl.every((c) => c.adjustment === 'holm')).toBe(true);
    expect(r.omnibus?.F).toBeCloseTo(4.846088, 6);
    expect(r.notes.join(' ')).toMatch(/not adjusted for multiplicity/);
  });

  it('warns when spreads differ enough to doubt Tukey’s common variance', () => {
    const r = compareArms({ a: [1, 1.1, 0.9, 1.05], b: [2, 6, 0, 4], c: [1, 1.2, 0.8, 1] });
    expect(r.notes.join(' ')).toMatch(/largest\/smallest SD = 30\.2 > 3: .*'welch-holm'/);
  });
});

describe('compareArms on degenerate input', () => {
  it('throws coded StatsErrors, never returns a NaN p-value', () => {
    expect(codeOf(() => compareArms({ only: [1, 2, 3] }))).toBe('bad-design');
    expect(codeOf(() => compareArms({ a: [1, 2], b: [3, 4] }, { control: 'c' }))).toBe('bad-design');
    expect(codeOf(() => compareArms({ a: [1, 2], b: [3, 4] }, { alpha: 0 }))).toBe('bad-design');
    expect(codeOf(() => compareArms({ a: [1, 2], b: [3] }))).toBe('too-few-values');
    expect(codeOf(() => compareArms({ a: [1, 2], b: [3, Number.NaN] }))).toBe('non-finite');
    expect(codeOf(() => compareArms({ a: [1, 1], b: [3, 3] }))).toBe('zero-variance');
    expect(codeOf(() => compareArms({ a: [1, 1], b: [3, 3], c: [2, 2] }))).toBe('zero-variance');
    expect(() => compareArms({ ctrl: [1, 2], 'H-GDE': [3, Infinity] })).toThrow("arm 'H-GDE': value #2 is Infinity");
    expect(() => compareArms({ ctrl: [1, 1], hgde: [2, 2] })).toThrow(/ctrl = 1, hgde = 2/);
  });

  it('accepts one constant arm, notes it, and reports null effect sizes only where undefined', () => {
    const r = compareArms({ ctrl: [1, 1, 1], a: [1, 1, 1], b: [2, 3, 4] });
    expect(r.notes.join(' ')).toMatch(/zero variance .* ctrl, a/);
    expect(r.vsControl.find((c) => c.arm === 'a')!.cohensD).toBeNull();
    expect(r.vsControl.find((c) => c.arm === 'b')!.cohensD).toBeGreaterThan(0);
    expect(compareArms({ ctrl: [0, 0, 0], b: [2, 3, 4] }).vsControl[0]!.foldChange).toBeNull();
  });
});

describe('compareArms results', () => {
  it('are plain JSON: a round trip through JSON changes nothing', () => {
    for (const r of [compareArms({ ...plantGrowth }), compareArms({ a: sleep.group1, b: sleep.group2 }), compareArms({ c: [0, 0, 0], b: [2, 3, 4], d: [1, 1, 1] })]) {
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });

  const arm = fc.array(fc.integer({ min: -1e5, max: 1e5 }).map((i) => i / 100), { minLength: 2, maxLength: 8 }).filter((xs) => new Set(xs).size > 1);

  it('give p in [0, 1] and are invariant to shifting all arms (property, 2 arms)', () => {
    fc.assert(
      fc.property(arm, arm, fc.integer({ min: -1e4, max: 1e4 }), (a, b, shift) => {
        const r = compareArms({ a, b });
        const s = compareArms({ a: a.map((v) => v + shift), b: b.map((v) => v + shift) });
        const p = r.vsControl[0]!.p;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Math.abs(s.vsControl[0]!.p - p)).toBeLessThan(1e-8);
        expect(s.vsControl[0]!.difference).toBeCloseTo(r.vsControl[0]!.difference, 8);
      }),
      { numRuns: 150 },
    );
  });

  it('give p in [0, 1], shift invariance and symmetric pairs (property, 3 arms, Tukey)', () => {
    // 20 runs: each Tukey call evaluates the studentized range ~15 times (~50 ms)
    fc.assert(
      fc.property(arm, arm, arm, fc.integer({ min: -1e4, max: 1e4 }), (a, b, c, shift) => {
        const r = compareArms({ a, b, c });
        const s = compareArms({ a: a.map((v) => v + shift), b: b.map((v) => v + shift), c: c.map((v) => v + shift) });
        for (const [i, x] of r.pairs.entries()) {
          expect(x.p).toBeGreaterThanOrEqual(0);
          expect(x.p).toBeLessThanOrEqual(1);
          expect(Math.abs(s.pairs[i]!.p - x.p)).toBeLessThan(1e-8);
        }
        expect(r.omnibus!.p).toBeGreaterThanOrEqual(0);
        expect(r.omnibus!.p).toBeLessThanOrEqual(1);
        // c vs control b (reordered) is the mirror of b vs control c
        const swapped = compareArms({ c, b, a }, { control: 'b' });
        const cb = swapped.vsControl.find((x) => x.arm === 'c')!;
        const bc = compareArms({ b, c, a }, { control: 'c' }).vsControl.find((x) => x.arm === 'b')!;
        expect(cb.difference).toBeCloseTo(-bc.difference, 10);
        expect(cb.p).toBeCloseTo(bc.p, 10);
      }),
      { numRuns: 20 },
    );
  });
});
