/**
 * `exoscape serve` — the HTTP API and the web app over the same library as the CLI. Binds to
 * 127.0.0.1 unless --host says otherwise; runs until interrupted (Ctrl+C or SIGTERM).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { UserError } from '../common/errors.ts';
import { loadAtlas } from '../atlas/load.ts';
import { createApp } from '../server/app.ts';
import { DEFAULT_LIMITS, type ServerLimits } from '../server/limits.ts';
import { packagedScenarioDir, parseSubmitted } from '../server/scenario-input.ts';
import { allowedHostsFor, isLoopback, listen } from '../server/serve.ts';
import { RunService } from '../server/runs/service.ts';
import { workerExecutor } from '../server/runs/worker-executor.ts';
import { ExperimentService } from '../server/experiments/service.ts';
import { workerExecutor as experimentExecutor } from '../server/experiments/worker-executor.ts';
import { WorkSlots } from '../server/slots.ts';
import type { Io } from './io.ts';

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`--port must be an integer from 0 to 65535 (found "${v}")`);
  return n;
}

function positive(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UserError(`${flag} must be a positive number (found "${v}")`);
    return n;
  };
}

function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`${flag} must be a positive integer (found "${v}")`);
    return n;
  };
}

interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  webRoot?: string;
  maxRuns: number;
  maxQueued: number;
  maxVoxels: number;
  maxCells: number;
  maxDuration: number;
  maxBody: number;
  maxReplicates: number;
}

/** The built web app next to the code: dist/web from both src/cli and dist/cli. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../dist/web', import.meta.url));
}

/** Resolves when the process is asked to stop. */
function untilStopped(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      done(signal);
    };
    const onInt = (): void => { stop('SIGINT'); };
    const onTerm = (): void => { stop('SIGTERM'); };
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export function serveCommand(io: Io, dataDir: () => string | undefined): Command {
  return new Command('serve')
    .description('serve the HTTP API (/api, described at /api/openapi.json) and the web app')
    .option('-p, --port <n>', 'TCP port (0 picks a free one)', port, 8787)
    .option('--host <address>', 'address to bind; anything but loopback exposes the server to your network', '127.0.0.1')
    .option('--data-dir <dir>', 'where runs, experiments and their results are kept (survive restarts)', '.exoscape/runs')
    .option('--web-root <dir>', 'serve the web app from this folder instead of the built dist/web')
    .option('--max-runs <n>', 'runs and experiments executing at once; the rest wait in a queue', positiveInt('--max-runs'), DEFAULT_LIMITS.concurrentRuns)
    .option('--max-queued <n>', 'runs waiting at most (429 above)', positiveInt('--max-queued'), DEFAULT_LIMITS.queuedRuns)
    .option('--max-voxels <n>', 'largest mesh a submitted scenario may have', positiveInt('--max-voxels'), DEFAULT_LIMITS.voxels)
    .option('--max-cells <n>', 'most cells a run may have (initially and while it grows)', positiveInt('--max-cells'), DEFAULT_LIMITS.cells)
    .option('--max-duration <min>', 'longest simulated time in minutes', positive('--max-duration'), DEFAULT_LIMITS.durationMin)
    .option('--max-body <bytes>', 'largest request body', positiveInt('--max-body'), DEFAULT_LIMITS.bodyBytes)
    .option('--max-replicates <n>', 'most replicates per arm an experiment may ask for', positiveInt('--max-replicates'), DEFAULT_LIMITS.experimentReplicates)
    .action(async (opts: ServeOptions) => {
      const d = dataDir();
      const atlas = loadAtlas(d !== undefined ? { dataDir: d } : {});
      const limits: ServerLimits = { ...DEFAULT_LIMITS, concurrentRuns: opts.maxRuns, queuedRuns: opts.maxQueued, voxels: opts.maxVoxels, cells: opts.maxCells, durationMin: opts.maxDuration, bodyBytes: opts.maxBody, experimentReplicates: opts.maxReplicates };
      const examplesDir = packagedScenarioDir();
      const log = (m: string): void => { io.err(`${m}\n`); };
      // runs and experiments share the execution slots (--max-runs)
      const slots = new WorkSlots(limits.concurrentRuns);
      const runs = await RunService.open({
        dataDir: resolve(io.cwd, opts.dataDir),
        executor: workerExecutor,
        limits,
        parse: (request) => parseSubmitted(request, examplesDir, atlas),
        log,
        slots,
      });
      const experiments = await ExperimentService.open({ dir: resolve(io.cwd, opts.dataDir, 'experiments'), executor: experimentExecutor, limits, slots, log });
      const webRoot = opts.webRoot !== undefined ? resolve(io.cwd, opts.webRoot) : defaultWebRoot();
      const hasWeb = existsSync(resolve(webRoot, 'index.html'));
      if (opts.webRoot !== undefined && !hasWeb) throw new UserError(`--web-root ${opts.webRoot}: no index.html there`);
      const allowedHosts = allowedHostsFor(opts.host);
      const app = createApp({ atlas, limits, examplesDir, runs, experiments, ...(hasWeb ? { webRoot } : {}), ...(allowedHosts !== undefined ? { allowedHosts } : {}), log });
      let server;
      try {
        server = await listen(app, opts.host, opts.port);
      } catch (e) {
        await runs.close();
        await experiments.close();
        throw e;
      }
      if (!isLoopback(opts.host)) io.err(`exoscape: warning: listening on ${opts.host}, reachable from other machines; the API has no authentication\n`);
      if (!hasWeb) io.err('exoscape: the web app is not built (run `npm run build`); serving the API only\n');
      io.out(`exoscape serving ${server.url}/ (API ${server.url}/api, OpenAPI ${server.url}/api/openapi.json); runs in ${runs.registry.dir}; Ctrl+C stops\n`);
      const signal = await untilStopped();
      // Executing runs stop at their next step and are kept as "interrupted" (resumable); so are experiments (submitted again).
      await runs.close();
      await experiments.close();
      await server.close();
      io.err(`exoscape: stopped (${signal})\n`);
    });
}
