/**
 * Run each simulation in its own worker thread, so the server's event loop keeps answering HTTP
 * requests and streaming progress while a run computes (with `threads: 1` the engine computes on
 * the calling thread), and runs allowed to execute at once really run in parallel.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../common/errors.ts';
import type { RunExecutor } from './service.ts';
import type { FromRunWorker, RunWorkerData } from './worker-protocol.ts';

const IS_TS = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./run-worker.${IS_TS ? 'ts' : 'js'}`, import.meta.url).href;

/** The ESM entry of tsx's API (as src/engine/parallel/pool.ts does for its kernel workers). */
function tsxEsmApiUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  const entry = pkg.exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error(`cannot find tsx's ESM API entry in ${pkgPath}`);
  return new URL(entry, pathToFileURL(pkgPath)).href;
}

function spawn(workerData: RunWorkerData): Worker {
  if (!IS_TS) return new Worker(new URL(WORKER_URL), { workerData });
  // From TypeScript sources (tests, tsx) the worker registers tsx's loader before importing the module.
  const boot = `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); }).catch((e) => { setImmediate(() => { throw e; }); });`;
  return new Worker(boot, { eval: true, workerData });
}

export const workerExecutor: RunExecutor = (loaded, opts) => {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const { signal, onProgress, onFrame, ...options } = opts;
  const worker = spawn({ loaded, options, stopFlag });
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
