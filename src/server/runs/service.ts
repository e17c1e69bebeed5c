/**
 * Runs on a server: a bounded number execute at once (`limits.concurrentRuns` slots, shared with
 * experiments: ../slots.ts), the rest wait in a first-in first-out queue. Each run writes its
 * results into its own directory of the data directory; its record (status, progress, result) is persisted in the registry at every change
 * of state and every output time, so a restarted server lists every run: queued runs start again,
 * runs that were executing are marked `interrupted` and can be resumed from their last checkpoint.
 *
 * Pause stops a run after the current phenotype step, keeping its last checkpoint; resume
 * continues from that checkpoint (work since the last output time is recomputed, and the final
 * state is the same as without the pause). Cancel stops a run for good.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError } from '../../common/errors.ts';
import type { LoadedScenario } from '../../scenario/load-scenario.ts';
import type { RunFrame, RunOptions, RunProgress, RunSummary } from '../../sim/run.ts';
import { ApiError } from '../errors.ts';
import { Listeners } from '../listeners.ts';
import { newId } from '../ids.ts';
import type { ScenarioSize, ServerLimits } from '../limits.ts';
import { shutdownAll, WorkSlots } from '../slots.ts';
import { FINAL_STATUSES, RunRegistry, type RunRecord, type RunStatus } from './registry.ts';
import type { PublicRun } from './api-types.ts';

/** What executes a run: `runScenario` from src/sim/run.ts (tests may pass a controllable double). */
export type RunExecutor = (loaded: LoadedScenario, options: RunOptions) => Promise<RunSummary>;

export type RunEvent =
  | { type: 'status'; run: PublicRun }
  | { type: 'progress'; progress: RunProgress }
  | { type: 'frame'; timeMin: number; cells: number };

export type { PublicRun };

export function publicRun(r: RunRecord): PublicRun {
  const { request: _request, ...rest } = r;
  return rest;
}

export interface RunServiceOptions {
  dataDir: string;
  executor: RunExecutor;
  limits: ServerLimits;
  /** Parse a stored request again (the scenario text of a queued or resumed run). */
  parse: (request: RunRecord['request']) => LoadedScenario;
  log: (message: string) => void;
  /** Least time between two progress events of one run, in ms (default 200). */
  progressIntervalMs?: number;
  /** Execution slots shared with other work (experiments); default: `limits.concurrentRuns` slots of its own. */
  slots?: WorkSlots;
}

interface Active {
  controller: AbortController;
  /** Why the run is being stopped, if it is. */
  stop: 'cancel' | 'pause' | 'shutdown' | 'limit' | null;
  frame: RunFrame | undefined;
  lastProgressAt: number;
  done: Promise<void>;
}

const CHECKPOINT = join('checkpoint', 'latest.ckpt');

export class RunService {
  readonly registry: RunRegistry;
  private readonly opts: RunServiceOptions;
  /** Waiting runs in order, each with its ticket from the shared slots. */
  private readonly queue: { id: string; ticket: number }[] = [];
  private readonly active = new Map<string, Active>();
  private readonly listeners: Listeners<RunEvent>;
  private readonly slots: WorkSlots;
  private closed = false;

  private constructor(opts: RunServiceOptions, registry: RunRegistry) {
    this.opts = opts;
    this.registry = registry;
    this.listeners = new Listeners<RunEvent>((message) => { opts.log(`exoscape serve: a run listener failed: ${message}`); });
    this.slots = opts.slots ?? new WorkSlots(opts.limits.concurrentRuns);
    this.slots.register({ oldest: () => (this.closed ? undefined : this.queue[0]?.ticket), startNext: () => this.startNext() });
  }

