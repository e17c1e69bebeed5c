/**
 * Experiments on a server (virtual assays and reproductions of a study): they wait in a first-in
 * first-out queue and execute in the same bounded slots as runs (../slots.ts), each in a worker
 * thread of its own whose arm × replicate jobs use up to `limits.threadsPerRun` threads. Records
 * are persisted at every change of state and each finished result is written next to them, so a
 * restarted server lists every experiment with its results: queued experiments start again;
 * experiments that were executing are marked `interrupted` (submitting the same request again gives
 * the same values — they depend only on the seed).
 */
import { readFile } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isUserError } from '../../common/errors.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
import { DEFAULT_OPTIONS, type AssayOptions } from '../../experiments/types.ts';
import { ApiError } from '../errors.ts';
import { Listeners } from '../listeners.ts';
import { newId } from '../ids.ts';
import type { ServerLimits } from '../limits.ts';
import { shutdownAll, WorkSlots } from '../slots.ts';
import { ExperimentRegistry, FINAL_EXPERIMENT_STATUSES, type ExperimentProgress, type ExperimentRecord, type ExperimentStatus } from './registry.ts';
import { experimentTitle, jobCount, type ExperimentRequest } from './request.ts';
import type { ExperimentExecutor } from './worker-executor.ts';
import type { StoredExperiment } from './worker-protocol.ts';

export type ExperimentEvent = { type: 'status'; experiment: ExperimentRecord } | { type: 'progress'; progress: ExperimentProgress };

export interface ExperimentServiceOptions {
  /** Folder of the registry and the results (`exoscape serve` uses `<data dir>/experiments`). */
  dir: string;
  executor: ExperimentExecutor;
  limits: ServerLimits;
  /** Execution slots shared with runs; default: `limits.concurrentRuns` slots of its own. */
  slots?: WorkSlots;
  /** Protocol options on top of the documented defaults (tests shorten the assays with `timeScale`). */
  options?: Partial<AssayOptions>;
  log: (message: string) => void;
}

interface Active {
  controller: AbortController;
  stop: 'cancel' | 'shutdown' | null;
  done: Promise<void>;
}

const INTERRUPTED = 'the server stopped while this experiment was executing; submit it again (the same seed gives the same values)';

export class ExperimentService {
  readonly registry: ExperimentRegistry;
  private readonly opts: ExperimentServiceOptions;
  private readonly queue: { id: string; ticket: number }[] = [];
  private readonly active = new Map<string, Active>();
  private readonly listeners: Listeners<ExperimentEvent>;
  private readonly slots: WorkSlots;
  private closed = false;

  private constructor(opts: ExperimentServiceOptions, registry: ExperimentRegistry) {
    this.opts = opts;
    this.registry = registry;
    this.listeners = new Listeners<ExperimentEvent>((message) => { opts.log(`exoscape serve: an experiment listener failed: ${message}`); });
    this.slots = opts.slots ?? new WorkSlots(opts.limits.concurrentRuns);
    this.slots.register({ oldest: () => (this.closed ? undefined : this.queue[0]?.ticket), startNext: () => this.startNext() });
  }

  /** Open the folder: experiments that were executing become `interrupted`; queued ones start again. */
  static async open(opts: ExperimentServiceOptions): Promise<ExperimentService> {
    const s = new ExperimentService(opts, ExperimentRegistry.open(opts.dir));
    for (const r of s.registry.list().sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      if (r.status === 'running') Object.assign(r, { status: 'interrupted', error: INTERRUPTED, finishedAt: new Date().toISOString() });
      if (r.status === 'queued') s.enqueue(r.id);
    }
    await s.registry.save();
    s.slots.kick();
    return s;
  }

