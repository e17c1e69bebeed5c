/** Scenario examples and validation over HTTP: positioned 400s, 413, 415, 422 against limits. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../atlas/load.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { createApp } from './app.ts';
import { DEFAULT_LIMITS, scenarioSize } from './limits.ts';
import { packagedScenarioDir } from './scenario-input.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
import type { ErrorBody } from './errors.ts';

let atlas: Atlas;
beforeAll(() => {
  atlas = loadAtlas();
});

const quickPath = `${packagedScenarioDir()}hypoxic-glioma-quick.yaml`;
const quick = readFileSync(quickPath, 'utf8');

function post(app: ReturnType<typeof createApp>, body: string, type = 'application/json'): Promise<Response> {
  return Promise.resolve(app.request('/api/scenarios/validate', { method: 'POST', headers: { 'content-type': type }, body }));
}

describe('scenario API', () => {
  it('lists the example scenarios and returns one with its text', async () => {
    const app = createApp({ atlas });
    const list = (await (await app.request('/api/scenarios')).json()) as { scenarios: { name: string; description: string }[] };
    expect(list.scenarios.map((s) => s.name)).toContain('hypoxic-glioma-quick');
    const one = (await (await app.request('/api/scenarios/hypoxic-glioma-quick')).json()) as { text: string };
    expect(one.text).toBe(quick);
    expect((await app.request('/api/scenarios/nope')).status).toBe(404);
  });

  it('accepts a valid scenario as YAML, as JSON text, as an object, or by example name', async () => {
    const app = createApp({ atlas });
    const expected = scenarioSize(loadScenario(quickPath, { atlas }));
    expect(expected.voxels).toBe(25 * 25);
    // 230 µm disc of 16.8 µm cells, hexagonally packed: about 680
    expect(expected.cells).toBeGreaterThan(600);
    expect(expected.cells).toBeLessThan(760);
    for (const [body, type] of [
      [quick, 'application/yaml'],
      [JSON.stringify({ scenario: quick }), 'application/json'],
      [JSON.stringify({ example: 'hypoxic-glioma-quick' }), 'application/json'],
    ] as const) {
      const r = await post(app, body, type);
      expect(r.status, body.slice(0, 40)).toBe(200);
      expect(await r.json()).toEqual({ ok: true, name: 'hypoxic-glioma-quick', size: expected });
    }
    const obj = { version: 1, name: 'tiny', domain: { dimensions: 2, size: [200, 200, 20], voxel: 20 }, time: { duration: 60, output: 30 }, cells: [{ shape: 'disc', center: [100, 100, 0], radius: 50, type: 'glioma' }] };
    const r = await post(app, JSON.stringify({ scenario: obj }));
    expect(r.status).toBe(200);
  });

  it('answers an invalid scenario with a 400 verdict and every issue with its field path, line and column', async () => {
    const app = createApp({ atlas });
    const bad = quick.replace('duration: 720', 'duraton: 720').replace('type: glioma }', 'type: gliomaa }');
    const r = await post(app, bad, 'application/yaml');
    expect(r.status).toBe(200);
    const body = (await r.json()) as ErrorBody & { ok: boolean; status: number };
    expect([body.ok, body.status]).toEqual([false, 400]);
    const lines = bad.split('\n');
    const typo = body.issues.find((i) => i.path === 'time.duraton');
    expect(typo?.message).toContain('did you mean "duration"');
    expect(lines[typo!.line! - 1]!.slice(typo!.column! - 1)).toMatch(/^duraton/);
    expect(body.issues.some((i) => i.path === 'time.duration' && /expected number/i.test(i.message))).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
    // a model check after the schema passes: the cell type
    const r2 = await post(app, quick.replace('type: glioma }', 'type: gliomaa }'), 'application/yaml');
    const b2 = (await r2.json()) as ErrorBody;
    expect(b2.issues).toEqual([expect.objectContaining({ path: 'cells.0.type', line: 17 })]);
    expect(b2.issues[0]!.message).toContain('unknown cell type "gliomaa"');
    // YAML syntax
    const r3 = await post(app, 'version: 1\nname: [unclosed\n', 'application/yaml');
    expect(((await r3.json()) as ErrorBody).issues[0]!.line).toBeGreaterThan(0);
    // the same scenario submitted as a run is refused with 400 (see run-routes.test.ts)
  });

  it('names the request field for malformed requests (bad JSON, both or neither key, unknown key, unknown example)', async () => {
    const app = createApp({ atlas });
    const cases: [string, string][] = [
      ['{"scenario": ', 'body'],
      ['{}', 'body'],
      [JSON.stringify({ scenario: quick, example: 'x' }), 'body'],
      [JSON.stringify({ scenaro: quick }), 'body.scenaro'],
      [JSON.stringify({ example: 'hypoxic-glioma-quik' }), 'body.example'],
      [JSON.stringify({ scenario: 42 }), 'body.scenario'],
    ];
    for (const [body, path] of cases) {
      const r = await post(app, body);
      expect(r.status, body).toBe(400);
      const e = (await r.json()) as ErrorBody;
      expect(e.issues.map((i) => i.path), body).toContain(path);
    }
    const near = (await (await post(app, JSON.stringify({ example: 'hypoxic-glioma-quik' }))).json()) as ErrorBody;
    expect(near.issues[0]!.message).toContain('did you mean "hypoxic-glioma-quick"');
    expect((await post(app, quick, 'multipart/form-data')).status).toBe(415);
  });

  it('refuses a body over the size limit with 413, and gives a 422 verdict for a scenario over the server limits', async () => {
    const small = createApp({ atlas, limits: { ...DEFAULT_LIMITS, bodyBytes: 2000, voxels: 400, cells: 100, durationMin: 600 } });
    const big = await post(small, JSON.stringify({ scenario: quick + `# ${'x'.repeat(3000)}\n` }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorBody).issues[0]!.path).toBe('body');
    const over = await post(small, quick, 'application/yaml');
    expect(over.status).toBe(200);
    const e = (await over.json()) as ErrorBody & { ok: boolean; status: number };
    expect([e.ok, e.status]).toEqual([false, 422]);
    expect(e.issues.map((i) => i.path)).toEqual(['domain', 'cells', 'time.duration']);
    expect(e.issues[0]!.message).toContain('625 voxels');
  });
});
