/**
 * Filters and free-text search over atlas relations. Filter values accept vocabulary synonyms
 * ("GBM" finds glioblastoma) and are hierarchical where the vocabulary is ("glioma" includes
 * glioblastoma; "tumor cell" includes glioma cells).
 */
import { UserError } from '../common/errors.ts';
import type { Atlas, AtlasRelation } from './atlas.ts';
import { CARGO_TYPES, EVIDENCE_CLASSES, type CargoType, type EvidenceClass } from './schema.ts';
import type { Vocabulary } from './vocab.ts';

export interface RelationFilter {
  cargo?: string;
  cargoType?: string;
  donor?: string;
  condition?: string;
  recipient?: string;
  target?: string;
  phenotype?: string;
  direction?: string;
  cancerType?: string;
  evidence?: string;
  /** Seed file name, or its leading number ("000", "002"). */
  seed?: string;
}

export const FILTER_KEYS: readonly (keyof RelationFilter)[] = [
  'cargo', 'cargoType', 'donor', 'condition', 'recipient', 'target', 'phenotype', 'direction', 'cancerType', 'evidence', 'seed',
];

function unknown(what: string, value: string, vocab: Vocabulary, category?: Parameters<Vocabulary['suggest']>[0], allowed?: readonly string[]): UserError {
  let hint = '';
  if (category) {
    const s = vocab.suggest(category, value);
    if (s.length > 0) hint = `; did you mean ${s.map((x) => `"${x}"`).join(' or ')}?`;
  } else if (allowed) {
    hint = `; expected one of ${allowed.join(', ')}`;
  }
  return new UserError(`unknown ${what} "${value}"${hint}`);
}

type Predicate = (r: AtlasRelation) => boolean;

/** Compile a filter into a predicate, resolving synonyms; unknown values are user errors. */
export function compileFilter(atlas: Atlas, f: RelationFilter): Predicate {
  const v = atlas.vocab;
  const preds: Predicate[] = [];
  const term = (category: Parameters<Vocabulary['suggest']>[0], what: string, value: string): string => {
    const id = v.resolve(category, value);
    if (id === undefined) throw unknown(what, value, v, category);
    return id;
  };
  if (f.cargo !== undefined) {
    const name = v.resolveMolecule(f.cargo) ?? f.cargo;
    const lower = name.toLowerCase();
    preds.push((r) => r.cargo !== null && r.cargo.name.toLowerCase() === lower);
  }
  if (f.cargoType !== undefined) {
    const t = CARGO_TYPES.find((x) => x.toLowerCase() === f.cargoType?.toLowerCase());
    if (t === undefined && f.cargoType.toLowerCase() !== 'vesicle') throw unknown('cargo type', f.cargoType, v, undefined, [...CARGO_TYPES, 'vesicle']);
    preds.push((r) => (t === undefined ? r.cargo === null : r.cargo?.type === (t satisfies CargoType)));
  }
  if (f.donor !== undefined) {
    const line = v.resolve('cellLines', f.donor);
    if (line !== undefined) preds.push((r) => r.donorLine === line);
    else {
      const id = term('cellTypes', 'cell type', f.donor);
      preds.push((r) => v.isA('cellTypes', r.donor, id));
    }
  }
  if (f.recipient !== undefined) {
    const line = v.resolve('cellLines', f.recipient);
    if (line !== undefined) preds.push((r) => r.recipientLine === line);
    else {
      const id = term('cellTypes', 'cell type', f.recipient);
      preds.push((r) => r.recipient !== null && v.isA('cellTypes', r.recipient, id));
    }
  }
  if (f.condition !== undefined) {
    const id = term('conditions', 'condition', f.condition);
    preds.push((r) => r.donorCondition === id || r.recipientCondition === id);
  }
  if (f.target !== undefined) {
    const name = (v.resolveMolecule(f.target) ?? f.target).toLowerCase();
    preds.push((r) => r.targets.some((t) => t.symbol.toLowerCase() === name));
  }
  if (f.phenotype !== undefined) {
    const id = term('phenotypes', 'phenotype', f.phenotype);
    preds.push((r) => v.isA('phenotypes', r.phenotype, id));
  }
  if (f.direction !== undefined) {
    const d = f.direction;
    if (d !== 'increases' && d !== 'decreases') throw unknown('direction', d, v, undefined, ['increases', 'decreases']);
    preds.push((r) => r.direction === d);
  }
  if (f.cancerType !== undefined) {
    const id = term('cancerTypes', 'cancer type', f.cancerType);
    preds.push((r) => v.isA('cancerTypes', r.cancerType, id));
  }
  if (f.evidence !== undefined) {
    const e = EVIDENCE_CLASSES.find((x) => x === f.evidence?.toLowerCase().replace(/\s+/g, '-'));
    if (e === undefined) throw unknown('evidence class', f.evidence, v, undefined, EVIDENCE_CLASSES);
    preds.push((r) => r.evidence.includes(e satisfies EvidenceClass));
  }
  if (f.seed !== undefined) {
    const s = f.seed;
    const seeds = new Set(atlas.relations.map((r) => r.seed));
    const match = [...seeds].filter((x) => x === s || x.startsWith(`${s}_`) || x.startsWith(s));
    if (match.length === 0) throw unknown('seed', s, v, undefined, [...seeds]);
    preds.push((r) => match.includes(r.seed));
  }
  return (r) => preds.every((p) => p(r));
}

