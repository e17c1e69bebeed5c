import { describe, expect, it } from 'vitest';
import { loadAtlas } from './load.ts';
import { UserError } from '../common/errors.ts';
import { FIXTURE_ATLAS, FIXTURE_VOCAB, makeFixture } from './test-helpers/fixture.ts';

function problems(atlas: string, vocab?: string): string[] {
  try {
    loadAtlas({ dataDir: makeFixture(atlas, vocab), displayRoot: '/' });
  } catch (e) {
    if (e instanceof UserError) return e.issues.map((i) => `${i.file.split('/').pop() ?? ''}:${i.line}:${i.column} ${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('loadAtlas on a valid fixture', () => {
  it('loads every relation with its seed, source and reference texts', () => {
    const a = loadAtlas({ dataDir: makeFixture() });
    expect(a.relations.map((r) => r.id)).toEqual(['fix-001', 'fix-002', 'fix-003', 'fix-004']);
    const r = a.get('fix-001')!;
    expect(r.seed).toBe('900_abc.txt');
    expect(r.referenceTexts['1']).toContain('Smith A');
    expect(a.get('fix-002')!.donorLine).toBe('U87');
  });

  it('compares quotes whitespace-normalized, so a quote may span lines', () => {
    expect(loadAtlas({ dataDir: makeFixture() }).get('fix-003')!.quote).toContain('carry miR-1246');
  });
});

describe('validation errors name file, line, column, field and what was expected', () => {
  it('rejects an altered quote', () => {
    const p = problems(FIXTURE_ATLAS.replace('represses FRK and increases invasion', 'represses FRK and strongly increases invasion'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^fixture\.yaml:\d+:\d+ relations\.1\.quote: quote does not occur verbatim in 900_abc\.txt/);
  });

  it('rejects a duplicated id', () => {
    const p = problems(FIXTURE_ATLAS.replace('id: fix-003', 'id: fix-002'));
    expect(p.some((x) => x.includes('relations.2.id: duplicate id "fix-002"'))).toBe(true);
  });

  it('rejects an unknown term and suggests the closest one', () => {
    const p = problems(FIXTURE_ATLAS.replace('phenotype: invasion', 'phenotype: invasio'));
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('relations.1.phenotype: unknown phenotype "invasio"; did you mean "invasion"?');
  });

  it('rejects a synonym where the canonical term is required, naming the canonical term', () => {
    const p = problems(FIXTURE_ATLAS.replace('cancerType: glioblastoma', 'cancerType: GBM'));
    expect(p[0]).toContain('"GBM" is a synonym, write the canonical term "glioblastoma"');
  });

  it('rejects a miRNA name with a species prefix', () => {
    const p = problems(FIXTURE_ATLAS.replace('name: miR-21,', 'name: hsa-miR-21,'));
    expect(p[0]).toContain('is not a miRBase-style miRNA name');
  });

  it('rejects an unknown target gene', () => {
    const p = problems(FIXTURE_ATLAS.replace('symbol: FRK', 'symbol: FRKK'));
    expect(p[0]).toContain('unknown target "FRKK"');
  });

  it('rejects a reference number that is not listed, and a dangling related id', () => {
    const p = problems(FIXTURE_ATLAS.replace('refs: ["2"]', 'refs: ["3"]\n    related: [fix-999]'));
    expect(p.some((x) => x.includes('reference 3 is cited but not listed'))).toBe(true);
    expect(p.some((x) => x.includes('related id "fix-999" does not exist'))).toBe(true);
  });

  it('rejects a reference text that is not in the seed', () => {
    const p = problems(FIXTURE_ATLAS.replace('Doe C. Exosomal miR-21', 'Doe C. Exosomal miR-22'));
    expect(p[0]).toContain('reference 2 text does not occur verbatim');
  });

  it('rejects unknown keys with a did-you-mean hint and wrong enum values with the expected set', () => {
    const p = problems(FIXTURE_ATLAS.replace('    direction: increases\n    cancerType: glioblastoma', '    directon: increases\n    cancerType: glioblastoma').replace('evidence: [clinical]', 'evidence: [clinicl]'));
    expect(p.some((x) => x.includes('unknown key "directon"; did you mean "direction"?'))).toBe(true);
    expect(p.some((x) => /relations\.3\.evidence\.0: .*in-vitro.*clinical/.test(x))).toBe(true);
  });

  it('points at the offending line', () => {
    const p = problems(FIXTURE_ATLAS.replace('phenotype: invasion', 'phenotype: invasio'));
    const line = FIXTURE_ATLAS.split('\n').findIndex((l) => l.includes('phenotype: invasion')) + 1;
    expect(p[0]).toMatch(new RegExp(`^fixture\\.yaml:${line}:16 `));
  });

  it('reports YAML syntax errors with their position', () => {
    const p = problems('version: 1\nseed: [unclosed\n');
    expect(p[0]).toMatch(/^fixture\.yaml:\d+:\d+ : YAML syntax/);
  });

  it('rejects conflicting vocabulary declarations', () => {
    const p = problems(FIXTURE_ATLAS, `${FIXTURE_VOCAB}  - { id: CDK1, synonyms: [FRK] }\n`);
    expect(p.some((x) => x.includes('name "FRK" already names genes term "FRK"'))).toBe(true);
  });
});
