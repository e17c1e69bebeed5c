/**
 * `qian2021` — a sweep point is the seed reproduction, `exoscape reproduce qian2021`
 * (src/experiments/qian2021.ts), run with the point's parameter values as model overrides and the
 * point's seed as its base seed: the same assays, arms, replicates and statistics, the same claims.
 *
 * Outputs per claim id X (e.g. F4d):
 *   X           holds (boolean): every comparison of the claim has p < 0.05 in the stated direction
 *   X_p         the largest p of its comparisons (NaN when the readout cannot be tested)
 *   X_nlog10p   −log10 X_p, with p below 1e-300 counted as 1e-300 (a continuous output for Morris)
 *   X_effect    Hedges' g of its first comparison (arm vs the arm it is compared with; negative for
 *               claims that a readout falls), NaN when not testable
 *   X_diff      difference of the arm means of its first comparison (the arm the claim is about minus
 *               the arm it is compared with), in the readout's unit; defined whenever the assay ran —
 *               also when no replicate varies (0 when nothing differs) — so Morris can always use it
 *   X_fold      fold change of its first comparison (mean of the arm / mean of the other), NaN when
 *               the other arm's mean is 0 or not testable
 * and `claims_held`, the number of the selected claims that hold.
 *
 * Options: `replicates` (per arm, inside the point; ≥ 2), `claims` and/or `assays` (a subset, to
 * save time: only the assays the selected claims need are run), `dose` and `uptakeDose` (as the
 * command's --dose and --uptake-dose), `set` (fixed model overrides for every point; swept values
 * take precedence). One point runs its replicates on its own thread (workers = 1): the sweep
 * already runs points in parallel, and the results do not depend on the worker count.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Issue } from '../../common/errors.ts';
import { closestName } from '../../common/suggest.ts';
import { issueAt } from '../../common/yaml.ts';
import type { ClaimResult, ClaimSpec } from '../../experiments/claims.ts';
import { QIAN2021_CLAIMS, reproduceQian2021 } from '../../experiments/qian2021.ts';
import { ASSAYS } from '../../experiments/registry.ts';
import { DEFAULT_OPTIONS } from '../../experiments/types.ts';
import { defaultModelPath, loadModel } from '../../model/load-model.ts';
import { codeVersion } from '../../version.ts';
import { sha256 } from '../canonical.ts';
import type { EvaluatorModule, Metrics, MetricValue } from '../evaluator.ts';
import { validateAt } from '../validate-at.ts';

const optionsSchema = z.strictObject({
  name: z.literal('qian2021'),
  replicates: z.number().int().min(2).default(2).describe('replicates per arm inside each point (a variance needs two; `reproduce` uses 4)'),
  claims: z.array(z.string().min(1)).min(1).optional().describe('claim ids to evaluate (default: all); only the assays they need run'),
  assays: z.array(z.string().min(1)).min(1).optional().describe('run only these assays: the claims whose comparisons all use them'),
  dose: z.number().positive().default(DEFAULT_OPTIONS.dose).describe('vesicles per recipient cell in the 48 h pre-treatment'),
  uptakeDose: z.number().positive().default(DEFAULT_OPTIONS.uptakeDose).describe('labelled vesicles per cell in the uptake assay'),
  set: z.record(z.string(), z.number()).default({}).describe('model parameter overrides for every point (swept values take precedence)'),
});

/** What travels to the workers. */
const definitionSchema = z.strictObject({
  claims: z.array(z.string()),
  replicates: z.number().int().min(2),
  dose: z.number().positive(),
  uptakeDose: z.number().positive(),
  set: z.record(z.string(), z.number()),
  modelSha256: z.string(),
  codeVersion: z.string(),
});
type Definition = z.infer<typeof definitionSchema>;

/** Output suffixes per claim (the bare id is `holds`). */
export const CLAIM_OUTPUTS = ['', '_p', '_nlog10p', '_effect', '_diff', '_fold'] as const;
export const CLAIMS_HELD = 'claims_held';
const P_FLOOR = 1e-300;

function claimAssays(c: ClaimSpec): string[] {
  return [...new Set(c.tests.map((t) => t.assay))];
}

/** The difference of arm means of a claim's first comparison (NaN when its assay did not run). */
function firstDifference(spec: ClaimSpec, r: ClaimResult): number {
  const e = spec.tests[0]?.expect[0];
  const a = e === undefined ? undefined : r.values[e.arm];
  const b = e === undefined ? undefined : r.values[e.than];
  return a === undefined || b === undefined ? NaN : a - b;
}

/** The outputs of one claim result, by name. */
export function claimMetrics(spec: ClaimSpec, r: ClaimResult): Metrics {
  const p = r.pValue ?? NaN;
  const num = (x: number | null): number => x ?? NaN;
  return {
    [r.id]: r.holds,
    [`${r.id}_p`]: p,
    [`${r.id}_nlog10p`]: Number.isNaN(p) ? NaN : -Math.log10(Math.max(p, P_FLOOR)),
    [`${r.id}_effect`]: num(r.effect),
    [`${r.id}_diff`]: firstDifference(spec, r),
    [`${r.id}_fold`]: num(r.foldChange),
  };
}

function modelText(): string {
  return readFileSync(defaultModelPath(), 'utf8');
}

