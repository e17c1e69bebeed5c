/**
 * /api/atlas: the same queries as `exoscape atlas …` (search, show, stats, path, export, vocab),
 * plus the causal graph as nodes and edges for the network view. Filters use the CLI's flag
 * names (`cancer`, `cargoType`, …) and the same synonym and hierarchy rules; a bad value is a 400
 * naming the query parameter.
 */
import { Hono } from 'hono';
import { UserError } from '../common/errors.ts';
import type { Atlas, AtlasRelation } from '../atlas/atlas.ts';
import { compileFilter, filterRelations, searchRelations, FILTER_KEYS, type RelationFilter } from '../atlas/query.ts';
import { buildGraph, findPaths, resolveNode, type AtlasGraph, type CausalPath, type Interaction } from '../atlas/graph.ts';
import { EXPORT_FORMATS, exportRelations, relationRecord, type ExportFormat } from '../atlas/export.ts';
import { atlasStats } from '../atlas/stats.ts';
import { VOCAB_CATEGORIES, type VocabCategory } from '../atlas/schema.ts';
import { ApiError, type ApiIssue } from './errors.ts';
import { boolParam, choiceParam, intParam, queryOf } from './params.ts';

/** Query names of the filters: RelationFilter's keys, with `cancer` for cancerType (as the CLI's --cancer). */
export const FILTER_PARAMS: readonly string[] = FILTER_KEYS.map((k) => (k === 'cancerType' ? 'cancer' : k));

function filterOf(atlas: Atlas, q: Record<string, string>): RelationFilter {
  const f: RelationFilter = {};
  const issues: ApiIssue[] = [];
  for (const k of FILTER_KEYS) {
    const param = k === 'cancerType' ? 'cancer' : k;
    const v = q[param];
    if (v === undefined || v === '') continue;
    // Each value is checked on its own so that the error names the parameter it came from.
    try {
      compileFilter(atlas, { [k]: v });
      f[k] = v;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      issues.push({ path: `query.${param}`, message: e.message });
    }
  }
  if (issues.length > 0) throw new ApiError(400, 'invalid filter', issues);
  return f;
}

const ACTIVATING: ReadonlySet<Interaction> = new Set(['induces', 'releases', 'enters', 'activates', 'increases']);

/** Activation (→) or inhibition (⊣) of an interaction, for arrow styles. */
export function signOf(i: Interaction): 'activation' | 'inhibition' {
  return ACTIVATING.has(i) ? 'activation' : 'inhibition';
}

function graphRecord(g: AtlasGraph, relations: readonly AtlasRelation[]): unknown {
  const byId = new Map(relations.map((r) => [r.id, r]));
  const cargos = new Set(relations.flatMap((r) => (r.cargo ? [r.cargo.name] : [])));
  const targets = new Set(relations.flatMap((r) => r.targets.map((t) => t.symbol)));
  const donors = new Set(relations.map((r) => r.donor));
  const degree = new Map<string, number>();
  for (const e of g.edges.values()) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  return {
    relations: relations.length,
    nodes: [...g.nodes.values()].map((n) => {
      let role: string = n.kind;
      if (n.kind === 'molecule') role = cargos.has(n.label) ? (targets.has(n.label) ? 'cargo+target' : 'cargo') : 'target';
      else if (n.kind === 'cell') role = donors.has(n.label) ? 'donor' : 'recipient';
      return { id: n.key, kind: n.kind, role, label: n.label, degree: degree.get(n.key) ?? 0 };
    }),
    edges: [...g.edges.values()].map((e, i) => ({
      id: `e${i}`,
      source: e.from,
      target: e.to,
      interaction: e.interaction,
      sign: signOf(e.interaction),
      relations: e.relations,
      evidence: [...new Set(e.relations.flatMap((id) => byId.get(id)?.evidence ?? []))],
    })),
  };
}

/** A causal chain as the CLI's `atlas path --json` prints it, with node keys for the graph view. */
export function pathRecord(p: CausalPath): unknown {
  return {
    nodes: p.nodes.map((n) => ({ key: n.key, kind: n.kind, label: n.label })),
    steps: p.steps.map((s) => ({
      from: s.from.label,
      to: s.to.label,
      interaction: s.interaction,
      sign: signOf(s.interaction),
      relations: s.relations.map((r) => ({ id: r.id, seed: r.seed, evidence: r.evidence, refs: r.refs, quote: r.quote })),
    })),
  };
}

const EXPORT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  sif: 'text/plain; charset=utf-8',
};

