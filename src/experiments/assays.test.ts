/**
 * The assay building blocks on small, short set-ups (seconds): scenario keys the assays rely on, the
 * hand-over of pre-treated state, the wound measurement, per-target repression, determinism across
 * worker counts, and each assay end to end at a fraction of its protocol time.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation.ts';
import { mirState, targetState, totalUptakeState } from '../sim/layout.ts';
import { armByName } from './arms.ts';
import { runJobs } from './parallel/run-jobs.ts';
import { pretreat, reseedFrom, CARRIED_STATE } from './pretreat.ts';
import { culturedAt, IN_VITRO_TIME, SERUM_FREE } from './protocol.ts';
import { ASSAYS } from './registry.ts';
import { buildScenario } from './scenario-builder.ts';
import { advanceTo, liveCells } from './sim-helpers.ts';
import { coveredFraction } from './assays/wound.ts';
import { compactRadius, orthotopicAssay } from './assays/orthotopic.ts';
import { DEFAULT_OPTIONS, type AssayContext } from './types.ts';
import type { Pretreatment } from './pretreat.ts';

const well = (extra: Partial<Parameters<typeof buildScenario>[0]> = {}) =>
  buildScenario({
    name: 'test-well',
    description: 'test well',
    domain: { size: [160, 160], boundary: 'no-flux' },
    time: { duration: 60, ...IN_VITRO_TIME },
    parameters: { ...culturedAt(21), ...SERUM_FREE },
    cells: [{ shape: 'monolayer', type: 'glioma', spacing: 30 }],
    seed: 3,
    ...extra,
  });

describe('scenario features used by the assays', () => {
  it('chemotaxis: every cell walks along the fixed direction, with the strength of migration_bias', async () => {
    const loaded = well({ parameters: { ...culturedAt(21), ...SERUM_FREE, migration_bias: 1 }, chemotaxis: { direction: [0, -2, 0] }, domain: { size: [160, 400], boundary: 'no-flux' }, time: { duration: 120, ...IN_VITRO_TIME } });
    const sim = await Simulation.create(loaded, { seed: 3 });
    const n = sim.store.count;
    for (let i = 0; i < n; i++) {
      expect(sim.store.bx[i]).toBe(0);
      expect(sim.store.by[i]).toBe(-1);
    }
    const y0 = Array.from(sim.store.y.subarray(0, n));
    await advanceTo(sim, 120);
    const dy = liveCells(sim).map((i) => sim.store.y[i]! - sim.store.getState(i, 'y0'));
    // speed ≈ 0.1 µm/min for 120 min straight down: about −12 µm on average, never upwards by much
    expect(dy.reduce((a, b) => a + b, 0) / dy.length).toBeLessThan(-6);
    expect(y0.length).toBe(n);
    sim.dispose();
  });

  it('label: cells release unlabelled vesicles; only dosed vesicles carry the dye', async () => {
    const plain = await Simulation.create(well(), { seed: 3 });
    await advanceTo(plain, 60);
    const books = plain.massBalance();
    expect(books.find((b) => b.field === 'vesicles')!.released).toBeGreaterThan(0);
    expect(books.find((b) => b.field === 'label')!.released).toBe(0);
    plain.dispose();
    const dosed = await Simulation.create(well({ interventions: [{ kind: 'exosome-dose', vesiclesPerCell: 100, source: 'hypoxic', at: 0 }] }), { seed: 3 });
    await advanceTo(dosed, 60);
    const label = dosed.massBalance().find((b) => b.field === 'label')!;
    expect(label.dosed).toBeCloseTo(100 * dosed.store.count, 6);
    expect(label.takenUp).toBeGreaterThan(0);
    const perCell = dosed.store.stateView(totalUptakeState('label'));
    expect(Math.min(...perCell)).toBeGreaterThan(0);
    dosed.dispose();
  });

  it('per-target repression: cutting miR-1246 ⊣ FRK leaves FRK at 1 while TFAP2A still falls', async () => {
    const loaded = well({ parameters: { ...culturedAt(21), ...SERUM_FREE, frk_max_repression: 0 }, interventions: [{ kind: 'mimic', mirna: 'miR-1246', copies: 50 }, { kind: 'mimic', mirna: 'miR-10b-5p', copies: 50 }], time: { duration: 600, ...IN_VITRO_TIME } });
    const sim = await Simulation.create(loaded, { seed: 3 });
    await advanceTo(sim, 600);
    for (const i of liveCells(sim)) {
      expect(sim.store.getState(i, targetState('FRK'))).toBe(1);
      expect(sim.store.getState(i, targetState('TFAP2A'))).toBeLessThan(0.95);
    }
    sim.dispose();
  });
});

describe('pre-treatment and re-seeding', () => {
  it('re-seeded cells carry states drawn from the pre-treated cells, reproducibly', async () => {
    const pre: Pretreatment = {
      arm: 'x',
      dose: 0,
      states: Object.fromEntries(CARRIED_STATE.map((c, k) => [c, [10 + k, 20 + k, 30 + k]])),
      readouts: { mir1246PerCell: 0, mir10bPerCell: 0, frk: 1, tfap2a: 1, vesiclesPerCell: 0 },
      seconds: 0,
    };
    const a = await Simulation.create(well(), { seed: 3, initialState: reseedFrom(pre, 9) });
    const b = await Simulation.create(well(), { seed: 3, initialState: reseedFrom(pre, 9) });
    const mir = a.store.stateView(mirState('miR-1246'));
    const drawn = new Set<number>();
    for (let i = 0; i < a.store.count; i++) {
      // the phenotype step at t = 0 lets the pool decay for one step (22 h half-life): within 1 %
      const k = [10, 20, 30].findIndex((v) => Math.abs(mir[i]! - v) / v < 0.01);
      expect(k).toBeGreaterThanOrEqual(0);
      drawn.add(k);
      expect(a.store.getState(i, mirState('miR-1246'))).toBe(b.store.getState(i, mirState('miR-1246')));
    }
    expect(drawn.size).toBe(3);
    a.dispose();
    b.dispose();
  });

  it('H-GDEs at the pre-treatment dose raise miR-1246 and lower FRK against PBS (12 h)', async () => {
    const opts = { ...DEFAULT_OPTIONS, timeScale: 0.25 };
    const pbs = await pretreat(armByName('PBS'), 0, 1, opts);
    const h = await pretreat(armByName('H-GDE'), 0, 1, opts);
    expect(h.dose).toBe(opts.dose);
    expect(h.readouts.mir1246PerCell).toBeGreaterThan(2 * pbs.readouts.mir1246PerCell);
    expect(h.readouts.frk).toBeLessThan(pbs.readouts.frk);
    expect(h.states[targetState('FRK')]!.length).toBeGreaterThan(50);
  });
});

describe('wound measurement', () => {
  it('covers the area of discs inside the band (raster error < 2 %)', () => {
    const f = coveredFraction([50], [150], [20], 200, 100, 200, 1);
    expect(f).toBeCloseTo((Math.PI * 400) / (200 * 100), 2);
    expect(coveredFraction([50, 50], [150, 150], [20, 20], 200, 100, 200, 1)).toBe(f);
    expect(coveredFraction([50], [50], [20], 200, 100, 200, 1)).toBe(0);
  });
});

describe('orthotopic infiltration', () => {
  it('the compact border keeps the implanted packing: area per cell is constant', () => {
    expect(compactRadius(150, 289, 289)).toBe(150);
    const r = compactRadius(150, 578, 289);
    expect((Math.PI * r * r) / 578).toBeCloseTo((Math.PI * 150 * 150) / 289, 9);
  });

  it('H-GDE-treated tumours infiltrate further than PBS ones, and not once miRNA repression is cut (1 day)', async () => {
    const run = async (arm: string, replicate: number, parameters: Record<string, number>): Promise<number> => {
      const options = { ...DEFAULT_OPTIONS, timeScale: 1 / 3, parameters };
      const ctx: AssayContext = { options, pretreated: (a, r) => pretreat(a, r, 1, options) };
      const r = await orthotopicAssay.run(ctx, armByName(arm), replicate, 7 + replicate);
      return r.values.infiltration_um!;
    };
    const cut = { frk_max_repression: 0, tfap2a_max_repression: 0 };
    const gain: number[] = [];
    const gainCut: number[] = [];
    for (const rep of [0, 1]) {
      gain.push((await run('H-GDE', rep, {})) - (await run('PBS', rep, {})));
      gainCut.push((await run('H-GDE', rep, cut)) - (await run('PBS', rep, cut)));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const g of gain) expect(g).toBeGreaterThan(0);
    expect(Math.abs(mean(gainCut))).toBeLessThan(0.5 * mean(gain));
  }, 180_000);
});

describe('assays end to end (short)', () => {
  const options = { ...DEFAULT_OPTIONS, timeScale: 0.1, snapshots: true };
  const cache = new Map<string, Promise<Pretreatment>>();
  const ctx: AssayContext = {
    options,
    pretreated: (arm, r) => {
      const k = `${arm.name}#${r}`;
      if (!cache.has(k)) cache.set(k, pretreat(arm, r, 1, options));
      return cache.get(k)!;
    },
  };
  it.each(ASSAYS.map((a) => a.name))('%s runs its default arms and returns every readout', async (name) => {
    const def = ASSAYS.find((a) => a.name === name)!;
    for (const armName of def.defaultArms.slice(0, 2)) {
      const r = await def.run(ctx, armByName(armName), 0, 5);
      expect(r.assay).toBe(name);
      expect(r.arm).toBe(armName);
      for (const ro of def.readouts) expect(Number.isFinite(r.values[ro.key]), `${name}/${armName}/${ro.key}`).toBe(true);
      for (const key of def.timeCourses) expect(r.series[key]!.t.length).toBe(r.series[key]!.v.length);
    }
  }, 60_000);
});

describe('parallel replicates', () => {
  it('give the same results on 1 and 2 worker threads', async () => {
    const options = { ...DEFAULT_OPTIONS, timeScale: 0.05 };
    const jobs = ['21% O2', '1% O2'].flatMap((arm) => [0, 1].map((replicate) => ({ assays: ['production'], arm, replicate, baseSeed: 4, options })));
    const one = await runJobs(jobs, { workers: 1 });
    const two = await runJobs(jobs, { workers: 2 });
    const strip = (x: typeof one) => x.map((j) => j.results.map((r) => ({ ...r, seconds: 0 })));
    expect(strip(two)).toEqual(strip(one));
    expect(one[0]!.results[0]!.values.release_per_cell_h).toBeLessThan(one[2]!.results[0]!.values.release_per_cell_h!);
  }, 120_000);
});
