/**
 * Recipients after treatment (Fig. 3 and Fig. 5): miR-1246 and miR-10b-5p per cell (qPCR) and FRK /
 * TFAP2A levels (Western blot) of normoxic recipients at the end of the 48 h pre-treatment that
 * precedes the functional assays (pretreat.ts). With GW4869- or Rab27a-knock-down donors, the
 * recipients get the vesicles of as many treated donors.
 */
import type { ArmSpec } from '../arms.ts';
import { PRETREATMENT } from '../pretreat.ts';
import type { AssayContext, AssayDefinition, ReplicateResult } from '../types.ts';

const ARMS = [
  'PBS', 'N-GDE', 'H-GDE', 'H-GDE+heparin', 'H-GDE(GW4869 donors)', 'H-GDE(shRab27a donors)',
  'mimic NC', 'miR-1246 mimic', 'miR-10b-5p mimic', 'H-GDE+anti-miR-1246', 'H-GDE+anti-miR-10b-5p', 'H-GDE+FRK', 'H-GDE+TFAP2A',
] as const;

export const recipientsAssay: AssayDefinition = {
  name: 'recipients',
  title: 'Recipients after 48 h: miRNA pools and targets',
  figure: 'Fig. 3 (delivery of miR-1246 / miR-10b-5p), Fig. 5 (FRK, TFAP2A)',
  protocol: [
    `Normoxic recipients seeded ${PRETREATMENT.spacingUm} µm apart in a ${PRETREATMENT.wellUm} × ${PRETREATMENT.wellUm} µm closed well, complete medium (they proliferate), O2 held at 21 %.`,
    'At t = 0 the arm\'s vesicles (dose option, vesicles per cell; cargo per vesicle of donors at 21 % or 1 % O2) and interventions (mimics, antagomiRs, re-expression, heparin) are applied.',
    `After ${PRETREATMENT.hours} h: functional miRNA copies per cell (Poisson count of the well's copies / cells) and the mean FRK and TFAP2A levels (1 = unrepressed).`,
  ],
  readouts: [
    { key: 'mir1246_per_cell', label: 'miR-1246 per cell', unit: 'copies/cell', description: 'functional miR-1246 copies per recipient cell at 48 h' },
    { key: 'mir10b_per_cell', label: 'miR-10b-5p per cell', unit: 'copies/cell', description: 'functional miR-10b-5p copies per recipient cell at 48 h' },
    { key: 'frk', label: 'FRK', unit: 'relative level', description: 'mean FRK protein of recipients at 48 h (1 = unrepressed)' },
    { key: 'tfap2a', label: 'TFAP2A', unit: 'relative level', description: 'mean TFAP2A protein of recipients at 48 h (1 = unrepressed)' },
    { key: 'vesicles_per_cell', label: 'vesicles internalized', unit: 'vesicles/cell', description: 'vesicles (dosed and autocrine) internalized per cell over 48 h' },
  ],
  primary: 'mir1246_per_cell',
  timeCourses: [],
  arms: ARMS,
  defaultArms: ['PBS', 'N-GDE', 'H-GDE', 'H-GDE(GW4869 donors)'],
  control: 'PBS',
  async run(ctx: AssayContext, arm: ArmSpec, replicate: number, seed: number): Promise<ReplicateResult> {
    const pre = await ctx.pretreated(arm, replicate);
    const r = pre.readouts;
    return {
      assay: 'recipients',
      arm: arm.name,
      replicate,
      seed,
      values: { mir1246_per_cell: r.mir1246PerCell, mir10b_per_cell: r.mir10bPerCell, frk: r.frk, tfap2a: r.tfap2a, vesicles_per_cell: r.vesiclesPerCell },
      series: {},
      seconds: pre.seconds,
    };
  },
};
