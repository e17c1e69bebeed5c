/**
 * Run each simulation in its own worker thread, so the server's event loop keeps answering HTTP
 * requests and streaming progress while a run computes (with `threads: 1` the engine computes on
 * the calling thread), and runs allowed to execute at once really run in parallel.
 */
import type { Worker } from 'node:worker_threads';
import { siblingModuleUrl, spawnModuleWorker } from '../../engine/parallel/spawn.ts';
import { UserError } from '../../common/errors.ts';
import type { RunExecutor } from './service.ts';
import type { FromRunWorker, RunWorkerData } from './worker-protocol.ts';

const WORKER_URL = siblingModuleUrl(import.meta.url, './run-worker');

export const workerExecutor: RunExecutor = (loaded, opts) => {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const { signal, onProgress, onFrame, ...options } = opts;
  const worker: Worker = spawnModuleWorker(WORKER_URL, { loaded, options, stopFlag } satisfies RunWorkerData);
  const onAbort = (): void => { Atomics.store(stop, 0, 1); };
  if (signal?.aborted === true) onAbort();
  signal?.addEventListener('abort', onAbort);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      f();
      void worker.terminate();
    };
    worker.on('message', (m: FromRunWorker) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'frame') onFrame?.(m.frame);
      else if (m.type === 'done') finish(() => { resolve(m.summary); });
      else {
        finish(() => {
          if (m.userError) reject(new UserError(m.message, m.issues));
          else {
            const e = new Error(m.message);
            e.stack = m.stack;
            reject(e);
          }
        });
      }
    });
    worker.on('error', (e) => { finish(() => { reject(e); }); });
    worker.on('exit', (code) => { finish(() => { reject(new Error(`the run's worker thread exited (code ${code}) before finishing`)); }); });
  });
};
