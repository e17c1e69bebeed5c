/**
 * Assays and experiments over HTTP, in process: the real library in worker threads for an assay
 * (at a tenth of its protocol time) from request to figures and across a restart, request
 * validation, cancel, and executor doubles for the shared queue, the claims of a reproduction and
 * the restart of an executing experiment.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../atlas/atlas.ts';
import { loadAtlas } from '../atlas/load.ts';
import { runExperiment } from '../experiments/experiment.ts';
import { claimsJson } from '../experiments/claims-format.ts';
import { QIAN2021_CLAIMS, reproduceQian2021 } from '../experiments/qian2021.ts';
import { DEFAULT_OPTIONS } from '../experiments/types.ts';
import type { RunOptions, RunSummary } from '../sim/run.ts';
import { testScenarioText } from '../sim/test-scenarios.ts';
import { createApp } from './app.ts';
import type { ErrorBody } from './errors.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import type { ExperimentRecord } from './experiments/registry.ts';
import type { AssayCatalog, ExperimentView } from './experiments/api-types.ts';
import type { ExperimentExecutor } from './experiments/worker-executor.ts';
import type { RunExecutor } from './runs/service.ts';
import { readSse, serverWithExperiments } from './test-helpers.ts';

let atlas: Atlas;
beforeAll(() => {
  atlas = loadAtlas();
});

type App = ReturnType<typeof createApp>;
/** Assays at a tenth of their protocol time: seconds instead of minutes. */
const QUICK = { timeScale: 0.1 };

