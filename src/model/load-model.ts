/**
 * Load a model file: YAML → schema → semantic checks (every parameter reference declared and
 * every declared parameter used, cargos and targets consistent, rule signals and behaviours
 * known, every cited atlas id present in the atlas) → a `Model` value.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { UserError, type Issue } from '../common/errors.ts';
import { issueAt, parseYaml, validateDocument, type SourcedDocument } from '../common/yaml.ts';
import { closestName } from '../common/suggest.ts';
import { keySuggester } from '../common/schema-keys.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { BEHAVIORS, modelFileSchema, type ModelFile, type Parameter } from './model-file.ts';

export interface Model {
  file: ModelFile;
  /** Where it was loaded from (for provenance). */
  path: string;
  /** Parameter values after overrides. */
  values: Record<string, number>;
}

/** Keys whose string values are parameter references. */
const REF_KEYS = new Set([
  'diffusion', 'decay', 'initial', 'boundary', 'vessel', 'basalLoading', 'hifEnrichment', 'halfMax', 'hillPower', 'maxRepression',
  'turnover', 'volume', 'radius', 'oxygenUptake', 'synthesis', 'degradation', 'o2HalfActivity', 'o2HillPower', 'basal', 'hifGain',
  'rate', 'growth', 'mrnaCopies', 'dissociation', 'endosomalEscape', 'endogenousSynthesis', 'persistence', 'bias', 'repulsion', 'adhesion', 'maxAdhesionDistance', 'saturation',
]);

export function defaultModelPath(): string {
  return fileURLToPath(new URL('../../models/hypoxic-glioma.yaml', import.meta.url));
}

/** Depth-first visit of every mapping entry of a parsed document, with its path. */
function walkEntries(node: unknown, path: (string | number)[], visit: (key: string, value: unknown, path: (string | number)[]) => boolean): void {
  if (Array.isArray(node)) {
    node.forEach((x, i) => {
      walkEntries(x, [...path, i], visit);
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    // `visit` returns true when it consumed the entry (do not descend).
    if (!visit(k, v, path)) walkEntries(v, [...path, k], visit);
  }
}

/** Visit every parameter reference in the model with its document path. */
function forEachRef(file: ModelFile, visit: (name: string, path: (string | number)[]) => void): void {
  const { parameters: _parameters, ...rest } = file;
  walkEntries(rest, [], (k, v, path) => {
    const isRef = typeof v === 'string' && (REF_KEYS.has(k) || path[path.length - 1] === 'behaviors');
    if (isRef) visit(v, [...path, k]);
    return isRef;
  });
}

/** Signals a rule may read: substrates, HIF-1α activity, intracellular miRNAs, target proteins. */
export function knownSignals(file: ModelFile, cellType: string): string[] {
  const ct = file.cellTypes[cellType];
  const out = Object.keys(file.substrates).concat(['hif']);
  if (ct) {
    out.push(...Object.keys(ct.mirnas).map((m) => `intracellular ${m}`));
    out.push(...Object.keys(ct.targets));
  }
  return out;
}

function semanticIssues(src: SourcedDocument, file: ModelFile, atlas: Atlas | undefined): Issue[] {
  const issues: Issue[] = [];
  const params = new Set(Object.keys(file.parameters));
  const used = new Set<string>();
  forEachRef(file, (name, path) => {
    used.add(name);
    if (!params.has(name)) {
      const near = closestName(name, params);
      issues.push(issueAt(src, path, `parameter "${name}" is not declared under "parameters"${near ? `; did you mean "${near}"?` : ''}`));
    }
  });
  for (const name of params) {
    if (!used.has(name)) issues.push(issueAt(src, ['parameters', name], `parameter "${name}" is declared but never used`));
  }
  const mirCargos = new Set(Object.entries(file.cargos).filter(([, c]) => c.type === 'miRNA').map(([n]) => n));
  for (const [ctName, ct] of Object.entries(file.cellTypes)) {
    for (const m of Object.keys(ct.mirnas)) {
      if (!mirCargos.has(m)) issues.push(issueAt(src, ['cellTypes', ctName, 'mirnas', m], `"${m}" is not a miRNA cargo (cargos: ${[...mirCargos].join(', ')})`));
    }
    for (const [t, spec] of Object.entries(ct.targets)) {
      if (!(spec.repressedBy in ct.mirnas)) {
        issues.push(issueAt(src, ['cellTypes', ctName, 'targets', t, 'repressedBy'], `"${spec.repressedBy}" has no miRNA pool in cell type "${ctName}" (pools: ${Object.keys(ct.mirnas).join(', ')})`));
      }
    }
  }
  file.rules.forEach((r, i) => {
    if (!(r.cellType in file.cellTypes)) {
      issues.push(issueAt(src, ['rules', i, 'cellType'], `unknown cell type "${r.cellType}" (declared: ${Object.keys(file.cellTypes).join(', ')})`));
      return;
    }
    const signals = knownSignals(file, r.cellType);
    if (!signals.includes(r.signal)) {
      const near = closestName(r.signal, signals);
      issues.push(issueAt(src, ['rules', i, 'signal'], `unknown signal "${r.signal}"${near ? `; did you mean "${near}"?` : ''} (signals: ${signals.join(', ')})`));
    }
    if (!(BEHAVIORS as readonly string[]).includes(r.behavior)) {
      const near = closestName(r.behavior, BEHAVIORS);
      issues.push(issueAt(src, ['rules', i, 'behavior'], `unknown behavior "${r.behavior}"${near ? `; did you mean "${near}"?` : ''} (behaviors: ${BEHAVIORS.join(', ')})`));
    }
  });
  if (atlas) {
    const check = (ids: readonly string[], path: (string | number)[]): void => {
      ids.forEach((id, j) => {
        if (!atlas.has(id)) issues.push(issueAt(src, [...path, j], `atlas relation "${id}" does not exist`));
      });
    };
    walkEntries(file, [], (k, v, path) => {
      if (k !== 'atlas' || !Array.isArray(v)) return false;
      check(v as string[], [...path, k]);
      return true;
    });
  }
  return issues;
}

export interface LoadModelOptions {
  /** Check cited atlas ids against this atlas (recommended; omitted only in unit tests of the format). */
  atlas?: Atlas;
  /** Parameter overrides by name. */
  overrides?: Record<string, number>;
  displayRoot?: string;
}

export function parseModel(path: string, text: string, options: LoadModelOptions = {}): Model {
  const name = options.displayRoot !== undefined ? relative(options.displayRoot, path) : path;
  const src = parseYaml(name, text);
  const file = validateDocument(src, modelFileSchema, keySuggester(modelFileSchema));
  const issues = semanticIssues(src, file, options.atlas);
  if (issues.length > 0) throw new UserError(`${name}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return { file, path: name, values: resolveValues(file.parameters, options.overrides ?? {}) };
}

export function loadModel(path: string = defaultModelPath(), options: LoadModelOptions = {}): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`cannot read model file "${path}"`);
  }
  return parseModel(path, text, options);
}

/** Parameter values with overrides applied; unknown names are user errors with a suggestion. */
export function resolveValues(parameters: Record<string, Parameter>, overrides: Record<string, number>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [k, p] of Object.entries(parameters)) values[k] = p.value;
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in values)) {
      const near = closestName(k, Object.keys(values));
      throw new UserError(`unknown parameter "${k}"${near ? `; did you mean "${near}"?` : ''}`);
    }
    if (!Number.isFinite(v)) throw new UserError(`parameter "${k}" must be a finite number (found ${v})`);
    values[k] = v;
  }
  return values;
}
