/**
 * A queue worker (`exoscape worker --queue redis://…`): takes sweep jobs from BullMQ and runs each
 * on a ThreadExecutor — the same worker threads and evaluator modules the local backend uses — so
 * a point gives the same result on either backend. Concurrency = threads. The evaluator
 * definition is read from Redis by evaluation key (and cached); job data carries only the point.
 *
 * Locks: BullMQ renews a running job's lock every lockDuration/2; if this process dies the lock
 * expires, the stalled-job check (run by every worker each stalledInterval) puts the job back in
 * the queue, and another worker runs it (up to maxStalledCount times).
 */
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EvaluatorDefinition } from '../evaluator.ts';
import { createThreadExecutor, defaultThreads } from '../local/executor.ts';
import { encodeMetrics } from '../metrics-json.ts';
import { connectRedis, DEFAULT_QUEUE_NAME, definitionKey, type JobData, type JobResult } from './connection.ts';

export interface QueueWorkerOptions {
  url: string;
  queueName?: string;
  threads?: number;
  /** Parent of each point's work directory (default: under the OS temp dir). */
  workDir?: string;
  /** BullMQ lock duration (ms, default 30 000): how long a dead worker's job stays claimed. */
  lockDurationMs?: number;
  /** BullMQ stalled-job check interval (ms, default 30 000). */
  stalledIntervalMs?: number;
  /** Times a job may be recovered from a dead worker before it fails (default 3). */
  maxStalledCount?: number;
  /** Name in results and logs (default host:pid). */
  name?: string;
  onEvent?: (e: WorkerEvent) => void;
}

export type WorkerEvent = { type: 'started'; id: string } | { type: 'finished'; id: string; ms: number } | { type: 'failed'; id: string; error: string };

export interface RunningQueueWorker {
  readonly name: string;
  readonly threads: number;
  /** Stop taking jobs, let running ones finish, release threads and connections. */
  close(): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<RunningQueueWorker> {
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const threads = options.threads ?? defaultThreads();
  const workRoot = options.workDir ?? join(tmpdir(), 'exoscape-worker');
  const client: Redis = await connectRedis(options.url);
  const executor = createThreadExecutor(threads, name);
  const definitions = new Map<string, Promise<EvaluatorDefinition>>();

  const definitionOf = (evalKey: string): Promise<EvaluatorDefinition> => {
    let d = definitions.get(evalKey);
    if (d === undefined) {
      d = client.get(definitionKey(queueName, evalKey)).then((text) => {
        if (text === null) throw new Error(`no sweep definition for evaluation key ${evalKey} in Redis (queue "${queueName}"); it is stored by the submitting \`exoscape sweep\``);
        return JSON.parse(text) as EvaluatorDefinition;
      });
      definitions.set(evalKey, d);
      d.catch(() => definitions.delete(evalKey));
    }
    return d;
  };

  const processor = async (job: Job<JobData, JobResult>): Promise<JobResult> => {
    const { evalKey, id, params, seed, replicate } = job.data;
    const evaluator = await definitionOf(evalKey);
    options.onEvent?.({ type: 'started', id });
    try {
      const r = await executor.execute({ evalKey, evaluator }, { id, params, seed, replicate }, join(workRoot, evalKey.slice(0, 16), id));
      options.onEvent?.({ type: 'finished', id, ms: r.ms });
      return { metrics: encodeMetrics(r.metrics), ms: r.ms, worker: r.worker, attempt: Math.max(1, job.attemptsStarted) };
    } catch (e) {
      options.onEvent?.({ type: 'failed', id, error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  };

  const worker = new Worker<JobData, JobResult>(queueName, processor, {
    connection: { url: options.url, maxRetriesPerRequest: null },
    concurrency: threads,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 3,
    name,
  });
  worker.on('error', () => {
    // Connection errors: ioredis reconnects and BullMQ resumes; jobs are never lost, only delayed.
  });
  await worker.waitUntilReady();

  return {
    name,
    threads,
    async close() {
      await worker.close();
      await executor.close();
      client.disconnect();
    },
  };
}