  /** Open the data directory: runs that were executing become `interrupted`; queued runs start again. */
  static async open(opts: RunServiceOptions): Promise<RunService> {
    const s = new RunService(opts, RunRegistry.open(opts.dataDir));
    const runs = s.registry.list().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const r of runs) {
      if (r.status === 'running') {
        r.status = 'interrupted';
        r.error = 'the server stopped while this run was executing; resume continues from its last checkpoint';
      }
      if (r.status === 'queued') s.enqueue(r.id);
    }
    await s.registry.save();
    s.slots.kick();
    return s;
  }

  list(): PublicRun[] {
    return this.registry.list().sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(publicRun);
  }

  get(id: string): RunRecord {
    const r = this.registry.get(id);
    if (r === undefined) throw new ApiError(404, `no run with id "${id}"`, [{ path: 'id', message: 'unknown run id' }]);
    return r;
  }

  runDir(id: string): string {
    return this.registry.runDir(this.get(id).id);
  }

  /** The latest frame of an executing run (undefined when none has been produced yet or it is not executing). */
  frame(id: string): RunFrame | undefined {
    return this.active.get(id)?.frame;
  }

  queued(): number {
    return this.queue.length;
  }

  executing(): number {
    return this.active.size;
  }

  async create(request: RunRecord['request'], loaded: LoadedScenario, size: ScenarioSize, options: { seed?: number; threads?: number }): Promise<PublicRun> {
    if (this.closed) throw new ApiError(503, 'the server is shutting down');
    if (this.queue.length >= this.opts.limits.queuedRuns) throw new ApiError(429, `${this.queue.length} runs are already waiting; try again when one has started`);
    const now = new Date();
    const id = newId(now);
    const { scenario } = loaded;
    const record: RunRecord = {
      id,
      status: 'queued',
      name: scenario.name,
      description: scenario.description ?? null,
      createdAt: now.toISOString(),
      startedAt: null,
      finishedAt: null,
      seed: options.seed ?? scenario.seed,
      threads: options.threads ?? 1,
      size,
      domain: { dimensions: scenario.domain.dimensions, size: [...scenario.domain.size], voxel: scenario.domain.voxel },
      outputMin: scenario.time.output,
      progress: null,
      error: null,
      result: null,
      request,
    };
    await this.registry.put(record);
    this.enqueue(id);
    const queued = publicRun(record);
    this.emit(id, { type: 'status', run: queued });
    this.slots.kick();
    return queued;
  }

  async cancel(id: string): Promise<PublicRun> {
    const r = this.get(id);
    if (FINAL_STATUSES.has(r.status)) throw new ApiError(409, `run ${id} is already ${r.status}`);
    const a = this.active.get(id);
    if (a !== undefined) {
      a.stop = 'cancel';
      a.controller.abort();
      await a.done;
      return publicRun(this.get(id));
    }
    const i = this.queue.findIndex((q) => q.id === id);
    if (i >= 0) this.queue.splice(i, 1);
    await this.setStatus(r, 'cancelled', { finishedAt: new Date().toISOString() });
    return publicRun(r);
  }

  async pause(id: string): Promise<PublicRun> {
    const r = this.get(id);
    const a = this.active.get(id);
    if (a === undefined) throw new ApiError(409, `run ${id} is ${r.status}; only an executing run can be paused`);
    a.stop = 'pause';
    a.controller.abort();
    await a.done;
    return publicRun(this.get(id));
  }

  async resume(id: string): Promise<PublicRun> {
    const r = this.get(id);
    if (r.status !== 'paused' && r.status !== 'interrupted') throw new ApiError(409, `run ${id} is ${r.status}; only a paused or interrupted run can be resumed`);
    if (this.queue.length >= this.opts.limits.queuedRuns) throw new ApiError(429, `${this.queue.length} runs are already waiting; try again when one has started`);
    await this.setStatus(r, 'queued', { error: null });
    this.enqueue(id);
    const queued = publicRun(r);
    this.slots.kick();
    return queued;
  }

  /** Listen to one run's events; returns the function that stops listening. */
  subscribe(id: string, listener: (e: RunEvent) => void): () => void {
    return this.listeners.subscribe(id, listener);
  }

  /** Stop taking work; executing runs stop at their next step and become `interrupted` (resumable). */
  async close(): Promise<void> {
    this.closed = true;
    await shutdownAll(this.active.values());
    await this.registry.save();
  }

  private emit(id: string, e: RunEvent): void {
    this.listeners.emit(id, e);
  }

  private async setStatus(r: RunRecord, status: RunStatus, patch: Partial<RunRecord> = {}): Promise<void> {
    Object.assign(r, patch, { status });
    await this.registry.put(r);
    this.emit(r.id, { type: 'status', run: publicRun(r) });
  }

  private enqueue(id: string): void {
    this.queue.push({ id, ticket: this.slots.ticket() });
  }

  /** Called by the slots when one is free: start the first run still queued. */
  private startNext(): boolean {
    while (!this.closed && this.queue.length > 0) {
      const { id } = this.queue.shift()!;
      const r = this.registry.get(id);
      if (r?.status !== 'queued') continue;
      this.start(r);
      return true;
    }
    return false;
  }

  private start(r: RunRecord): void {
    const controller = new AbortController();
    let finish!: () => void;
    const a: Active = { controller, stop: null, frame: undefined, lastProgressAt: 0, done: new Promise<void>((res) => { finish = res; }) };
    this.active.set(r.id, a);
    void this.execute(r, a).finally(() => {
      this.active.delete(r.id);
      finish();
      this.slots.release();
    });
  }

  private async execute(r: RunRecord, a: Active): Promise<void> {
    const dir = this.registry.runDir(r.id);
    // A run started before (then paused or interrupted) continues from its checkpoint; a new run starts clean.
    const resume = r.startedAt !== null && existsSync(join(dir, CHECKPOINT));
    await this.setStatus(r, 'running', { startedAt: r.startedAt ?? new Date().toISOString(), error: null });
    const interval = this.opts.progressIntervalMs ?? 200;
    try {
      const loaded = this.opts.parse(r.request);
      const summary = await this.opts.executor(loaded, {
        outDir: dir,
        seed: r.seed,
        threads: r.threads,
        resume,
        force: !resume,
        signal: a.controller.signal,
        onProgress: (p) => {
          r.progress = p;
          if (p.cells > this.opts.limits.cells && a.stop === null) {
            a.stop = 'limit';
            a.controller.abort();
          }
          const now = performance.now();
          if (now - a.lastProgressAt >= interval || p.timeMin >= p.durationMin) {
            a.lastProgressAt = now;
            this.emit(r.id, { type: 'progress', progress: p });
          }
        },
        onFrame: (f) => {
          a.frame = f;
          void this.registry.put(r);
          this.emit(r.id, { type: 'frame', timeMin: f.timeMin, cells: f.x.length });
        },
      });
      if (summary.status === 'finished') {
        const result = { stateDigest: summary.stateDigest, wallSeconds: summary.wallSeconds, simulatedMinutes: summary.simulatedMinutes, liveCells: summary.cells.live, maxMassBalanceError: summary.maxMassBalanceError };
        await this.setStatus(r, 'finished', { finishedAt: summary.finishedAt, result });
        return;
      }
      const stop = a.stop ?? 'cancel';
      if (stop === 'pause') await this.setStatus(r, 'paused', { result: null });
      else if (stop === 'shutdown') await this.setStatus(r, 'interrupted', { error: 'the server stopped while this run was executing; resume continues from its last checkpoint' });
      else if (stop === 'limit') await this.setStatus(r, 'failed', { finishedAt: new Date().toISOString(), error: `the tissue grew to ${r.progress?.cells ?? '?'} cells, above this server's limit of ${this.opts.limits.cells}` });
      else await this.setStatus(r, 'cancelled', { finishedAt: new Date().toISOString() });
    } catch (e) {
      const message = isUserError(e) || e instanceof ApiError ? e.message : 'internal error while running; the server log has the details';
      if (!isUserError(e) && !(e instanceof ApiError)) this.opts.log(`exoscape serve: run ${r.id} failed\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      await this.setStatus(r, 'failed', { finishedAt: new Date().toISOString(), error: message });
    }
  }
}
