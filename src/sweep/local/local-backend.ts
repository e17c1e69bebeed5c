/**
 * The local backend: tasks on a ThreadExecutor (all cores by default), at most one per thread in
 * flight, with the retry policy the queue backend gets from BullMQ — attempts, exponential
 * backoff, a crashed thread counting as a failed attempt. A task to retry waits out its backoff
 * and rejoins the back of the line.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backoffDelay, type BackendEvent, type RunOptions, type SweepBackend, type SweepJob } from '../backend.ts';
import { Channel } from '../channel.ts';
import type { SweepTask } from '../plan.ts';
import { createThreadExecutor, defaultThreads } from './executor.ts';

export interface LocalBackendOptions {
  threads?: number;
  /** Parent of each task's work directory (default: a directory under the OS temp dir). */
  workDir?: string;
}

export function createLocalBackend(options: LocalBackendOptions = {}): SweepBackend {
  const executor = createThreadExecutor(options.threads ?? defaultThreads(), 'local');
  const workRoot = options.workDir ?? join(tmpdir(), 'exoscape-sweep');
  return {
    name: 'local',
    run(job: SweepJob, tasks: readonly SweepTask[], runOptions: RunOptions = {}): AsyncIterable<BackendEvent> {
      const ch = new Channel<BackendEvent>();
      const signal = runOptions.signal;
      const ready: { task: SweepTask; attempt: number }[] = tasks.map((task) => ({ task, attempt: 1 }));
      const timers = new Set<NodeJS.Timeout>();
      let remaining = tasks.length;
      let inFlight = 0;
      let stopped = false;

      const stop = (): void => {
        stopped = true;
        for (const t of timers) clearTimeout(t);
        timers.clear();
        ch.close();
      };
      const settle = (): void => {
        if (--remaining === 0) stop();
      };
      const execute = async (task: SweepTask, attempt: number): Promise<void> => {
        try {
          const r = await executor.execute(job, task, join(workRoot, job.evalKey.slice(0, 16), task.id), {
            ...(signal !== undefined ? { signal } : {}),
            onStart: (worker) => { ch.push({ type: 'started', id: task.id, worker }); },
          });
          ch.push({ type: 'finished', id: task.id, metrics: r.metrics, attempts: attempt, ms: r.ms, worker: r.worker });
          settle();
        } catch (e) {
          if (stopped) return;
          const error = e instanceof Error ? e.message : String(e);
          if (attempt < job.retry.attempts) {
            ch.push({ type: 'retrying', id: task.id, error, attempt });
            const t = setTimeout(() => {
              timers.delete(t);
              ready.push({ task, attempt: attempt + 1 });
              pump();
            }, backoffDelay(job.retry, attempt));
            timers.add(t);
          } else {
            ch.push({ type: 'failed', id: task.id, error, attempts: attempt });
            settle();
          }
        }
      };
      const pump = (): void => {
        while (!stopped && inFlight < executor.threads && ready.length > 0) {
          const next = ready.shift()!;
          inFlight++;
          void execute(next.task, next.attempt).finally(() => {
            inFlight--;
            pump();
          });
        }
      };

      if (tasks.length === 0) ch.close();
      else if (signal?.aborted === true) stop();
      else {
        signal?.addEventListener('abort', stop, { once: true });
        pump();
      }
      return ch;
    },
    close: () => executor.close(),
  };
}
