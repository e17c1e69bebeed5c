import { describe, expect, it } from 'vitest';
import { createPool } from '../engine/parallel/pool.ts';
import { FLAG_APOPTOTIC, FLAG_NECROTIC } from '../engine/agents/store.ts';
import { Simulation } from './simulation.ts';
import { cellColumns, timeSeriesRow } from './metrics.ts';
import { hifSteadyState, compileModel, HYPOXIA_MMHG, NORMOXIA_MMHG } from './compile.ts';
import { testScenario } from './test-scenarios.ts';
import { restoreCheckpoint, saveCheckpoint } from './checkpoint.ts';

async function runTo(sim: Simulation, minutes: number): Promise<void> {
  await sim.advance(Math.round(minutes / sim.clock.dtMechanics));
}

describe('Simulation: mass balance', () => {
  it('closes to round-off for oxygen, vesicles and every cargo, with Dirichlet faces, a vessel and a dose', async () => {
    const loaded = testScenario({
      duration: 120,
      boundary: 'dirichlet',
      extra: 'interventions:\n  - { kind: exosome-dose, vesiclesPerCell: 500, source: hypoxic, at: 30 }',
    });
    const sim = await Simulation.create(loaded);
    await runTo(sim, 120);
    const books = sim.massBalance();
    expect(books.map((b) => b.field)).toEqual(['oxygen', 'vesicles', 'miR-1246', 'miR-10b-5p', 'label']);
    for (const b of books) {
      // Each term is a sum of ~10^4–10^6 floating-point updates of size ≤ the total: 1e-11 is a few
      // hundred ulps of the largest term, far below any modelling error.
      expect(b.relativeError, b.field).toBeLessThan(1e-11);
    }
    const ves = books[1]!;
    expect(ves.released).toBeGreaterThan(0);
    expect(ves.dosed).toBeGreaterThan(0);
    expect(ves.takenUp).toBeGreaterThan(0);
    expect(ves.cleared).toBeGreaterThan(0);
    expect(ves.leftThroughBoundaries).toBeGreaterThan(0); // absorbing faces
    const o2 = books[0]!;
    expect(o2.takenUp).toBeGreaterThan(0);
    expect(o2.leftThroughBoundaries).toBeLessThan(0); // net supply from faces and the vessel
    sim.dispose();
  });

  it('keeps every field non-negative', async () => {
    const sim = await Simulation.create(testScenario({ duration: 60 }));
    await runTo(sim, 60);
    for (const f of [...sim.o2.data, ...sim.ev.data]) expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
    sim.dispose();
  });
});

