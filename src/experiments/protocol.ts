/**
 * Protocol numbers shared by the virtual assays: culture conditions and the scale of the wells. Every
 * number here is a protocol choice ("assumed"), documented with its rationale in docs/experiments.md;
 * none is a model parameter, and none differs between the arms of an assay.
 */
import { MMHG_PER_PERCENT_O2 } from '../sim/compile.ts';

/** O2 of the standard culture conditions, in % (21 % normoxia, 5 % physioxia, 1 % hypoxia). */
export const O2_PERCENT = { normoxia: 21, physioxia: 5, hypoxia: 1 } as const;

/**
 * Model overrides of an in-vitro culture: O2 held at the condition (an incubator keeps the gas phase
 * fixed and a sparse 2D culture barely depletes it, so cells neither consume nor see a gradient; with
 * no-flux faces and no decay the field stays exactly at its initial value) and the medium's EV
 * stability (IN_VITRO_MEDIUM).
 */
export function culturedAt(o2Percent: number): Record<string, number> {
  const mmHg = o2Percent * MMHG_PER_PERCENT_O2;
  return { o2_uptake: 0, o2_decay: 0, o2_far_field: mmHg, o2_vessel: mmHg, ...IN_VITRO_MEDIUM };
}

/**
 * Vesicles in culture medium: the model's EV clearance (half-life 4 h) stands for clearance in tissue
 * (microglia, drainage), which a dish does not have; vesicles in cell-free medium at 37 °C are taken
 * to lose half their number in 24 h (assumed). Applies to every in-vitro well.
 */
export const IN_VITRO_MEDIUM: Record<string, number> = { ev_clearance: Math.LN2 / (24 * 60) };

/**
 * Serum-free steps (exosome collection in exosome-depleted, serum-free medium; the upper chamber of a
 * transwell; a wound-healing assay in low serum): no cycle entry, so cell counts do not confound
 * per-cell readouts and gaps close by migration.
 */
export const SERUM_FREE: Record<string, number> = { cycle_entry_max: 0 };

/**
 * Time steps of in-vitro wells (min). With O2 held, the oxygen field needs no substeps: the diffusion
 * step equals the mechanics step (PhysiCell's 0.1 min), which keeps wells cheap.
 */
export const IN_VITRO_TIME = { diffusion: 0.1, mechanics: 0.1, phenotype: 6 } as const;

/** Glioma cell diameter in the model (µm; 2 × cell_radius) — spacing of a confluent layer. */
export const CELL_DIAMETER_UM = 2 * 8.413;

export const MIN_PER_HOUR = 60;
