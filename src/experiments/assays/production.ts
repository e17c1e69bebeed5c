/**
 * Vesicle production (Fig. 1, and King et al. 2012 for the release itself): donor glioma cells
 * conditioned at 21 %, 5 % or 1 % O2 for 48 h in serum-free medium; the conditioned medium is
 * collected, its vesicles counted (nanoparticle tracking) and their miRNA cargo quantified (qPCR).
 *
 * Nothing here says "hypoxic cells release more": O2 sets each donor's HIF-1α activity, HIF-1α sets
 * its release rate and the loading of each vesicle, and what accumulates in the medium is what the
 * donors released minus what they took back up and what was cleared.
 */
import type { ArmSpec, DonorTreatment } from '../arms.ts';
import { measurementStream, poisson } from '../measure.ts';
import { IN_VITRO_TIME, SERUM_FREE, culturedAt } from '../protocol.ts';
import { buildScenario } from '../scenario-builder.ts';
import { advanceTo, liveCells, secondsSince } from '../sim-helpers.ts';
import { Simulation } from '../../sim/simulation.ts';
import { totalAmount } from '../../engine/fields/fields.ts';
import type { AssayContext, AssayDefinition, AssayOptions, ReplicateResult } from '../types.ts';

/** Donor well (assumed protocol numbers, docs/experiments.md). */
export const DONOR_WELL = {
  /** Well edge (µm) and seeding spacing (µm): ~56 sparse donors. */
  wellUm: 300,
  spacingUm: 40,
  hours: 48,
} as const;

interface DonorWell {
  /** Expected amounts in the conditioned medium at harvest: vesicles, then each cargo. */
  medium: number[];
  cargoNames: string[];
  cells: number;
  /** Vesicles released by all donors over the conditioning, and the live-cell hours it took. */
  released: number;
  cellHours: number;
  seconds: number;
}

async function runDonorWell(o2Percent: number, donor: readonly DonorTreatment[], seed: number, options: AssayOptions): Promise<DonorWell> {
  const t0 = performance.now();
  const hours = DONOR_WELL.hours * options.timeScale;
  const loaded = buildScenario({
    name: 'production',
    description: `donor glioma cells at ${o2Percent} % O2 for ${hours} h in serum-free medium`,
    domain: { size: [DONOR_WELL.wellUm, DONOR_WELL.wellUm], boundary: 'no-flux' },
    time: { duration: hours * 60, ...IN_VITRO_TIME },
    parameters: { ...culturedAt(o2Percent), ...SERUM_FREE, ...options.parameters },
    cells: [{ shape: 'monolayer', type: 'glioma', spacing: DONOR_WELL.spacingUm }],
    interventions: donor.map((d) => ({ ...d })),
    seed,
  });
  const sim = await Simulation.create(loaded, { seed });
  try {
    let cellHours = 0;
    const dtH = sim.clock.dtPhenotype / 60;
    await advanceTo(sim, hours * 60, () => {
      cellHours += liveCells(sim).length * dtH;
    });
    const medium = sim.layout.evSpecies.map((_, s) => totalAmount(sim.ev, s));
    const books = sim.massBalance();
    return {
      medium,
      cargoNames: sim.layout.evSpecies,
      cells: liveCells(sim).length,
      released: books[1]!.released,
      cellHours,
      seconds: secondsSince(t0),
    };
  } finally {
    sim.dispose();
  }
}

/** Expected vesicles collected per donor cell (no counting noise): how doses from treated donors are scaled. */
export async function donorYield(o2Percent: number, donor: readonly DonorTreatment[], seed: number, options: AssayOptions): Promise<number> {
  const w = await runDonorWell(o2Percent, donor, seed, options);
  return w.medium[0]! / Math.max(1, w.cells);
}

const ARMS = ['21% O2', '5% O2', '1% O2', '1% O2+GW4869', '1% O2+shRab27a'] as const;

export const productionAssay: AssayDefinition = {
  name: 'production',
  title: 'Vesicle production by donor glioma cells',
  figure: 'Fig. 1 (GDE identification), Fig. 3 (cargo of N- vs H-GDEs); King 2012 (release)',
  protocol: [
    `Donor glioma cells seeded sparsely (${DONOR_WELL.spacingUm} µm apart, ~56 cells) in a ${DONOR_WELL.wellUm} × ${DONOR_WELL.wellUm} µm closed well (no-flux faces).`,
    `Conditioned for ${DONOR_WELL.hours} h at the arm's O2 (held: no consumption gradient) in serum-free medium (no proliferation).`,
    'Harvest: the medium is counted (vesicles: Poisson count of the expected number) and its cargo quantified (copies: Poisson count); donors are counted.',
  ],
  readouts: [
    { key: 'vesicles_per_cell', label: 'vesicles collected per cell', unit: 'vesicles/cell', description: 'vesicles in the conditioned medium at harvest per live donor cell (NTA)' },
    { key: 'release_per_cell_h', label: 'release rate', unit: 'vesicles/cell/h', description: 'vesicles released per live cell-hour over the conditioning (from the simulation books)' },
    { key: 'mir1246_per_1000', label: 'miR-1246 per 1000 vesicles', unit: 'copies/10³ vesicles', description: 'miR-1246 copies per thousand vesicles in the conditioned medium (qPCR / NTA)' },
    { key: 'mir10b_per_1000', label: 'miR-10b-5p per 1000 vesicles', unit: 'copies/10³ vesicles', description: 'miR-10b-5p copies per thousand vesicles in the conditioned medium (qPCR / NTA)' },
  ],
  primary: 'vesicles_per_cell',
  timeCourses: [],
  arms: ARMS,
  defaultArms: ['21% O2', '5% O2', '1% O2'],
  control: '21% O2',
  async run(ctx: AssayContext, arm: ArmSpec, replicate: number, seed: number): Promise<ReplicateResult> {
    if (arm.donorO2 === undefined) throw new Error(`production: arm ${arm.name} has no donor O2`);
    const w = await runDonorWell(arm.donorO2, arm.donor ?? [], seed, ctx.options);
    const rng = measurementStream(seed);
    const vesicles = poisson(rng, w.medium[0]!);
    const copies = (name: string): number => poisson(rng, w.medium[w.cargoNames.indexOf(name)]!);
    const perThousand = (name: string): number => (vesicles > 0 ? (1000 * copies(name)) / vesicles : 0);
    return {
      assay: 'production',
      arm: arm.name,
      replicate,
      seed,
      values: {
        vesicles_per_cell: vesicles / Math.max(1, w.cells),
        release_per_cell_h: w.released / Math.max(1e-9, w.cellHours),
        mir1246_per_1000: perThousand('miR-1246'),
        mir10b_per_1000: perThousand('miR-10b-5p'),
      },
      series: {},
      seconds: w.seconds,
    };
  },
};
