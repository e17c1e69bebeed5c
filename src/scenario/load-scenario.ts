/**
 * Load a scenario: YAML → schema (unknown keys get "did you mean") → checks against the model
 * (cell types, miRNAs and targets named by interventions, parameter overrides) and the domain
 * (cells and vessels inside it, 3D-only shapes) → a validated `Scenario` with its `Model`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, type Issue } from '../common/errors.ts';
import { issueAt, parseYaml, validateDocument } from '../common/yaml.ts';
import { closestName } from '../common/suggest.ts';
import { keySuggester } from '../common/schema-keys.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { loadModel, type Model } from '../model/load-model.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

export interface LoadedScenario {
  scenario: Scenario;
  model: Model;
  /** Path as given (for messages and provenance). */
  path: string;
  /** The file's text, recorded verbatim with every run. */
  text: string;
}

/** A packaged model name ("hypoxic-glioma") or a path relative to the scenario file. */
export function resolveModelPath(ref: string, scenarioPath: string): string {
  const packaged = fileURLToPath(new URL(`../../models/${ref}.yaml`, import.meta.url));
  if (/^[a-z0-9-]+$/.test(ref) && existsSync(packaged)) return packaged;
  return resolve(dirname(scenarioPath), ref);
}

export interface LoadScenarioOptions {
  atlas?: Atlas;
  /** Directory for relative paths in messages (default: the working directory). */
  displayRoot?: string;
}

export function parseScenario(path: string, text: string, options: LoadScenarioOptions = {}): LoadedScenario {
  const name = relative(options.displayRoot ?? process.cwd(), path) || path;
  const src = parseYaml(name, text);
  const scenario = validateDocument(src, scenarioSchema, keySuggester(scenarioSchema));
  const issues: Issue[] = [];
  const modelPath = resolveModelPath(scenario.model.file, path);
  if (!existsSync(modelPath)) {
    throw new UserError(`${name}: model "${scenario.model.file}" not found (looked for ${modelPath})`, [issueAt(src, ['model', 'file'], `no model file at ${modelPath}`)]);
  }
  let model: Model;
  try {
    const base = loadModel(modelPath, options.atlas !== undefined ? { atlas: options.atlas } : {});
    model = { ...base, values: { ...base.values } };
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${name}: its model ${modelPath} is invalid: ${e.message}`, e.issues);
    throw e;
  }
  for (const [k, v] of Object.entries(scenario.model.parameters)) {
    if (!(k in model.values)) {
      const near = closestName(k, Object.keys(model.values));
      issues.push(issueAt(src, ['model', 'parameters', k], `unknown parameter "${k}" of model ${model.file.name}${near ? `; did you mean "${near}"?` : ''}`));
    } else model.values[k] = v;
  }
  const { dimensions, size } = scenario.domain;
  const inside = (p: readonly number[]): boolean => p[0]! >= 0 && p[0]! <= size[0] && p[1]! >= 0 && p[1]! <= size[1] && (dimensions === 2 || (p[2]! >= 0 && p[2]! <= size[2]));
  const cellTypes = Object.keys(model.file.cellTypes);
  scenario.cells.forEach((c, i) => {
    const t = c.type;
    if (t !== undefined && !cellTypes.includes(t)) issues.push(issueAt(src, ['cells', i, 'type'], `unknown cell type "${t}"; the model has ${cellTypes.join(', ')}`));
    if ((c.shape === 'disc' || c.shape === 'sphere') && !inside(c.center)) issues.push(issueAt(src, ['cells', i, 'center'], `centre [${c.center.join(', ')}] lies outside the domain [0..${size[0]}] × [0..${size[1]}]${dimensions === 3 ? ` × [0..${size[2]}]` : ''}`));
    if (c.shape === 'sphere' && dimensions === 2) issues.push(issueAt(src, ['cells', i, 'shape'], 'a sphere needs a 3D domain (domain.dimensions: 3); use a disc in 2D'));
    if (c.shape === 'band') {
      const across = c.axis === 'x' ? size[1] : size[0];
      if (c.from >= c.to) issues.push(issueAt(src, ['cells', i, 'to'], `"to" (${c.to}) must be greater than "from" (${c.from})`));
      if (c.from < 0 || c.to > across) issues.push(issueAt(src, ['cells', i, 'from'], `band [${c.from}, ${c.to}] must lie within [0, ${across}]`));
    }
    if (c.shape === 'csv' && !existsSync(resolve(dirname(path), c.file))) issues.push(issueAt(src, ['cells', i, 'file'], `no file "${c.file}" next to the scenario`));
  });
  scenario.vessels.forEach((v, i) => {
    if (!inside(v.at)) issues.push(issueAt(src, ['vessels', i, 'at'], `vessel at [${v.at.join(', ')}] lies outside the domain`));
  });
  const mirnas = Object.entries(model.file.cargos).filter(([, c]) => c.type === 'miRNA').map(([n]) => n);
  const targets = [...new Set(Object.values(model.file.cellTypes).flatMap((ct) => Object.keys(ct.targets)))];
  scenario.interventions.forEach((iv, i) => {
    if ((iv.kind === 'mimic' || iv.kind === 'inhibitor') && !mirnas.includes(iv.mirna)) issues.push(issueAt(src, ['interventions', i, 'mirna'], `"${iv.mirna}" is not a miRNA of the model (${mirnas.join(', ')})`));
    if (iv.kind === 're-expression' && !targets.includes(iv.target)) issues.push(issueAt(src, ['interventions', i, 'target'], `"${iv.target}" is not a target of the model (${targets.join(', ')})`));
    if ((iv.kind === 'gw4869' || iv.kind === 'rab27a-knockdown' || iv.kind === 'aspirin') && iv.cells !== undefined && !cellTypes.includes(iv.cells)) issues.push(issueAt(src, ['interventions', i, 'cells'], `unknown cell type "${iv.cells}"; the model has ${cellTypes.join(', ')}`));
    if (iv.kind === 'exosome-dose' && iv.at > scenario.time.duration) issues.push(issueAt(src, ['interventions', i, 'at'], `dose at ${iv.at} min is after the end of the run (${scenario.time.duration} min)`));
  });
  if (issues.length > 0) throw new UserError(`${name}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return { scenario, model, path: name, text };
}

export function loadScenario(path: string, options: LoadScenarioOptions = {}): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`cannot read scenario file "${path}"`);
  }
  return parseScenario(path, text, options);
}
