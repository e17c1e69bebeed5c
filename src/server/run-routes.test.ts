/**
 * Runs over HTTP, in process: the real simulation for create → live events → results → restart,
 * and a controllable executor double for the queue, cancel and limits.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../atlas/load.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { testScenarioText } from '../sim/test-scenarios.ts';
import { runScenario, type RunOptions, type RunSummary } from '../sim/run.ts';
import { parseScenario } from '../scenario/load-scenario.ts';
import { createApp } from './app.ts';
import { listen } from './serve.ts';
import { packagedScenarioDir } from './scenario-input.ts';
import type { ErrorBody } from './errors.ts';
import type { PublicRun, RunExecutor } from './runs/service.ts';
import { readSse, scratchDir, serverWithRuns } from './test-helpers.ts';

let atlas: Atlas;
beforeAll(() => {
  atlas = loadAtlas();
});

type App = ReturnType<typeof createApp>;

async function createRun(app: App, scenario: string, extra: Record<string, unknown> = {}): Promise<PublicRun> {
  const res = await app.request('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario, ...extra }) });
  expect(res.status, await res.clone().text()).toBe(202);
  expect(res.headers.get('location')).toMatch(/^\/api\/runs\//);
  return ((await res.json()) as { run: PublicRun }).run;
}

async function getRun(app: App, id: string): Promise<PublicRun> {
  return ((await (await app.request(`/api/runs/${id}`)).json()) as { run: PublicRun }).run;
}

async function waitFor(app: App, id: string, statuses: string[], timeoutMs = 60_000): Promise<PublicRun> {
  const t0 = Date.now();
  for (;;) {
    const r = await getRun(app, id);
    if (statuses.includes(r.status)) return r;
    if (Date.now() - t0 > timeoutMs) throw new Error(`run ${id} still ${r.status}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

const tiny = testScenarioText({ size: 200, radius: 60, duration: 60, output: 30 });

/** Test double: an executor each test releases by hand, recording how many ran at once. */
function gatedExecutor() {
  const gates: (() => void)[] = [];
  const started: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const executor: RunExecutor = async (loaded, opts: RunOptions) => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    started.push(opts.outDir);
    opts.onProgress?.({ timeMin: 0, durationMin: loaded.scenario.time.duration, cells: 10, wallSeconds: 0 });
    const aborted = await new Promise<boolean>((res) => {
      gates.push(() => { res(false); });
      opts.signal?.addEventListener('abort', () => { res(true); });
    });
    running--;
    return { status: aborted ? 'cancelled' : 'finished', stateDigest: 'double', wallSeconds: 0, simulatedMinutes: 0, cells: { live: 10, total: 10 }, maxMassBalanceError: 0, finishedAt: new Date().toISOString() } as unknown as RunSummary;
  };
  return { executor, gates, started, maxRunning: () => maxRunning };
}