  /** Newest first. */
  list(): ExperimentRecord[] {
    return this.registry.list().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(id: string): ExperimentRecord {
    const r = this.registry.get(id);
    if (r === undefined) throw new ApiError(404, `no experiment with id "${id}"`, [{ path: 'id', message: 'unknown experiment id' }]);
    return r;
  }

  /** The stored result of a finished experiment (undefined before it finishes). */
  async result(id: string): Promise<StoredExperiment | undefined> {
    const r = this.get(id);
    const file = this.registry.resultFile(r.id);
    if (r.status !== 'finished' || !existsSync(file)) return undefined;
    return JSON.parse(await readFile(file, 'utf8')) as StoredExperiment;
  }

  queued(): number {
    return this.queue.length;
  }

  executing(): number {
    return this.active.size;
  }

  async create(request: ExperimentRequest): Promise<ExperimentRecord> {
    if (this.closed) throw new ApiError(503, 'the server is shutting down');
    if (this.queue.length >= this.opts.limits.queuedRuns) throw new ApiError(429, `${this.queue.length} experiments are already waiting; try again when one has started`);
    const now = new Date();
    const record: ExperimentRecord = {
      id: newId(now),
      status: 'queued',
      title: experimentTitle(request),
      request,
      workers: Math.max(1, Math.min(this.opts.limits.threadsPerRun, jobCount(request))),
      createdAt: now.toISOString(),
      startedAt: null,
      finishedAt: null,
      progress: null,
      error: null,
      summary: null,
    };
    await this.registry.put(record);
    this.enqueue(record.id);
    this.emit(record.id, { type: 'status', experiment: record });
    this.slots.kick();
    return record;
  }

  async cancel(id: string): Promise<ExperimentRecord> {
    const r = this.get(id);
    if (FINAL_EXPERIMENT_STATUSES.has(r.status)) throw new ApiError(409, `experiment ${id} is already ${r.status}`);
    const a = this.active.get(id);
    if (a !== undefined) {
      a.stop = 'cancel';
      a.controller.abort();
      await a.done;
      return this.get(id);
    }
    const i = this.queue.findIndex((q) => q.id === id);
    if (i >= 0) this.queue.splice(i, 1);
    await this.setStatus(r, 'cancelled', { finishedAt: new Date().toISOString() });
    return r;
  }

  /** Listen to one experiment's events; returns the function that stops listening. */
  subscribe(id: string, listener: (e: ExperimentEvent) => void): () => void {
    return this.listeners.subscribe(id, listener);
  }

  /** Stop taking work; executing experiments stop now and are kept as `interrupted`. */
  async close(): Promise<void> {
    this.closed = true;
    await shutdownAll(this.active.values());
    await this.registry.save();
  }

  private emit(id: string, e: ExperimentEvent): void {
    this.listeners.emit(id, e);
  }

  private async setStatus(r: ExperimentRecord, status: ExperimentStatus, patch: Partial<ExperimentRecord> = {}): Promise<void> {
    Object.assign(r, patch, { status });
    await this.registry.put(r);
    this.emit(r.id, { type: 'status', experiment: r });
  }

  private enqueue(id: string): void {
    this.queue.push({ id, ticket: this.slots.ticket() });
  }

  private startNext(): boolean {
    while (!this.closed && this.queue.length > 0) {
      const { id } = this.queue.shift()!;
      const r = this.registry.get(id);
      if (r?.status !== 'queued') continue;
      let finish!: () => void;
      const a: Active = { controller: new AbortController(), stop: null, done: new Promise<void>((res) => { finish = res; }) };
      this.active.set(id, a);
      void this.execute(r, a).finally(() => {
        this.active.delete(id);
        finish();
        this.slots.release();
      });
      return true;
    }
    return false;
  }

  private async execute(r: ExperimentRecord, a: Active): Promise<void> {
    const t0 = performance.now();
    const total = jobCount(r.request);
    await this.setStatus(r, 'running', { startedAt: new Date().toISOString(), error: null, progress: { done: 0, total, wallSeconds: 0 } });
    try {
      const result = await this.opts.executor(r.request, {
        workers: r.workers,
        options: { ...DEFAULT_OPTIONS, ...this.opts.options },
        signal: a.controller.signal,
        onProgress: (done, all) => {
          r.progress = { done, total: all, wallSeconds: (performance.now() - t0) / 1000 };
          void this.registry.put(r);
          this.emit(r.id, { type: 'progress', progress: r.progress });
        },
      });
      if (result === null) {
        if (a.stop === 'shutdown') await this.setStatus(r, 'interrupted', { finishedAt: new Date().toISOString(), error: INTERRUPTED });
        else await this.setStatus(r, 'cancelled', { finishedAt: new Date().toISOString() });
        return;
      }
      const file = this.registry.resultFile(r.id);
      mkdirSync(dirname(file), { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify(result)}\n`);
      const e = result.experiment;
      await this.setStatus(r, 'finished', {
        finishedAt: new Date().toISOString(),
        summary: {
          wallSeconds: e.wallSeconds,
          cpuSeconds: e.cpuSeconds,
          simulationSeconds: e.simulationSeconds,
          codeVersion: e.codeVersion,
          assays: e.assays.map((x) => x.assay),
          claimsHeld: result.claims === null ? null : result.claims.filter((c) => c.holds).length,
          claims: result.claims === null ? null : result.claims.length,
        },
      });
    } catch (e) {
      const message = isUserError(e) ? e.message : 'internal error while running the experiment; the server log has the details';
      if (!isUserError(e)) this.opts.log(`exoscape serve: experiment ${r.id} failed\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      await this.setStatus(r, 'failed', { finishedAt: new Date().toISOString(), error: message });
    }
  }
}
