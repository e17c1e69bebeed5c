/**
 * Worker entry of a KernelPool. Holds the values bound by its pool and the kernel modules it has
 * imported (both live only as long as this worker thread, which belongs to exactly one pool).
 */
import { parentPort } from 'node:worker_threads';
import type { Reply, ToWorker } from './protocol.ts';

const port = parentPort;
if (port === null) throw new Error('parallel/worker.ts must run as a worker thread');

const bound = new Map<number, unknown>();
const modules = new Map<string, Record<string, unknown>>();

async function kernelOf(url: string, name: string): Promise<(args: unknown, start: number, end: number, bound: unknown) => void> {
  let mod = modules.get(url);
  if (mod === undefined) {
    mod = (await import(url)) as Record<string, unknown>;
    modules.set(url, mod);
  }
  const k = mod[name];
  if (typeof k !== 'function') throw new Error(`kernel "${name}" is not a function exported by ${url}`);
  return k as (args: unknown, start: number, end: number, bound: unknown) => void;
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'bind') {
    bound.set(msg.id, msg.value);
    port.postMessage({ seq: -msg.id - 1 } satisfies Reply);
    return;
  }
  if (msg.type === 'unbind') {
    bound.delete(msg.id);
    return;
  }
  const cached = modules.get(msg.url)?.[msg.name];
  try {
    if (typeof cached === 'function') {
      // Fast path: no promise hop once the module is loaded.
      (cached as (a: unknown, s: number, e: number, b: unknown) => void)(msg.args, msg.start, msg.end, bound.get(msg.boundId));
      port.postMessage({ seq: msg.seq } satisfies Reply);
      return;
    }
  } catch (e) {
    port.postMessage({ seq: msg.seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply);
    return;
  }
  kernelOf(msg.url, msg.name)
    .then((k) => {
      k(msg.args, msg.start, msg.end, bound.get(msg.boundId));
      port.postMessage({ seq: msg.seq } satisfies Reply);
    })
    .catch((e: unknown) => {
      port.postMessage({ seq: msg.seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply);
    });
});
