/**
 * A small generic pool of worker threads running plain kernel functions over index ranges.
 *
 *   const pool = await createPool(threads);          // default: os.availableParallelism()
 *   const h = await pool.bind(bigValue);              // cloned once into every worker (SABs shared)
 *   await pool.run(moduleUrl, 'kernelName', args, n, h);
 *   await pool.close();
 *
 * `run` splits [0, n) into `threads` contiguous chunks (see chunks.ts) and calls
 * `kernel(args, start, end, bound)` once per chunk: chunk 0 on the calling thread, the others in
 * workers. Each worker imports `moduleUrl` once and caches it. `args` is structured-cloned per call,
 * so keep it small and put large data in a bound value; typed arrays over SharedArrayBuffers are
 * shared, not copied, which is how kernels write their results.
 *
 * With threads = 1 there are no workers: the kernel runs in-process over [0, n). The kernel is the
 * same function either way, so a kernel whose per-index arithmetic does not depend on its chunk
 * gives byte-identical results for any thread count — the rule every engine kernel follows.
 *
 * Workers are started with `--import tsx` when this file is TypeScript (tests, tsx), and as plain
 * JavaScript from dist/. Kernel modules must likewise be given as .ts or .js URLs to match; use
 * `siblingModuleUrl(import.meta.url, './x')` to get the right one. Workers are unref'd between runs,
 * so a forgotten pool does not keep the process alive; still, call `close()`.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { chunkStart } from './chunks.ts';
import { siblingModuleUrl, spawnModuleWorker } from './spawn.ts';
import { nextSpinWindow, SPIN_MS, type Reply, type RunMessage, type ToWorker, type WorkerData } from './protocol.ts';

export type Kernel<A, B = undefined> = (args: A, start: number, end: number, bound: B) => void;

/** A value bound into every worker of one pool. */
export interface BoundHandle<B> {
  readonly id: number;
  /** The calling thread's copy, used for chunk 0. */
  readonly value: B;
}

export interface KernelPool {
  readonly threads: number;
  bind<B>(value: B): Promise<BoundHandle<B>>;
  unbind(handle: BoundHandle<unknown>): void;
  /** `args` must be structured-cloneable; `bound` is a handle from this pool's `bind`. */
  run(moduleUrl: string, kernelName: string, args: unknown, n: number, bound?: BoundHandle<unknown>): Promise<void>;
  close(): Promise<void>;
}

export { siblingModuleUrl } from './spawn.ts';

export function defaultThreads(): number {
  return availableParallelism();
}

interface Pending {
  remaining: number;
  error: string | undefined;
  resolve: () => void;
  reject: (e: Error) => void;
}

