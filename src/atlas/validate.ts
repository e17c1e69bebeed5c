/**
 * Semantic checks of curated atlas files against the vocabularies and the seed texts:
 * every term known, every quote verbatim in its seed, ids unique, references resolvable.
 */
import type { Issue } from '../common/errors.ts';
import { issueAt, type SourcedDocument } from '../common/yaml.ts';
import { MIRNA_NAME, type AtlasFile, type Relation } from './schema.ts';
import type { Vocabulary } from './vocab.ts';

/** Collapse every run of whitespace to one space, so line breaks in a seed do not break a quote. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const DOI = /^10\.\d{4,9}\/\S+$/;

export interface SeedText {
  /** Whitespace-normalized text. */
  normalized: string;
}

export interface CheckInput {
  src: SourcedDocument;
  file: AtlasFile;
}

function hint(vocab: Vocabulary, category: Parameters<Vocabulary['suggest']>[0], name: string): string {
  const resolved = vocab.resolve(category, name);
  if (resolved !== undefined) return `; "${name}" is a synonym, write the canonical term "${resolved}"`;
  const s = vocab.suggest(category, name);
  return s.length > 0 ? `; did you mean ${s.map((x) => `"${x}"`).join(' or ')}?` : '';
}

function checkTerm(
  issues: Issue[],
  src: SourcedDocument,
  path: PropertyKey[],
  vocab: Vocabulary,
  category: Parameters<Vocabulary['suggest']>[0],
  value: string,
  label: string,
): void {
  if (!vocab.has(category, value)) {
    issues.push(issueAt(src, path, `unknown ${label} "${value}"${hint(vocab, category, value)}`));
  }
}

function checkLine(issues: Issue[], src: SourcedDocument, path: PropertyKey[], vocab: Vocabulary, line: string, cellType: string | null): void {
  const term = vocab.get('cellLines', line);
  if (!term) {
    issues.push(issueAt(src, path, `unknown cell line "${line}"${hint(vocab, 'cellLines', line)}`));
    return;
  }
  if (cellType === null || term.detail === undefined || !vocab.has('cellTypes', cellType)) return;
  if (!vocab.isA('cellTypes', term.detail, cellType) && !vocab.isA('cellTypes', cellType, term.detail)) {
    issues.push(issueAt(src, path, `cell line "${line}" is a "${term.detail}", which is neither a kind of nor broader than "${cellType}"`));
  }
}

function checkMolecule(issues: Issue[], src: SourcedDocument, path: PropertyKey[], vocab: Vocabulary, name: string, what: string): void {
  if (vocab.knowsMolecule(name)) return;
  const resolved = vocab.resolveMolecule(name);
  const tip = resolved !== undefined ? `; write the canonical name "${resolved}"` : '; add it to a vocabulary (genes: HGNC symbol; molecules: other named molecules) or use a miRBase-style miRNA name';
  issues.push(issueAt(src, path, `unknown ${what} "${name}"${tip}`));
}

function checkRelation(issues: Issue[], src: SourcedDocument, file: AtlasFile, i: number, r: Relation, vocab: Vocabulary, seed: SeedText | undefined): void {
  const p = (...rest: PropertyKey[]): PropertyKey[] => ['relations', i, ...rest];
  checkTerm(issues, src, p('donor'), vocab, 'cellTypes', r.donor, 'cell type');
  if (r.donorLine !== null) checkLine(issues, src, p('donorLine'), vocab, r.donorLine, r.donor);
  checkTerm(issues, src, p('donorCondition'), vocab, 'conditions', r.donorCondition, 'condition');
  if (r.recipient !== null) checkTerm(issues, src, p('recipient'), vocab, 'cellTypes', r.recipient, 'cell type');
  if (r.recipientLine !== null) checkLine(issues, src, p('recipientLine'), vocab, r.recipientLine, r.recipient);
  if (r.recipientCondition !== null) checkTerm(issues, src, p('recipientCondition'), vocab, 'conditions', r.recipientCondition, 'condition');
  checkTerm(issues, src, p('phenotype'), vocab, 'phenotypes', r.phenotype, 'phenotype');
  checkTerm(issues, src, p('cancerType'), vocab, 'cancerTypes', r.cancerType, 'cancer type');
  if (r.cargo !== null) {
    if (r.cargo.type === 'miRNA') {
      if (!MIRNA_NAME.test(r.cargo.name)) {
        issues.push(issueAt(src, p('cargo', 'name'), `"${r.cargo.name}" is not a miRBase-style miRNA name such as "miR-1246" or "miR-10b-5p" (no species prefix)`));
      }
    } else {
      checkMolecule(issues, src, p('cargo', 'name'), vocab, r.cargo.name, `${r.cargo.type} cargo`);
    }
  }
  r.targets.forEach((t, j) => {
    checkMolecule(issues, src, p('targets', j, 'symbol'), vocab, t.symbol, 'target');
  });
  r.refs.forEach((ref, j) => {
    if (/^\d+$/.test(ref)) {
      if (file.source.referenceListInSeed && !(ref in file.references)) issues.push(issueAt(src, p('refs', j), `reference ${ref} is cited but not listed under "references" of this file`));
    } else if (DOI.test(ref)) {
      if (seed && !seed.normalized.toLowerCase().includes(ref.toLowerCase())) {
        issues.push(issueAt(src, p('refs', j), `DOI "${ref}" does not occur in the seed ${file.seed}`));
      }
    } else {
      issues.push(issueAt(src, p('refs', j), `"${ref}" is neither a reference number nor a DOI (10.xxxx/...)`));
    }
  });
  if (seed && !seed.normalized.includes(normalizeWhitespace(r.quote))) {
    issues.push(issueAt(src, p('quote'), `quote does not occur verbatim in ${file.seed} (whitespace-normalized comparison)`));
  }
}

/**
 * Check all atlas files together. `seeds` maps seed file names to their text; a file whose
 * seed is missing gets an issue.
 */
export function checkAtlas(inputs: readonly CheckInput[], vocab: Vocabulary, seeds: ReadonlyMap<string, SeedText>): Issue[] {
  const issues: Issue[] = [];
  const ids = new Map<string, string>();
  for (const { src, file } of inputs) {
    const seed = seeds.get(file.seed);
    if (!seed) issues.push(issueAt(src, ['seed'], `seed "${file.seed}" not found among ${[...seeds.keys()].join(', ')}`));
    for (const [num, ref] of Object.entries(file.references)) {
      if (seed && !seed.normalized.includes(normalizeWhitespace(ref.text))) {
        issues.push(issueAt(src, ['references', num, 'text'], `reference ${num} text does not occur verbatim in ${file.seed}`));
      }
    }
    if (file.source.doi !== undefined && seed && !seed.normalized.toLowerCase().includes(file.source.doi.toLowerCase())) {
      issues.push(issueAt(src, ['source', 'doi'], `DOI "${file.source.doi}" does not occur in ${file.seed}`));
    }
    file.relations.forEach((r, i) => {
      const prev = ids.get(r.id);
      if (prev !== undefined) issues.push(issueAt(src, ['relations', i, 'id'], `duplicate id "${r.id}" (first in ${prev})`));
      else ids.set(r.id, src.file);
      checkRelation(issues, src, file, i, r, vocab, seed);
    });
  }
  for (const { src, file } of inputs) {
    file.relations.forEach((r, i) => {
      r.related.forEach((id, j) => {
        if (!ids.has(id)) issues.push(issueAt(src, ['relations', i, 'related', j], `related id "${id}" does not exist`));
      });
    });
  }
  return issues;
}
