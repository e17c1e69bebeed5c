import { describe, expect, it } from 'vitest';
import type { AtlasGraph, GraphNode } from '../api.ts';
import { columnOf, layeredPositions } from './layered-layout.ts';

const node = (id: string, kind: GraphNode['kind'], role: string = kind): GraphNode => ({ id, kind, role, label: id, degree: 1 });

describe('layered layout', () => {
  const graph: AtlasGraph = {
    relations: 2,
    nodes: [node('hypoxia', 'condition'), node('glioma cell', 'cell', 'donor'), node('miR-1246', 'molecule', 'cargo'), node('FRK', 'molecule', 'target'), node('invasion', 'phenotype')],
    edges: [
      { id: 'e0', source: 'hypoxia', target: 'glioma cell', interaction: 'induces', sign: 'activation', relations: ['a'], evidence: [] },
      { id: 'e1', source: 'glioma cell', target: 'miR-1246', interaction: 'releases', sign: 'activation', relations: ['a'], evidence: [] },
      { id: 'e2', source: 'miR-1246', target: 'FRK', interaction: 'represses', sign: 'inhibition', relations: ['a'], evidence: [] },
      { id: 'e3', source: 'FRK', target: 'invasion', interaction: 'decreases', sign: 'inhibition', relations: ['a'], evidence: [] },
    ],
  };

  it('places the causal chain left to right: condition, donor, cargo, target, phenotype', () => {
    const p = layeredPositions(graph);
    const xs = ['hypoxia', 'glioma cell', 'miR-1246', 'FRK', 'invasion'].map((id) => p.get(id)!.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(columnOf(node('x', 'cell', 'recipient'))).toBe(3);
    expect(columnOf(node('x', 'molecule', 'cargo+target'))).toBe(2);
  });

  it('wraps a crowded column into sub-columns and gives every node its own place', () => {
    const many: AtlasGraph = { relations: 0, nodes: Array.from({ length: 60 }, (_, i) => node(`m${i}`, 'molecule', 'cargo')), edges: [] };
    const p = layeredPositions(many, { maxRows: 20 });
    expect(p.size).toBe(60);
    const keys = new Set([...p.values()].map((q) => `${q.x},${q.y}`));
    expect(keys.size).toBe(60);
    expect(new Set([...p.values()].map((q) => q.y)).size).toBe(20);
  });

  it('orders a column by its neighbours so parallel chains do not cross', () => {
    const g: AtlasGraph = {
      relations: 2,
      nodes: [node('a', 'condition'), node('b', 'condition'), node('A', 'phenotype'), node('B', 'phenotype')],
      edges: [
        { id: 'e0', source: 'a', target: 'B', interaction: 'increases', sign: 'activation', relations: ['x'], evidence: [] },
        { id: 'e1', source: 'b', target: 'A', interaction: 'increases', sign: 'activation', relations: ['y'], evidence: [] },
      ],
    };
    const p = layeredPositions(g);
    expect(Math.sign(p.get('a')!.y - p.get('b')!.y)).toBe(Math.sign(p.get('B')!.y - p.get('A')!.y));
  });
});
