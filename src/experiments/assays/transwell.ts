/**
 * Transwell migration (24 h) and Matrigel invasion (48 h) — Fig. 2, 4 and 5 of the seed study — as a
 * 2D side view of the insert: the upper compartment above a porous membrane (a horizontal line), a
 * serum gradient towards the lower compartment (a fixed chemotaxis direction with the strength
 * `migration_bias`), and for invasion a Matrigel layer on the membrane (a dense-matrix band, crossed
 * at speed × invasiveness). Pre-treated recipients are seeded in serum-free medium on top; the
 * readout is the number of cells below the membrane at the end (crystal-violet count).
 *
 * Migration therefore reads migration speed (FRK-driven), invasion reads speed × invasiveness
 * (FRK- and TFAP2A-driven) — the model's two branches, not labels on the arms.
 */
import type { ArmSpec } from '../arms.ts';
import { persistentInterventions, reseedFrom } from '../pretreat.ts';
import { IN_VITRO_TIME, SERUM_FREE, culturedAt, O2_PERCENT } from '../protocol.ts';
import { buildScenario } from '../scenario-builder.ts';
import { advanceTo, liveCells, secondsSince } from '../sim-helpers.ts';
import { Simulation } from '../../sim/simulation.ts';
import { targetState } from '../../sim/layout.ts';
import type { AssayContext, AssayDefinition, ReplicateResult, Snapshot } from '../types.ts';

/**
 * Insert geometry and protocol (assumed protocol numbers, docs/experiments.md). In the side view the
 * distance a cell must cover before it is through the membrane (finding a pore, crossing the insert)
 * differs between cells: cells are seeded over a band of heights, so the count grows smoothly with
 * migration speed instead of jumping from none to all. The numbers put the untreated control at
 * 10–25 % crossed, the range a lab aims for.
 */
export const TRANSWELL = {
  /** Height of the lower compartment shown below the membrane (µm); the membrane is the line y = lowerUm. */
  lowerUm: 60,
  /** Seeding spacing (µm): a subconfluent layer, so cells do not push each other through. */
  spacingUm: 25,
  /** Space above the seeded band (µm). */
  headroomUm: 40,
  /** Serum gradient: the model's migration_bias during the assay (0 = none, 1 = straight down). */
  serumBias: 0.6,
  migration: { widthUm: 400, gapUm: 100, bandUm: 120, hours: 24 },
  /** Matrigel: a dense-matrix layer of `matrigelUm` on the membrane; cells sit in it, `gapUm`–`gapUm + bandUm` above the membrane. */
  invasion: { widthUm: 600, matrigelUm: 150, gapUm: 30, bandUm: 120, hours: 48 },
} as const;
const RECIPIENT_ARMS = [
  'PBS', 'N-GDE', 'H-GDE', 'H-GDE+heparin', 'H-GDE(GW4869 donors)', 'H-GDE(shRab27a donors)',
  'mimic NC', 'miR-1246 mimic', 'miR-10b-5p mimic', 'H-GDE+anti-miR-1246', 'H-GDE+anti-miR-10b-5p', 'H-GDE+FRK', 'H-GDE+TFAP2A',
] as const;

async function runInsert(kind: 'migration' | 'invasion', ctx: AssayContext, arm: ArmSpec, replicate: number, seed: number): Promise<ReplicateResult> {
  const pre = await ctx.pretreated(arm, replicate);
  const t0 = performance.now();
  const g = TRANSWELL;
  const membrane = g.lowerUm;
  const m = g.migration;
  const v = g.invasion;
  const widthUm = kind === 'migration' ? m.widthUm : v.widthUm;
  const seedFrom = membrane + (kind === 'migration' ? m.gapUm : v.gapUm);
  const seedTo = seedFrom + (kind === 'migration' ? m.bandUm : v.bandUm);
  const height = Math.max(seedTo, kind === 'invasion' ? membrane + v.matrigelUm : 0) + g.headroomUm;
  const hours = (kind === 'migration' ? m.hours : v.hours) * ctx.options.timeScale;
  const loaded = buildScenario({
    name: kind === 'migration' ? 'transwell-migration' : 'matrigel-invasion',
    description: `${kind === 'migration' ? 'transwell migration' : 'Matrigel invasion'}: ${arm.description}`,
    domain: { size: [widthUm, height], boundary: 'no-flux' },
    time: { duration: hours * 60, ...IN_VITRO_TIME },
    parameters: { ...culturedAt(O2_PERCENT.normoxia), ...SERUM_FREE, migration_bias: g.serumBias, ...ctx.options.parameters },
    cells: [{ shape: 'band', axis: 'x', from: seedFrom, to: seedTo, type: 'glioma', spacing: g.spacingUm }],
    ...(kind === 'invasion' ? { matrix: [{ shape: 'band', axis: 'x', from: membrane, to: membrane + v.matrigelUm }] } : {}),
    chemotaxis: { direction: [0, -1, 0] },
    interventions: persistentInterventions(arm),
    seed,
  });
  const sim = await Simulation.create(loaded, { seed, initialState: reseedFrom(pre, seed) });
  try {
    const seeded = liveCells(sim).length;
    await advanceTo(sim, hours * 60);
    const live = liveCells(sim);
    const crossed = live.filter((i) => sim.store.y[i]! < membrane).length;
    const key = kind === 'migration' ? 'migrated' : 'invaded';
    let snapshot: Snapshot | undefined;
    if (ctx.options.snapshots && replicate === 0) {
      const frk = sim.store.stateView(targetState(kind === 'migration' ? 'FRK' : 'TFAP2A'));
      snapshot = {
        size: [widthUm, height],
        x: live.map((i) => sim.store.x[i]!),
        y: live.map((i) => sim.store.y[i]!),
        r: live.map((i) => sim.store.radius[i]!),
        value: live.map((i) => frk[i]!),
        valueName: kind === 'migration' ? 'FRK' : 'TFAP2A',
        marks: [
          { kind: 'hline', y: membrane, label: 'membrane' },
          ...(kind === 'invasion' ? [{ kind: 'hband' as const, y: membrane, y2: membrane + v.matrigelUm, label: 'Matrigel' }] : []),
        ],
        timeH: hours,
      };
    }
    return {
      assay: kind === 'migration' ? 'transwell-migration' : 'matrigel-invasion',
      arm: arm.name,
      replicate,
      seed,
      values: { [`${key}_cells`]: crossed, [`${key}_fraction`]: crossed / Math.max(1, seeded) },
      series: {},
      ...(snapshot !== undefined ? { snapshot } : {}),
      seconds: secondsSince(t0),
    };
  } finally {
    sim.dispose();
  }
}

