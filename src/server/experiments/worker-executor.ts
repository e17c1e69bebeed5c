/**
 * Run each experiment in its own worker thread (src/engine/parallel/spawn.ts), so the server's
 * event loop keeps answering requests and streaming progress, and so cancelling is immediate:
 * the thread is terminated (Node terminates the job threads it started with it).
 */
import { siblingModuleUrl, spawnModuleWorker } from '../../engine/parallel/spawn.ts';
import { UserError } from '../../common/errors.ts';
import type { AssayOptions } from '../../experiments/types.ts';
import type { ExperimentRequest } from './request.ts';
import type { ExperimentWorkerData, FromExperimentWorker, StoredExperiment } from './worker-protocol.ts';

export interface ExecuteOptions {
  workers: number;
  options: AssayOptions;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/** Runs an experiment; resolves null when stopped through the signal. */
export type ExperimentExecutor = (request: ExperimentRequest, opts: ExecuteOptions) => Promise<StoredExperiment | null>;

const WORKER_URL = siblingModuleUrl(import.meta.url, './worker');

export const workerExecutor: ExperimentExecutor = (request, opts) => {
  if (opts.signal.aborted) return Promise.resolve(null);
  const worker = spawnModuleWorker(WORKER_URL, { request, workers: opts.workers, options: opts.options } satisfies ExperimentWorkerData);
  return new Promise((resolve, reject) => {
    let settled = false;
    // Settle once the thread (and the job threads it started) is gone, so a freed slot is really free.
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      opts.signal.removeEventListener('abort', onAbort);
      void worker.terminate().finally(f);
    };
    const onAbort = (): void => { finish(() => { resolve(null); }); };
    opts.signal.addEventListener('abort', onAbort);
    worker.on('message', (m: FromExperimentWorker) => {
      if (m.type === 'progress') opts.onProgress(m.done, m.total);
      else if (m.type === 'done') finish(() => { resolve(m.result); });
      else {
        finish(() => {
          if (m.userError) reject(new UserError(m.message));
          else {
            const e = new Error(m.message);
            e.stack = m.stack;
            reject(e);
          }
        });
      }
    });
    worker.on('error', (e) => { finish(() => { reject(e); }); });
    worker.on('exit', (code) => { finish(() => { reject(new Error(`the experiment's worker thread exited (code ${code}) before finishing`)); }); });
  });
};
