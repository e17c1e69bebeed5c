/**
 * Sweep files (`sweeps/*.yaml`, `version: 1`): what to evaluate (an evaluator by name and its
 * options), the parameters to vary and how, the design, replicates, seed, metrics and claims.
 * Every key carries a description; errors name file:line:column with "did you mean".
 */
import { z } from 'zod';

const count = (d: string) => z.number().int().positive().describe(d);
const bootstrap = z.number().int().nonnegative().default(1000).describe('bootstrap resamples for confidence intervals (0: none)');
const confidence = z.number().gt(0).lt(1).default(0.95).describe('two-sided confidence level of the intervals');

export const PARAMETER_FORMS = ['values', 'range', 'normal', 'lognormal', 'triangular'] as const;

export const parameterSpecSchema = z
  .strictObject({
    values: z.array(z.number()).min(1).optional().describe('a list of values (grid levels; other designs pick from it uniformly)'),
    range: z
      .union([z.tuple([z.number(), z.number()]), z.literal('model')])
      .optional()
      .describe('[low, high], uniform (or log-uniform with scale: log); "model" takes the range the model file gives'),
    scale: z.enum(['linear', 'log']).optional().describe('for range: linear (uniform) or log (log-uniform, grid levels evenly spaced in log)'),
    levels: count('for range in a grid: number of evenly spaced levels (overrides design.levels)').optional(),
    normal: z.strictObject({ mean: z.number(), sd: z.number().positive() }).optional().describe('a normal distribution (LHS and Sobol designs)'),
    lognormal: z
      .strictObject({ median: z.number().positive(), sigma: z.number().positive().describe('standard deviation of the natural log') })
      .optional()
      .describe('a log-normal distribution (LHS and Sobol designs)'),
    triangular: z.tuple([z.number(), z.number(), z.number()]).optional().describe('[low, mode, high]'),
  })
  .describe('how one parameter varies: exactly one of values, range, normal, lognormal, triangular')
  .superRefine((p, ctx) => {
    const given = PARAMETER_FORMS.filter((f) => p[f] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: given.length === 0 ? `give one of ${PARAMETER_FORMS.join(', ')}` : `give only one of ${given.join(', ')}` });
      return;
    }
    if (p.range !== undefined && p.range !== 'model' && !(p.range[0] < p.range[1])) ctx.addIssue({ code: 'custom', path: ['range'], message: 'range must be [low, high] with low < high' });
    if (p.scale === 'log' && Array.isArray(p.range) && !(p.range[0] > 0)) ctx.addIssue({ code: 'custom', path: ['range'], message: 'a log scale needs a positive range' });
    if ((p.scale !== undefined || p.levels !== undefined) && p.range === undefined) ctx.addIssue({ code: 'custom', path: [p.scale !== undefined ? 'scale' : 'levels'], message: 'scale and levels apply to range only' });
    if (p.triangular !== undefined) {
      const [lo, mode, hi] = p.triangular;
      if (!(lo <= mode && mode <= hi && lo < hi)) ctx.addIssue({ code: 'custom', path: ['triangular'], message: 'triangular must be [low, mode, high] with low ≤ mode ≤ high and low < high' });
    }
  });
export type ParameterSpec = z.infer<typeof parameterSpecSchema>;

export const designSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('grid'),
        levels: count('levels for every range parameter without its own').optional(),
      })
      .describe('full factorial grid over the values / levels of every parameter'),
    z.strictObject({ kind: z.literal('lhs'), samples: count('number of sample points').min(2), bootstrap, confidence }).describe('Latin hypercube sample; partial rank correlation coefficients (PRCC)'),
    z
      .strictObject({
        kind: z.literal('morris'),
        trajectories: count('number of trajectories r (runs: r·(k + 1))').min(2),
        levels: z.number().int().min(2).refine((n) => n % 2 === 0, 'levels must be even').default(4).describe('grid levels p (even)'),
        bootstrap,
        confidence,
      })
      .describe('Morris elementary effects: μ, μ*, σ'),
    z
      .strictObject({
        kind: z.literal('sobol'),
        samples: count('base sample size N (runs: N·(k + 2)); a power of two suits the Sobol\' sequence').min(2),
        sampling: z.enum(['sobol', 'random']).optional().describe('base sample: Sobol\' sequence with a random digital shift (default for ≤ 16 parameters) or pseudo-random'),
        secondOrder: z.boolean().default(false).describe('also second-order indices S_ij of every parameter pair (Saltelli 2002); runs: N·(2k + 2)'),
        bootstrap,
        confidence,
      })
      .describe('Saltelli sampling; Sobol\' first-order and total indices (and second-order with secondOrder: true)'),
  ])
  .describe('the experimental design');