export const migrationAssay: AssayDefinition = {
  name: 'transwell-migration',
  title: 'Transwell migration (24 h)',
  figure: 'Fig. 2 (GDEs), Fig. 4 (mimics, inhibitors), Fig. 5 (re-expression)',
  protocol: [
    'Recipients pre-treated for 48 h (their miRNA pools and FRK / TFAP2A levels carried over cell by cell) are seeded in serum-free medium in the upper compartment.',
    `Side view of a ${TRANSWELL.migration.widthUm} µm strip of the insert: cells start ${TRANSWELL.migration.gapUm}–${TRANSWELL.migration.gapUm + TRANSWELL.migration.bandUm} µm above the membrane line (the path to and through a pore differs between cells), ${TRANSWELL.spacingUm} µm apart.`,
    `Serum in the lower chamber: the persistent random walk is biased downwards with migration_bias = ${TRANSWELL.serumBias}.`,
    `After ${TRANSWELL.migration.hours} h the cells below the membrane are counted.`,
  ],
  readouts: [
    { key: 'migrated_cells', label: 'migrated cells', unit: 'cells/insert', description: 'live cells below the membrane at 24 h' },
    { key: 'migrated_fraction', label: 'migrated fraction', unit: '1', description: 'migrated cells / cells seeded' },
  ],
  primary: 'migrated_cells',
  timeCourses: [],
  arms: RECIPIENT_ARMS,
  defaultArms: ['PBS', 'N-GDE', 'H-GDE'],
  control: 'PBS',
  run: (ctx, arm, replicate, seed) => runInsert('migration', ctx, arm, replicate, seed),
};

export const invasionAssay: AssayDefinition = {
  name: 'matrigel-invasion',
  title: 'Matrigel invasion (48 h)',
  figure: 'Fig. 2 (GDEs), Fig. 4 (mimics, inhibitors), Fig. 5 (re-expression)',
  protocol: [
    'Recipients pre-treated for 48 h are seeded in serum-free medium into a thick Matrigel layer on the membrane, at depths that differ between cells.',
    `The Matrigel (${TRANSWELL.invasion.matrigelUm} µm) is dense matrix: cells inside move at speed × invasiveness; the membrane is its lower edge. Cells start ${TRANSWELL.invasion.gapUm}–${TRANSWELL.invasion.gapUm + TRANSWELL.invasion.bandUm} µm above the membrane, ${TRANSWELL.spacingUm} µm apart, in a ${TRANSWELL.invasion.widthUm} µm strip, so the whole path is invasion.`,
    `Serum in the lower chamber biases the walk downwards (migration_bias = ${TRANSWELL.serumBias}); after ${TRANSWELL.invasion.hours} h the cells below the membrane are counted.`,
  ],
  readouts: [
    { key: 'invaded_cells', label: 'invaded cells', unit: 'cells/insert', description: 'live cells below the membrane (through the Matrigel) at 48 h' },
    { key: 'invaded_fraction', label: 'invaded fraction', unit: '1', description: 'invaded cells / cells seeded' },
  ],
  primary: 'invaded_cells',
  timeCourses: [],
  arms: RECIPIENT_ARMS,
  defaultArms: ['PBS', 'N-GDE', 'H-GDE'],
  control: 'PBS',
  run: (ctx, arm, replicate, seed) => runInsert('invasion', ctx, arm, replicate, seed),
};
