/**
 * Every protocol number of the assays in one table (reports, docs/experiments.md): all are protocol
 * choices, "assumed", none differs between the arms of an assay.
 */
import { STRENGTH } from './arms.ts';
import { ORTHOTOPIC } from './assays/orthotopic.ts';
import { DONOR_WELL } from './assays/production.ts';
import { TRANSWELL } from './assays/transwell.ts';
import { UPTAKE } from './assays/uptake.ts';
import { WOUND } from './assays/wound.ts';
import { PRETREATMENT } from './pretreat.ts';
import { IN_VITRO_MEDIUM, IN_VITRO_TIME } from './protocol.ts';
import type { AssayOptions } from './types.ts';

export interface ProtocolRow {
  name: string;
  value: number;
  unit: string;
  description: string;
}

export function protocolParameters(options: AssayOptions): ProtocolRow[] {
  const t = TRANSWELL;
  return [
    { name: 'in_vitro.ev_clearance', value: IN_VITRO_MEDIUM.ev_clearance!, unit: '1/min', description: 'EV loss in culture medium (half-life 24 h) replacing the tissue clearance in every well' },
    { name: 'in_vitro.time_step', value: IN_VITRO_TIME.mechanics, unit: 'min', description: 'diffusion = mechanics step in wells with O2 held (no O2 substeps needed)' },
    { name: 'production.well', value: DONOR_WELL.wellUm, unit: 'µm', description: 'donor well edge (closed)' },
    { name: 'production.spacing', value: DONOR_WELL.spacingUm, unit: 'µm', description: 'donor seeding spacing (sparse)' },
    { name: 'production.hours', value: DONOR_WELL.hours, unit: 'h', description: 'conditioning time, serum-free' },
    { name: 'pretreatment.dose', value: options.dose, unit: 'vesicles/cell', description: 'GDEs per recipient cell at t = 0 (≈ 2.5 µg exosome protein per 10⁵ cells at 2×10⁹ vesicles/µg; low end of 1–50 µg/mL treatments)' },
    { name: 'pretreatment.well', value: PRETREATMENT.wellUm, unit: 'µm', description: 'pre-treatment well edge (closed), complete medium' },
    { name: 'pretreatment.spacing', value: PRETREATMENT.spacingUm, unit: 'µm', description: 'recipient seeding spacing' },
    { name: 'pretreatment.hours', value: PRETREATMENT.hours, unit: 'h', description: 'pre-treatment before every functional assay' },
    { name: 'uptake.dose', value: options.uptakeDose, unit: 'vesicles/cell', description: 'labelled GDEs per recipient cell' },
    { name: 'uptake.gate', value: UPTAKE.gateVesicles, unit: 'vesicles', description: 'internalized labelled vesicles for a cell to count as labelled' },
    { name: 'uptake.spacing', value: UPTAKE.spacingUm, unit: 'µm', description: 'recipient spacing in the uptake well (serum-free)' },
    { name: 'transwell.serum_bias', value: t.serumBias, unit: '1', description: 'migration_bias towards the lower chamber during transwell and Matrigel assays' },
    { name: 'transwell.spacing', value: t.spacingUm, unit: 'µm', description: 'seeding spacing in the insert' },
    { name: 'transwell.migration.gap', value: t.migration.gapUm, unit: 'µm', description: 'lowest start height above the membrane' },
    { name: 'transwell.migration.band', value: t.migration.bandUm, unit: 'µm', description: 'spread of start heights (path to and through a pore)' },
    { name: 'transwell.migration.width', value: t.migration.widthUm, unit: 'µm', description: 'width of the simulated insert strip' },
    { name: 'transwell.migration.hours', value: t.migration.hours, unit: 'h', description: 'migration time' },
    { name: 'transwell.invasion.matrigel', value: t.invasion.matrigelUm, unit: 'µm', description: 'Matrigel thickness on the membrane' },
    { name: 'transwell.invasion.gap', value: t.invasion.gapUm, unit: 'µm', description: 'lowest start depth above the membrane, inside the Matrigel' },
    { name: 'transwell.invasion.band', value: t.invasion.bandUm, unit: 'µm', description: 'spread of start depths in the Matrigel' },
    { name: 'transwell.invasion.width', value: t.invasion.widthUm, unit: 'µm', description: 'width of the simulated insert strip' },
    { name: 'transwell.invasion.hours', value: t.invasion.hours, unit: 'h', description: 'invasion time' },
    { name: 'wound.width', value: WOUND.woundUm, unit: 'µm', description: 'cell-free band (scratch)' },
    { name: 'wound.length', value: WOUND.lengthUm, unit: 'µm', description: 'stretch of the scratch simulated' },
    { name: 'wound.raster', value: WOUND.rasterUm, unit: 'µm', description: 'raster step of the covered-area measurement' },
    { name: 'orthotopic.slice_x', value: ORTHOTOPIC.sizeUm[0], unit: 'µm', description: 'brain slice width (closed faces)' },
    { name: 'orthotopic.slice_y', value: ORTHOTOPIC.sizeUm[1], unit: 'µm', description: 'brain slice height; ≥ 220 µm from the tumour centre to every face' },
    { name: 'orthotopic.radius', value: ORTHOTOPIC.radiusUm, unit: 'µm', description: 'initial tumour radius (~290 cells)' },
    { name: 'orthotopic.days', value: ORTHOTOPIC.days, unit: 'days', description: 'time to the invasion readout' },
    { name: 'orthotopic.invaded_beyond', value: ORTHOTOPIC.invadedBeyondUm, unit: 'µm', description: 'distance beyond the initial outline that counts as invaded' },
    { name: 'gw4869.inhibition', value: STRENGTH.gw4869.inhibition, unit: '1', description: 'fraction of release blocked by GW4869' },
    { name: 'shRab27a.remaining', value: STRENGTH.rab27a.remaining, unit: '1', description: 'Rab27a left after knock-down' },
    { name: 'heparin.uptake_factor', value: STRENGTH.heparin.uptakeFactor, unit: '1', description: 'factor on uptake with heparin' },
    { name: 'mimic.copies', value: STRENGTH.mimicCopies, unit: 'copies/cell', description: 'functional copies added by a mimic (10× the repression half-max)' },
    { name: 'inhibitor.fraction', value: STRENGTH.inhibitorFraction, unit: '1', description: 'fraction of the miRNA pool an antagomiR sequesters' },
    { name: 're_expression.level', value: STRENGTH.reExpressionLevel, unit: '1', description: 'level a re-expressed target is held at' },
  ];
}
