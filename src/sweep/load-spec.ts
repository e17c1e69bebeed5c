/**
 * Load a sweep file: YAML → schema (file:line:column, "did you mean") → the evaluator's own checks
 * (options, parameter names, metrics) → design/parameter compatibility → a `LoadedSweep` with the
 * parameter distributions, the evaluator definition and the evaluation key.
 *
 * The evaluation key hashes what a point computes (evaluator, options, metrics, input-file
 * fingerprints) but not the design: two sweeps with the same key can share finished points, and
 * a journal written under another key is refused on resume.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UserError, type Issue } from '../common/errors.ts';
import { issueAt, parseYaml, validateDocument, type SourcedDocument } from '../common/yaml.ts';
import { closestName } from '../common/suggest.ts';
import { keySuggester } from '../common/schema-keys.ts';
import { SALTELLI_SOBOL_MAX_FACTORS } from '../sensitivity/saltelli.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import type { EvaluatorDefinition, MetricRequest } from './evaluator.ts';
import { evaluatorNames, loadEvaluatorModule, suggestEvaluator } from './evaluators/registry.ts';
import { gridLevels, isBounded, type Distribution } from './parameters.ts';
import { isMetricItself } from './claims.ts';
import { sweepSpecSchema, type ClaimSpec, type ParameterSpec, type SweepSpec } from './spec.ts';

/** Column names the results table uses itself. */
export const RESERVED_COLUMNS = ['point_id', 'replicate', 'seed'] as const;

export interface LoadedSweep {
  /** Path for messages (relative to the display root). */
  path: string;
  absPath: string;
  spec: SweepSpec;
  /** Parameter names in file order (the table's column order). */
  names: string[];
  distributions: Record<string, Distribution>;
  evaluator: EvaluatorDefinition;
  claims: ClaimSpec[];
  /** Sobol' designs: the base sampling actually used. */
  sampling?: 'sobol' | 'random';
  /** Hash of what a point computes (see the module comment). */
  evalKey: string;
  /** Hash of the sweep file's text. */
  specHash: string;
}

export interface LoadSweepOptions {
  /** Directory for relative paths in messages (default: the working directory). */
  displayRoot?: string;
}

function normalizeMetrics(spec: SweepSpec): MetricRequest[] {
  return spec.metrics.map((m) => (typeof m === 'string' ? { name: m, column: m } : { name: m.name, column: m.column ?? m.name, ...(m.at !== undefined ? { at: m.at } : {}) }));
}

function toDistribution(p: ParameterSpec, ranges: Readonly<Record<string, readonly [number, number]>> | undefined, name: string): Distribution | string {
  if (p.values !== undefined) return { kind: 'values', values: p.values };
  if (p.range !== undefined) {
    let lo: number;
    let hi: number;
    if (p.range === 'model') {
      const r = ranges?.[name];
      if (r === undefined) return ranges === undefined ? 'this evaluator has no model ranges; give [low, high]' : `the model gives no range for "${name}"; give [low, high]`;
      [lo, hi] = r;
      if (!(lo < hi)) return `the model's range for "${name}" is empty [${lo}, ${hi}]`;
      if (p.scale === 'log' && !(lo > 0)) return `a log scale needs a positive range; the model's is [${lo}, ${hi}]`;
    } else [lo, hi] = p.range;
    const levels = p.levels !== undefined ? { levels: p.levels } : {};
    return p.scale === 'log' ? { kind: 'loguniform', lo, hi, ...levels } : { kind: 'uniform', lo, hi, ...levels };
  }
  if (p.normal !== undefined) return { kind: 'normal', ...p.normal };
  if (p.lognormal !== undefined) return { kind: 'lognormal', ...p.lognormal };
  const [lo, mode, hi] = p.triangular!;
  return { kind: 'triangular', lo, mode, hi };
}

function claimTypeIssue(c: ClaimSpec, type: 'number' | 'boolean'): string | undefined {
  const quoted = `"${c.metric}"`;
  if (type === 'boolean' && typeof c.value === 'number') return `${quoted} is a boolean metric (true / false): write { name: ${c.name}, metric: ${c.metric} } for "is true", or op: "==", value: false`;
  if (type === 'number' && c.op === undefined) return `${quoted} is a number: give op and value, e.g. op: ">", value: 0`;
  if (type === 'number' && typeof c.value === 'boolean') return `${quoted} is a number, not true / false: give a numeric value`;
  return undefined;
}

