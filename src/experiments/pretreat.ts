/**
 * Pre-treatment: normoxic recipient glioma cells in a well, given the arm's vesicles (a single dose
 * at t = 0) and interventions, for 48 h in complete medium — the step before every functional assay
 * of the seed study (Fig. 2, 4, 5). What the recipients carry out of this well (their functional
 * miRNA pools and FRK / TFAP2A levels) is handed, cell by cell, to the cells of the assay that
 * follows (transwell, Matrigel, wound, orthotopic tumour), as a lab harvests and re-seeds cells.
 *
 * Doses of GDE arms whose donors were treated (GW4869, Rab27a knock-down) are the vesicles of as
 * many donor cells as give the untreated dose: dose × (yield of treated donors / yield of untreated
 * donors), both yields measured in donor wells of the production protocol (production.ts).
 */
import type { AgentStore } from '../engine/agents/store.ts';
import { CounterStream, rngKey } from '../engine/rng/stream.ts';
import { mirState, targetState, totalUptakeState, type StateLayout } from '../sim/layout.ts';
import { Simulation } from '../sim/simulation.ts';
import type { ArmSpec, Intervention } from './arms.ts';
import { measurementStream, poisson } from './measure.ts';
import { IN_VITRO_TIME, O2_PERCENT, culturedAt } from './protocol.ts';
import { buildScenario } from './scenario-builder.ts';
import { seedFor } from './seeds.ts';
import { advanceTo, liveCells, secondsSince } from './sim-helpers.ts';
import { donorYield } from './assays/production.ts';
import type { AssayOptions } from './types.ts';

/** Pre-treatment well (assumed protocol numbers, docs/experiments.md). */
export const PRETREATMENT = {
  /** Well edge (µm) and seeding spacing (µm): ~64 subconfluent recipients. */
  wellUm: 160,
  spacingUm: 20,
  hours: 48,
} as const;

/** The per-cell state carried from the pre-treatment into the assay. */
export const CARRIED_STATE = [mirState('miR-1246'), mirState('miR-10b-5p'), targetState('FRK'), targetState('TFAP2A'), totalUptakeState('vesicles')] as const;

export interface PretreatmentReadouts {
  /** Functional miR-1246 / miR-10b-5p copies per recipient cell (qPCR: Poisson count of the well's copies). */
  mir1246PerCell: number;
  mir10bPerCell: number;
  /** Mean FRK / TFAP2A level (1 = unrepressed; Western blot densitometry). */
  frk: number;
  tfap2a: number;
  /** Vesicles internalized per cell over the 48 h. */
  vesiclesPerCell: number;
}

export interface Pretreatment {
  arm: string;
  /** Vesicles per recipient cell actually dosed (0 for arms without GDEs). */
  dose: number;
  /** CARRIED_STATE columns of the live recipients at 48 h. */
  states: Record<string, number[]>;
  readouts: PretreatmentReadouts;
  seconds: number;
}

/** Interventions that stay with the recipients after re-seeding (antagomiRs, re-expression plasmids). */
export function persistentInterventions(arm: ArmSpec): Intervention[] {
  return (arm.recipient ?? []).filter((i) => i.kind === 'inhibitor' || i.kind === 're-expression');
}

/** Run the 48 h pre-treatment of one arm and replicate. */
export async function pretreat(arm: ArmSpec, replicate: number, baseSeed: number, options: AssayOptions): Promise<Pretreatment> {
  const t0 = performance.now();
  const seed = seedFor(baseSeed, 'pretreatment', arm.name, replicate);
  let dose = 0;
  if (arm.gde !== undefined) {
    dose = options.dose;
    if (arm.donor !== undefined && arm.donor.length > 0) {
      const donorSeed = seedFor(baseSeed, 'pretreatment-donors', arm.name, replicate);
      const o2 = arm.gde.source === 'hypoxic' ? O2_PERCENT.hypoxia : O2_PERCENT.normoxia;
      const treated = await donorYield(o2, arm.donor, donorSeed, options);
      const untreated = await donorYield(o2, [], donorSeed, options);
      dose *= treated / untreated;
    }
  }
  const hours = PRETREATMENT.hours * options.timeScale;
  const loaded = buildScenario({
    name: 'pretreatment',
    description: `recipients pre-treated: ${arm.description}`,
    domain: { size: [PRETREATMENT.wellUm, PRETREATMENT.wellUm], boundary: 'no-flux' },
    time: { duration: hours * 60, ...IN_VITRO_TIME },
    parameters: { ...culturedAt(O2_PERCENT.normoxia), ...options.parameters },
    cells: [{ shape: 'monolayer', type: 'glioma', spacing: PRETREATMENT.spacingUm }],
    interventions: [
      ...(arm.recipient ?? []),
      ...(arm.gde !== undefined ? [{ kind: 'exosome-dose', vesiclesPerCell: dose, source: arm.gde.source, at: 0 }] : []),
    ],
    seed,
  });
  const sim = await Simulation.create(loaded, { seed });
  try {
    await advanceTo(sim, hours * 60);
    const live = liveCells(sim);
    const states: Record<string, number[]> = {};
    for (const c of CARRIED_STATE) {
      const col = sim.store.stateView(c);
      states[c] = live.map((i) => col[i]!);
    }
    const rng = measurementStream(seed);
    const n = Math.max(1, live.length);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    const readouts: PretreatmentReadouts = {
      mir1246PerCell: poisson(rng, sum(states[mirState('miR-1246')]!)) / n,
      mir10bPerCell: poisson(rng, sum(states[mirState('miR-10b-5p')]!)) / n,
      frk: sum(states[targetState('FRK')]!) / n,
      tfap2a: sum(states[targetState('TFAP2A')]!) / n,
      vesiclesPerCell: sum(states[totalUptakeState('vesicles')]!) / n,
    };
    return { arm: arm.name, dose, states, readouts, seconds: secondsSince(t0) };
  } finally {
    sim.dispose();
  }
}

/** Purpose word for re-seeding draws. */
const PURPOSE_RESEED = 102;

/**
 * An `initialState` hook for Simulation.create: each cell of the assay gets the carried state of a
 * pre-treated cell drawn at random (with replacement) — harvesting and re-seeding mixes the well.
 */
export function reseedFrom(pre: Pretreatment, seed: number): (store: AgentStore, layout: StateLayout) => void {
  return (store) => {
    const donors = pre.states[CARRIED_STATE[0]]!.length;
    if (donors === 0) return;
    const rng = new CounterStream(rngKey(seed), 0, 0, PURPOSE_RESEED);
    const columns = CARRIED_STATE.map((c) => ({ to: store.stateView(c), from: pre.states[c]! }));
    for (let i = 0; i < store.count; i++) {
      const k = Math.min(donors - 1, Math.floor(rng.uniform() * donors));
      for (const { to, from } of columns) to[i] = from[k]!;
    }
  };
}
