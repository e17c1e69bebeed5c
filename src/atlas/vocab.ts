/**
 * Controlled vocabularies, merged from every `data/vocab/*.yaml`. A term may be declared in
 * several files (curators of different seeds add what they need); declarations merge their
 * synonyms, and must agree on parent / cell type / kind. A synonym may name only one term.
 */
import { UserError, type Issue } from '../common/errors.ts';
import { editDistance } from '../common/suggest.ts';
import { MIRNA_NAME, VOCAB_CATEGORIES, type VocabCategory, type VocabFile } from './schema.ts';

export interface VocabTerm {
  id: string;
  category: VocabCategory;
  synonyms: string[];
  parent?: string;
  description?: string;
  /** cellLines: the cell type; molecules: the kind; genes: the HGNC name. */
  detail?: string;
  /** Files that declare the term. */
  files: string[];
}

export interface VocabularySource {
  file: string;
  content: VocabFile;
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, ' ');

export class Vocabulary {
  private readonly terms = new Map<VocabCategory, Map<string, VocabTerm>>();
  /** normalized synonym or id → canonical id, per category */
  private readonly lookup = new Map<VocabCategory, Map<string, string>>();

  private constructor() {
    for (const c of VOCAB_CATEGORIES) {
      this.terms.set(c, new Map());
      this.lookup.set(c, new Map());
    }
  }

  static fromSources(sources: readonly VocabularySource[]): Vocabulary {
    const v = new Vocabulary();
    const issues: Issue[] = [];
    for (const { file, content } of sources) {
      for (const category of VOCAB_CATEGORIES) {
        for (const t of content[category]) {
          const detail =
            'cellType' in t ? t.cellType : 'kind' in t ? t.kind : 'name' in t ? t.name : undefined;
          v.add(category, { id: t.id, synonyms: t.synonyms, parent: t.parent, description: t.description, detail }, file, issues);
        }
      }
    }
    v.checkParents(issues);
    if (issues.length > 0) throw new UserError(`vocabulary: ${issues.length} conflict(s)`, issues);
    return v;
  }

  private add(
    category: VocabCategory,
    t: { id: string; synonyms: string[]; parent: string | undefined; description: string | undefined; detail: string | undefined },
    file: string,
    issues: Issue[],
  ): void {
    const terms = this.terms.get(category)!;
    const existing = terms.get(t.id);
    const at = (message: string): Issue => ({ file, line: 0, column: 0, path: `${category}.${t.id}`, message });
    if (existing) {
      if (t.parent !== undefined && existing.parent !== undefined && t.parent !== existing.parent) {
        issues.push(at(`parent "${t.parent}" conflicts with "${existing.parent}" declared in ${existing.files.join(', ')}`));
      }
      if (t.detail !== undefined && existing.detail !== undefined && t.detail !== existing.detail && category !== 'genes') {
        issues.push(at(`"${t.detail}" conflicts with "${existing.detail}" declared in ${existing.files.join(', ')}`));
      }
      existing.parent ??= t.parent;
      existing.detail ??= t.detail;
      existing.description ??= t.description;
      for (const s of t.synonyms) if (!existing.synonyms.includes(s)) existing.synonyms.push(s);
      existing.files.push(file);
    } else {
      const term: VocabTerm = { id: t.id, category, synonyms: [...t.synonyms], files: [file] };
      if (t.parent !== undefined) term.parent = t.parent;
      if (t.description !== undefined) term.description = t.description;
      if (t.detail !== undefined) term.detail = t.detail;
      terms.set(t.id, term);
    }
    const lookup = this.lookup.get(category)!;
    for (const name of [t.id, ...t.synonyms]) {
      const key = norm(name);
      const prev = lookup.get(key);
      if (prev !== undefined && prev !== t.id) {
        issues.push(at(`name "${name}" already names ${category} term "${prev}"`));
      } else {
        lookup.set(key, t.id);
      }
    }
  }

