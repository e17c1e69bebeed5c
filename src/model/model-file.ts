/**
 * The model file format (`models/*.yaml`, version 1): the biology as data. Every number lives in
 * `parameters`, with its unit and provenance (sourced / default / derived, with the source; or
 * assumed); components refer to parameters by name, so a sweep can vary any of them and a report
 * can list every value with its source. Every rule cites the atlas relations it implements.
 */
import { z } from 'zod';

/** PARAMETERS.md status legend: S sourced, M software/model default, D derived, U unsourced (assumed). */
export const PARAMETER_STATUSES = ['sourced', 'default', 'derived', 'assumed'] as const;
export type ParameterStatus = (typeof PARAMETER_STATUSES)[number];

export const parameterSchema = z
  .strictObject({
    value: z.number(),
    unit: z.string().min(1),
    status: z.enum(PARAMETER_STATUSES),
    /** Where the value comes from (a paper, PARAMETERS.md row, software default); required unless assumed. */
    source: z.string().min(1).optional(),
    /** For derived values: the formula from other parameters or sourced numbers. */
    derivation: z.string().min(1).optional(),
    description: z.string().min(1),
    /** Plausible range for sweeps (defaults to none: the parameter is not swept unless asked). */
    range: z.tuple([z.number(), z.number()]).optional(),
  })
  .refine((p) => p.status === 'assumed' || p.source !== undefined, { message: 'a sourced, default or derived parameter needs a source', path: ['source'] })
  .refine((p) => p.status !== 'derived' || p.derivation !== undefined, { message: 'a derived parameter needs its derivation', path: ['derivation'] })
  .refine((p) => p.range === undefined || (p.range[0] <= p.value && p.value <= p.range[1]), { message: 'value must lie inside its range', path: ['range'] });
export type Parameter = z.infer<typeof parameterSchema>;

/** A reference to a parameter by name. */
const ref = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a parameter name (lower_snake_case) declared under "parameters"');

const atlasIds = z.array(z.string().min(1)).default([]);

export const substrateSchema = z.strictObject({
  description: z.string().min(1),
  unit: z.string().min(1),
  diffusion: ref,
  decay: ref,
  initial: ref,
  /** Value held at the domain boundary (Dirichlet) unless a scenario says otherwise; omit for no-flux. */
  boundary: ref.optional(),
  /** Value held in vessel voxels (Dirichlet inside the domain). */
  vessel: ref.optional(),
  atlas: atlasIds,
});

export const cargoSchema = z.strictObject({
  type: z.enum(['miRNA', 'label']),
  description: z.string().min(1),
  /** Copies per vesicle released by a cell with HIF-1α activity 0. */
  basalLoading: ref,
  /** Relative increase of loading per unit HIF-1α activity: q = q0·(1 + e·h). */
  hifEnrichment: ref,
  atlas: atlasIds,
});

const targetSchema = z.strictObject({
  /** The miRNA (a cargo name) that represses this target. */
  repressedBy: z.string().min(1),
  halfMax: ref,
  hillPower: ref,
  maxRepression: ref,
  /** First-order turnover of the target protein (relaxation rate towards its repressed level). */
  turnover: ref,
  /**
   * Repression form: "hill" (default) R = 1 − ρ_max·mⁿ/(Kⁿ + mⁿ); "titration": free miRNA and target
   * mRNA bind at quasi-equilibrium, R = 1 − ρ_max·C/M with C the complex from m + M ⇌ C (dissociation
   * constant K_d, copies), which gives the threshold-like response of Mukherji et al. 2011.
   */
  form: z.enum(['hill', 'titration']).default('hill'),
  /** Target mRNA copies per cell (titration form). */
  mrnaCopies: ref.optional(),
  /** Dissociation constant of miRNA–mRNA binding in copies per cell (titration form). */
  dissociation: ref.optional(),
  atlas: atlasIds,
}).refine((t) => t.form === 'hill' || (t.mrnaCopies !== undefined && t.dissociation !== undefined), { message: 'the titration form needs mrnaCopies and dissociation', path: ['form'] });

export const cellTypeSchema = z.strictObject({
  description: z.string().min(1),
  volume: ref,
  radius: ref,
  oxygenUptake: ref,
  hif: z.strictObject({
    synthesis: ref,
    degradation: ref,
    /** PHD activity φ(O2) = (O2/K)^n / (1 + (O2/K)^n). */
    o2HalfActivity: ref,
    o2HillPower: ref,
    atlas: atlasIds,
  }),
  release: z.strictObject({
    /** Vesicles per minute at HIF-1α activity 0. */
    basal: ref,
    /** r = r0·(1 + a·h)·(1 − GW4869)·Rab27a. */
    hifGain: ref,
    atlas: atlasIds,
  }),
  uptake: z.strictObject({
    /** First-order uptake rate constant of local vesicles (1/min, scaled by cell/voxel volume as in BioFVM). */
    rate: ref,
    /** Relative uptake increase per unit recipient HIF-1α activity. */
    hifGain: ref,
    /** Fraction of internalized miRNA that escapes endosomes and joins the functional pool. */
    endosomalEscape: ref,
    atlas: atlasIds,
  }),
  /** Functional intracellular miRNA pools, per tracked cargo miRNA. */
  mirnas: z.record(z.string(), z.strictObject({ decay: ref, endogenousSynthesis: ref, atlas: atlasIds })),
  /** Target proteins normalized to 1 without miRNA. */
  targets: z.record(z.string(), targetSchema),
  /** Rate at which a cell's volume relaxes back to `volume` after division (1/min; PhysiCell's volume model). */
  growth: ref.optional(),
  motility: z.strictObject({ persistence: ref, bias: ref }),
  mechanics: z.strictObject({ repulsion: ref, adhesion: ref, maxAdhesionDistance: ref }),
  /**
   * Base value of each behaviour (PhysiCell's cell-definition value that rules move towards their
   * saturation): migration speed (µm/min), invasiveness (0–1), cycle entry, apoptosis and
   * necrosis (1/min).
   */
  behaviors: z.strictObject({
    'migration speed': ref,
    invasiveness: ref,
    'cycle entry': ref,
    apoptosis: ref,
    necrosis: ref,
  }),
});
export const BEHAVIORS = ['migration speed', 'invasiveness', 'cycle entry', 'apoptosis', 'necrosis'] as const;

export const modelRuleSchema = z.strictObject({
  cellType: z.string().min(1),
  signal: z.string().min(1),
  direction: z.enum(['increases', 'decreases']),
  behavior: z.string().min(1),
  saturation: ref,
  halfMax: ref,
  hillPower: ref,
  appliesToDead: z.boolean().default(false),
  /** Atlas relations the rule implements. */
  atlas: atlasIds,
  /** For standard physiology the seeds do not state (e.g. PhysiCell's oxygen-dependent necrosis): where it comes from. */
  source: z.string().min(1).optional(),
  rationale: z.string().min(1),
}).refine((r) => r.atlas.length > 0 || r.source !== undefined, { message: 'a rule must cite atlas relations or, for standard physiology, a source', path: ['atlas'] });

export const modelFileSchema = z.strictObject({
  version: z.literal(1),
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  parameters: z.record(ref, parameterSchema),
  substrates: z.strictObject({ oxygen: substrateSchema, vesicles: substrateSchema }),
  cargos: z.record(z.string(), cargoSchema),
  cellTypes: z.record(z.string().regex(/^[a-z][a-z0-9 -]*$/), cellTypeSchema),
  rules: z.array(modelRuleSchema),
});
export type ModelFile = z.infer<typeof modelFileSchema>;
export type ModelRule = z.infer<typeof modelRuleSchema>;