function nameIssues(src: SourcedDocument, spec: SweepSpec, metrics: MetricRequest[], names: string[], types: Readonly<Record<string, 'number' | 'boolean'>> | undefined): Issue[] {
  const issues: Issue[] = [];
  // Case-insensitive: DuckDB, pandas and R users query these columns by name.
  const seen = new Map<string, string>();
  const claim = (name: string, what: string, path: PropertyKey[]): void => {
    if ((RESERVED_COLUMNS as readonly string[]).includes(name.toLowerCase())) issues.push(issueAt(src, path, `"${name}" is a column of the results table itself; choose another name`));
    const prev = seen.get(name.toLowerCase());
    if (prev !== undefined) issues.push(issueAt(src, path, `"${name}" is already used by ${prev}; table columns must be unique (ignoring case)`));
    else seen.set(name.toLowerCase(), what);
  };
  for (const n of names) claim(n, `parameter ${n}`, ['parameters', n]);
  metrics.forEach((m, i) => { claim(m.name, `metric ${m.name}`, ['metrics', i]); });
  spec.claims.forEach((c, i) => {
    // { name: X, metric: X } on a boolean metric is the metric's own column, not a new one.
    if (!isMetricItself(c)) claim(c.name, `claim ${c.name}`, ['claims', i, 'name']);
    if (!metrics.some((m) => m.name === c.metric)) {
      const near = closestName(c.metric, metrics.map((m) => m.name));
      issues.push(issueAt(src, ['claims', i, 'metric'], `"${c.metric}" is not one of the metrics${near ? `; did you mean "${near}"?` : ''}`));
      return;
    }
    const type = types?.[c.metric];
    const wrong = type === undefined ? undefined : claimTypeIssue(c, type);
    if (wrong !== undefined) issues.push(issueAt(src, ['claims', i], wrong));
  });
  return issues;
}

function designIssues(src: SourcedDocument, spec: SweepSpec, names: string[], dists: Record<string, Distribution>): Issue[] {
  const issues: Issue[] = [];
  const d = spec.design;
  for (const n of names) {
    const dist = dists[n]!;
    if (d.kind === 'grid' && gridLevels(dist, d.levels) === undefined) {
      issues.push(issueAt(src, ['parameters', n], dist.kind === 'uniform' || dist.kind === 'loguniform' ? `a grid needs levels for "${n}": add levels: N here or to the design` : `a grid needs values or a range with levels; "${n}" has a ${dist.kind} distribution`));
    }
    if (d.kind === 'morris' && !isBounded(dist)) issues.push(issueAt(src, ['parameters', n], `Morris designs need bounded parameters (the grid includes both ends); "${n}" is ${dist.kind}`));
  }
  if (d.kind === 'sobol' && d.sampling === 'sobol' && names.length > SALTELLI_SOBOL_MAX_FACTORS) {
    issues.push(issueAt(src, ['design', 'sampling'], `the Sobol' sequence supports at most ${SALTELLI_SOBOL_MAX_FACTORS} parameters (${names.length} given); use sampling: random`));
  }
  return issues;
}

export async function parseSweep(path: string, text: string, options: LoadSweepOptions = {}): Promise<LoadedSweep> {
  const absPath = resolve(path);
  const display = relative(options.displayRoot ?? process.cwd(), absPath) || absPath;
  const src = parseYaml(display, text);
  const spec = validateDocument(src, sweepSpecSchema, keySuggester(sweepSpecSchema));
  const evalName = typeof spec.evaluator === 'string' ? spec.evaluator : spec.evaluator.name;
  if (!evaluatorNames().includes(evalName)) {
    const near = suggestEvaluator(evalName);
    const at = typeof spec.evaluator === 'string' ? ['evaluator'] : ['evaluator', 'name'];
    throw new UserError(`${display}: unknown evaluator`, [issueAt(src, at, `unknown evaluator "${evalName}" (known: ${evaluatorNames().join(', ')})${near ? `; did you mean "${near}"?` : ''}`)]);
  }
  const module = await loadEvaluatorModule(evalName);
  const { name: _name, ...rawOptions } = typeof spec.evaluator === 'string' ? { name: evalName } : spec.evaluator;
  const metrics = normalizeMetrics(spec);
  const prepared = await module.prepare({ options: rawOptions, metrics, src, specPath: absPath });
  const issues: Issue[] = [...prepared.issues];
  const names = Object.keys(spec.parameters);
  if (names.length === 0) issues.push(issueAt(src, ['parameters'], 'name at least one parameter to vary'));
  const dists: Record<string, Distribution> = {};
  for (const n of names) {
    if (prepared.parameters !== undefined && !prepared.parameters.includes(n)) {
      const near = closestName(n, prepared.parameters);
      issues.push(issueAt(src, ['parameters', n], `unknown parameter "${n}" of the ${evalName} evaluator${near ? `; did you mean "${near}"?` : ''}`));
      continue;
    }
    const d = toDistribution(spec.parameters[n]!, prepared.ranges, n);
    if (typeof d === 'string') issues.push(issueAt(src, ['parameters', n, 'range'], d));
    else dists[n] = d;
  }
  issues.push(...nameIssues(src, spec, metrics, names, prepared.metricTypes));
  if (issues.length === 0) issues.push(...designIssues(src, spec, names, dists));
  if (issues.length > 0) throw new UserError(`${display}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);

  const evaluator: EvaluatorDefinition = { name: evalName, options: prepared.options, metrics };
  const sampling = spec.design.kind === 'sobol' ? (spec.design.sampling ?? (names.length <= SALTELLI_SOBOL_MAX_FACTORS ? 'sobol' : 'random')) : undefined;
  return {
    path: display,
    absPath,
    spec,
    names,
    distributions: dists,
    evaluator,
    claims: spec.claims,
    ...(sampling !== undefined ? { sampling } : {}),
    evalKey: sha256(canonicalJson({ format: 1, evaluator, fingerprint: prepared.fingerprint }), 32),
    specHash: sha256(text, 32),
  };
}

export async function loadSweep(path: string, options: LoadSweepOptions = {}): Promise<LoadedSweep> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`cannot read sweep file "${path}"`);
  }
  return parseSweep(path, text, options);
}