export async function createPool(threads = defaultThreads()): Promise<KernelPool> {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`createPool: threads must be a positive integer, got ${threads}`);
  const workerUrl = siblingModuleUrl(import.meta.url, './worker');
  const workers: Worker[] = [];
  const pending = new Map<number, Pending>();
  const localModules = new Map<string, Record<string, unknown>>();
  let seq = 0;
  let nextBoundId = 0;
  let closed = false;
  let busy = 0;
  let fatal: Error | undefined;
  // Completion board shared with the workers: slot w holds seq + 1 of the last run worker w
  // finished, slot (threads − 1) + w the seq + 1 of its last failed run. Lets a run finish without
  // waiting for the reply messages (see run()).
  const board = new Int32Array(new SharedArrayBuffer(8 * Math.max(1, threads - 1)));
  const errorSlot = threads - 1;
  const spinMs = threads <= availableParallelism() ? SPIN_MS : 0;
  let spinWindow = spinMs;

  const settle = (reply: Reply): void => {
    const p = pending.get(reply.seq);
    if (p === undefined) return;
    if (reply.error !== undefined) p.error ??= reply.error;
    if (--p.remaining === 0) {
      pending.delete(reply.seq);
      if (p.error !== undefined) p.reject(new Error(`kernel failed in a worker: ${p.error}`));
      else p.resolve();
    }
  };
  const failAll = (e: Error): void => {
    fatal = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };

  for (let t = 1; t < threads; t++) {
    const w = spawnModuleWorker(workerUrl, { board, index: t - 1, errorSlot, spinMs } satisfies WorkerData);
    w.on('message', settle);
    w.on('error', (e) => {
      failAll(e);
    });
    w.on('exit', (code) => {
      if (!closed) failAll(new Error(`pool worker exited unexpectedly with code ${code}`));
    });
    workers.push(w);
  }
  // Wait until every worker runs, so start-up failures surface here rather than in the first run.
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('online', resolve);
          w.once('error', reject);
        }),
    ),
  );
  // Referenced only while a run or bind is in flight (see hold/release).
  for (const w of workers) w.unref();

  const hold = (): void => {
    if (busy++ === 0) for (const w of workers) w.ref();
  };
  const release = (): void => {
    if (--busy === 0) for (const w of workers) w.unref();
  };
  const post = async (make: (w: number) => ToWorker, key: number): Promise<void> => {
    if (workers.length === 0) return;
    if (fatal !== undefined) throw fatal;
    hold();
    try {
      await new Promise<void>((resolve, reject) => {
        pending.set(key, { remaining: workers.length, error: undefined, resolve, reject });
        workers.forEach((w, i) => {
          w.postMessage(make(i));
        });
      });
    } finally {
      release();
    }
  };

  /**
   * True when all workers posted completion of run `tag` (= seq + 1) without error within the spin
   * window (adapted as in the workers, see nextSpinWindow).
   */
  const spinUntilDone = (tag: number): boolean => {
    const nw = workers.length;
    const deadline = performance.now() + spinWindow;
    for (;;) {
      let finished = 0;
      for (let w = 0; w < nw; w++) {
        if (Atomics.load(board, errorSlot + w) === tag) return false;
        if (Atomics.load(board, w) === tag) finished++;
      }
      if (finished === nw) {
        spinWindow = nextSpinWindow(spinWindow, spinMs, 'caught');
        return true;
      }
      if (performance.now() > deadline) {
        spinWindow = nextSpinWindow(spinWindow, spinMs, spinWindow > 0 ? 'timedOut' : 'slept');
        return false;
      }
    }
  };

  const localKernel = async (url: string, name: string): Promise<Kernel<unknown, unknown>> => {
    let mod = localModules.get(url);
    if (mod === undefined) {
      mod = (await import(url)) as Record<string, unknown>;
      localModules.set(url, mod);
    }
    const k = mod[name];
    if (typeof k !== 'function') throw new Error(`kernel "${name}" is not a function exported by ${url}`);
    return k as Kernel<unknown, unknown>;
  };

  const pool: KernelPool = {
    threads,
    async bind<B>(value: B): Promise<BoundHandle<B>> {
      if (closed) throw new Error('KernelPool.bind: pool is closed');
      const id = nextBoundId++;
      await post(() => ({ type: 'bind', id, value }), -id - 1);
      return { id, value };
    },
    unbind(handle: BoundHandle<unknown>): void {
      for (const w of workers) w.postMessage({ type: 'unbind', id: handle.id } satisfies ToWorker);
    },
    async run(moduleUrl: string, kernelName: string, args: unknown, n: number, bound?: BoundHandle<unknown>): Promise<void> {
      if (closed) throw new Error('KernelPool.run: pool is closed');
      const kernel = await localKernel(moduleUrl, kernelName);
      const boundValue = bound?.value;
      if (workers.length === 0 || n < threads) {
        // Too little work to split (or a single thread): same kernel, same arithmetic, in-process.
        kernel(args, 0, n, boundValue);
        return;
      }
      const s = seq++;
      const boundId = bound?.id ?? -1;
      const done = post(
        (w): RunMessage => ({
          type: 'run',
          seq: s,
          url: moduleUrl,
          name: kernelName,
          args,
          start: chunkStart(n, threads, w + 1),
          end: chunkStart(n, threads, w + 2),
          boundId,
        }),
        s,
      );
      // Chunk 0 runs here while the workers do theirs. If it throws, still wait for the workers
      // so no run is left writing shared memory after this call has returned.
      let localError: Error | undefined;
      try {
        kernel(args, 0, chunkStart(n, threads, 1), boundValue);
      } catch (e) {
        localError = e instanceof Error ? e : new Error('kernel threw a non-Error value', { cause: e });
      }
      // Fast completion: spin briefly on the board. When every worker has finished without error,
      // the run is over and the reply messages (which would cost an event-loop round trip each) are
      // dropped when they arrive. Otherwise (slow chunks, errors) wait for the replies.
      const fast = spinUntilDone(s + 1) ? pending.get(s) : undefined;
      if (fast !== undefined) {
        pending.delete(s);
        fast.resolve();
      }
      await done;
      if (localError !== undefined) throw localError;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      // Runs still in flight can no longer finish: fail them rather than leave them pending.
      failAll(new Error('KernelPool closed while a run was in flight'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  return pool;
}
