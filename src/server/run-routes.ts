/**
 * /api/runs: create a run from a scenario, list, status, cancel, pause, resume, live progress
 * (server-sent events), and results — time series, cell and field snapshots (binary, for the
 * tissue view), summary. Runs persist in the server's data directory (runs/service.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { Atlas } from '../atlas/atlas.ts';
import { runLayout } from '../io/results/layout.ts';
import { readTimeSeries } from '../io/results/reader.ts';
import { ApiError } from './errors.ts';
import { streamJobEvents } from './event-stream.ts';
import { limitIssues, scenarioSize, type ServerLimits } from './limits.ts';
import { queryOf } from './params.ts';
import { parseSubmitted, readScenarioRequest } from './scenario-input.ts';
import { cellFrame, fieldPlane, snapshotTimes } from './runs/frames.ts';
import { FINAL_STATUSES } from './runs/registry.ts';
import { publicRun, type RunEvent, type RunService } from './runs/service.ts';
import type { TimeSeries } from './runs/api-types.ts';

function timeParam(q: Record<string, string>): number | undefined {
  const raw = q.t;
  if (raw === undefined || raw === '') return undefined;
  const t = Number(raw);
  if (!Number.isFinite(t) || t < 0) throw new ApiError(400, 'invalid query', [{ path: 'query.t', message: `must be an output time in minutes (found "${raw}")` }]);
  return t;
}

function binary(c: Context, data: Float32Array, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header('Content-Type', 'application/octet-stream');
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength));
}

export function runRoutes(runs: RunService | undefined, atlas: Atlas, examplesDir: string, limits: ServerLimits): Hono {
  const app = new Hono();
  const svc = (): RunService => {
    if (runs === undefined) throw new ApiError(503, 'runs are not enabled on this server (`exoscape serve` keeps them in --data-dir)');
    return runs;
  };

  app.post('/', async (c) => {
    queryOf(c, []);
    const s = svc();
    const req = await readScenarioRequest(c, examplesDir, true);
    const loaded = parseSubmitted(req, examplesDir, atlas);
    const size = scenarioSize(loaded);
    const over = limitIssues(size, limits);
    if (req.threads !== undefined && req.threads > limits.threadsPerRun) over.push({ path: 'body.threads', message: `at most ${limits.threadsPerRun} threads per run on this server` });
    if (over.length > 0) throw new ApiError(422, 'the scenario is larger than this server runs', over);
    const run = await s.create({ text: req.text, file: req.file }, loaded, size, { ...(req.seed !== undefined ? { seed: req.seed } : {}), ...(req.threads !== undefined ? { threads: req.threads } : {}) });
    c.header('Location', `/api/runs/${run.id}`);
    return c.json({ run }, 202);
  });

  app.get('/', (c) => {
    queryOf(c, []);
    const s = svc();
    return c.json({ runs: s.list(), executing: s.executing(), queued: s.queued(), concurrentRuns: limits.concurrentRuns });
  });

  app.get('/:id', (c) => {
    queryOf(c, []);
    const r = svc().get(c.req.param('id'));
    return c.json({ run: publicRun(r), scenario: r.request.text });
  });

  app.post('/:id/cancel', async (c) => {
    queryOf(c, []);
    return c.json({ run: await svc().cancel(c.req.param('id')) });
  });
  app.post('/:id/pause', async (c) => {
    queryOf(c, []);
    return c.json({ run: await svc().pause(c.req.param('id')) });
  });
  app.post('/:id/resume', async (c) => {
    queryOf(c, []);
    return c.json({ run: await svc().resume(c.req.param('id')) });
  });

  app.get('/:id/events', (c) => {
    queryOf(c, []);
    const s = svc();
    const id = c.req.param('id');
    const run = s.get(id);
    return streamJobEvents<RunEvent>(c, {
      subscribe: (listener) => s.subscribe(id, listener),
      initial: [{ event: 'status', data: publicRun(run) }],
      ended: FINAL_STATUSES.has(run.status),
      message: (e) => (e.type === 'status' ? { event: 'status', data: e.run } : e.type === 'progress' ? { event: 'progress', data: e.progress } : { event: 'frame', data: { timeMin: e.timeMin, cells: e.cells } }),
      isFinal: (e) => e.type === 'status' && FINAL_STATUSES.has(e.run.status),
    });
  });

  app.get('/:id/timeseries', async (c) => {
    queryOf(c, []);
    const s = svc();
    const dir = s.runDir(c.req.param('id'));
    if (!existsSync(runLayout(dir).timeseries)) throw new ApiError(404, 'no time series yet (the first output time has not been reached, or the scenario turned time series off)');
    const series: TimeSeries = await readTimeSeries(dir);
    return c.json(series);
  });

  app.get('/:id/snapshots', (c) => {
    queryOf(c, []);
    const dir = svc().runDir(c.req.param('id'));
    return c.json({ cells: snapshotTimes(dir, 'cells'), fields: snapshotTimes(dir, 'fields'), timeseries: existsSync(runLayout(dir).timeseries) });
  });

  app.get('/:id/cells', async (c) => {
    const q = queryOf(c, ['t', 'var']);
    const s = svc();
    const id = c.req.param('id');
    const r = s.get(id);
    const variable = q.var ?? 'hif';
    const midZ = r.domain.dimensions === 3 ? r.domain.size[2] / 2 : undefined;
    const frame = await cellFrame(s.runDir(id), timeParam(q), variable, s.frame(id), midZ);
    if (frame === undefined) throw new ApiError(404, q.t !== undefined ? `no cell snapshot at t = ${q.t} min` : 'no cells yet (the run has not reached its first output time)');
    if (!frame.variables.includes(variable)) throw new ApiError(400, 'invalid query', [{ path: 'query.var', message: `unknown cell variable "${variable}"; this run has ${frame.variables.join(', ')}` }]);
    return binary(c, frame.data, { 'X-Time-Min': String(frame.timeMin), 'X-Cells': String(frame.count), 'X-Variables': frame.variables.join(',') });
  });

  app.get('/:id/fields', async (c) => {
    const q = queryOf(c, ['t', 'name']);
    const s = svc();
    const name = q.name ?? 'oxygen';
    const plane = await fieldPlane(s.runDir(c.req.param('id')), timeParam(q), name);
    if (plane === undefined) throw new ApiError(404, q.t !== undefined ? `no field snapshot at t = ${q.t} min` : 'no field snapshot yet');
    if (!plane.names.includes(name)) throw new ApiError(400, 'invalid query', [{ path: 'query.name', message: `unknown field "${name}"; this run has ${plane.names.join(', ')}` }]);
    return binary(c, plane.data, { 'X-Time-Min': String(plane.timeMin), 'X-Nx': String(plane.nx), 'X-Ny': String(plane.ny), 'X-Dx-Um': String(plane.dxUm), 'X-Fields': plane.names.join(',') });
  });

  app.get('/:id/summary', (c) => {
    queryOf(c, []);
    const dir = svc().runDir(c.req.param('id'));
    for (const f of ['summary.json', 'cancelled.json']) {
      const p = join(dir, f);
      if (existsSync(p)) return c.json(JSON.parse(readFileSync(p, 'utf8')) as unknown);
    }
    throw new ApiError(404, 'no summary yet (the run has not finished or stopped)');
  });

  return app;
}
