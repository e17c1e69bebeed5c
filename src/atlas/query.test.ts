import { describe, expect, it } from 'vitest';
import { loadAtlas } from './load.ts';
import { filterRelations, searchRelations } from './query.ts';
import { makeFixture } from './test-helpers/fixture.ts';
import { UserError } from '../common/errors.ts';

const atlas = loadAtlas({ dataDir: makeFixture() });
const ids = (rs: { id: string }[]): string[] => rs.map((r) => r.id);

describe('filterRelations', () => {
  it('filters by cancer type including subtypes (glioma includes glioblastoma)', () => {
    expect(ids(filterRelations(atlas, { cancerType: 'glioma' }))).toEqual(['fix-001', 'fix-002', 'fix-003', 'fix-004']);
    expect(ids(filterRelations(atlas, { cancerType: 'GBM' }))).toEqual(['fix-002']);
  });

  it('accepts synonyms and species-prefixed miRNA names', () => {
    expect(ids(filterRelations(atlas, { cargo: 'hsa-miR-1246' }))).toEqual(['fix-002', 'fix-003']);
    expect(ids(filterRelations(atlas, { target: 'HIF-1α' }))).toEqual(['fix-001']);
    expect(ids(filterRelations(atlas, { phenotype: 'invasiveness' }))).toEqual(['fix-002']);
  });

  it('filters by donor cell type hierarchically and by cell line', () => {
    expect(ids(filterRelations(atlas, { donor: 'tumor cell' }))).toHaveLength(4);
    expect(ids(filterRelations(atlas, { donor: 'U87MG' }))).toEqual(['fix-002']);
  });

  it('filters by cargo type, vesicles, evidence, condition and seed', () => {
    expect(ids(filterRelations(atlas, { cargoType: 'vesicle' }))).toEqual(['fix-001']);
    expect(ids(filterRelations(atlas, { cargoType: 'mirna' }))).toEqual(['fix-002', 'fix-003', 'fix-004']);
    expect(ids(filterRelations(atlas, { evidence: 'clinical' }))).toEqual(['fix-004']);
    expect(ids(filterRelations(atlas, { condition: 'normoxia' }))).toEqual(['fix-002']);
    expect(ids(filterRelations(atlas, { seed: '900' }))).toHaveLength(4);
  });

  it('combines filters with AND', () => {
    expect(ids(filterRelations(atlas, { cargo: 'miR-1246', phenotype: 'invasion', recipient: 'glioma cell' }))).toEqual(['fix-002']);
  });

  it('rejects unknown filter values with a suggestion', () => {
    expect(() => filterRelations(atlas, { phenotype: 'invason' })).toThrow(UserError);
    expect(() => filterRelations(atlas, { phenotype: 'invason' })).toThrow(/did you mean "invasion"/);
    expect(() => filterRelations(atlas, { evidence: 'anecdote' })).toThrow(/expected one of in-vitro/);
  });
});

describe('searchRelations', () => {
  it('requires every word and ranks structured-field matches above quote matches', () => {
    const hits = searchRelations(atlas, 'miR-1246 invasion');
    expect(ids(hits.map((h) => h.relation))).toEqual(['fix-002']);
    const all = searchRelations(atlas, 'miR-1246');
    expect(ids(all.map((h) => h.relation)).sort()).toEqual(['fix-002', 'fix-003']);
    expect(all[0]!.score).toBeGreaterThanOrEqual(all[1]!.score);
  });

  it('expands synonyms (GBM → glioblastoma) and matches word prefixes', () => {
    expect(ids(searchRelations(atlas, 'GBM').map((h) => h.relation))).toEqual(['fix-002']);
    expect(ids(searchRelations(atlas, 'biomark').map((h) => h.relation))).toEqual(['fix-004']);
  });

  it('returns nothing for an empty query or a word found nowhere', () => {
    expect(searchRelations(atlas, '')).toEqual([]);
    expect(searchRelations(atlas, 'miR-1246 zebrafish')).toEqual([]);
  });
});
