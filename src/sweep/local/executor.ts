/**
 * A pool of worker threads that evaluate sweep tasks, one task per thread at a time. Used by the
 * local backend (all cores of this machine) and by `exoscape worker` (the threads behind a queue
 * worker's concurrency), so a task runs the same way under both backends.
 *
 * Threads start lazily, up to `threads`. A thread that dies mid-task (a crash, or terminate() on
 * cancel) fails that task's execution and is replaced; queued executions wait FIFO for a thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModuleUrl } from '../../engine/parallel/pool.ts';
import type { Metrics } from '../evaluator.ts';
import type { SweepJob } from '../backend.ts';
import type { SweepTask } from '../plan.ts';
import type { RunReply, RunRequest } from './protocol.ts';
import { spawnModuleWorker } from '../../engine/parallel/spawn.ts';

export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Called when a thread picks the task up, with the thread's name. */
  onStart?: (worker: string) => void;
}

export interface ExecuteResult {
  metrics: Metrics;
  ms: number;
  worker: string;
}

export interface ThreadExecutor {
  readonly threads: number;
  execute(job: Pick<SweepJob, 'evalKey' | 'evaluator'>, task: SweepTask, workDir: string, options?: ExecuteOptions): Promise<ExecuteResult>;
  close(): Promise<void>;
}

interface Slot {
  index: number;
  worker: Worker;
  busy: Pending | undefined;
}

interface Pending {
  req: RunRequest;
  options: ExecuteOptions;
  resolve: (r: ExecuteResult) => void;
  reject: (e: Error) => void;
  slot?: Slot;
}

export function defaultThreads(): number {
  return availableParallelism();
}

export function createThreadExecutor(threads = defaultThreads(), name = 'local'): ThreadExecutor {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const workerUrl = siblingModuleUrl(import.meta.url, './thread-worker');
  const slots: (Slot | undefined)[] = Array.from({ length: threads }, () => undefined);
  const queue: Pending[] = [];
  let seq = 0;
  let closed = false;

  const spawn = (index: number): Slot => {
    const slot: Slot = { index, worker: spawnModuleWorker(workerUrl), busy: undefined };
    slot.worker.on('message', (reply: RunReply) => {
      const p = slot.busy;
      if (p === undefined || p.req.seq !== reply.seq) return;
      slot.busy = undefined;
      slot.worker.unref();
      if (reply.ok) p.resolve({ metrics: reply.metrics, ms: reply.ms, worker: `${name}/${index}` });
      else p.reject(new Error(reply.error));
      pump();
    });
    const die = (why: string): void => {
      if (slots[index] !== slot) return;
      slots[index] = undefined;
      const p = slot.busy;
      slot.busy = undefined;
      if (p !== undefined) p.reject(new Error(why));
      if (!closed) pump();
    };
    slot.worker.on('error', (e) => { die(`worker thread failed: ${e.message}`); });
    slot.worker.on('exit', (code) => { die(`worker thread exited with code ${code}`); });
    slot.worker.unref();
    slots[index] = slot;
    return slot;
  };

  const dispatch = (slot: Slot, p: Pending): void => {
    slot.busy = p;
    p.slot = slot;
    slot.worker.ref();
    p.options.onStart?.(`${name}/${slot.index}`);
    slot.worker.postMessage(p.req);
  };

  const pump = (): void => {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => s !== undefined && s.busy === undefined);
      if (slot === undefined) {
        const free = slots.findIndex((s) => s === undefined);
        if (free < 0) return;
        slot = spawn(free);
      }
      dispatch(slot, queue.shift()!);
    }
  };

  return {
    threads,
    execute(job, task, workDir, options = {}) {
      if (closed) return Promise.reject(new Error('executor is closed'));
      return new Promise<ExecuteResult>((resolve, reject) => {
        const p: Pending = { req: { seq: seq++, evalKey: job.evalKey, evaluator: job.evaluator, task, workDir }, options, resolve, reject };
        const signal = options.signal;
        if (signal !== undefined) {
          if (signal.aborted) {
            reject(new Error('cancelled'));
            return;
          }
          const onAbort = (): void => {
            const i = queue.indexOf(p);
            if (i >= 0) {
              queue.splice(i, 1);
              reject(new Error('cancelled'));
            } else if (p.slot?.busy === p) void p.slot.worker.terminate();
          };
          signal.addEventListener('abort', onAbort, { once: true });
          const detach = (): void => { signal.removeEventListener('abort', onAbort); };
          p.resolve = (r) => { detach(); resolve(r); };
          p.reject = (e) => { detach(); reject(e); };
        }
        queue.push(p);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('executor closed'));
      await Promise.all(slots.flatMap((s) => (s === undefined ? [] : [s.worker.terminate()])));
    },
  };
}
