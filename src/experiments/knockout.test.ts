/**
 * Findings emerge from the mechanism: the in-vitro claims of the Qian 2021 reproduction hold on the
 * default model, and when one link of the chain is cut — miR-1246 no longer represses FRK
 * (frk_max_repression = 0) — exactly the claims that need that link stop holding, and every claim that
 * does not need it still holds. Claims with another path left (Matrigel invasion also runs through
 * TFAP2A) are reported, not predicted.
 *
 * This is the suite's one long test (the full in-vitro protocols, n = 3, on two worker threads: a few
 * minutes of CPU). The orthotopic claims are left to `exoscape reproduce qian2021` (they need a
 * 3-day tissue per replicate).
 */
import { describe, expect, it } from 'vitest';
import { LINKS, predictionUnderCut } from './claims.ts';
import { QIAN2021_CLAIMS, reproduceQian2021 } from './qian2021.ts';
import { DEFAULT_OPTIONS } from './types.ts';

const IN_VITRO = QIAN2021_CLAIMS.filter((c) => c.tests.every((t) => t.assay !== 'orthotopic'));
const settings = (parameters: Record<string, number>) => ({ replicates: 3, seed: 1, workers: 2, options: { ...DEFAULT_OPTIONS, parameters } });

describe('cutting miR-1246 ⊣ FRK', () => {
  it('stops exactly the claims that depend on it', async () => {
    const link = 'miR-1246⊣FRK' as const;
    const base = await reproduceQian2021(settings({}), IN_VITRO);
    const cut = await reproduceQian2021(settings({ ...LINKS[link] }), IN_VITRO);
    const failedAtBaseline = base.claims.filter((c) => !c.holds).map((c) => `${c.id}: p = ${c.pValue} ${c.problem ?? ''}`);
    expect(failedAtBaseline, 'every in-vitro claim holds on the default model').toEqual([]);
    const predicted = Object.fromEntries(IN_VITRO.map((c) => [c.id, predictionUnderCut(c.requires, link)]));
    // the dependent claims are the FRK branch: migration, wound, FRK itself, the miR-1246 mimic, inhibitor and FRK rescue
    expect(Object.entries(predicted).filter(([, p]) => p === 'fails').map(([id]) => id)).toEqual(['F4a', 'F4c', 'F5b', 'F6a', 'F6c', 'F6e']);
    for (const c of cut.claims) {
      if (predicted[c.id] === 'fails') expect(c.holds, `${c.id} needs miR-1246 ⊣ FRK and must stop holding (p = ${c.pValue})`).toBe(false);
      if (predicted[c.id] === 'holds') expect(c.holds, `${c.id} does not need miR-1246 ⊣ FRK and must still hold (p = ${c.pValue}, ${c.problem ?? ''})`).toBe(true);
    }
    // the mechanism, not a label: with the link cut, FRK stays at 1 in every recipient arm
    const frk = cut.experiment.assays.find((a) => a.assay === 'recipients')!.results.map((r) => r.values.frk!);
    expect(Math.min(...frk)).toBe(1);
  }, 1_800_000);
});