export type DesignSpec = z.infer<typeof designSchema>;

/** Table column names: a letter, then letters, digits, underscores (claim ids such as F4d are metric names). */
const metricName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a name of letters, digits and underscores, starting with a letter');

export const metricSpecSchema = z
  .union([
    metricName,
    z.strictObject({
      name: metricName.describe('column name in the results table'),
      column: z.string().min(1).optional().describe('the evaluator output (time-series column) to read; default: name'),
      at: z.number().nonnegative().optional().describe('time in minutes of the row to read (default: the last row)'),
    }),
  ])
  .describe('a metric: an output name, or { name, column, at }');
export type MetricSpec = z.infer<typeof metricSpecSchema>;

export const CLAIM_OPS = ['>', '>=', '<', '<=', '==', '!='] as const;

export const claimSpecSchema = z
  .strictObject({
    name: metricName.describe('column name of the claim in the results table (may equal metric for a plain boolean claim)'),
    metric: metricName.describe('the metric the claim tests'),
    op: z.enum(CLAIM_OPS).optional().describe('comparison; omit op and value to test that a boolean metric is true'),
    value: z.union([z.number(), z.boolean()]).optional().describe('threshold (a number), or true / false with == and != on a boolean metric'),
  })
  .describe('a claim checked for every run: "metric op value", or { name, metric } for "the boolean metric is true"')
  .superRefine((c, ctx) => {
    if ((c.op === undefined) !== (c.value === undefined)) ctx.addIssue({ code: 'custom', path: [c.op === undefined ? 'op' : 'value'], message: 'give op and value together, or neither (a boolean metric that is true)' });
    if (typeof c.value === 'boolean' && c.op !== '==' && c.op !== '!=') ctx.addIssue({ code: 'custom', path: ['op'], message: `true / false compare with == or !=, not ${c.op}` });
  });
export type ClaimSpec = z.infer<typeof claimSpecSchema>;

export const evaluatorSpecSchema = z
  .union([z.string().min(1), z.looseObject({ name: z.string().min(1).describe('evaluator name') })])
  .describe('what a point computes: an evaluator name, or { name, …options }');

export const sweepSpecSchema = z
  .strictObject({
    version: z.literal(1).describe('sweep format version'),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('short name (lowercase, digits, dashes)'),
    description: z.string().min(1).optional().describe('what this sweep asks'),
    evaluator: evaluatorSpecSchema,
    parameters: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a parameter name'), parameterSpecSchema).describe('the parameters to vary, by name'),
    design: designSchema,
    replicates: count('runs per design point, with seeds seed, seed + 1, …').default(1),
    seed: z.number().int().nonnegative().max(2 ** 31 - 1).default(1).describe('seed of the design and of replicate 0'),
    metrics: z.array(metricSpecSchema).min(1).describe('what to measure in every run'),
    claims: z.array(claimSpecSchema).default([]).describe('claims checked in every run; the summary gives the share of runs where each holds, with a Wilson interval'),
    retry: z
      .strictObject({
        attempts: count('attempts per run before it counts as failed').default(3),
        backoff: z.number().nonnegative().default(1000).describe('delay before the first retry in ms; doubles with each attempt'),
      })
      .default({ attempts: 3, backoff: 1000 })
      .describe('retries of failed runs (both backends)'),
  })
  .describe('an exoscape sweep');
export type SweepSpec = z.infer<typeof sweepSpecSchema>;
