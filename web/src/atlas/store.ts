/**
 * State of the atlas explorer as signals: the query and filters, the graph and relation list
 * they select, what is selected, and path-finder results. Created once by the page.
 */
import { batch, signal } from '@preact/signals';
import { describeFailure, getJson, type AtlasGraph, type GraphEdge, type GraphNode, type PathResult, type Relation } from '../api.ts';

export const FILTER_FIELDS = ['cancer', 'evidence', 'cargoType', 'phenotype', 'condition', 'direction', 'seed', 'cargo', 'target', 'donor', 'recipient'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Partial<Record<FilterField, string>>;

export type Selection =
  | { kind: 'relation'; relation: Relation }
  | { kind: 'edge'; edge: GraphEdge; from: string; to: string }
  | { kind: 'node'; node: GraphNode }
  | { kind: 'path'; index: number }
  | null;

export interface PathQuery {
  from: string;
  to: string;
  via: string;
  maxLength: number;
}

export type AtlasStore = ReturnType<typeof createAtlasStore>;

export function createAtlasStore() {
  const query = signal('');
  const filters = signal<Filters>({ cancer: 'glioma' });
  const showCells = signal(true);
  const layout = signal<'layered' | 'force'>('layered');
  const graph = signal<AtlasGraph | null>(null);
  const results = signal<{ total: number; relations: Relation[] } | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const selection = signal<Selection>(null);
  const pathQuery = signal<PathQuery>({ from: 'hypoxia', to: 'invasion', via: '', maxLength: 4 });
  const paths = signal<PathResult | null>(null);
  const pathError = signal<string | null>(null);
  const activePath = signal<number | null>(null);
  let generation = 0;

  const params = (): Record<string, string> => {
    const p: Record<string, string> = {};
    for (const [k, v] of Object.entries(filters.value)) if (v) p[k] = v;
    if (query.value.trim() !== '') p.q = query.value.trim();
    return p;
  };

  /** Reload the graph and the relation list for the current query and filters. */
  async function refresh(): Promise<void> {
    const gen = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const p = params();
      const [g, r] = await Promise.all([
        getJson<AtlasGraph>('/api/atlas/graph', { ...p, cells: showCells.value }),
        getJson<{ total: number; relations: Relation[] }>('/api/atlas/relations', { ...p, limit: 200 }),
      ]);
      if (gen !== generation) return;
      batch(() => {
        graph.value = g;
        results.value = r;
        activePath.value = null;
      });
    } catch (e) {
      if (gen === generation) error.value = describeFailure(e);
    } finally {
      if (gen === generation) loading.value = false;
    }
  }

  async function openRelation(id: string): Promise<void> {
    try {
      const relation = await getJson<Relation>(`/api/atlas/relations/${encodeURIComponent(id)}`);
      selection.value = { kind: 'relation', relation };
    } catch (e) {
      error.value = describeFailure(e);
    }
  }

  async function findPaths(): Promise<void> {
    const q = pathQuery.value;
    pathError.value = null;
    try {
      const p = params();
      delete p.q;
      const r = await getJson<PathResult>('/api/atlas/paths', { ...p, from: q.from.trim(), to: q.to.trim(), via: q.via.trim(), maxLength: q.maxLength, limit: 25 });
      batch(() => {
        paths.value = r;
        activePath.value = r.paths.length > 0 ? 0 : null;
        selection.value = r.paths.length > 0 ? { kind: 'path', index: 0 } : selection.value;
      });
    } catch (e) {
      batch(() => {
        paths.value = null;
        activePath.value = null;
        pathError.value = describeFailure(e);
      });
    }
  }

  return { query, filters, showCells, layout, graph, results, loading, error, selection, pathQuery, paths, pathError, activePath, refresh, openRelation, findPaths };
}
