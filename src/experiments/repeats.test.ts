import { describe, expect, it } from 'vitest';
import { evaluateClaim, type ClaimSpec } from './claims.ts';
import { formatRepeats, repeatClaims, repeatsJson } from './repeats.ts';
import { fakeAssay } from './test-doubles.ts';

const robust: ClaimSpec = {
  id: 'R', finding: 1, statement: 'H above PBS', criterion: '', figure: '',
  tests: [{ assay: 'a', readout: 'x', arms: ['PBS', 'H'], expect: [{ arm: 'H', than: 'PBS', direction: 'higher' }] }],
  requires: [],
};
const fragile: ClaimSpec = { ...robust, id: 'S', tests: [{ ...robust.tests[0]!, readout: 'y' }] };

/** One seed's run: R always clear; S clear at the first seed, noise at the others. */
function run(seed: number) {
  const a = fakeAssay('a', 'x', { PBS: [10, 11, 9, 10 + seed / 10], H: [30, 29, 31, 30] });
  const b = fakeAssay('a', 'y', seed === 1 ? { PBS: [10, 11, 9, 10], H: [14, 15, 13, 14] } : { PBS: [10, 14, 7, 11], H: [11, 9, 13, 10 + seed] });
  return [evaluateClaim(robust, [a]), evaluateClaim(fragile, [b])];
}

describe('repeats of a reproduction at several seeds', () => {
  const seeds = [1, 2, 3];
  const claims = repeatClaims(seeds, seeds.map(run));

  it('holds a claim only when it holds at every seed, and counts the seeds', () => {
    expect(claims.map((c) => [c.id, c.holds, c.heldAt])).toEqual([['R', true, 3], ['S', false, 1]]);
    expect(claims[1]!.repeats.map((r) => r.holds)).toEqual([true, false, false]);
  });

  it('describes a claim by its weakest seed: a failing one, else the largest p', () => {
    const [r, s] = claims;
    const ps = r!.repeats.map((x) => x.pValue!);
    expect(r!.weakest.pValue).toBe(Math.max(...ps));
    expect(r!.weakestSeed).toBe(seeds[ps.indexOf(Math.max(...ps))]);
    expect(s!.weakest.holds).toBe(false);
    expect(s!.weakestSeed).not.toBe(1);
  });

  it('writes the JSON of reproduce --seeds: the record of the weakest seed, the verdict over all, every seed', () => {
    const j = repeatsJson(claims);
    const s = j.claims[1]!;
    expect(s).toMatchObject({ id: 'S', holds: false, heldAt: 1, seeds: 3 });
    expect(s.pValue).toBe(claims[1]!.weakest.pValue);
    expect(s.repeats.map((x) => x.seed)).toEqual([1, 2, 3]);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'statement', 'holds', 'effect', 'pValue', 'arms', 'values']));
  });

  it('prints one line per claim with each seed', () => {
    const t = formatRepeats(claims);
    expect(t).toContain('Claims holding at every seed (1, 2, 3): 1 of 2');
    expect(t).toMatch(/^R {4}HOLDS {9}3\/3 {2}1: ✓ p/m);
    expect(t).toMatch(/^S {4}NOT ROBUST {4}1\/3 {2}1: ✓ p [\d.e-]+ g [\d.]+ · 2: ✗/m);
  });

  it('refuses runs that evaluated different claims', () => {
    expect(() => repeatClaims([1, 2], [run(1), run(2).slice(0, 1)])).toThrow(/seed 2 evaluated other claims/);
    expect(() => repeatClaims([1, 2], [run(1)])).toThrow(/1 runs for 2 seeds/);
  });
});
