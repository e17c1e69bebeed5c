import { describe, expect, it } from 'vitest';
import { loadAtlas } from './load.ts';
import { toCsv, toGraphml, toJsonl, toSif, CSV_COLUMNS } from './export.ts';
import { makeFixture } from './test-helpers/fixture.ts';

const atlas = loadAtlas({ dataDir: makeFixture() });

describe('exports', () => {
  it('JSON Lines: one relation per line with the documented fields', () => {
    const lines = toJsonl(atlas.relations).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const rec = JSON.parse(lines[1]!) as Record<string, unknown>;
    for (const k of ['id', 'seed', 'refs', 'donor', 'donorCondition', 'cancerType', 'cargo', 'recipient', 'targets', 'phenotype', 'direction', 'evidence', 'quote']) {
      expect(rec).toHaveProperty(k);
    }
    expect(rec.cargo).toEqual({ name: 'miR-1246', type: 'miRNA' });
    expect(rec.targets).toEqual([{ symbol: 'FRK', effect: 'represses' }]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ cargo: null, refs: ['1'], evidence: ['in-vitro'] });
  });

  it('CSV: a header and one row per relation; fields with commas or quotes are quoted', () => {
    const csv = toCsv(atlas.relations);
    const rows = csv.trimEnd().split('\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(5);
    expect(rows[2]).toContain('FRK:represses');
    expect(rows[2]).toContain('"H-GDEs deliver miR-1246 to normoxic glioma cells, where it represses FRK and increases invasion."');
  });

  it('GraphML: well-formed nodes and edges with interaction and relation ids', () => {
    const xml = toGraphml(atlas.relations);
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain('<node id="molecule:miR-1246">');
    expect(xml).toMatch(/<edge id="e\d+" source="molecule:miR-1246" target="molecule:FRK"><data key="interaction">represses<\/data><data key="relations">fix-002<\/data>/);
    expect((xml.match(/<edge /g) ?? []).length).toBe((xml.match(/<\/edge>/g) ?? []).length);
  });

  it('SIF: tab-separated source, interaction, target', () => {
    const sif = toSif(atlas.relations).trimEnd().split('\n');
    expect(sif).toContain('miR-1246\trepresses\tFRK');
    expect(sif).toContain('glioma cell\treleases\tmiR-1246');
    for (const l of sif) expect(l.split('\t')).toHaveLength(3);
  });
});
