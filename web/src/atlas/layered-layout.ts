/**
 * A left-to-right layout of the causal graph that reads like the biology:
 * condition → donor cell → cargo → recipient cell → target → phenotype. Columns with many nodes
 * wrap into side-by-side sub-columns; within a column, nodes are ordered by the mean position of
 * their neighbours (a few barycentric sweeps) so that edges cross less.
 */
import type { AtlasGraph, GraphNode } from '../api.ts';

export interface Point {
  x: number;
  y: number;
}

/** Column of a node: 0 condition, 1 donor, 2 cargo or vesicles, 3 recipient, 4 target, 5 phenotype. */
export function columnOf(n: GraphNode): number {
  switch (n.kind) {
    case 'condition':
      return 0;
    case 'cell':
      return n.role === 'donor' ? 1 : 3;
    case 'vesicles':
      return 2;
    case 'molecule':
      return n.role === 'target' ? 4 : 2;
    case 'phenotype':
      return 5;
  }
}

export interface LayeredOptions {
  /** Most nodes stacked in one sub-column before the column wraps (default: chosen to fit `aspect`). */
  maxRows?: number;
  /** Width / height of the view; crowded columns wrap so that the drawing fills it (default 1.2). */
  aspect?: number;
  rowGap?: number;
  subColumnGap?: number;
  columnGap?: number;
  sweeps?: number;
}

export function layeredPositions(graph: AtlasGraph, opts: LayeredOptions = {}): Map<string, Point> {
  if (opts.maxRows !== undefined) return layered(graph, opts, opts.maxRows);
  // Pick the wrap height that lets the drawing be shown largest in a view of this aspect ratio
  // (labels stay readable); margins leave room for the labels.
  const aspect = opts.aspect ?? 1.2;
  let best: Map<string, Point> | undefined;
  let bestScale = -1;
  for (let rows = 6; rows <= 40; rows += 2) {
    const p = layered(graph, opts, rows);
    const xs = [...p.values()].map((q) => q.x);
    const ys = [...p.values()].map((q) => q.y);
    const w = Math.max(0, ...xs) - Math.min(0, ...xs) + 160;
    const h = Math.max(0, ...ys) - Math.min(0, ...ys) + 80;
    const scale = Math.min(aspect / w, 1 / h);
    if (scale > bestScale * 1.0001) {
      bestScale = scale;
      best = p;
    }
  }
  return best ?? layered(graph, opts, 26);
}

function layered(graph: AtlasGraph, opts: LayeredOptions, maxRows: number): Map<string, Point> {
  const rowGap = opts.rowGap ?? 44;
  const subGap = opts.subColumnGap ?? 150;
  const colGap = opts.columnGap ?? 240;
  const sweeps = opts.sweeps ?? 6;

  const columns = new Map<number, GraphNode[]>();
  for (const n of graph.nodes) {
    const c = columnOf(n);
    let list = columns.get(c);
    if (!list) columns.set(c, (list = []));
    list.push(n);
  }
  const order = [...columns.keys()].sort((a, b) => a - b);
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  // Relative position (0..1) of each node within its column.
  const rank = new Map<string, number>();
  const assign = (nodes: GraphNode[]): void => {
    nodes.forEach((n, i) => rank.set(n.id, nodes.length > 1 ? i / (nodes.length - 1) : 0.5));
  };
  for (const c of order) {
    const nodes = columns.get(c)!;
    nodes.sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label));
    assign(nodes);
  }
  const bary = (n: GraphNode): number => {
    const ns = neighbours.get(n.id) ?? [];
    if (ns.length === 0) return rank.get(n.id) ?? 0.5;
    return ns.reduce((s, m) => s + (rank.get(m) ?? 0.5), 0) / ns.length;
  };
  for (let s = 0; s < sweeps; s++) {
    const seq = s % 2 === 0 ? order : [...order].reverse();
    for (const c of seq) {
      const nodes = columns.get(c)!;
      const key = new Map(nodes.map((n) => [n.id, bary(n)]));
      nodes.sort((a, b) => key.get(a.id)! - key.get(b.id)! || a.label.localeCompare(b.label));
      assign(nodes);
    }
  }

  const pos = new Map<string, Point>();
  const heights = order.map((c) => Math.min(columns.get(c)!.length, maxRows));
  const tallest = Math.max(1, ...heights);
  let x = 0;
  for (const c of order) {
    const nodes = columns.get(c)!;
    const k = Math.ceil(nodes.length / maxRows);
    const rows = Math.ceil(nodes.length / k);
    const top = ((tallest - rows) * rowGap) / 2;
    // Node i goes to row floor(i / k) and sub-column i mod k, so the vertical order is kept.
    nodes.forEach((n, i) => {
      const row = Math.floor(i / k);
      const sub = i % k;
      pos.set(n.id, { x: x + sub * subGap, y: top + row * rowGap });
    });
    x += (k - 1) * subGap + colGap;
  }
  return pos;
}
