/**
 * The atlas as a directed graph of causal steps. Each relation contributes a chain
 *
 *   condition ──► cargo ──► target ──► phenotype        (cargo with targets)
 *   condition ──► cargo ──────────────► phenotype        (cargo without targets)
 *   condition ──► target ─────────────► phenotype        (vesicle claims naming a target, e.g. HIF-1α)
 *
 * where the condition is the donor's (hypoxia, acidosis, …; "unspecified" contributes no node).
 * With `cells: true` (exports) the donor and recipient cell types are nodes too:
 * donor ──releases──► cargo ──enters──► recipient.
 */
import type { Atlas, AtlasRelation } from './atlas.ts';

export type NodeKind = 'condition' | 'cell' | 'molecule' | 'vesicles' | 'phenotype';

export interface GraphNode {
  key: string;
  kind: NodeKind;
  label: string;
}

/** What an edge says: induces (condition → cargo), releases/enters (cells), represses/activates, increases/decreases. */
export type Interaction = 'induces' | 'releases' | 'enters' | 'represses' | 'activates' | 'increases' | 'decreases';

export interface GraphEdge {
  from: string;
  to: string;
  interaction: Interaction;
  /** Supporting relation ids. */
  relations: string[];
}

export interface AtlasGraph {
  nodes: Map<string, GraphNode>;
  /** keyed by `from|interaction|to` */
  edges: Map<string, GraphEdge>;
  out: Map<string, GraphEdge[]>;
}

export const nodeKey = (kind: NodeKind, label: string): string => `${kind}:${label}`;

const VESICLES = 'exosomes';

function flip(d: 'increases' | 'decreases'): 'increases' | 'decreases' {
  return d === 'increases' ? 'decreases' : 'increases';
}

export function buildGraph(relations: readonly AtlasRelation[], opts: { cells?: boolean } = {}): AtlasGraph {
  const g: AtlasGraph = { nodes: new Map(), edges: new Map(), out: new Map() };
  const node = (kind: NodeKind, label: string): string => {
    const key = nodeKey(kind, label);
    if (!g.nodes.has(key)) g.nodes.set(key, { key, kind, label });
    return key;
  };
  const edge = (from: string, to: string, interaction: Interaction, id: string): void => {
    const k = `${from}|${interaction}|${to}`;
    let e = g.edges.get(k);
    if (!e) {
      e = { from, to, interaction, relations: [] };
      g.edges.set(k, e);
      let list = g.out.get(from);
      if (!list) g.out.set(from, (list = []));
      list.push(e);
    }
    if (!e.relations.includes(id)) e.relations.push(id);
  };

  for (const r of relations) {
    const cond = r.donorCondition !== 'unspecified' ? node('condition', r.donorCondition) : undefined;
    const phen = node('phenotype', r.phenotype);
    const cargo = r.cargo !== null ? node('molecule', r.cargo.name) : node('vesicles', VESICLES);
    if (opts.cells) {
      const donor = node('cell', r.donor);
      edge(donor, cargo, 'releases', r.id);
      if (r.recipient !== null) edge(cargo, node('cell', r.recipient), 'enters', r.id);
      if (cond) edge(cond, donor, 'induces', r.id);
    }
    const targets = r.targets.map((t) => ({ key: node('molecule', t.symbol), effect: t.effect }));
    // For vesicle-level claims that name a target (hypoxia → HIF-1α → exosome release), the
    // target is upstream in the donor, so the chain skips the generic "exosomes" node.
    const head = r.cargo === null && targets.length > 0 ? undefined : cargo;
    if (cond && head !== undefined && !opts.cells) edge(cond, head, 'induces', r.id);
    if (targets.length === 0) {
      edge(cargo, phen, r.direction, r.id);
      continue;
    }
    for (const t of targets) {
      if (head !== undefined) edge(head, t.key, t.effect, r.id);
      else if (cond) edge(cond, t.key, 'induces', r.id);
      // A repressed target whose repression increases the phenotype itself decreases it.
      edge(t.key, phen, t.effect === 'represses' ? flip(r.direction) : r.direction, r.id);
    }
  }
  return g;
}

export interface PathStep {
  from: GraphNode;
  to: GraphNode;
  interaction: Interaction;
  relations: AtlasRelation[];
}

export interface CausalPath {
  nodes: GraphNode[];
  steps: PathStep[];
}

export interface PathOptions {
  maxLength?: number;
  limit?: number;
}

/**
 * Simple paths from `from` to `to` (node keys) of at most `maxLength` steps, ranked: shorter
 * first; then chains that one relation supports end to end (a single study showing the whole
 * mechanism) before chains stitched from several; then by the number of supporting relations.
 */
