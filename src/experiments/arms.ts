/**
 * The arms of the virtual experiments, by the names a lab would write on the plate. An arm is a set
 * of protocol switches — donor oxygen, which vesicles the recipients get, interventions in donors,
 * recipients or the whole tumour — never an outcome: every difference between arms has to come out
 * of the model acting on these switches.
 */
import { UserError } from '../common/errors.ts';
import { closestName } from '../common/suggest.ts';
import { O2_PERCENT } from './protocol.ts';

/** An intervention as the scenario schema spells it (src/scenario/schema.ts). */
export type Intervention =
  | { kind: 'gw4869'; inhibition: number }
  | { kind: 'rab27a-knockdown'; remaining: number }
  | { kind: 'heparin'; uptakeFactor: number }
  | { kind: 'mimic'; mirna: string; copies: number }
  | { kind: 'inhibitor'; mirna: string; fraction: number }
  | { kind: 're-expression'; target: string; level: number };

/** Release blockade in donor cells (GW4869 neutral sphingomyelinase inhibitor; Rab27a shRNA). */
export type DonorTreatment = Extract<Intervention, { kind: 'gw4869' | 'rab27a-knockdown' }>;

export interface ArmSpec {
  name: string;
  description: string;
  /** Donor cultures (production assay): O2 of the 48 h conditioning, in %. */
  donorO2?: number;
  /** Interventions in the donor cells (production assay, and donors of a GDE arm). */
  donor?: DonorTreatment[];
  /** Vesicles the recipients receive: from donors conditioned at 21 % (N-GDE) or 1 % O2 (H-GDE). */
  gde?: { source: 'normoxic' | 'hypoxic' };
  /** Interventions in the recipient cells: applied in the pre-treatment well and kept in the assay when they persist. */
  recipient?: Intervention[];
  /** Interventions on every cell for the whole assay (a treated tumour). */
  tumour?: Intervention[];
}

/**
 * Intervention strengths (assumed protocol numbers, docs/experiments.md): GW4869 at a dose that blocks
 * ~90 % of release; an shRNA leaving 20 % Rab27a; heparin 10 µg/mL taken to block 80 % of uptake;
 * mimics giving 50 functional copies (10× the repression half-max: saturating transfection);
 * antagomiRs sequestering 90 % of the pool; re-expression holding the target at its unrepressed level.
 */
export const STRENGTH = {
  gw4869: { kind: 'gw4869', inhibition: 0.9 },
  rab27a: { kind: 'rab27a-knockdown', remaining: 0.2 },
  heparin: { kind: 'heparin', uptakeFactor: 0.2 },
  mimicCopies: 50,
  inhibitorFraction: 0.9,
  reExpressionLevel: 1,
} as const;

const mimic = (mirna: string): Intervention => ({ kind: 'mimic', mirna, copies: STRENGTH.mimicCopies });
const inhibitor = (mirna: string): Intervention => ({ kind: 'inhibitor', mirna, fraction: STRENGTH.inhibitorFraction });
const reExpress = (target: string): Intervention => ({ kind: 're-expression', target, level: STRENGTH.reExpressionLevel });

