import { describe, expect, it } from 'vitest';
import { evaluateClaim, predictionUnderCut, type ClaimSpec } from './claims.ts';
import { QIAN2021_CLAIMS, qian2021Plans } from './qian2021.ts';
import { ASSAYS } from './registry.ts';
import { fakeAssay } from './test-doubles.ts';

const spec: ClaimSpec = {
  id: 'T1', finding: 4, statement: 'H above N and PBS', criterion: '', figure: '',
  tests: [{ assay: 'a', readout: 'x', arms: ['PBS', 'N', 'H'], expect: [{ arm: 'H', than: 'PBS', direction: 'higher' }, { arm: 'H', than: 'N', direction: 'higher' }] }],
  requires: [['miR-1246⊣FRK']],
};

describe('evaluateClaim', () => {
  it('holds when every planned comparison is significant in its direction (ANOVA + Tukey for 3 arms)', () => {
    const r = evaluateClaim(spec, [fakeAssay('a', 'x', { PBS: [10, 11, 9, 10], N: [20, 21, 19, 20], H: [30, 29, 31, 30] })]);
    expect(r.holds).toBe(true);
    expect(r.comparisons.map((c) => c.method)).toEqual(['one-way ANOVA + Tukey HSD', 'one-way ANOVA + Tukey HSD']);
    expect(r.comparisons[0]!.difference).toBeCloseTo(20, 10);
    expect(r.comparisons[1]!.difference).toBeCloseTo(10, 10);
    expect(r.foldChange).toBeCloseTo(3, 10);
    expect(r.effect).toBeGreaterThan(10);
    expect(r.pValue).toBe(Math.max(...r.comparisons.map((c) => c.p)));
    expect(r.values).toEqual({ PBS: 10, N: 20, H: 30 });
  });

  it('does not hold when one comparison points the wrong way or is not significant', () => {
    const wrong = evaluateClaim(spec, [fakeAssay('a', 'x', { PBS: [10, 11, 9], N: [40, 41, 39], H: [30, 29, 31] })]);
    expect(wrong.holds).toBe(false);
    expect(wrong.comparisons[0]!.ok).toBe(true);
    expect(wrong.comparisons[1]!.ok).toBe(false);
    const noisy = evaluateClaim(spec, [fakeAssay('a', 'x', { PBS: [10, 30, 5], N: [12, 28, 8], H: [14, 33, 9] })]);
    expect(noisy.holds).toBe(false);
    expect(noisy.pValue).toBeGreaterThan(0.05);
  });

  it('reports a missing assay or an untestable readout as a problem, not as a result', () => {
    const missing = evaluateClaim(spec, []);
    expect(missing.holds).toBe(false);
    expect(missing.problem).toMatch(/assay a was not run/);
    const flat = evaluateClaim(spec, [fakeAssay('a', 'x', { PBS: [1, 1, 1], N: [1, 1, 1], H: [1, 1, 1] })]);
    expect(flat.holds).toBe(false);
    expect(flat.problem).toMatch(/zero variance/);
  });

  it('applies the shape check', () => {
    const checked = evaluateClaim({ ...spec, check: () => ({ ok: false, detail: 'flat' }) }, [fakeAssay('a', 'x', { PBS: [10, 11, 9], N: [20, 21, 19], H: [30, 29, 31] })]);
    expect(checked.holds).toBe(false);
    expect(checked.checkDetail).toBe('flat');
  });
});

describe('predictionUnderCut', () => {
  it('fails when every path uses the link, holds when none does, is open otherwise', () => {
    expect(predictionUnderCut([['miR-1246⊣FRK']], 'miR-1246⊣FRK')).toBe('fails');
    expect(predictionUnderCut([['miR-1246⊣FRK'], ['miR-10b-5p⊣TFAP2A']], 'miR-1246⊣FRK')).toBe('open');
    expect(predictionUnderCut([['miR-1246⊣FRK', 'miR-10b-5p⊣TFAP2A']], 'miR-10b-5p⊣TFAP2A')).toBe('fails');
    expect(predictionUnderCut([['HIF→release']], 'miR-1246⊣FRK')).toBe('holds');
    expect(predictionUnderCut([], 'miR-1246⊣FRK')).toBe('holds');
  });
});

describe('the qian2021 claims', () => {
  it('cover every finding of MODEL.md §5 and name assays, readouts and arms that exist', () => {
    expect(new Set(QIAN2021_CLAIMS.map((c) => c.finding))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(new Set(QIAN2021_CLAIMS.map((c) => c.id)).size).toBe(QIAN2021_CLAIMS.length);
    for (const c of QIAN2021_CLAIMS) {
      for (const t of c.tests) {
        const a = ASSAYS.find((x) => x.name === t.assay);
        expect(a, `${c.id}: ${t.assay}`).toBeDefined();
        expect(a!.readouts.map((r) => r.key), `${c.id}: ${t.readout}`).toContain(t.readout);
        for (const arm of t.arms) expect(a!.arms, `${c.id}: ${arm}`).toContain(arm);
        for (const x of t.expect) expect(t.arms).toEqual(expect.arrayContaining([x.arm, x.than]));
      }
    }
  });

  it('plan every assay the claims need, control first', () => {
    const plans = qian2021Plans();
    expect(plans.map((p) => p.assay)).toEqual(['production', 'uptake', 'recipients', 'transwell-migration', 'matrigel-invasion', 'wound-healing', 'orthotopic']);
    expect(plans.find((p) => p.assay === 'production')!.arms[0]).toBe('21% O2');
    for (const p of plans.filter((x) => x.assay !== 'production')) expect(p.arms[0]).toBe('PBS');
  });
});