export function atlasRoutes(atlas: Atlas): Hono {
  const app = new Hono();

  app.get('/relations', (c) => {
    const q = queryOf(c, ['q', 'limit', 'offset', ...FILTER_PARAMS]);
    const limit = intParam(q, 'limit', 50, 1, 2000);
    const offset = intParam(q, 'offset', 0, 0, 1_000_000);
    const pool = filterRelations(atlas, filterOf(atlas, q));
    const words = (q.q ?? '').trim();
    const hits = words !== '' ? searchRelations(atlas, words, pool).map((h) => h.relation) : pool;
    return c.json({ total: hits.length, offset, relations: hits.slice(offset, offset + limit).map(relationRecord) });
  });

  app.get('/relations/:id', (c) => {
    queryOf(c, []);
    const id = c.req.param('id');
    const r = atlas.get(id);
    if (r === undefined) {
      const near = atlas.relations.map((x) => x.id).filter((x) => x.startsWith(id.replace(/-\d*$/, ''))).slice(0, 3);
      throw new ApiError(404, `no relation with id "${id}"${near.length > 0 ? `; ids look like ${near.join(', ')}` : ''}`, [{ path: 'id', message: 'unknown relation id' }]);
    }
    return c.json(relationRecord(r));
  });

  app.get('/stats', (c) => {
    const q = queryOf(c, FILTER_PARAMS);
    return c.json(atlasStats(atlas, filterRelations(atlas, filterOf(atlas, q))));
  });

  app.get('/graph', (c) => {
    const q = queryOf(c, ['q', 'cells', ...FILTER_PARAMS]);
    const pool = filterRelations(atlas, filterOf(atlas, q));
    const words = (q.q ?? '').trim();
    const rels = words !== '' ? searchRelations(atlas, words, pool).map((h) => h.relation) : pool;
    return c.json(graphRecord(buildGraph(rels, { cells: boolParam(q, 'cells', true) }), rels));
  });

  app.get('/paths', (c) => {
    const q = queryOf(c, ['from', 'to', 'via', 'maxLength', 'limit', ...FILTER_PARAMS]);
    const issues: ApiIssue[] = [];
    if (!q.from) issues.push({ path: 'query.from', message: 'required: where the chain starts (a condition such as hypoxia, a molecule, or "exosomes")' });
    if (!q.to) issues.push({ path: 'query.to', message: 'required: where the chain ends (a phenotype such as invasion, or a molecule)' });
    if (issues.length > 0) throw new ApiError(400, 'invalid query', issues);
    const from = q.from!;
    const to = q.to!;
    const maxLength = intParam(q, 'maxLength', 4, 1, 6);
    const limit = intParam(q, 'limit', 25, 1, 500);
    const rels = filterRelations(atlas, filterOf(atlas, q));
    const filtered = rels.length < atlas.relations.length ? ' under these filters' : '';
    const g = buildGraph(rels);
    const f = resolveNode(atlas, g, from);
    if (f === undefined) issues.push({ path: 'query.from', message: `"${from}" is not a node of the atlas graph${filtered} (try a condition such as hypoxia, a molecule, or "exosomes")` });
    const t = resolveNode(atlas, g, to);
    if (t === undefined) issues.push({ path: 'query.to', message: `"${to}" is not a node of the atlas graph${filtered} (try a phenotype such as invasion, or a molecule)` });
    let via: string | undefined;
    if (q.via) {
      via = resolveNode(atlas, g, q.via);
      if (via === undefined) issues.push({ path: 'query.via', message: `"${q.via}" is not a node of the atlas graph${filtered}` });
    }
    if (f === undefined || t === undefined || issues.length > 0) throw new ApiError(400, 'invalid path query', issues);
    let paths = findPaths(atlas, g, f, t, { maxLength, limit: via !== undefined ? 100_000 : limit });
    if (via !== undefined) paths = paths.filter((p) => p.nodes.some((n) => n.key === via)).slice(0, limit);
    return c.json({ from: g.nodes.get(f)!.label, to: g.nodes.get(t)!.label, paths: paths.map(pathRecord) });
  });

  app.get('/export', (c) => {
    const q = queryOf(c, ['format', ...FILTER_PARAMS]);
    const format = choiceParam(q, 'format', EXPORT_FORMATS, 'jsonl');
    const text = exportRelations(filterRelations(atlas, filterOf(atlas, q)), format);
    c.header('Content-Type', EXPORT_TYPES[format]);
    c.header('Content-Disposition', `attachment; filename="exoscape-atlas.${format}"`);
    return c.body(text);
  });

  const vocab = (cats: readonly VocabCategory[]): unknown =>
    Object.fromEntries(cats.map((cat) => [cat, atlas.vocab.all(cat).map((t) => ({ id: t.id, parent: t.parent ?? null, detail: t.detail ?? null, synonyms: t.synonyms }))]));

  app.get('/vocab', (c) => {
    queryOf(c, []);
    return c.json(vocab(VOCAB_CATEGORIES));
  });

  app.get('/vocab/:category', (c) => {
    queryOf(c, []);
    const cat = c.req.param('category');
    const hit = VOCAB_CATEGORIES.find((x) => x === cat);
    if (hit === undefined) throw new ApiError(404, `unknown vocabulary category "${cat}"; expected one of ${VOCAB_CATEGORIES.join(', ')}`, [{ path: 'category', message: 'unknown category' }]);
    return c.json(vocab([hit]));
  });

  return app;
}
