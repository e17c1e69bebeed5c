/** Render the merged vocabulary as Markdown (docs/vocabulary.md is this output; a test keeps them equal). */
import { VOCAB_CATEGORIES, type VocabCategory } from './schema.ts';
import type { Vocabulary } from './vocab.ts';

const TITLES: Record<VocabCategory, [string, string]> = {
  cellTypes: ['Cell types', 'A tree (`parent`): filters on a cell type include its narrower types.'],
  cellLines: ['Cell lines', 'Named lines as the papers write them, each with its cell type.'],
  conditions: ['Conditions', 'The state of the donor (or recipient) cell.'],
  phenotypes: ['Phenotypes', 'What a relation changes, with direction increases / decreases.'],
  cancerTypes: ['Cancer types', 'A tree: `glioma` includes `glioblastoma`.'],
  genes: ['Genes and proteins', 'HGNC symbols; synonyms are the spellings the papers use (HIF-1α → HIF1A).'],
  molecules: ['Other molecules', 'lncRNAs, circRNAs, drugs, lipids, metabolites, complexes and pathways. miRNAs need no entry: any miRBase-style name (miR-1246, miR-10b-5p, let-7a) is accepted.'],
};

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function vocabularyMarkdown(vocab: Vocabulary): string {
  const out = [
    '# Atlas vocabularies',
    '',
    'Generated from `data/vocab/*.yaml` by `exoscape atlas vocab --markdown` (a test keeps this file in sync).',
    'Atlas files must use the canonical id; searches and filters also accept every synonym (case-insensitive).',
    '',
  ];
  for (const c of VOCAB_CATEGORIES) {
    const [title, blurb] = TITLES[c];
    const terms = vocab.all(c).sort((a, b) => a.id.localeCompare(b.id));
    out.push(`## ${title} (${terms.length})`, '', blurb, '');
    const detail = c === 'cellLines' ? 'cell type' : c === 'molecules' ? 'kind' : c === 'genes' ? 'name' : 'broader term';
    out.push(`| id | ${detail} | synonyms |`, '|---|---|---|');
    for (const t of terms) {
      const d = c === 'cellLines' || c === 'molecules' || c === 'genes' ? (t.detail ?? '') : (t.parent ?? '');
      out.push(`| ${cell(t.id)} | ${cell(d)} | ${cell(t.synonyms.join(', '))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