export function filterRelations(atlas: Atlas, f: RelationFilter): AtlasRelation[] {
  const p = compileFilter(atlas, f);
  return atlas.relations.filter(p);
}

export interface SearchHit {
  relation: AtlasRelation;
  score: number;
}

const tokenize = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}+\-α-ωΑ-Ω]+/u)
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter((t) => t.length > 0);

/** Field texts with weights: structured fields count more than the quote. */
function fields(r: AtlasRelation): [string, number][] {
  return [
    [r.id, 5],
    [r.cargo?.name ?? 'vesicles exosomes', 4],
    [r.targets.map((t) => t.symbol).join(' '), 4],
    [r.phenotype, 3],
    [`${r.donor} ${r.donorLine ?? ''} ${r.donorCondition}`, 2],
    [`${r.recipient ?? ''} ${r.recipientLine ?? ''} ${r.recipientCondition ?? ''}`, 2],
    [r.cancerType, 2],
    [r.quote, 1],
    [`${r.location} ${r.note ?? ''}`, 1],
  ];
}

/**
 * Free-text search: every query word must match (case-insensitive, as a word prefix) somewhere
 * in the relation, directly or through a vocabulary synonym; hits are ranked by weighted matches.
 */
export function searchRelations(atlas: Atlas, query: string, within: readonly AtlasRelation[] = atlas.relations): SearchHit[] {
  const v = atlas.vocab;
  const words = tokenize(query);
  if (words.length === 0) return [];
  // Each query word may also stand for a canonical term (synonym expansion), e.g. "gbm" → "glioblastoma".
  const alternatives = words.map((w) => {
    const alts = new Set([w]);
    for (const c of ['cellTypes', 'cellLines', 'conditions', 'phenotypes', 'cancerTypes', 'genes', 'molecules'] as const) {
      const id = v.resolve(c, w);
      if (id !== undefined) for (const t of tokenize(id)) alts.add(t);
    }
    const mol = v.resolveMolecule(w);
    if (mol !== undefined) for (const t of tokenize(mol)) alts.add(t);
    return [...alts];
  });
  const hits: SearchHit[] = [];
  for (const r of within) {
    const fs = fields(r).map(([text, weight]) => [tokenize(text), weight] as const);
    let score = 0;
    let all = true;
    for (const alts of alternatives) {
      let best = 0;
      for (const [toks, weight] of fs) {
        for (const tok of toks) {
          for (const a of alts) {
            if (tok === a) best = Math.max(best, weight * 2);
            else if (tok.startsWith(a)) best = Math.max(best, weight);
          }
        }
      }
      if (best === 0) {
        all = false;
        break;
      }
      score += best;
    }
    if (all) hits.push({ relation: r, score });
  }
  hits.sort((a, b) => b.score - a.score || a.relation.id.localeCompare(b.relation.id));
  return hits;
}