function nameIssues(src: Parameters<EvaluatorModule['prepare']>[0]['src'], key: 'claims' | 'assays' | 'set', given: readonly string[], known: readonly string[], what: string): Issue[] {
  const issues: Issue[] = [];
  given.forEach((g, i) => {
    if (known.includes(g)) return;
    const near = closestName(g, known);
    issues.push(issueAt(src, key === 'set' ? ['evaluator', key, g] : ['evaluator', key, i], `unknown ${what} "${g}"${near ? `; did you mean "${near}"?` : ''} (known: ${known.join(', ')})`));
  });
  return issues;
}

export const evaluatorModule: EvaluatorModule = {
  name: 'qian2021',
  description: 'the seed reproduction (reproduce qian2021) with the point\'s parameters as model overrides; outputs per claim: holds, p, −log10 p, Hedges\' g, difference of means, fold change',
  prepare({ options, metrics, src }) {
    const model = loadModel();
    const parameters = Object.keys(model.values);
    const ranges: Record<string, readonly [number, number]> = {};
    for (const [n, p] of Object.entries(model.file.parameters)) if (p.range !== undefined) ranges[n] = p.range;
    const r = validateAt(src, ['evaluator'], optionsSchema, { name: 'qian2021', ...options });
    if (!r.ok) return { options: {}, parameters, ranges, fingerprint: '', issues: r.issues };
    const o = r.value;
    const ids = QIAN2021_CLAIMS.map((c) => c.id);
    const issues: Issue[] = [
      ...nameIssues(src, 'claims', o.claims ?? [], ids, 'claim'),
      ...nameIssues(src, 'assays', o.assays ?? [], ASSAYS.map((a) => a.name), 'assay'),
      ...nameIssues(src, 'set', Object.keys(o.set), parameters, 'model parameter'),
    ];
    let selected = QIAN2021_CLAIMS.filter((c) => o.claims === undefined || o.claims.includes(c.id));
    if (o.assays !== undefined && issues.length === 0) {
      const assays = o.assays;
      if (o.claims !== undefined) {
        for (const c of selected) {
          const missing = claimAssays(c).filter((a) => !assays.includes(a));
          if (missing.length > 0) issues.push(issueAt(src, ['evaluator', 'claims', o.claims.indexOf(c.id)], `claim ${c.id} needs the assay${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in evaluator.assays`));
        }
      }
      selected = selected.filter((c) => claimAssays(c).every((a) => assays.includes(a)));
      if (selected.length === 0) issues.push(issueAt(src, ['evaluator', 'assays'], `no claim uses only these assays; e.g. orthotopic alone gives F4d, F7 and F7b`));
    }
    const outputs = [...selected.flatMap((c) => CLAIM_OUTPUTS.map((s) => `${c.id}${s}`)), CLAIMS_HELD];
    metrics.forEach((m, i) => {
      if (m.at !== undefined) issues.push(issueAt(src, ['metrics', i, 'at'], 'the qian2021 evaluator has no time series: its outputs are per claim (remove at)'));
      if (!outputs.includes(m.column)) {
        const near = closestName(m.column, outputs);
        const other = ids.includes(m.column.replace(/_(p|nlog10p|effect|diff|fold)$/, '')) ? ` (claim ${m.column.replace(/_(p|nlog10p|effect|diff|fold)$/, '')} is not among the selected claims)` : '';
        issues.push(issueAt(src, ['metrics', i], `"${m.column}" is not an output of the qian2021 evaluator${other}${near ? `; did you mean "${near}"?` : ''}; outputs per claim X: X (holds), X_p, X_nlog10p, X_effect, X_diff, X_fold, and ${CLAIMS_HELD}`));
      }
    });
    const text = modelText();
    const version = codeVersion();
    const definition: Definition = { claims: selected.map((c) => c.id), replicates: o.replicates, dose: o.dose, uptakeDose: o.uptakeDose, set: o.set, modelSha256: sha256(text), codeVersion: version };
    const metricTypes: Record<string, 'number' | 'boolean'> = {};
    for (const m of metrics) metricTypes[m.name] = ids.includes(m.column) ? 'boolean' : 'number';
    return {
      options: definition,
      parameters,
      ranges,
      metricTypes,
      // Results depend on the model file and on the code of the assays: a journal from another
      // commit is not reused.
      fingerprint: sha256(`qian2021-1\0${text}\0${version}`),
      issues,
    };
  },
  create(definition) {
    const d = definitionSchema.parse(definition.options);
    if (sha256(modelText()) !== d.modelSha256) return Promise.reject(new Error(`the model ${defaultModelPath()} differs from the one the sweep was prepared with (content hash); install the same exoscape version on every worker`));
    const version = codeVersion();
    if (version !== d.codeVersion) return Promise.reject(new Error(`this worker runs exoscape ${version}, the sweep was prepared with ${d.codeVersion}; the assays' results depend on the code, so run the same version everywhere`));
    const claims = QIAN2021_CLAIMS.filter((c) => d.claims.includes(c.id));
    return Promise.resolve({
      async evaluate(point) {
        const rep = await reproduceQian2021(
          { replicates: d.replicates, seed: point.seed, workers: 1, options: { ...DEFAULT_OPTIONS, dose: d.dose, uptakeDose: d.uptakeDose, parameters: { ...d.set, ...point.params } } },
          claims,
        );
        const all: Metrics = { [CLAIMS_HELD]: rep.claims.filter((c) => c.holds).length };
        rep.claims.forEach((c, i) => Object.assign(all, claimMetrics(claims[i]!, c)));
        const out: Record<string, MetricValue> = {};
        for (const m of definition.metrics) {
          const v = all[m.column];
          if (v === undefined) throw new Error(`the reproduction gave no output "${m.column}"`);
          out[m.name] = v;
        }
        return out;
      },
    });
  },
};