export function findPaths(atlas: Atlas, graph: AtlasGraph, from: string, to: string, opts: PathOptions = {}): CausalPath[] {
  const maxLength = opts.maxLength ?? 4;
  const limit = opts.limit ?? 25;
  // Enumeration is bounded so a dense graph cannot run away; the bound is far above what the
  // ranking needs (a few hundred relations give at most a few thousand short paths).
  const cap = 20_000;
  const found: string[][] = [];
  let frontier: string[][] = [[from]];
  for (let depth = 0; depth < maxLength && frontier.length > 0 && found.length < cap; depth++) {
    const next: string[][] = [];
    for (const path of frontier) {
      const last = path[path.length - 1]!;
      for (const e of graph.out.get(last) ?? []) {
        if (path.includes(e.to)) continue;
        const p = [...path, e.to];
        if (e.to === to) found.push(p);
        // Paths run through molecules and conditions; a phenotype ends a chain.
        else if (graph.nodes.get(e.to)?.kind !== 'phenotype') next.push(p);
      }
    }
    frontier = next;
  }
  const paths = found.map((p) => toCausalPath(atlas, graph, p));
  const endToEnd = (c: CausalPath): number => {
    let common = new Set(c.steps[0]?.relations.map((r) => r.id) ?? []);
    for (const s of c.steps.slice(1)) common = new Set(s.relations.map((r) => r.id).filter((id) => common.has(id)));
    return common.size;
  };
  const support = (c: CausalPath): number => c.steps.reduce((n, s) => n + s.relations.length, 0);
  const scored = paths.map((c) => ({ c, e: endToEnd(c), s: support(c) }));
  scored.sort((a, b) => a.c.steps.length - b.c.steps.length || b.e - a.e || b.s - a.s);
  return scored.slice(0, limit).map((x) => x.c);
}

/** Experimental evidence first: in vivo, in vitro, clinical, then review claims and proposals. */
const EVIDENCE_RANK: Record<string, number> = { 'in-vivo': 0, 'in-vitro': 1, clinical: 2, 'review-claim': 3, proposed: 4 };
const strength = (r: AtlasRelation): number => Math.min(...r.evidence.map((e) => EVIDENCE_RANK[e] ?? 5));

function toCausalPath(atlas: Atlas, graph: AtlasGraph, keys: string[]): CausalPath {
  const nodes = keys.map((k) => graph.nodes.get(k)!);
  const stepIds: string[][] = [];
  const interactions: Interaction[] = [];
  for (let i = 0; i + 1 < keys.length; i++) {
    // Several interactions may link the same pair; report each supporting relation once.
    const edges = (graph.out.get(keys[i]!) ?? []).filter((e) => e.to === keys[i + 1]);
    stepIds.push([...new Set(edges.flatMap((e) => e.relations))]);
    interactions.push(edges[0]!.interaction);
  }
  // Within a step, list first the relations that support every step of the chain (one study
  // showing the whole mechanism), then by strength of evidence, so the first quote shown is the best.
  const everywhere = new Set(stepIds.reduce((acc, ids) => acc.filter((id) => ids.includes(id))));
  const steps: PathStep[] = stepIds.map((ids, i) => ({
    from: nodes[i]!,
    to: nodes[i + 1]!,
    interaction: interactions[i]!,
    relations: ids
      .map((id) => atlas.get(id)!)
      .sort((a, b) => Number(everywhere.has(b.id)) - Number(everywhere.has(a.id)) || strength(a) - strength(b) || a.id.localeCompare(b.id)),
  }));
  return { nodes, steps };
}

/**
 * Resolve a user's name for a path end to a graph node: a condition, a phenotype, a molecule
 * (any synonym: "HIF-1α" → HIF1A), or "exosomes". Returns undefined when nothing matches.
 */
export function resolveNode(atlas: Atlas, graph: AtlasGraph, name: string): string | undefined {
  const v = atlas.vocab;
  const candidates: string[] = [];
  const cond = v.resolve('conditions', name);
  if (cond !== undefined) candidates.push(nodeKey('condition', cond));
  const phen = v.resolve('phenotypes', name);
  if (phen !== undefined) candidates.push(nodeKey('phenotype', phen));
  const mol = v.resolveMolecule(name);
  candidates.push(nodeKey('molecule', mol ?? name));
  if (/^(exosomes?|vesicles?|evs?|sevs?)$/i.test(name.trim())) candidates.push(nodeKey('vesicles', VESICLES));
  return candidates.find((k) => graph.nodes.has(k));
}