describe('runs API with the simulation', () => {
  it('runs a scenario: live events, time series, cells, fields and summary; results survive a restart', async () => {
    const { app, runs, dataDir } = await serverWithRuns(atlas);
    const run = await createRun(app, tiny);
    expect(run.status === 'queued' || run.status === 'running').toBe(true);
    expect(run.size).toMatchObject({ voxels: 100, cellsExact: true });
    const events = await readSse(await app.request(`/api/runs/${run.id}/events`), (e) => e.event === 'status' && (JSON.parse(e.data) as PublicRun).status === 'finished');
    const kinds = events.map((e) => e.event);
    expect(kinds).toContain('progress');
    expect(kinds.filter((k) => k === 'frame').length).toBeGreaterThanOrEqual(2);
    const last = JSON.parse(events[events.length - 1]!.data) as PublicRun;
    expect(last.status).toBe('finished');
    expect(last.result?.stateDigest).toMatch(/^[0-9a-f]{64}$/);

    const ts = (await (await app.request(`/api/runs/${run.id}/timeseries`)).json()) as { rows: Record<string, number>[]; columns: { name: string }[] };
    expect(ts.rows.map((r) => r.time_min)).toEqual([0, 30, 60]);
    expect(ts.columns.map((c) => c.name)).toContain('hif_mean');

    const snaps = (await (await app.request(`/api/runs/${run.id}/snapshots`)).json()) as { cells: number[]; fields: number[]; timeseries: boolean };
    expect(snaps).toEqual({ cells: [0, 30, 60], fields: [0, 30, 60], timeseries: true });
    const cells = await app.request(`/api/runs/${run.id}/cells?t=60&var=o2_mmhg`);
    expect(cells.status).toBe(200);
    const n = Number(cells.headers.get('x-cells'));
    expect(n).toBeGreaterThan(20);
    const data = new Float32Array(await cells.arrayBuffer());
    expect(data.length).toBe(5 * n);
    for (let i = 0; i < n; i++) {
      expect(data[i]).toBeGreaterThanOrEqual(0);
      expect(data[i]).toBeLessThanOrEqual(200);
      expect(data[2 * n + i]).toBeGreaterThan(1);
      expect(data[3 * n + i]).toBeGreaterThan(0); // O2 in mmHg
    }
    expect(cells.headers.get('x-variables')!.split(',')).toEqual(expect.arrayContaining(['hif', 'o2_mmhg', 'frk']));
    const field = await app.request(`/api/runs/${run.id}/fields?name=oxygen`);
    expect([field.headers.get('x-nx'), field.headers.get('x-ny')]).toEqual(['10', '10']);
    expect(new Float32Array(await field.arrayBuffer()).length).toBe(100);
    const summary = (await (await app.request(`/api/runs/${run.id}/summary`)).json()) as RunSummary;
    expect(summary.stateDigest).toBe(last.result!.stateDigest);
    // the same state as `exoscape run` gives (runScenario on this thread)
    const direct = await runScenario(parseScenario(join(packagedScenarioDir(), 'submitted.yaml'), tiny), { outDir: scratchDir() });
    expect(direct.stateDigest).toBe(summary.stateDigest);

    // bad result queries
    expect((await app.request(`/api/runs/${run.id}/cells?var=colour`)).status).toBe(400);
    expect((await app.request(`/api/runs/${run.id}/cells?t=45`)).status).toBe(404);
    expect((await app.request('/api/runs/nope/timeseries')).status).toBe(404);
    expect((await app.request(`/api/runs/${run.id}/cancel`, { method: 'POST' })).status).toBe(409);

    // a new server over the same data directory lists the run and serves its results
    await runs.close();
    const again = await serverWithRuns(atlas, { dataDir });
    const list = (await (await again.app.request('/api/runs')).json()) as { runs: PublicRun[] };
    expect(list.runs.map((r) => [r.id, r.status])).toEqual([[run.id, 'finished']]);
    const ts2 = (await (await again.app.request(`/api/runs/${run.id}/timeseries`)).json()) as { rows: unknown[] };
    expect(ts2.rows).toEqual(ts.rows);
    expect(existsSync(join(dataDir, 'runs.json'))).toBe(true);
    await again.runs.close();
  }, 120_000);

  it('pauses a run and resumes it to the same final state as an uninterrupted run', async () => {
    const text = testScenarioText({ size: 200, radius: 60, duration: 120, output: 30 });
    const { app, runs } = await serverWithRuns(atlas);
    const straight = await createRun(app, text);
    const done = await waitFor(app, straight.id, ['finished']);
    const paused = await createRun(app, text);
    // pause after the second output time
    await readSse(await app.request(`/api/runs/${paused.id}/events`), (e) => e.event === 'frame' && (JSON.parse(e.data) as { timeMin: number }).timeMin >= 30);
    const p = await (await app.request(`/api/runs/${paused.id}/pause`, { method: 'POST' })).json() as { run: PublicRun };
    expect(p.run.status).toBe('paused');
    expect(p.run.progress!.timeMin).toBeLessThan(120);
    expect((await app.request(`/api/runs/${paused.id}/pause`, { method: 'POST' })).status).toBe(409);
    const resumed = await (await app.request(`/api/runs/${paused.id}/resume`, { method: 'POST' })).json() as { run: PublicRun };
    expect(resumed.run.status).toBe('queued');
    const end = await waitFor(app, paused.id, ['finished']);
    expect(end.result!.stateDigest).toBe(done.result!.stateDigest);
    await runs.close();
  }, 180_000);

  it('keeps answering requests over HTTP while a run computes, streams progress between output times, and cancels promptly', async () => {
    // One 12 h output interval of the quick slice (seconds of computing). A run on the server's own
    // thread would leave its socket unanswered until the interval ends; runs execute in worker threads.
    const long = readFileSync(join(packagedScenarioDir(), 'hypoxic-glioma-quick.yaml'), 'utf8').replace('output: 120', 'output: 720');
    const { app, runs } = await serverWithRuns(atlas);
    const server = await listen(app, '127.0.0.1', 0);
    try {
      const created = await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: long });
      expect(created.status).toBe(202);
      const { run } = (await created.json()) as { run: PublicRun };
      const events = await readSse(await fetch(`${server.url}/api/runs/${run.id}/events`), (e) => e.event === 'progress' && (JSON.parse(e.data) as { timeMin: number }).timeMin >= 60);
      const times = events.filter((e) => e.event === 'progress').map((e) => (JSON.parse(e.data) as { timeMin: number }).timeMin);
      expect(times[times.length - 1]).toBeLessThan(720);
      const t0 = performance.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(performance.now() - t0).toBeLessThan(1000);
      const t1 = performance.now();
      const c = (await (await fetch(`${server.url}/api/runs/${run.id}/cancel`, { method: 'POST' })).json()) as { run: PublicRun };
      expect(c.run.status).toBe('cancelled');
      expect(performance.now() - t1).toBeLessThan(5000);
      expect(c.run.progress!.timeMin).toBeLessThan(720);
    } finally {
      await server.close();
      await runs.close();
    }
  }, 120_000);
});