const ARMS: ArmSpec[] = [
  // donors (production)
  { name: '21% O2', description: 'donor glioma cells conditioned at 21 % O2 for 48 h', donorO2: O2_PERCENT.normoxia },
  { name: '5% O2', description: 'donor glioma cells conditioned at 5 % O2 for 48 h', donorO2: O2_PERCENT.physioxia },
  { name: '1% O2', description: 'donor glioma cells conditioned at 1 % O2 for 48 h', donorO2: O2_PERCENT.hypoxia },
  { name: '1% O2+GW4869', description: 'donors at 1 % O2 treated with GW4869 (release blocked)', donorO2: O2_PERCENT.hypoxia, donor: [STRENGTH.gw4869] },
  { name: '1% O2+shRab27a', description: 'donors at 1 % O2 with Rab27a knocked down', donorO2: O2_PERCENT.hypoxia, donor: [STRENGTH.rab27a] },
  // recipients: vesicles
  { name: 'PBS', description: 'recipients given vehicle (PBS), no vesicles' },
  { name: 'N-GDE', description: 'recipients given exosomes of normoxic (21 % O2) glioma donors', gde: { source: 'normoxic' } },
  { name: 'H-GDE', description: 'recipients given exosomes of hypoxic (1 % O2) glioma donors', gde: { source: 'hypoxic' } },
  { name: 'H-GDE+heparin', description: 'H-GDEs given with heparin (HSPG-dependent uptake blocked)', gde: { source: 'hypoxic' }, recipient: [STRENGTH.heparin] },
  {
    name: 'H-GDE(GW4869 donors)',
    description: 'the exosomes of as many hypoxic donors treated with GW4869 as give the H-GDE dose untreated',
    gde: { source: 'hypoxic' },
    donor: [STRENGTH.gw4869],
  },
  {
    name: 'H-GDE(shRab27a donors)',
    description: 'the exosomes of as many hypoxic Rab27a-knock-down donors as give the H-GDE dose untreated',
    gde: { source: 'hypoxic' },
    donor: [STRENGTH.rab27a],
  },
  // recipients: miRNA mimics, inhibitors, target re-expression
  { name: 'mimic NC', description: 'recipients transfected with a negative-control mimic (no tracked miRNA)', recipient: [] },
  { name: 'miR-1246 mimic', description: 'recipients transfected with a miR-1246 mimic', recipient: [mimic('miR-1246')] },
  { name: 'miR-10b-5p mimic', description: 'recipients transfected with a miR-10b-5p mimic', recipient: [mimic('miR-10b-5p')] },
  { name: 'H-GDE+anti-miR-1246', description: 'H-GDEs given to recipients carrying a miR-1246 inhibitor', gde: { source: 'hypoxic' }, recipient: [inhibitor('miR-1246')] },
  { name: 'H-GDE+anti-miR-10b-5p', description: 'H-GDEs given to recipients carrying a miR-10b-5p inhibitor', gde: { source: 'hypoxic' }, recipient: [inhibitor('miR-10b-5p')] },
  { name: 'H-GDE+FRK', description: 'H-GDEs given to recipients re-expressing FRK (held at its unrepressed level)', gde: { source: 'hypoxic' }, recipient: [reExpress('FRK')] },
  { name: 'H-GDE+TFAP2A', description: 'H-GDEs given to recipients re-expressing TFAP2A (held at its unrepressed level)', gde: { source: 'hypoxic' }, recipient: [reExpress('TFAP2A')] },
  // a treated tumour (orthotopic)
  { name: 'GW4869', description: 'tumour of PBS-treated cells given GW4869 throughout (release blocked in every cell)', tumour: [STRENGTH.gw4869] },
  { name: 'shRab27a', description: 'tumour of PBS-treated Rab27a-knock-down cells (release lowered in every cell)', tumour: [STRENGTH.rab27a] },
];

const BY_NAME = new Map(ARMS.map((a) => [a.name.toLowerCase(), a]));

export function allArms(): readonly ArmSpec[] {
  return ARMS;
}

/** An arm by name (case-insensitive), or a UserError naming the closest one. */
export function armByName(name: string, allowed?: readonly string[]): ArmSpec {
  const arm = BY_NAME.get(name.trim().toLowerCase());
  const pool = allowed ?? ARMS.map((a) => a.name);
  if (arm === undefined || !pool.some((p) => p.toLowerCase() === arm.name.toLowerCase())) {
    const near = closestName(name, [...pool]);
    throw new UserError(`unknown arm "${name}"${near ? `; did you mean "${near}"?` : ''} — this assay takes: ${pool.join(', ')}`);
  }
  return arm;
}