  private checkParents(issues: Issue[]): void {
    for (const [category, terms] of this.terms) {
      for (const t of terms.values()) {
        if (t.parent !== undefined && !terms.has(t.parent)) {
          issues.push({ file: t.files[0] ?? '', line: 0, column: 0, path: `${category}.${t.id}.parent`, message: `unknown parent "${t.parent}"` });
        }
        if (category === 'cellLines' && t.detail !== undefined && !this.has('cellTypes', t.detail)) {
          issues.push({ file: t.files[0] ?? '', line: 0, column: 0, path: `cellLines.${t.id}.cellType`, message: `unknown cell type "${t.detail}"` });
        }
        // cycles
        const seen = new Set<string>([t.id]);
        let p = t.parent;
        while (p !== undefined) {
          if (seen.has(p)) {
            issues.push({ file: t.files[0] ?? '', line: 0, column: 0, path: `${category}.${t.id}.parent`, message: 'parent chain forms a cycle' });
            break;
          }
          seen.add(p);
          p = terms.get(p)?.parent;
        }
      }
    }
  }

  /** True when `id` is a canonical term id of the category. */
  has(category: VocabCategory, id: string): boolean {
    return this.terms.get(category)!.has(id);
  }

  get(category: VocabCategory, id: string): VocabTerm | undefined {
    return this.terms.get(category)!.get(id);
  }

  all(category: VocabCategory): VocabTerm[] {
    return [...this.terms.get(category)!.values()];
  }

  /** Canonical id for a name or synonym (case- and whitespace-insensitive), if any. */
  resolve(category: VocabCategory, name: string): string | undefined {
    return this.lookup.get(category)!.get(norm(name));
  }

  /** The term and all its broader terms, nearest first. */
  ancestors(category: VocabCategory, id: string): string[] {
    const out: string[] = [];
    let cur: string | undefined = id;
    while (cur !== undefined && !out.includes(cur)) {
      out.push(cur);
      cur = this.terms.get(category)!.get(cur)?.parent;
    }
    return out;
  }

  /** True when `id` is `ancestor` or one of its narrower terms. */
  isA(category: VocabCategory, id: string, ancestor: string): boolean {
    return this.ancestors(category, id).includes(ancestor);
  }

  /** A known molecule name: a gene symbol, a named molecule, or a well-formed miRNA name. */
  knowsMolecule(name: string): boolean {
    return MIRNA_NAME.test(name) || this.has('genes', name) || this.has('molecules', name);
  }

  /** Resolve a molecule name or alias to its canonical display name. */
  resolveMolecule(name: string): string | undefined {
    const mir = normalizeMirna(name);
    if (mir !== undefined) return mir;
    return this.resolve('genes', name) ?? this.resolve('molecules', name);
  }

  /** Closest canonical ids to `name` in a category, for "did you mean" hints. */
  suggest(category: VocabCategory, name: string, max = 3): string[] {
    const target = norm(name);
    const scored: [number, string][] = [];
    for (const [key, id] of this.lookup.get(category)!) {
      scored.push([editDistance(target, key), id]);
    }
    scored.sort((a, b) => a[0] - b[0]);
    const out: string[] = [];
    for (const [d, id] of scored) {
      if (d > Math.max(2, Math.floor(target.length / 3))) break;
      if (!out.includes(id)) out.push(id);
      if (out.length >= max) break;
    }
    return out;
  }
}

/** `hsa-miR-1246` / `mir-1246` / `miRNA-1246` / `microRNA-1246` → `miR-1246`; undefined if not a miRNA name. */
export function normalizeMirna(name: string): string | undefined {
  const m = /^(?:[a-z]{3}-)?(?:micro-?rna|mirna|mir)-?(\d+[a-z]?(?:-\d+)?(?:-[35]p)?)$/i.exec(name.trim());
  if (m?.[1] !== undefined) return `miR-${m[1].toLowerCase()}`;
  const l = /^(?:[a-z]{3}-)?let-?(\d+[a-z]?(?:-\d+)?(?:-[35]p)?)$/i.exec(name.trim());
  if (l?.[1] !== undefined) return `let-${l[1].toLowerCase()}`;
  return undefined;
}