function post(app: App, body: unknown, type = 'application/json'): Promise<Response> {
  return Promise.resolve(app.request('/api/experiments', { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

async function create(app: App, body: unknown): Promise<ExperimentRecord> {
  const res = await post(app, body);
  expect(res.status, await res.clone().text()).toBe(202);
  expect(res.headers.get('location')).toMatch(/^\/api\/experiments\//);
  return ((await res.json()) as { experiment: ExperimentRecord }).experiment;
}

async function getExperiment(app: App, id: string): Promise<{ experiment: ExperimentRecord; result: ExperimentView | null }> {
  return (await (await app.request(`/api/experiments/${id}`)).json()) as { experiment: ExperimentRecord; result: ExperimentView | null };
}

async function waitFor(app: App, id: string, statuses: string[], timeoutMs = 60_000): Promise<ExperimentRecord> {
  const t0 = Date.now();
  for (;;) {
    const { experiment } = await getExperiment(app, id);
    if (statuses.includes(experiment.status)) return experiment;
    if (Date.now() - t0 > timeoutMs) throw new Error(`experiment ${id} still ${experiment.status}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** Test double: an experiment executor each test releases by hand. */
function gatedExperiments() {
  const gates: (() => void)[] = [];
  const started: string[] = [];
  const executor: ExperimentExecutor = async (request, opts) => {
    started.push(request.kind === 'assay' ? request.assay : request.study);
    opts.onProgress(0, 2);
    const aborted = await new Promise<boolean>((res) => {
      gates.push(() => { res(false); });
      opts.signal.addEventListener('abort', () => { res(true); });
    });
    if (aborted) return null;
    return { kind: request.kind, claims: null, experiment: await runExperiment([{ assay: 'uptake', arms: ['PBS', 'H-GDE'] }], { replicates: 2, seed: 1, workers: 1, options: opts.options }) };
  };
  return { executor, gates, started };
}

/** Test double: a run executor each test releases by hand. */
function gatedRuns() {
  const gates: (() => void)[] = [];
  const executor: RunExecutor = async (_loaded, opts: RunOptions) => {
    const aborted = await new Promise<boolean>((res) => {
      gates.push(() => { res(false); });
      opts.signal?.addEventListener('abort', () => { res(true); });
    });
    return { status: aborted ? 'cancelled' : 'finished', stateDigest: 'double', wallSeconds: 0, simulatedMinutes: 0, cells: { live: 1, total: 1 }, maxMassBalanceError: 0, finishedAt: new Date().toISOString() } as unknown as RunSummary;
  };
  return { executor, gates };
}

describe('GET /api/assays', () => {
  it('lists every assay with its arms (and what each means), readouts, protocol and defaults, and the reproducible study', async () => {
    const app = createApp({ atlas, limits: { ...DEFAULT_LIMITS, experimentReplicates: 6 } });
    const res = await app.request('/api/assays');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AssayCatalog;
    expect(body.assays.map((a) => a.name)).toEqual(['production', 'uptake', 'recipients', 'transwell-migration', 'matrigel-invasion', 'wound-healing', 'orthotopic']);
    const uptake = body.assays.find((a) => a.name === 'uptake')!;
    expect(uptake.arms.map((a) => a.name)).toEqual(['PBS', 'N-GDE', 'H-GDE', 'H-GDE+heparin']);
    expect(uptake.arms.find((a) => a.name === 'H-GDE+heparin')!.description).toContain('heparin');
    expect(uptake.readouts.map((r) => r.key)).toContain('internalized_24h');
    expect(uptake.protocol.length).toBeGreaterThan(0);
    expect(uptake.defaultArms).toContain(uptake.control);
    for (const a of body.assays) expect(a.readouts.map((r) => r.key)).toContain(a.primary);
    expect(body.studies[0]!.id).toBe('qian2021');
    expect(body.studies[0]!.claims.map((c) => c.id)).toEqual(QIAN2021_CLAIMS.map((c) => c.id));
    expect(body.studies[0]!.plans.map((p) => p.assay)).toContain('orthotopic');
    expect(body.replicates).toEqual({ default: 4, min: 2, max: 6 });
    expect(body.protocolParameters.find((p) => p.name === 'uptake.dose')!.value).toBe(DEFAULT_OPTIONS.uptakeDose);
  });
});

describe('experiments API with the library', () => {
  it('runs an assay off the main thread with live progress; the result has replicate values, statistics and figures, and survives a restart', async () => {
    const s = await serverWithExperiments(atlas, { options: QUICK });
    const e = await create(s.app, { kind: 'assay', assay: 'uptake', arms: ['pbs', 'H-GDE'], replicates: 2, seed: 3 });
    expect(e.request).toEqual({ kind: 'assay', assay: 'uptake', arms: ['PBS', 'H-GDE'], replicates: 2, seed: 3 });
    expect(e.title).toBe('uptake: PBS, H-GDE · n = 2');
    const events = await readSse(await s.app.request(`/api/experiments/${e.id}/events`), (ev) => ev.event === 'status' && (JSON.parse(ev.data) as ExperimentRecord).status === 'finished');
    const progress = events.filter((ev) => ev.event === 'progress').map((ev) => JSON.parse(ev.data) as { done: number; total: number });
    // 2 arms × 2 replicates = 4 jobs, reported as they finish
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.total === 4)).toBe(true);
    expect(progress[progress.length - 1]!.done).toBe(4);
    const { experiment, result } = await getExperiment(s.app, e.id);
    expect(experiment.status).toBe('finished');
    expect(experiment.summary).toMatchObject({ assays: ['uptake'], claims: null });
    expect(result!.kind).toBe('assay');
    expect(result!.claims).toBeNull();
    const a = result!.assays[0]!;
    expect([a.assay, a.control, a.replicates]).toEqual(['uptake', 'PBS', 2]);
    const internalized = a.readouts.find((r) => r.key === 'internalized_24h')!;
    expect(Object.keys(internalized.values)).toEqual(['PBS', 'H-GDE']);
    expect(internalized.values.PBS).toHaveLength(2);
    expect(internalized.values['H-GDE']).toHaveLength(2);
    // PBS gets no labelled vesicles; H-GDE-treated cells internalize some
    expect(internalized.values.PBS).toEqual([0, 0]);
    expect(Math.min(...internalized.values['H-GDE']!)).toBeGreaterThan(0);
    expect(internalized.stats?.ok === true && internalized.stats.result.method).toContain('Welch');
    // the same values as the library gives in process (results do not depend on threads)
    const direct = await runExperiment([{ assay: 'uptake', arms: ['PBS', 'H-GDE'] }], { replicates: 2, seed: 3, workers: 1, options: { ...DEFAULT_OPTIONS, ...QUICK } });
    expect(internalized.values['H-GDE']).toEqual(direct.assays[0]!.results.filter((r) => r.arm === 'H-GDE').map((r) => r.values.internalized_24h));
    // figures as in the HTML report: bars with replicate dots, time courses
    const ids = result!.figures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['uptake-internalized-24h', 'uptake-labelled-fraction-course', 'uptake-internalized-course']));
    expect(a.figures).toEqual(ids);
    const bars = result!.figures.find((f) => f.id === 'uptake-internalized-24h')!;
    expect(bars.spec.$schema).toContain('vega-lite');
    const dots = (bars.spec.layer as { data?: { values?: { arm: string; value: number }[] }; mark?: { type?: string } }[]).find((l) => l.mark?.type === 'point' || (l.mark as unknown) === 'point');
    expect(dots?.data?.values?.map((v) => v.value).sort()).toEqual([...internalized.values.PBS!, ...internalized.values['H-GDE']!].sort());
    // a new server over the same data directory lists it with its result
    await s.close();
    const again = await serverWithExperiments(atlas, { dataDir: s.dataDir, options: QUICK });
    const list = (await (await again.app.request('/api/experiments')).json()) as { experiments: ExperimentRecord[] };
    expect(list.experiments.map((x) => [x.id, x.status])).toEqual([[e.id, 'finished']]);
    expect((await getExperiment(again.app, e.id)).result).toEqual(result);
    expect(existsSync(join(s.dataDir, 'experiments', 'experiments.json'))).toBe(true);
    await again.close();
  }, 120_000);

  it('cancels an executing experiment at once: its threads stop and it has no result', async () => {
    const s = await serverWithExperiments(atlas, { limits: { threadsPerRun: 2 } });
    const threads = (): number => readdirSync('/proc/self/task').length;
    const before = threads();
    // the full wound-healing protocol takes many seconds; cancel while its first jobs compute
    const e = await create(s.app, { kind: 'assay', assay: 'wound-healing', arms: ['PBS', 'H-GDE'], replicates: 2 });
    await waitFor(s.app, e.id, ['running']);
    // the experiment's thread and its two job threads start
    for (let k = 0; k < 100 && threads() < before + 3; k++) await new Promise((res) => setTimeout(res, 50));
    expect(threads()).toBeGreaterThanOrEqual(before + 3);
    const t0 = performance.now();
    const res = await s.app.request(`/api/experiments/${e.id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { experiment: ExperimentRecord }).experiment.status).toBe('cancelled');
    expect(performance.now() - t0).toBeLessThan(3000);
    expect((await getExperiment(s.app, e.id)).result).toBeNull();
    expect(s.experiments.executing()).toBe(0);
    expect(threads()).toBeLessThanOrEqual(before);
    expect((await s.app.request(`/api/experiments/${e.id}/cancel`, { method: 'POST' })).status).toBe(409);
    await s.close();
  }, 60_000);
});

describe('experiments API: validation, queue, claims, restart', () => {
  it('answers bad requests with 400 and the field path, too many replicates with 422', async () => {
    const s = await serverWithExperiments(atlas, { executor: gatedExperiments().executor, limits: { experimentReplicates: 6 } });
    const issues = async (body: unknown, status: number, type?: string): Promise<ErrorBody['issues']> => {
      const res = await post(s.app, body, type);
      expect(res.status, JSON.stringify(body)).toBe(status);
      return ((await res.json()) as ErrorBody).issues;
    };
    /** The only issue is at `path` and its message contains `text`. */
    const only = (list: ErrorBody['issues'], path: string, text: string): void => {
      expect(list.map((i) => i.path)).toEqual([path]);
      expect(list[0]!.message).toContain(text);
    };
    only(await issues({ kind: 'assay', assay: 'uptak' }, 400), 'body.assay', 'did you mean "uptake"?');
    only(await issues({ kind: 'assay', assay: 'uptake', arms: ['PBS', 'H-GED'] }, 400), 'body.arms[1]', 'did you mean "H-GDE"?');
    expect((await issues({ kind: 'assay', assay: 'uptake', arms: ['PBS'] }, 400))[0]!.path).toBe('body.arms');
    expect(await issues({ kind: 'assay', assay: 'uptake', arms: ['PBS', 'pbs'] }, 400)).toEqual([{ path: 'body.arms[1]', message: 'arm "PBS" is listed twice' }]);
    expect((await issues({ kind: 'assay', assay: 'uptake', replicates: 1 }, 400))[0]!.path).toBe('body.replicates');
    expect((await issues({ kind: 'assay', assay: 'uptake', seed: -1 }, 400))[0]!.path).toBe('body.seed');
    only(await issues({ kind: 'assay', assay: 'uptake', replicate: 3 }, 400), 'body.replicate', 'did you mean "replicates"?');
    expect((await issues({ kind: 'reproduce', study: 'qian2021', arms: ['PBS', 'H-GDE'] }, 400))[0]!.path).toBe('body.arms');
    only(await issues({ kind: 'reproduce', study: 'qian2020' }, 400), 'body.study', 'did you mean "qian2021"?');
    expect((await issues({ assay: 'uptake' }, 400))[0]!.path).toBe('body.kind');
    expect((await issues('[1, 2]', 400))[0]!.path).toBe('body');
    expect((await issues('{"kind": ', 400))[0]!.path).toBe('body');
    expect((await issues('kind: assay', 415, 'application/yaml'))[0]!.path).toBe('headers.content-type');
    // several problems at once
    expect((await issues({ kind: 'assay', assay: 'uptake', arms: ['x', 'y'], replicates: 0 }, 400)).map((i) => i.path)).toEqual(['body.replicates', 'body.arms[0]', 'body.arms[1]']);
    only(await issues({ kind: 'reproduce', study: 'qian2021', replicates: 7 }, 422), 'body.replicates', 'at most 6');
    expect((await s.app.request('/api/experiments/nope')).status).toBe(404);
    expect((await s.app.request('/api/experiments?x=1')).status).toBe(400);
    expect(s.experiments.list()).toEqual([]);
    await s.close();
  });

  it('queues experiments with runs in one first-in first-out queue over the shared slots', async () => {
    const ex = gatedExperiments();
    const rx = gatedRuns();
    const s = await serverWithExperiments(atlas, { executor: ex.executor, runExecutor: rx.executor, limits: { concurrentRuns: 1 } });
    const tiny = testScenarioText({ size: 100, radius: 30, duration: 60, output: 30 });
    const runPost = (): Promise<Response> => Promise.resolve(s.app.request('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: tiny }) }));
    const r1 = ((await (await runPost()).json()) as { run: { id: string } }).run;
    const e1 = await create(s.app, { kind: 'assay', assay: 'uptake', arms: ['PBS', 'H-GDE'], replicates: 2 });
    const r2 = ((await (await runPost()).json()) as { run: { id: string } }).run;
    const e2 = await create(s.app, { kind: 'reproduce', study: 'qian2021', replicates: 2 });
    const status = async (): Promise<string[]> => [
      (s.runs.get(r1.id)).status,
      (await getExperiment(s.app, e1.id)).experiment.status,
      (s.runs.get(r2.id)).status,
      (await getExperiment(s.app, e2.id)).experiment.status,
    ];
    const until = async (want: string[]): Promise<void> => {
      for (let k = 0; k < 400 && (await status()).join() !== want.join(); k++) await new Promise((res) => setTimeout(res, 25));
      expect(await status()).toEqual(want);
    };
    await until(['running', 'queued', 'queued', 'queued']);
    const list = (await (await s.app.request('/api/experiments')).json()) as { executing: number; queued: number; experiments: ExperimentRecord[] };
    expect([list.executing, list.queued, list.experiments.length]).toEqual([0, 2, 2]);
    const release = async (gates: (() => void)[]): Promise<void> => {
      // the status says running a moment before the executor is called
      while (gates.length === 0) await new Promise((res) => setTimeout(res, 20));
      gates.shift()!();
    };
    await release(rx.gates); // run 1 ends → the experiment that came next starts, not run 2
    await until(['finished', 'running', 'queued', 'queued']);
    // cancel a queued experiment: it never starts
    expect(((await (await s.app.request(`/api/experiments/${e2.id}/cancel`, { method: 'POST' })).json()) as { experiment: ExperimentRecord }).experiment.status).toBe('cancelled');
    await release(ex.gates);
    await until(['finished', 'finished', 'running', 'cancelled']);
    await release(rx.gates);
    await until(['finished', 'finished', 'finished', 'cancelled']);
    expect(ex.started).toEqual(['uptake']);
    await s.close();
  }, 60_000);

  it('returns the claims table of a reproduction with its figures', async () => {
    // Test double: the real reproduction restricted to two cheap claims (production and uptake), in process.
    const claims = QIAN2021_CLAIMS.filter((c) => c.id === 'F1' || c.id === 'F3b');
    let cli: unknown;
    const executor: ExperimentExecutor = async (request, opts) => {
      const rep = await reproduceQian2021({ replicates: request.replicates, seed: request.seed, workers: 1, options: opts.options }, claims);
      cli = JSON.parse(JSON.stringify(claimsJson(rep.claims).claims)) as unknown;
      return { kind: 'reproduce', experiment: rep.experiment, claims: rep.claims };
    };
    const s = await serverWithExperiments(atlas, { executor, options: QUICK });
    const e = await create(s.app, { kind: 'reproduce', study: 'qian2021', replicates: 2, seed: 3 });
    expect(e.title).toBe('Reproduce Qian et al. 2021 · n = 2');
    const done = await waitFor(s.app, e.id, ['finished'], 120_000);
    expect(done.summary).toMatchObject({ assays: ['production', 'uptake'], claims: 2 });
    const { result } = await getExperiment(s.app, e.id);
    const table = result!.claims!;
    // the table `exoscape reproduce --json` prints
    expect(table).toEqual(cli);
    expect(table.map((c) => c.id)).toEqual(['F1', 'F3b']);
    expect(table[1]!.statement).toBe('Heparin (HSPG blockade) lowers the internalization of H-GDEs.');
    expect(Object.keys(table[0]!.values)).toEqual(['21% O2', '5% O2', '1% O2']);
    expect(done.summary!.claimsHeld).toBe(table.filter((c) => c.holds).length);
    expect(result!.figures.map((f) => f.assay)).toEqual(expect.arrayContaining(['production', 'uptake']));
    expect(result!.figures.map((f) => f.id)).toContain('production-vesicles-per-cell');
    await s.close();
  }, 180_000);

  it('after a restart, an executing experiment is interrupted and a queued one starts', async () => {
    const ex = gatedExperiments();
    const first = await serverWithExperiments(atlas, { executor: ex.executor });
    const a = await create(first.app, { kind: 'assay', assay: 'uptake', arms: ['PBS', 'H-GDE'], replicates: 2 });
    const b = await create(first.app, { kind: 'assay', assay: 'production', replicates: 2 });
    await waitFor(first.app, a.id, ['running']);
    // simulate a crash: the registry on disk still says a is running and b is queued
    const file = join(first.dataDir, 'experiments', 'experiments.json');
    const saved = readFileSync(file, 'utf8');
    await first.close();
    writeFileSync(file, saved);
    const ex2 = gatedExperiments();
    const second = await serverWithExperiments(atlas, { dataDir: first.dataDir, executor: ex2.executor });
    const ra = (await getExperiment(second.app, a.id)).experiment;
    expect(ra.status).toBe('interrupted');
    expect(ra.error).toContain('submit it again');
    await waitFor(second.app, b.id, ['running']);
    while (ex2.gates.length === 0) await new Promise((res) => setTimeout(res, 20));
    expect(ex2.started).toEqual(['production']);
    ex2.gates.shift()!();
    await waitFor(second.app, b.id, ['finished']);
    await second.close();
  });

  it('answers 503 on /api/experiments when the server keeps none (assays are still listed)', async () => {
    const app = createApp({ atlas });
    const r = await app.request('/api/experiments');
    expect(r.status).toBe(503);
    expect(((await r.json()) as ErrorBody).error).toContain('experiments are not enabled');
    expect((await app.request('/api/assays')).status).toBe(200);
  });
});
