/**
 * Scenario files (`scenarios/*.yaml`, `version: 1`): what to simulate — domain, time, the model
 * and its parameter overrides, initial cells, vessels, interventions, outputs and the seed.
 * Every key carries a description (with its unit); `docs/scenarios.md` and the published JSON
 * Schema are generated from these descriptions, and a test keeps the doc in sync.
 */
import { z } from 'zod';

const positive = (d: string) => z.number().positive().describe(d);
const nonNegative = (d: string) => z.number().nonnegative().describe(d);
const point = z.tuple([z.number(), z.number(), z.number()]).describe('a point [x, y, z] in µm (z = 0 in 2D)');

export const domainSchema = z
  .strictObject({
    dimensions: z.union([z.literal(2), z.literal(3)]).default(2).describe('2 for a tissue slice (one voxel thick), 3 for a volume'),
    size: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]).describe('extent [x, y, z] in µm; z is ignored in 2D'),
    voxel: positive('voxel edge length in µm (dx = dy = dz)').default(20),
    boundary: z
      .enum(['dirichlet', 'no-flux'])
      .default('dirichlet')
      .describe('domain faces: "dirichlet" holds every substrate at its boundary value (far-field supply), "no-flux" closes the domain'),
  })
  .describe('the simulated region');

export const timeSchema = z
  .strictObject({
    duration: positive('simulated time in minutes'),
    output: positive('interval between outputs (time series, snapshots, checkpoints) in minutes').default(60),
    diffusion: positive('diffusion time step in minutes (PhysiCell dt_diffusion)').default(0.01),
    mechanics: positive('mechanics and motility time step in minutes (PhysiCell dt_mechanics)').default(0.1),
    phenotype: positive('intracellular, rules, cycle and death time step in minutes (PhysiCell dt_phenotype)').default(6),
  })
  .describe('time span and steps')
  .refine((t) => t.diffusion <= t.mechanics && t.mechanics <= t.phenotype, { message: 'steps must satisfy diffusion ≤ mechanics ≤ phenotype', path: ['mechanics'] })
  .refine((t) => t.output <= t.duration, { message: 'output interval must not exceed the duration', path: ['output'] });

export const modelRefSchema = z
  .strictObject({
    file: z.string().min(1).default('hypoxic-glioma').describe('a model file path (relative to the scenario) or the name of a packaged model'),
    parameters: z.record(z.string(), z.number()).default({}).describe('parameter overrides by name (see `exoscape model explain`)'),
  })
  .describe('the model and parameter overrides');

const cellsCommon = {
  type: z.string().min(1).describe('cell type name of the model (e.g. glioma)'),
  spacing: positive('distance between neighbouring cell centres in µm (default: one cell diameter)').optional(),
};

export const cellShapeSchema = z
  .discriminatedUnion('shape', [
    z.strictObject({ shape: z.literal('disc'), center: point, radius: positive('disc radius in µm'), ...cellsCommon }).describe('a filled disc in the z = center plane'),
    z.strictObject({ shape: z.literal('sphere'), center: point, radius: positive('sphere radius in µm'), ...cellsCommon }).describe('a filled sphere (3D)'),
    z.strictObject({ shape: z.literal('monolayer'), ...cellsCommon }).describe('a confluent layer filling the whole domain (2D)'),
    z
      .strictObject({
        shape: z.literal('band'),
        axis: z.enum(['x', 'y']).describe('the band runs along this axis'),
        from: z.number().describe('start of the band across the other axis, in µm'),
        to: z.number().describe('end of the band across the other axis, in µm'),
        ...cellsCommon,
      })
      .describe('a band of cells across the domain (e.g. the two sides of a wound)'),
    z.strictObject({ shape: z.literal('csv'), file: z.string().min(1).describe('CSV with columns x,y,z[,type] in µm, relative to the scenario'), type: z.string().min(1).optional().describe('cell type for rows without one') }).describe('cells at positions from a CSV file'),
  ])
  .describe('a group of initial cells');

export const vesselSchema = z
  .strictObject({
    at: point.describe('vessel centre [x, y, z] in µm'),
    radius: positive('vessel radius in µm; voxels whose centre lies within it hold the vessel values').default(10),
  })
  .describe('a vessel: a Dirichlet source of oxygen');

export const matrixSchema = z
  .discriminatedUnion('shape', [
    z
      .strictObject({
        shape: z.literal('band'),
        axis: z.enum(['x', 'y']).describe('the band runs along this axis'),
        from: z.number().describe('start of the band across the other axis, in µm'),
        to: z.number().describe('end of the band across the other axis, in µm'),
      })
      .describe('a layer of dense matrix across the domain (e.g. the Matrigel of an invasion assay)'),
    z
      .strictObject({
        shape: z.literal('outside'),
        center: point,
        radius: positive('radius in µm of the region left free of matrix (a disc in 2D, a ball in 3D)'),
      })
      .describe('dense matrix everywhere outside a disc or ball (e.g. brain parenchyma around a tumour)'),
  ])
  .describe('a region of dense extracellular matrix: cells there migrate at speed × invasiveness');