describe('runs API: queue, cancel, limits, restart (executor double)', () => {
  it('executes at most the configured number of runs at once; the rest wait in order', async () => {
    const gate = gatedExecutor();
    const { app, runs } = await serverWithRuns(atlas, { executor: gate.executor, limits: { concurrentRuns: 2 } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await createRun(app, tiny)).id);
    await waitFor(app, ids[1]!, ['running']);
    expect((await getRun(app, ids[2]!)).status).toBe('queued');
    const list = (await (await app.request('/api/runs')).json()) as { executing: number; queued: number };
    expect([list.executing, list.queued]).toEqual([2, 2]);
    while (gate.gates.length > 0 || (await getRun(app, ids[3]!)).status !== 'finished') {
      gate.gates.shift()?.();
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const id of ids) expect((await getRun(app, id)).status).toBe('finished');
    expect(gate.maxRunning()).toBe(2);
    expect(gate.started.map((d) => d.split('/').pop())).toEqual(ids);
    await runs.close();
  });

  it('cancels a queued run at once and an executing one at its next step; 409 after', async () => {
    const gate = gatedExecutor();
    const { app, runs } = await serverWithRuns(atlas, { executor: gate.executor });
    const a = await createRun(app, tiny);
    const b = await createRun(app, tiny);
    await waitFor(app, a.id, ['running']);
    const cb = (await (await app.request(`/api/runs/${b.id}/cancel`, { method: 'POST' })).json()) as { run: PublicRun };
    expect(cb.run.status).toBe('cancelled');
    const ca = (await (await app.request(`/api/runs/${a.id}/cancel`, { method: 'POST' })).json()) as { run: PublicRun };
    expect(ca.run.status).toBe('cancelled');
    expect((await app.request(`/api/runs/${a.id}/cancel`, { method: 'POST' })).status).toBe(409);
    expect((await app.request(`/api/runs/${a.id}/resume`, { method: 'POST' })).status).toBe(409);
    expect(gate.started).toHaveLength(1);
    await runs.close();
  });

  it('refuses scenarios over the limits (422), a full queue (429), and invalid scenarios (400)', async () => {
    const gate = gatedExecutor();
    const { app, runs } = await serverWithRuns(atlas, { executor: gate.executor, limits: { voxels: 50, queuedRuns: 1, threadsPerRun: 2 } });
    const post = (body: unknown): Promise<Response> => Promise.resolve(app.request('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    const big = await post({ scenario: tiny });
    expect(big.status).toBe(422);
    expect(((await big.json()) as ErrorBody).issues[0]!.path).toBe('domain');
    const small = testScenarioText({ size: 100, radius: 30, duration: 60, output: 30 });
    const threads = await post({ scenario: small, threads: 8 });
    expect(threads.status).toBe(422);
    expect(((await threads.json()) as ErrorBody).issues[0]!.path).toBe('body.threads');
    const bad = await post({ scenario: small.replace('duration: 60', 'duration: -5') });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).issues.some((i) => i.path === 'time.duration' && i.line === 4)).toBe(true);
    await createRun(app, small); // executes
    await createRun(app, small); // waits
    const full = await post({ scenario: small });
    expect(full.status).toBe(429);
    await runs.close();
  });

  it('fails a run whose tissue grows beyond the cell limit', async () => {
    // Test double: an executor that reports a population over the limit and stops when asked.
    const executor: RunExecutor = (_loaded, opts) => {
      opts.onProgress?.({ timeMin: 6, durationMin: 60, cells: 5000, wallSeconds: 0.1 });
      expect(opts.signal?.aborted).toBe(true);
      return Promise.resolve({ status: 'cancelled', finishedAt: new Date().toISOString() } as unknown as RunSummary);
    };
    const { app, runs } = await serverWithRuns(atlas, { executor, limits: { cells: 1000 } });
    const r = await createRun(app, testScenarioText({ size: 100, radius: 30, duration: 60, output: 30 }));
    const end = await waitFor(app, r.id, ['failed']);
    expect(end.error).toContain("grew to 5000 cells, above this server's limit of 1000");
    await runs.close();
  });

  it('after a restart, a run that was executing is interrupted (resumable) and queued runs start', async () => {
    const gate = gatedExecutor();
    const first = await serverWithRuns(atlas, { executor: gate.executor });
    const a = await createRun(first.app, tiny);
    const b = await createRun(first.app, tiny);
    await waitFor(first.app, a.id, ['running']);
    // simulate a crash: the registry on disk still says a is running and b is queued
    const file = join(first.dataDir, 'runs.json');
    const saved = readFileSync(file, 'utf8');
    await first.runs.close();
    writeFileSync(file, saved);
    const gate2 = gatedExecutor();
    const second = await serverWithRuns(atlas, { dataDir: first.dataDir, executor: gate2.executor });
    const ra = await getRun(second.app, a.id);
    expect(ra.status).toBe('interrupted');
    expect(ra.error).toContain('resume');
    while (gate2.gates.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect((await getRun(second.app, b.id)).status).toBe('running');
    gate2.gates.shift()!();
    await waitFor(second.app, b.id, ['finished']);
    await second.runs.close();
  });

  it('answers 503 on /api/runs when the server keeps no runs', async () => {
    const app = createApp({ atlas });
    const r = await app.request('/api/runs');
    expect(r.status).toBe(503);
    expect(((await r.json()) as ErrorBody).error).toContain('runs are not enabled');
    expect(scratchDir()).toBeTruthy();
  });
});
