/**
 * Worker entry of a KernelPool. Holds the values bound by its pool and the kernel modules it has
 * imported (both live only as long as this worker thread, which belongs to exactly one pool).
 *
 * After each message it keeps polling its port for a short, adaptive window (receiveMessageOnPort),
 * so back-to-back runs skip the event-loop wake-up; it marks each finished run on the pool's shared board before
 * replying, so the pool can finish a run without waiting for the reply.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { nextSpinWindow, type Reply, type RunMessage, type ToWorker, type WorkerData } from './protocol.ts';

const port = parentPort;
if (port === null) throw new Error('parallel/worker.ts must run as a worker thread');
const { board, index, errorSlot, spinMs } = workerData as WorkerData;

const bound = new Map<number, unknown>();
const modules = new Map<string, Record<string, unknown>>();

type KernelFn = (args: unknown, start: number, end: number, bound: unknown) => void;

async function kernelOf(url: string, name: string): Promise<KernelFn> {
  let mod = modules.get(url);
  if (mod === undefined) {
    mod = (await import(url)) as Record<string, unknown>;
    modules.set(url, mod);
  }
  const k = mod[name];
  if (typeof k !== 'function') throw new Error(`kernel "${name}" is not a function exported by ${url}`);
  return k as KernelFn;
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function finish(msg: RunMessage, error: unknown): void {
  const tag = msg.seq + 1;
  if (error === undefined) {
    Atomics.store(board, index, tag);
    port!.postMessage({ seq: msg.seq } satisfies Reply);
  } else {
    Atomics.store(board, errorSlot + index, tag);
    port!.postMessage({ seq: msg.seq, error: describe(error) } satisfies Reply);
  }
}

/** Handle one message; returns false when it continues asynchronously (a first import). */
function handle(msg: ToWorker): boolean {
  if (msg.type === 'bind') {
    bound.set(msg.id, msg.value);
    port!.postMessage({ seq: -msg.id - 1 } satisfies Reply);
    return true;
  }
  if (msg.type === 'unbind') {
    bound.delete(msg.id);
    return true;
  }
  const cached = modules.get(msg.url)?.[msg.name];
  if (typeof cached === 'function') {
    try {
      (cached as KernelFn)(msg.args, msg.start, msg.end, bound.get(msg.boundId));
      finish(msg, undefined);
    } catch (e) {
      finish(msg, e);
    }
    return true;
  }
  kernelOf(msg.url, msg.name)
    .then((k) => {
      k(msg.args, msg.start, msg.end, bound.get(msg.boundId));
      finish(msg, undefined);
    })
    .catch((e: unknown) => {
      finish(msg, e);
    })
    .finally(spin);
  return false;
}

/** Current spin window (ms), adapted to whether spinning finds work (see nextSpinWindow). */
let window = spinMs;

/** Poll for further messages for the spin window after the last one, then return to the event loop. */
function spin(): void {
  if (window <= 0) return;
  let deadline = performance.now() + window;
  while (performance.now() < deadline) {
    const next = receiveMessageOnPort(port!);
    if (next === undefined) continue;
    window = nextSpinWindow(window, spinMs, 'caught');
    if (!handle(next.message as ToWorker)) return;
    deadline = performance.now() + window;
  }
  window = nextSpinWindow(window, spinMs, 'timedOut');
}

port.on('message', (msg: ToWorker) => {
  // Arrived while sleeping: let the window regrow so spinning resumes once it pays again.
  window = nextSpinWindow(window, spinMs, 'slept');
  if (handle(msg)) spin();
});
