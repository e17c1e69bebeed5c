/**
 * Where a sweep's runs execute. One interface, two implementations (src/sweep/local: worker
 * threads on this machine; src/sweep/queue: BullMQ jobs on Redis, run by `exoscape worker`s), one
 * shared conformance suite (backend.case.ts). The sweep driver (run-sweep.ts) is the same for both:
 * it submits the runs it still needs, consumes the event stream, and writes the journal and table.
 *
 *   submit + stream:  `run(job, tasks)` returns an async stream of events that ends when every
 *                     task has finished or failed for good (after `retry.attempts` attempts);
 *   cancel:           abort `signal`: the stream ends early; a backend stops scheduling the
 *                     remaining tasks (results already computed elsewhere may still be collected
 *                     by a later resume).
 */
import type { EvaluatorDefinition, Metrics } from './evaluator.ts';
import type { SweepTask } from './plan.ts';

export interface RetryPolicy {
  /** Attempts per task (≥ 1). */
  attempts: number;
  /** Delay before the first retry in ms; doubles each attempt (BullMQ's exponential backoff). */
  backoffMs: number;
}

/** What every task of one submission computes. */
export interface SweepJob {
  evalKey: string;
  evaluator: EvaluatorDefinition;
  retry: RetryPolicy;
}

export type BackendEvent =
  | { type: 'started'; id: string; worker: string }
  | { type: 'finished'; id: string; metrics: Metrics; attempts: number; ms: number; worker: string }
  | { type: 'retrying'; id: string; error: string; attempt: number }
  | { type: 'failed'; id: string; error: string; attempts: number };

export interface RunOptions {
  signal?: AbortSignal;
}

export interface SweepBackend {
  /** "local" or "queue", for messages and summaries. */
  readonly name: string;
  /** Submit `tasks` and stream their events. Tasks must have distinct ids. */
  run(job: SweepJob, tasks: readonly SweepTask[], options?: RunOptions): AsyncIterable<BackendEvent>;
  /** Release threads, connections. */
  close(): Promise<void>;
}

/** Exponential backoff before attempt `attempt + 1` (attempt ≥ 1 has just failed). */
export function backoffDelay(retry: RetryPolicy, attempt: number): number {
  return retry.backoffMs * 2 ** (attempt - 1);
}
