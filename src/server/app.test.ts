/** The API in process (`app.request`), checked against the CLI on the same atlas. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../atlas/load.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { runCli } from '../cli/test-helpers.ts';
import { createApp, hostName } from './app.ts';
import { openApiDocument } from './openapi.ts';
import type { ErrorBody } from './errors.ts';

let atlas: Atlas;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  atlas = loadAtlas();
  app = createApp({ atlas });
});

async function get(path: string): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await app.request(path);
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, body, res };
}

async function cliJson(args: string[]): Promise<unknown> {
  const r = await runCli(args);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

/** An error response: the documented shape, and nothing that looks like a stack trace. */
function expectError(body: unknown): ErrorBody {
  const b = body as ErrorBody;
  expect(typeof b.error).toBe('string');
  expect(Array.isArray(b.issues)).toBe(true);
  for (const i of b.issues) {
    expect(typeof i.path).toBe('string');
    expect(typeof i.message).toBe('string');
  }
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+:\d+\)/);
  return b;
}

describe('atlas API', () => {
  it('searches like `exoscape atlas search`, with the same filters and synonyms', async () => {
    const { status, body } = await get('/api/atlas/relations?q=miR-1246&cancer=glioma&limit=200');
    expect(status).toBe(200);
    const cli = (await cliJson(['atlas', 'search', 'miR-1246', '--cancer', 'glioma', '--json', '--limit', '200'])) as { total: number; relations: { id: string }[] };
    const api = body as { total: number; relations: { id: string; quote: string }[] };
    expect(api.total).toBe(cli.total);
    expect(api.total).toBeGreaterThan(5);
    expect(api.relations.map((r) => r.id)).toEqual(cli.relations.map((r) => r.id));
    // synonyms and paging
    const syn = (await get('/api/atlas/relations?q=hsa-miR-1246&cancer=glioma&limit=3&offset=2')).body as { total: number; offset: number; relations: { id: string }[] };
    expect(syn.total).toBe(api.total);
    expect(syn.offset).toBe(2);
    expect(syn.relations.map((r) => r.id)).toEqual(api.relations.slice(2, 5).map((r) => r.id));
  });

  it('returns one relation with its quote and references, and 404 with a hint for an unknown id', async () => {
    const { status, body } = await get('/api/atlas/relations/qian2021-001');
    expect(status).toBe(200);
    expect(body).toEqual(await cliJson(['atlas', 'show', 'qian2021-001', '--json']));
    expect((body as { quote: string }).quote.length).toBeGreaterThan(20);
    const miss = await get('/api/atlas/relations/qian2021-9999');
    expect(miss.status).toBe(404);
    expect(expectError(miss.body).error).toMatch(/no relation with id "qian2021-9999"; ids look like qian2021-0/);
  });

  it('answers a bad filter or query parameter with 400 naming the parameter', async () => {
    const bad = await get('/api/atlas/relations?cancer=gliom&phenotype=invason');
    expect(bad.status).toBe(400);
    const e = expectError(bad.body);
    expect(e.issues.map((i) => i.path).sort()).toEqual(['query.cancer', 'query.phenotype']);
    expect(e.issues.find((i) => i.path === 'query.phenotype')!.message).toContain('did you mean "invasion"');
    const unknown = expectError((await get('/api/atlas/relations?cancr=glioma')).body);
    expect(unknown.issues[0]).toMatchObject({ path: 'query.cancr' });
    expect(unknown.issues[0]!.message).toContain('did you mean "cancer"');
    const limit = await get('/api/atlas/relations?limit=ten');
    expect(limit.status).toBe(400);
    expect(expectError(limit.body).issues[0]!.path).toBe('query.limit');
    const twice = await get('/api/atlas/relations?q=a&q=b');
    expect(twice.status).toBe(400);
  });

  it('finds the causal chains `exoscape atlas path` finds, in the same order', async () => {
    const { status, body } = await get('/api/atlas/paths?from=hypoxia&to=invasion&cancer=glioma&limit=10');
    expect(status).toBe(200);
    const cli = (await cliJson(['atlas', 'path', 'hypoxia', 'invasion', '--cancer', 'glioma', '--limit', '10', '--json'])) as { from: string; to: string; paths: { nodes: { label: string }[]; steps: { relations: { id: string }[] }[] }[] };
    const api = body as { from: string; to: string; paths: { nodes: { key: string; label: string }[]; steps: { sign: string; relations: { id: string }[] }[] }[] };
    expect(api.from).toBe('hypoxia');
    expect(api.to).toBe('invasion');
    expect(api.paths.map((p) => p.nodes.map((n) => n.label))).toEqual(cli.paths.map((p) => p.nodes.map((n) => n.label)));
    expect(api.paths.map((p) => p.steps.map((s) => s.relations.map((r) => r.id)))).toEqual(cli.paths.map((p) => p.steps.map((s) => s.relations.map((r) => r.id))));
    expect(api.paths.some((p) => p.nodes.some((n) => n.key === 'molecule:FRK'))).toBe(true);
    expect(api.paths.flatMap((p) => p.steps.map((s) => s.sign))).toContain('inhibition');
    const via = (await get('/api/atlas/paths?from=hypoxia&to=invasion&cancer=glioma&via=FRK')).body as { paths: { nodes: { label: string }[] }[] };
    expect(via.paths.length).toBeGreaterThan(0);
    for (const p of via.paths) expect(p.nodes.map((n) => n.label)).toContain('FRK');
  });

  it('refuses a path query without ends or with unknown nodes (400, per parameter)', async () => {
    const none = expectError((await get('/api/atlas/paths')).body);
    expect(none.issues.map((i) => i.path)).toEqual(['query.from', 'query.to']);
    const r = await get('/api/atlas/paths?from=hypoxia&to=flying');
    expect(r.status).toBe(400);
    expect(expectError(r.body).issues).toEqual([expect.objectContaining({ path: 'query.to' })]);
    expect((await get('/api/atlas/paths?from=hypoxia&to=invasion&maxLength=9')).status).toBe(400);
  });

  it('gives the graph as nodes and signed edges whose ends are nodes', async () => {
    const { status, body } = await get('/api/atlas/graph?cancer=glioma');
    expect(status).toBe(200);
    const g = body as { relations: number; nodes: { id: string; kind: string; role: string }[]; edges: { source: string; target: string; sign: string; interaction: string; relations: string[] }[] };
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(ids.size).toBe(g.nodes.length);
    for (const e of g.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.sign).toBe(e.interaction === 'represses' || e.interaction === 'decreases' ? 'inhibition' : 'activation');
      expect(e.relations.length).toBeGreaterThan(0);
    }
    expect(g.nodes.find((n) => n.id === 'condition:hypoxia')).toBeDefined();
    expect(g.nodes.find((n) => n.id === 'molecule:FRK')?.role).toBe('target');
    expect(g.nodes.find((n) => n.id === 'molecule:miR-1246')?.role).toMatch(/^cargo/);
    expect(g.nodes.some((n) => n.role === 'donor')).toBe(true);
    expect(g.edges.some((e) => e.sign === 'inhibition')).toBe(true);
    const noCells = (await get('/api/atlas/graph?cancer=glioma&cells=false')).body as typeof g;
    expect(noCells.nodes.some((n) => n.kind === 'cell')).toBe(false);
  });

  it('exports exactly what `exoscape atlas export` writes', async () => {
    const res = await app.request('/api/atlas/export?format=csv&cancer=glioma');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('exoscape-atlas.csv');
    const cli = await runCli(['atlas', 'export', '--format', 'csv', '--cancer', 'glioma']);
    expect(await res.text()).toBe(cli.out);
    expect((await get('/api/atlas/export?format=xlsx')).status).toBe(400);
  });

  it('lists vocabularies and stats', async () => {
    const v = (await get('/api/atlas/vocab/phenotypes')).body as { phenotypes: { id: string }[] };
    expect(v.phenotypes.map((t) => t.id)).toContain('invasion');
    expect((await get('/api/atlas/vocab/colours')).status).toBe(404);
    const s = (await get('/api/atlas/stats')).body as { relations: number };
    expect(s.relations).toBe(atlas.relations.length);
  });
});

