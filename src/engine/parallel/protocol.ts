/** Messages between a KernelPool and its workers (structured-cloned; SharedArrayBuffers are shared). */

export interface BindMessage {
  type: 'bind';
  id: number;
  value: unknown;
}

export interface UnbindMessage {
  type: 'unbind';
  id: number;
}

export interface RunMessage {
  type: 'run';
  seq: number;
  url: string;
  name: string;
  args: unknown;
  start: number;
  end: number;
  /** −1 when the kernel takes no bound value. */
  boundId: number;
}

export type ToWorker = BindMessage | UnbindMessage | RunMessage;

/** Reply to a bind or run (seq echoes the request; bind replies use seq = −id − 1). */
export interface Reply {
  seq: number;
  error?: string;
}

/** Passed to each worker at start: the pool's completion board and this worker's slot. */
export interface WorkerData {
  board: Int32Array;
  index: number;
  errorSlot: number;
  /** Poll time after each message (ms): SPIN_MS, or 0 when the pool has more threads than cores. */
  spinMs: number;
}

/**
 * How long (ms) a worker keeps polling for the next message after finishing one, and the pool
 * polls for completion after its own chunk. Stepping loops issue runs back to back, so a short spin
 * replaces two event-loop wake-ups (tens of µs each) per run; beyond it both sides sleep as usual.
 * Measured round trip of an empty 2-thread run: 51 µs without, 4 µs with. A pool with more threads
 * than cores does not spin: spinning threads would take the cores from the ones with work
 * (measured 4 threads on 2 cores: 437 µs per run with spinning).
 */
export const SPIN_MS = 0.2;

/** Spin windows below this (ms) are not worth starting: the thread goes back to sleeping. */
export const MIN_SPIN_MS = 0.005;

/**
 * Adaptive spin window. When the machine has idle cores, spinning pays (4 µs instead of ~50 µs per
 * run); when other processes keep the cores busy, a spinning thread takes time from the thread it
 * waits for (measured under load: 46³ sweeps on 2 threads at 0.5× the speed of not spinning). So a
 * spin that ends without result shrinks the next window 4×, down to nothing; one that succeeds
 * restores it; waits that end by sleeping regrow it 2× from MIN_SPIN_MS, so spinning resumes when
 * the load goes away.
 */
export function nextSpinWindow(window: number, max: number, outcome: 'caught' | 'timedOut' | 'slept'): number {
  if (max <= 0) return 0;
  if (outcome === 'caught') return max;
  if (outcome === 'timedOut') return window / 4 < MIN_SPIN_MS ? 0 : window / 4;
  return Math.min(max, Math.max(MIN_SPIN_MS, window * 2));
}
