/**
 * `scenario` — a sweep point is a simulation run: the sweep file's scenario with the point's
 * parameter values as model overrides (on top of the scenario's own) and the point's seed,
 * through the same `runScenario` as `exoscape run`. Metrics are time-series columns, read from the
 * last output row or from the row at `at` minutes.
 *
 * Each run writes a normal run directory (time series only, unless `snapshots: true`) into the
 * point's work directory — under DIR/runs/ for a local sweep — so any run can be inspected with
 * `exoscape query`. The scenario text travels in the evaluator definition, so queue workers need
 * no shared file system; the model is resolved on the worker and must have the same content
 * (checked by hash). Parameters derived from others in the model file are not recomputed when a
 * base parameter is swept: every model parameter is an independent number.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { UserError, type Issue } from '../../common/errors.ts';
import { closestName } from '../../common/suggest.ts';
import { issueAt, type SourcedDocument } from '../../common/yaml.ts';
import { readTimeSeries } from '../../io/results/reader.ts';
import { parseScenario, type LoadedScenario } from '../../scenario/load-scenario.ts';
import { timeSeriesColumns } from '../../sim/metrics.ts';
import { runScenario } from '../../sim/run.ts';
import { Simulation } from '../../sim/simulation.ts';
import { sha256 } from '../canonical.ts';
import type { EvaluatorModule, MetricRequest } from '../evaluator.ts';
import { validateAt } from '../validate-at.ts';

const optionsSchema = z.strictObject({
  name: z.literal('scenario'),
  scenario: z.string().min(1).describe('scenario file, relative to the sweep file'),
  threads: z.number().int().positive().default(1).describe('threads per run (the sweep already runs points in parallel)'),
  snapshots: z.boolean().default(false).describe('also write cell and field snapshots for every run'),
});

/** What travels to the workers. */
const definitionSchema = z.strictObject({
  scenarioPath: z.string(),
  scenarioText: z.string(),
  modelSha256: z.string(),
  threads: z.number().int().positive(),
  snapshots: z.boolean(),
});
type Definition = z.infer<typeof definitionSchema>;

const TIME_TOLERANCE = 1e-6;

/** Output times of a scenario: 0, output, 2·output, … and the end. */
function outputTimes(loaded: LoadedScenario): number[] {
  const { duration, output } = loaded.scenario.time;
  const times: number[] = [];
  for (let t = 0; t < duration - TIME_TOLERANCE; t += output) times.push(t);
  times.push(duration);
  return times;
}

function modelText(loaded: LoadedScenario): string {
  return readFileSync(loaded.model.path, 'utf8');
}

/** The scenario with sweep overrides: model values and the scenario's override map (so runs record them). */
function withOverrides(loaded: LoadedScenario, params: Record<string, number>, snapshots: boolean): LoadedScenario {
  return {
    ...loaded,
    model: { ...loaded.model, values: { ...loaded.model.values, ...params } },
    scenario: {
      ...loaded.scenario,
      model: { ...loaded.scenario.model, parameters: { ...loaded.scenario.model.parameters, ...params } },
      outputs: { timeSeries: true, cells: snapshots, fields: snapshots, checkpoints: false },
    },
  };
}

function metricIssues(src: SourcedDocument, metrics: readonly MetricRequest[], columns: readonly string[], times: readonly number[]): Issue[] {
  const issues: Issue[] = [];
  metrics.forEach((m, i) => {
    if (!columns.includes(m.column) || m.column === 'time_min') {
      const near = closestName(m.column, columns);
      issues.push(issueAt(src, ['metrics', i], `"${m.column}" is not a time-series column of this scenario${near ? `; did you mean "${near}"?` : ''} (see \`exoscape query RUN "SELECT * FROM columns"\`)`));
    }
    if (m.at !== undefined && !times.some((t) => Math.abs(t - m.at!) < TIME_TOLERANCE)) {
      const shown = times.length > 12 ? [...times.slice(0, 6), '…', ...times.slice(-3)] : times;
      issues.push(issueAt(src, ['metrics', i, 'at'], `no output at ${m.at} min; the scenario writes rows at ${shown.join(', ')} min`));
    }
  });
  return issues;
}

export const evaluatorModule: EvaluatorModule = {
  name: 'scenario',
  description: 'run a scenario with the point\'s parameters as model overrides; metrics are time-series columns',
  async prepare({ options, metrics, src, specPath }) {
    const r = validateAt(src, ['evaluator'], optionsSchema, { name: 'scenario', ...options });
    if (!r.ok) return { options: {}, fingerprint: '', issues: r.issues };
    const path = resolve(dirname(specPath), r.value.scenario);
    if (!existsSync(path)) return { options: {}, fingerprint: '', issues: [issueAt(src, ['evaluator', 'scenario'], `no scenario file at ${path}`)] };
    let loaded: LoadedScenario;
    try {
      loaded = parseScenario(path, readFileSync(path, 'utf8'));
    } catch (e) {
      if (e instanceof UserError) return { options: {}, fingerprint: '', issues: [issueAt(src, ['evaluator', 'scenario'], `the scenario is invalid: ${e.describe(5)}`)] };
      throw e;
    }
    const sim = await Simulation.create(loaded, { seed: loaded.scenario.seed });
    let columns: string[];
    try {
      columns = timeSeriesColumns(sim).map((c) => c.name);
    } finally {
      sim.dispose();
    }
    const model = modelText(loaded);
    const ranges: Record<string, readonly [number, number]> = {};
    for (const [n, p] of Object.entries(loaded.model.file.parameters)) if (p.range !== undefined) ranges[n] = p.range;
    const definition: Definition = { scenarioPath: path, scenarioText: loaded.text, modelSha256: sha256(model), threads: r.value.threads, snapshots: r.value.snapshots };
    return {
      options: definition,
      parameters: Object.keys(loaded.model.values),
      ranges,
      metricTypes: Object.fromEntries(metrics.map((m) => [m.name, 'number'])),
      fingerprint: sha256(`${loaded.text}\0${model}`),
      issues: metricIssues(src, metrics, columns, outputTimes(loaded)),
    };
  },
  create(definition) {
    const d = definitionSchema.parse(definition.options);
    const loaded = parseScenario(d.scenarioPath, d.scenarioText);
    if (sha256(modelText(loaded)) !== d.modelSha256) {
      return Promise.reject(new Error(`the model ${loaded.model.path} differs from the one the sweep was prepared with (content hash); install the same exoscape version on every worker`));
    }
    return Promise.resolve({
      async evaluate(point, ctx) {
        const run = withOverrides(loaded, point.params, d.snapshots);
        const summary = await runScenario(run, { seed: point.seed, threads: d.threads, outDir: ctx.workDir, force: true, ...(ctx.signal !== undefined ? { signal: ctx.signal } : {}) });
        if (summary.status !== 'finished') throw new Error(`the run in ${ctx.workDir} was cancelled`);
        const rows = definition.metrics.some((m) => m.at !== undefined) ? (await readTimeSeries(ctx.workDir)).rows : [];
        const out: Record<string, number> = {};
        for (const m of definition.metrics) {
          const row = m.at === undefined ? summary.final : rows.find((x) => Math.abs((x.time_min ?? NaN) - m.at!) < TIME_TOLERANCE);
          if (row === undefined) throw new Error(`run ${ctx.workDir} has no output row at ${m.at} min`);
          const v = row[m.column];
          if (typeof v !== 'number') throw new Error(`run ${ctx.workDir} has no column "${m.column}"`);
          out[m.name] = v;
        }
        return out;
      },
    });
  },
};