export const chemotaxisSchema = z
  .strictObject({
    direction: point.describe('direction [x, y, z] the walk is biased towards (normalized; z ignored in 2D), e.g. towards the serum-filled lower chamber of a transwell'),
  })
  .describe("a fixed chemoattractant gradient: every cell's persistent random walk is biased along `direction` with the strength of the model's migration bias (PhysiCell migration_bias)");

export const INTERVENTIONS = ['gw4869', 'rab27a-knockdown', 'heparin', 'mimic', 'inhibitor', 're-expression', 'exosome-dose', 'aspirin'] as const;

export const interventionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('gw4869'), inhibition: z.number().min(0).max(1).describe('fraction of release blocked (i_GW4869)'), cells: z.string().optional().describe('cell type treated (default: all)') }),
    z.strictObject({ kind: z.literal('rab27a-knockdown'), remaining: z.number().min(0).max(1).describe('Rab27a level left (g_Rab27a)'), cells: z.string().optional().describe('cell type treated (default: all)') }),
    z.strictObject({ kind: z.literal('aspirin'), releaseFactor: z.number().min(0).max(1).describe('factor on exosome release (seed 004: aspirin lowers release)'), cells: z.string().optional().describe('cell type treated (default: all)') }),
    z.strictObject({ kind: z.literal('heparin'), uptakeFactor: z.number().min(0).max(1).describe('factor on vesicle uptake (HSPG blockade)') }),
    z.strictObject({ kind: z.literal('mimic'), mirna: z.string().min(1).describe('miRNA name, e.g. miR-1246'), copies: nonNegative('functional copies added per cell at the start') }),
    z.strictObject({ kind: z.literal('inhibitor'), mirna: z.string().min(1).describe('miRNA name'), fraction: z.number().min(0).max(1).describe('fraction of the functional pool sequestered, continuously') }),
    z.strictObject({ kind: z.literal('re-expression'), target: z.string().min(1).describe('target protein, e.g. FRK'), level: z.number().min(0).describe('level the target is held at (1 = unrepressed)') }),
    z.strictObject({
      kind: z.literal('exosome-dose'),
      vesiclesPerCell: nonNegative('vesicles added per cell, spread evenly over the medium'),
      source: z.enum(['normoxic', 'hypoxic']).describe('donor conditioning: N-GDEs (21 % O2) or H-GDEs (1 % O2) set the cargo per vesicle'),
      at: nonNegative('time of dosing in minutes').default(0),
    }),
  ])
  .describe('an intervention (MODEL.md §3)');

export const outputsSchema = z
  .strictObject({
    timeSeries: z.boolean().default(true).describe('population counts, hypoxic fraction, vesicle and cargo totals, mean target levels, motility, invasion front'),
    cells: z.boolean().default(true).describe('per-cell snapshots at every output time (Parquet)'),
    fields: z.boolean().default(true).describe('field snapshots at every output time'),
    checkpoints: z.boolean().default(true).describe('checkpoints at output times, so an interrupted run can resume'),
  })
  .describe('what to write');

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1).describe('scenario format version'),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('short name (lowercase, digits, dashes)'),
    description: z.string().min(1).optional().describe('what this scenario shows'),
    domain: domainSchema,
    time: timeSchema,
    model: modelRefSchema.default({ file: 'hypoxic-glioma', parameters: {} }),
    cells: z.array(cellShapeSchema).min(1).describe('initial cells, as shapes or a CSV of positions'),
    vessels: z.array(vesselSchema).default([]).describe('vessels inside the domain'),
    flow: z
      .strictObject({
        velocity: z.tuple([z.number(), z.number(), z.number()]).describe('uniform interstitial flow velocity [vx, vy, vz] in µm/min (z ignored in 2D)'),
      })
      .optional()
      .describe('interstitial flow: carries vesicles and their cargo (explicit upwind advection, operator-split)'),
    matrix: z.array(matrixSchema).default([]).describe('regions of dense matrix that only invasive cells cross quickly'),
    chemotaxis: chemotaxisSchema.optional(),
    interventions: z.array(interventionSchema).default([]).describe('interventions applied during the run'),
    outputs: outputsSchema.default({ timeSeries: true, cells: true, fields: true, checkpoints: true }),
    seed: z.number().int().nonnegative().default(1).describe('random seed (same seed → identical results for any thread count)'),
  })
  .describe('an exoscape scenario');
export type Scenario = z.infer<typeof scenarioSchema>;