describe('server behaviour', () => {
  it('answers unknown routes with a JSON 404', async () => {
    for (const path of ['/api/nothing', '/api/atlas/relation', '/index.html', '/../../etc/passwd']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(expectError(r.body).error).toContain('no route GET');
    }
  });

  it('sends security headers', async () => {
    const { res } = await get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('refuses other Host names (DNS rebinding) and writes from other origins', async () => {
    const guarded = createApp({ atlas, allowedHosts: ['127.0.0.1', 'localhost'] });
    expect((await guarded.request('http://127.0.0.1:8787/api/health', { headers: { host: '127.0.0.1:8787' } })).status).toBe(200);
    const evil = await guarded.request('http://evil.example/api/health', { headers: { host: 'evil.example' } });
    expect(evil.status).toBe(403);
    expectError(await evil.json());
    const post = await guarded.request('http://127.0.0.1:8787/api/scenarios/validate', {
      method: 'POST',
      headers: { host: '127.0.0.1:8787', origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ example: 'hypoxic-glioma-quick' }),
    });
    expect(post.status).toBe(403);
    expect(hostName('[::1]:8080')).toBe('[::1]');
    expect(hostName('LocalHost:1')).toBe('localhost');
  });

  it('turns an unexpected failure into a 500 without internals, and logs it', async () => {
    const logged: string[] = [];
    // Test double: an atlas whose relations cannot be read, to force an internal error.
    const broken = { get relations(): never { throw new Error('disk on fire'); } } as unknown as Atlas;
    const r = await createApp({ atlas: broken, log: (m) => { logged.push(m); } }).request('/api/health');
    expect(r.status).toBe(500);
    const body = expectError(await r.json());
    expect(body.error).not.toContain('disk on fire');
    expect(logged.join('\n')).toContain('disk on fire');
  });

  it('serves the built web app from its root and nothing outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'exoscape-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>exoscape</title>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    const web = createApp({ atlas, webRoot: root });
    const index = await web.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('<title>exoscape</title>');
    const js = await web.request('/assets/app-1234.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    for (const p of ['/%2e%2e/%2e%2e/package.json', '/..%2Fpackage.json', '/assets/../../package.json', '/missing.js']) {
      expect((await web.request(p)).status, p).toBe(404);
    }
  });

  it('documents every route in the OpenAPI description, and documents no route that does not exist', async () => {
    const doc = (await get('/api/openapi.json')).body as ReturnType<typeof openApiDocument> & { paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const routes = new Set(app.routes.filter((r) => r.path.startsWith('/api') && r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    expect([...routes].sort()).toEqual([...documented].sort());
    expect(routes.size).toBeGreaterThan(10);
  });
});
