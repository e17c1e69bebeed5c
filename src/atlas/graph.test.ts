import { describe, expect, it } from 'vitest';
import { loadAtlas } from './load.ts';
import { buildGraph, findPaths, resolveNode } from './graph.ts';
import { makeFixture } from './test-helpers/fixture.ts';

const atlas = loadAtlas({ dataDir: makeFixture() });

describe('buildGraph', () => {
  it('turns a relation into condition → cargo → target → phenotype steps with signs', () => {
    const g = buildGraph(atlas.relations);
    const edge = (k: string) => g.edges.get(k)?.relations;
    expect(edge('condition:hypoxia|induces|molecule:miR-1246')).toEqual(['fix-002', 'fix-003']);
    expect(edge('molecule:miR-1246|represses|molecule:FRK')).toEqual(['fix-002']);
    // FRK is repressed and invasion increases, so FRK itself decreases invasion
    expect(edge('molecule:FRK|decreases|phenotype:invasion')).toEqual(['fix-002']);
    // vesicle-level claims with a target run through the target: hypoxia → HIF1A → exosome release
    expect(edge('condition:hypoxia|induces|molecule:HIF1A')).toEqual(['fix-001']);
    expect(edge('molecule:HIF1A|increases|phenotype:exosome release')).toEqual(['fix-001']);
    // unspecified conditions contribute no node
    expect([...g.nodes.keys()].some((k) => k.includes('unspecified'))).toBe(false);
  });

  it('adds cell types as nodes for exports', () => {
    const g = buildGraph(atlas.relations, { cells: true });
    expect(g.edges.has('cell:glioma cell|releases|molecule:miR-1246')).toBe(true);
    expect(g.edges.has('molecule:miR-1246|enters|cell:glioma cell')).toBe(true);
  });
});

describe('findPaths', () => {
  it('finds hypoxia → miR-1246 → FRK → invasion with the supporting relation at each step', () => {
    const g = buildGraph(atlas.relations);
    const from = resolveNode(atlas, g, 'hypoxic')!;
    const to = resolveNode(atlas, g, 'invasiveness')!;
    const paths = findPaths(atlas, g, from, to);
    expect(paths.map((p) => p.nodes.map((n) => n.label).join(' > '))).toEqual(['hypoxia > miR-1246 > FRK > invasion']);
    expect(paths[0]!.steps.map((s) => s.relations.map((r) => r.id))).toEqual([['fix-002', 'fix-003'], ['fix-002'], ['fix-002']]);
  });

  it('respects the maximum length and resolves aliases of path ends', () => {
    const g = buildGraph(atlas.relations);
    expect(findPaths(atlas, g, resolveNode(atlas, g, 'hypoxia')!, resolveNode(atlas, g, 'invasion')!, { maxLength: 2 })).toEqual([]);
    expect(resolveNode(atlas, g, 'HIF-1α')).toBe('molecule:HIF1A');
    expect(resolveNode(atlas, g, 'zebrafish')).toBeUndefined();
  });
});
