/** Helpers for the server's in-process tests: run and experiment services in a scratch data dir, and an SSE reader. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Atlas } from '../atlas/atlas.ts';
import { createApp } from './app.ts';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.ts';
import { packagedScenarioDir, parseSubmitted } from './scenario-input.ts';
import { RunService, type RunExecutor } from './runs/service.ts';
import { workerExecutor } from './runs/worker-executor.ts';
import { ExperimentService } from './experiments/service.ts';
import { workerExecutor as experimentWorkerExecutor, type ExperimentExecutor } from './experiments/worker-executor.ts';
import { WorkSlots } from './slots.ts';
import type { AssayOptions } from '../experiments/types.ts';

export function scratchDir(prefix = 'exoscape-runs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestServer {
  app: ReturnType<typeof createApp>;
  runs: RunService;
  dataDir: string;
}

/** An app with runs in `dataDir`, executed by `executor` (the real simulation in worker threads, as `exoscape serve` runs it, unless a test passes a double). */
export async function serverWithRuns(atlas: Atlas, opts: { dataDir?: string; executor?: RunExecutor; limits?: Partial<ServerLimits> } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? scratchDir();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const examplesDir = packagedScenarioDir();
  const runs = await RunService.open({ dataDir, executor: opts.executor ?? workerExecutor, limits, parse: (r) => parseSubmitted(r, examplesDir, atlas), log: () => undefined, progressIntervalMs: 0 });
  return { app: createApp({ atlas, limits, runs }), runs, dataDir };
}

export interface TestServerWithExperiments extends TestServer {
  experiments: ExperimentService;
  close(): Promise<void>;
}

/**
 * An app with runs and experiments sharing one set of slots (as `exoscape serve` has them), in
 * `dataDir`; experiments run by `executor` (the library in worker threads unless a test passes a
 * double) with `options` on top of the protocol defaults (tests shorten assays with `timeScale`).
 */
export async function serverWithExperiments(atlas: Atlas, opts: { dataDir?: string; executor?: ExperimentExecutor; runExecutor?: RunExecutor; limits?: Partial<ServerLimits>; options?: Partial<AssayOptions> } = {}): Promise<TestServerWithExperiments> {
  const dataDir = opts.dataDir ?? scratchDir('exoscape-experiments-');
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const examplesDir = packagedScenarioDir();
  const slots = new WorkSlots(limits.concurrentRuns);
  const runs = await RunService.open({ dataDir, executor: opts.runExecutor ?? workerExecutor, limits, parse: (r) => parseSubmitted(r, examplesDir, atlas), log: () => undefined, progressIntervalMs: 0, slots });
  const experiments = await ExperimentService.open({ dir: join(dataDir, 'experiments'), executor: opts.executor ?? experimentWorkerExecutor, limits, slots, log: () => undefined, ...(opts.options !== undefined ? { options: opts.options } : {}) });
  return {
    app: createApp({ atlas, limits, runs, experiments }),
    runs,
    experiments,
    dataDir,
    close: async () => {
      await runs.close();
      await experiments.close();
    },
  };
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Read server-sent events from a response until `stop` says so or the stream ends. */
export async function readSse(res: Response, stop: (e: SseEvent) => boolean = () => false): Promise<SseEvent[]> {
  const reader = res.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let sep: number;
    while ((sep = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, sep);
      buf = buf.slice(sep + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length === 0) continue;
      const e = { event, data: data.join('\n') };
      events.push(e);
      if (stop(e)) {
        await reader.cancel();
        return events;
      }
    }
  }
  return events;
}
