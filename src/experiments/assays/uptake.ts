/**
 * Uptake (Fig. 1): membrane-dye-labelled N-GDEs or H-GDEs added to normoxic recipient glioma cells;
 * the fraction of labelled cells and the amount internalized over 0–24 h. The label is a cargo that
 * only dosed vesicles carry (cells release unlabelled ones), so a cell's label is exactly the
 * labelled vesicles it has internalized. A cell counts as labelled when its (Poisson) count of
 * internalized labelled vesicles reaches the detection gate.
 */
import type { ArmSpec } from '../arms.ts';
import { measurementStream, poisson } from '../measure.ts';
import { IN_VITRO_TIME, O2_PERCENT, SERUM_FREE, culturedAt } from '../protocol.ts';
import { buildScenario } from '../scenario-builder.ts';
import { advanceTo, liveCells, secondsSince } from '../sim-helpers.ts';
import { Simulation } from '../../sim/simulation.ts';
import { totalUptakeState } from '../../sim/layout.ts';
import type { AssayContext, AssayDefinition, ReplicateResult } from '../types.ts';

/** Well and readout (assumed protocol numbers, docs/experiments.md). */
export const UPTAKE = {
  wellUm: 200,
  spacingUm: 25,
  /** Sampling times (h). */
  hours: [0, 0.5, 1, 2, 4, 8, 12, 24],
  /** Labelled vesicles a cell must have internalized to count as labelled (flow-cytometry gate). */
  gateVesicles: 100,
} as const;

const ARMS = ['PBS', 'N-GDE', 'H-GDE', 'H-GDE+heparin'] as const;

async function runUptake(ctx: AssayContext, arm: ArmSpec, replicate: number, seed: number): Promise<ReplicateResult> {
  const t0 = performance.now();
  const u = UPTAKE;
  const scale = ctx.options.timeScale;
  const end = u.hours[u.hours.length - 1]! * scale;
  const loaded = buildScenario({
    name: 'uptake',
    description: `uptake of labelled vesicles: ${arm.description}`,
    domain: { size: [u.wellUm, u.wellUm], boundary: 'no-flux' },
    time: { duration: end * 60, ...IN_VITRO_TIME },
    parameters: { ...culturedAt(O2_PERCENT.normoxia), ...SERUM_FREE, ...ctx.options.parameters },
    cells: [{ shape: 'monolayer', type: 'glioma', spacing: u.spacingUm }],
    interventions: [
      ...(arm.recipient ?? []).filter((i) => i.kind === 'heparin'),
      ...(arm.gde !== undefined ? [{ kind: 'exosome-dose', vesiclesPerCell: ctx.options.uptakeDose, source: arm.gde.source, at: 0 }] : []),
    ],
    seed,
  });
  const sim = await Simulation.create(loaded, { seed });
  try {
    const rng = measurementStream(seed);
    const fraction: number[] = [];
    const amount: number[] = [];
    const t: number[] = [];
    for (const h of u.hours) {
      await advanceTo(sim, h * scale * 60);
      const label = sim.store.stateView(totalUptakeState('label'));
      const live = liveCells(sim);
      let labelled = 0;
      let total = 0;
      for (const i of live) {
        const k = poisson(rng, label[i]!);
        total += k;
        if (k >= u.gateVesicles) labelled++;
      }
      const n = Math.max(1, live.length);
      t.push(h * scale);
      fraction.push(labelled / n);
      amount.push(total / n);
    }
    const at = (h: (typeof u.hours)[number]): number => fraction[u.hours.indexOf(h)]!;
    return {
      assay: 'uptake',
      arm: arm.name,
      replicate,
      seed,
      values: {
        labelled_2h: at(2),
        labelled_24h: at(24),
        internalized_24h: amount[amount.length - 1]!,
        late_gain: at(24) - at(12),
        early_gain: at(12) - at(0),
      },
      series: { labelled_fraction: { t, v: fraction }, internalized: { t, v: amount } },
      seconds: secondsSince(t0),
    };
  } finally {
    sim.dispose();
  }
}

export const uptakeAssay: AssayDefinition = {
  name: 'uptake',
  title: 'Uptake of labelled GDEs by normoxic recipients',
  figure: 'Fig. 1 (internalization of H-GDEs by normoxic glioma cells)',
  protocol: [
    `Normoxic recipient glioma cells (21 % O2, serum-free medium so neither serum vesicles compete nor divisions dilute the dye) at ${UPTAKE.spacingUm} µm spacing in a ${UPTAKE.wellUm} × ${UPTAKE.wellUm} µm closed well.`,
    'At t = 0, dye-labelled vesicles of the arm (N-GDEs or H-GDEs; the dose option sets vesicles per cell) are spread evenly over the medium.',
    `At ${UPTAKE.hours.join(', ')} h each cell's internalized labelled vesicles are counted (Poisson around the simulated amount); a cell is labelled at ≥ ${UPTAKE.gateVesicles} vesicles.`,
  ],
  readouts: [
    { key: 'labelled_2h', label: 'labelled cells at 2 h', unit: 'fraction', description: 'fraction of live recipients over the gate at 2 h' },
    { key: 'labelled_24h', label: 'labelled cells at 24 h', unit: 'fraction', description: 'fraction of live recipients over the gate at 24 h' },
    { key: 'internalized_24h', label: 'internalized vesicles at 24 h', unit: 'vesicles/cell', description: 'labelled vesicles internalized per live cell by 24 h' },
    { key: 'early_gain', label: 'gain 0–12 h', unit: 'fraction', description: 'rise of the labelled fraction over the first 12 h' },
    { key: 'late_gain', label: 'gain 12–24 h', unit: 'fraction', description: 'rise of the labelled fraction over the last 12 h (≈ 0 when saturated)' },
  ],
  primary: 'labelled_24h',
  timeCourses: ['labelled_fraction', 'internalized'],
  arms: ARMS,
  defaultArms: ['PBS', 'N-GDE', 'H-GDE', 'H-GDE+heparin'],
  control: 'PBS',
  run: (ctx: AssayContext, arm, replicate, seed) => runUptake(ctx, arm, replicate, seed),
};