describe('Simulation: mechanism', () => {
  it('HIF-1α relaxes to the analytic steady state when O2 is held (no consumption)', async () => {
    const sim = await Simulation.create(testScenario({ duration: 120, boundary: 'dirichlet', parameters: { o2_uptake: 0, o2_decay: 0 } }));
    await runTo(sim, 120);
    const ct = compileModel(sim.loaded).cellTypes[0]!;
    const want = hifSteadyState(ct, 38);
    const hif = sim.store.stateView('hif');
    for (let i = 0; i < sim.store.count; i++) expect(Math.abs(hif[i]! - want)).toBeLessThan(1e-9);
    sim.dispose();
  });

  it('calibration: HIF-1α is half-maximal near 1.7 % O2 and high at 0.5 %; normoxic half-life 5–8 min', () => {
    const ct = compileModel(testScenario()).cellTypes[0]!;
    expect(hifSteadyState(ct, 13)).toBeCloseTo(0.5, 3);
    expect(hifSteadyState(ct, 0.5 * 7.6)).toBeGreaterThan(0.9);
    expect(hifSteadyState(ct, NORMOXIA_MMHG)).toBeLessThan(0.2);
    expect(hifSteadyState(ct, HYPOXIA_MMHG)).toBeGreaterThan(0.7);
  });

  it('consumption makes the tissue hypoxic away from the vessel, and hypoxic cells release more vesicles', async () => {
    const sim = await Simulation.create(testScenario({ duration: 120, size: 600, radius: 290 }));
    await runTo(sim, 120);
    const cols = cellColumns(sim);
    const o2 = cols.o2_mmhg as Float64Array;
    const rel = sim.store.stateView('release_rate');
    const alive = (i: number): boolean => (sim.store.flags[i]! & (FLAG_APOPTOTIC | FLAG_NECROTIC)) === 0;
    const order = Array.from(o2.keys()).filter(alive).sort((a, b) => o2[a]! - o2[b]!);
    const q = Math.floor(order.length / 4);
    const mean = (ix: number[], a: Float64Array): number => ix.reduce((acc, i) => acc + a[i]!, 0) / ix.length;
    const low = order.slice(0, q);
    const high = order.slice(-q);
    expect(mean(high, o2) - mean(low, o2)).toBeGreaterThan(2); // a gradient emerged from consumption
    expect(mean(low, sim.store.stateView('hif'))).toBeGreaterThan(mean(high, sim.store.stateView('hif')));
    const lowO2 = mean(low, rel);
    const highO2 = mean(high, rel);
    expect(lowO2).toBeGreaterThan(1.02 * highO2);
    sim.dispose();
  });

  it('cells held at 1 % O2 release about twice as many vesicles as cells at 21 % (finding 1, by HIF-1α)', async () => {
    const held = (mmHg: number) => testScenario({ duration: 120, boundary: 'dirichlet', parameters: { o2_uptake: 0, o2_decay: 0, o2_far_field: mmHg, o2_vessel: mmHg } });
    const hyp = await Simulation.create(held(HYPOXIA_MMHG));
    const nor = await Simulation.create(held(NORMOXIA_MMHG));
    await runTo(hyp, 120);
    await runTo(nor, 120);
    const perCell = (s: Simulation): number => s.massBalance()[1]!.released / s.store.count;
    const ratio = perCell(hyp) / perCell(nor);
    const ct = compileModel(hyp.loaded).cellTypes[0]!;
    const want = (1 + ct.release.hifGain * hifSteadyState(ct, HYPOXIA_MMHG)) / (1 + ct.release.hifGain * hifSteadyState(ct, NORMOXIA_MMHG));
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeCloseTo(want, 1); // cells start at their HIF steady state, so the ratio is the analytic one
    hyp.dispose();
    nor.dispose();
  });

  it('GW4869 at full inhibition stops release; heparin at 0 stops uptake', async () => {
    const gw = await Simulation.create(testScenario({ duration: 60, extra: 'interventions:\n  - { kind: gw4869, inhibition: 1 }' }));
    await runTo(gw, 60);
    expect(gw.massBalance()[1]!.released).toBe(0);
    gw.dispose();
    const hep = await Simulation.create(testScenario({ duration: 60, extra: 'interventions:\n  - { kind: heparin, uptakeFactor: 0 }' }));
    await runTo(hep, 60);
    expect(hep.massBalance()[1]!.takenUp).toBe(0);
    expect(hep.massBalance()[1]!.released).toBeGreaterThan(0);
    hep.dispose();
  });

  it('a miR-1246 mimic represses FRK and speeds cells up; re-expression of FRK holds it at 1', async () => {
    const mimic = await Simulation.create(testScenario({ duration: 720, output: 720, extra: 'interventions:\n  - { kind: mimic, mirna: miR-1246, copies: 50 }' }));
    await runTo(mimic, 720);
    const base = await Simulation.create(testScenario({ duration: 720, output: 720 }));
    await runTo(base, 720);
    const rescue = await Simulation.create(testScenario({ duration: 720, output: 720, extra: 'interventions:\n  - { kind: mimic, mirna: miR-1246, copies: 50 }\n  - { kind: re-expression, target: FRK, level: 1 }' }));
    await runTo(rescue, 720);
    const m = timeSeriesRow(mimic);
    const b = timeSeriesRow(base);
    const r = timeSeriesRow(rescue);
    expect(m.frk_mean!).toBeLessThan(b.frk_mean! - 0.05);
    expect(m.tfap2a_mean!).toBeCloseTo(b.tfap2a_mean!, 2); // the mimic is specific to its target
    expect(m.speed_mean_um_per_min!).toBeGreaterThan(b.speed_mean_um_per_min!);
    expect(r.frk_mean!).toBe(1);
    expect(r.speed_mean_um_per_min!).toBeCloseTo(b.speed_mean_um_per_min!, 2);
    for (const s of [mimic, base, rescue]) s.dispose();
  });

  it('an miR-10b-5p inhibitor removes the repression of TFAP2A that a mimic would cause', async () => {
    const mk = (extra: string) => Simulation.create(testScenario({ duration: 720, output: 720, extra }));
    const mimic = await mk('interventions:\n  - { kind: mimic, mirna: miR-10b-5p, copies: 50 }');
    const both = await mk('interventions:\n  - { kind: mimic, mirna: miR-10b-5p, copies: 50 }\n  - { kind: inhibitor, mirna: miR-10b-5p, fraction: 1 }');
    await runTo(mimic, 720);
    await runTo(both, 720);
    expect(timeSeriesRow(mimic).tfap2a_mean!).toBeLessThan(0.95);
    expect(timeSeriesRow(both).tfap2a_mean!).toBe(1);
    expect(timeSeriesRow(mimic).invasiveness_mean!).toBeGreaterThan(timeSeriesRow(both).invasiveness_mean!);
    mimic.dispose();
    both.dispose();
  });

  it('cells in dense matrix move at speed × invasiveness', async () => {
    const sim = await Simulation.create(testScenario({ duration: 12, output: 12, extra: 'matrix:\n  - { shape: band, axis: y, from: 0, to: 150 }' }));
    const inv = sim.store.stateView('invasiveness');
    const rule = sim.store.stateView('rule_speed');
    let checked = 0;
    for (let i = 0; i < sim.store.count; i++) {
      const want = sim.store.x[i]! <= 150 ? rule[i]! * inv[i]! : rule[i]!;
      expect(sim.store.speed[i]).toBeCloseTo(want, 12);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    sim.dispose();
  });

  it('dead cells neither consume O2 nor release vesicles', async () => {
    const sim = await Simulation.create(testScenario({ duration: 240, output: 240, parameters: { apoptosis_rate: 0.01 } }));
    await runTo(sim, 240);
    const rel = sim.store.stateView('release_rate');
    let dead = 0;
    for (let i = 0; i < sim.store.count; i++) {
      if (sim.store.flags[i]! & (FLAG_APOPTOTIC | FLAG_NECROTIC)) {
        dead++;
        expect(rel[i]).toBe(0);
        expect(sim.store.speed[i]).toBe(0);
      }
    }
    expect(dead).toBeGreaterThan(10);
    sim.dispose();
  });
});

describe('Simulation: determinism and checkpoints', () => {
  it('same seed → same digest; another seed → another digest', async () => {
    const a = await Simulation.create(testScenario({ duration: 60 }));
    const b = await Simulation.create(testScenario({ duration: 60 }));
    const c = await Simulation.create(testScenario({ duration: 60, seed: 2 }));
    for (const s of [a, b, c]) await runTo(s, 60);
    expect(a.stateDigest()).toBe(b.stateDigest());
    expect(c.stateDigest()).not.toBe(a.stateDigest());
    for (const s of [a, b, c]) s.dispose();
  });

  it('is byte-identical on 1 and 2 threads', async () => {
    const one = await Simulation.create(testScenario({ duration: 60, size: 400, radius: 150 }));
    await runTo(one, 60);
    const pool = await createPool(2);
    try {
      const two = await Simulation.create(testScenario({ duration: 60, size: 400, radius: 150 }), { pool });
      await runTo(two, 60);
      expect(two.stateDigest()).toBe(one.stateDigest());
      two.dispose();
    } finally {
      await pool.close();
    }
    one.dispose();
  }, 60_000);

  it('a run restored from a checkpoint ends with the same digest as an uninterrupted one', async () => {
    const o = { duration: 240, output: 60 };
    const full = await Simulation.create(testScenario(o));
    let saved: Uint8Array | null = null;
    for (let t = 60; t <= 240; t += 60) {
      await runTo(full, t);
      if (t === 120) saved = saveCheckpoint(full, 'test', { note: 'x' });
      full.resetAgentLists();
    }
    const resumed = await Simulation.create(testScenario(o));
    const info = restoreCheckpoint(resumed, saved!, 'mem');
    expect(info.timeMin).toBe(120);
    expect(info.extra).toEqual({ note: 'x' });
    for (let t = 180; t <= 240; t += 60) {
      await runTo(resumed, t);
      resumed.resetAgentLists();
    }
    expect(resumed.stateDigest()).toBe(full.stateDigest());
    expect(resumed.massBalance()).toEqual(full.massBalance());
    full.dispose();
    resumed.dispose();
  });

  it('rejects a damaged checkpoint and one of another seed', async () => {
    const sim = await Simulation.create(testScenario({ duration: 60 }));
    const bytes = saveCheckpoint(sim, 'test');
    const bad = bytes.slice();
    bad[bad.length - 3] = bad[bad.length - 3]! ^ 0xff;
    const fresh = await Simulation.create(testScenario({ duration: 60 }));
    expect(() => restoreCheckpoint(fresh, bad, 'ck.bin')).toThrow(/damaged/);
    const other = await Simulation.create(testScenario({ duration: 60, seed: 7 }));
    expect(() => restoreCheckpoint(other, bytes, 'ck.bin')).toThrow(/seed 1, not 7/);
    for (const s of [sim, fresh, other]) s.dispose();
  });
});
