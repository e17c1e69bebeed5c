/**
 * The queue backend: every task becomes a BullMQ job on Redis; `exoscape worker`s on any number of
 * machines run them (queue-worker.ts). Job data is only (evaluation key, point id, parameters,
 * seed, replicate); the evaluator definition is stored once under the evaluation key.
 *
 * Idempotent by construction: a job's id is (evaluation-key prefix, point id), so submitting a
 * point that is already queued, running or finished adds nothing. On submit the backend first
 * looks up every task's job: finished ones are collected at once (a resumed sweep, or one whose
 * results arrived while the submitter was away), failed ones are retried, missing ones are added.
 * Results stream from QueueEvents; a periodic check of still-outstanding jobs covers events missed
 * while disconnected. Retries with exponential backoff are BullMQ's (`attempts`, `backoff`); a
 * worker killed mid-run loses its lock, BullMQ's stalled-job check puts the job back in the queue,
 * and another worker runs it.
 *
 * Cancel (abort signal): stop streaming and remove this submission's jobs still waiting; jobs
 * already running finish and stay in Redis for a later resume to collect.
 */
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BackendEvent, RunOptions, SweepBackend, SweepJob } from '../backend.ts';
import { Channel } from '../channel.ts';
import { decodeMetrics } from '../metrics-json.ts';
import type { SweepTask } from '../plan.ts';
import { connectRedis, DEFAULT_QUEUE_NAME, definitionKey, jobIdOf, type JobData, type JobResult } from './connection.ts';

export interface QueueBackendOptions {
  url: string;
  queueName?: string;
  /** How often outstanding jobs are looked up directly when no event arrives (ms). */
  pollMs?: number;
  /** How long finished jobs stay in Redis (s): long enough for a resume to collect them. */
  keepSeconds?: number;
}

type Tracked = { task: SweepTask; done: boolean; retriesSeen: number };

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function createQueueBackend(options: QueueBackendOptions): Promise<SweepBackend> {
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const pollMs = options.pollMs ?? 2000;
  const keep = options.keepSeconds ?? 7 * 24 * 3600;
  const client: Redis = await connectRedis(options.url);
  const connection = { url: options.url, maxRetriesPerRequest: null };
  const queue = new Queue<JobData, JobResult>(queueName, { connection });
  await queue.waitUntilReady();

  return {
    name: 'queue',
    run(job: SweepJob, tasks: readonly SweepTask[], runOptions: RunOptions = {}): AsyncIterable<BackendEvent> {
      const ch = new Channel<BackendEvent>();
      const signal = runOptions.signal;
      const byJobId = new Map<string, Tracked>(tasks.map((t) => [jobIdOf(job.evalKey, t.id), { task: t, done: false, retriesSeen: 0 }]));
      let remaining = tasks.length;
      let stopped = false;
      let lastEvent = Date.now();
      let events: QueueEvents | undefined;
      let timer: NodeJS.Timeout | undefined;

      const finish = (tr: Tracked, ev: BackendEvent): void => {
        if (tr.done || stopped) return;
        tr.done = true;
        ch.push(ev);
        if (--remaining === 0) void shutdown();
      };
      const finishFromResult = (tr: Tracked, raw: unknown): void => {
        let r: Partial<JobResult> | null;
        try {
          r = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Partial<JobResult> | null;
          if (r === null || typeof r !== 'object' || r.metrics === undefined) throw new Error('no metrics');
          finish(tr, { type: 'finished', id: tr.task.id, metrics: decodeMetrics(r.metrics), attempts: r.attempt ?? 1, ms: r.ms ?? NaN, worker: r.worker ?? 'queue' });
        } catch (e) {
          finish(tr, { type: 'failed', id: tr.task.id, error: `the job finished without a usable result (${errorText(e)}); was it run by another exoscape version?`, attempts: 1 });
        }
      };
      const finishFailed = (tr: Tracked, j: Job | undefined, reason: string): void => {
        finish(tr, { type: 'failed', id: tr.task.id, error: j?.failedReason ?? reason, attempts: Math.max(1, j?.attemptsStarted ?? j?.attemptsMade ?? 1) });
      };
      const shutdown = async (): Promise<void> => {
        stopped = true;
        if (timer !== undefined) clearInterval(timer);
        timer = undefined;
        ch.close();
        await events?.close();
      };
      const fail = (e: unknown): void => {
        stopped = true;
        if (timer !== undefined) clearInterval(timer);
        ch.close(e);
        void events?.close();
      };

      /**
       * Look up every outstanding job: collect finished ones; failed ones are retried with fresh
       * attempts on the first look (a new submission) and reported as failed later (a missed event);
       * return the ones Redis does not have.
       */
      const reconcile = async (first: boolean): Promise<Tracked[]> => {
        const missing: Tracked[] = [];
        const open = [...byJobId.entries()].filter(([, tr]) => !tr.done);
        for (let i = 0; i < open.length && !stopped; i += 200) {
          const batch = open.slice(i, i + 200);
          // State first, then the job: a completed or failed job no longer changes, so its data is final.
          const states = await Promise.all(batch.map(([id]) => queue.getJobState(id)));
          for (const [b, [id, tr]] of batch.entries()) {
            const state = states[b];
            if (state === 'unknown') missing.push(tr);
            else if (state === 'completed' || state === 'failed') {
              const j = await queue.getJob(id);
              if (j === undefined) missing.push(tr); // removed meanwhile (expired)
              else if (state === 'completed') finishFromResult(tr, j.returnvalue);
              else if (first) await j.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
              else finishFailed(tr, j, 'failed');
            }
          }
        }
        return missing;
      };
      const addJobs = async (trs: Tracked[]): Promise<void> => {
        for (let i = 0; i < trs.length && !stopped; i += 1000) {
          await queue.addBulk(
            trs.slice(i, i + 1000).map((tr) => ({
              name: 'point',
              data: { evalKey: job.evalKey, id: tr.task.id, params: tr.task.params, seed: tr.task.seed, replicate: tr.task.replicate },
              opts: {
                jobId: jobIdOf(job.evalKey, tr.task.id),
                attempts: job.retry.attempts,
                backoff: { type: 'exponential', delay: job.retry.backoffMs },
                removeOnComplete: { age: keep },
                removeOnFail: { age: keep },
              },
            })),
          );
        }
      };

      const onJob = (jobId: string, fn: (tr: Tracked) => void): void => {
        lastEvent = Date.now();
        const tr = byJobId.get(jobId);
        if (tr !== undefined && !tr.done && !stopped) fn(tr);
      };
      const noteRetry = async (tr: Tracked, jobId: string, fallback: string): Promise<void> => {
        const j = await queue.getJob(jobId);
        const made = j?.attemptsMade ?? 0;
        if (made <= tr.retriesSeen && fallback === '') return;
        tr.retriesSeen = Math.max(tr.retriesSeen, made);
        ch.push({ type: 'retrying', id: tr.task.id, error: fallback !== '' ? fallback : (j?.failedReason ?? 'failed'), attempt: Math.max(1, made) });
      };

      const start = async (): Promise<void> => {
        await client.set(definitionKey(queueName, job.evalKey), JSON.stringify(job.evaluator));
        events = new QueueEvents(queueName, { connection });
        events.on('error', () => {
          // Connection hiccups: ioredis reconnects; the periodic reconcile catches missed events.
        });
        events.on('active', ({ jobId }) => { onJob(jobId, (tr) => { ch.push({ type: 'started', id: tr.task.id, worker: 'queue' }); }); });
        events.on('completed', ({ jobId, returnvalue }) => { onJob(jobId, (tr) => { finishFromResult(tr, returnvalue); }); });
        events.on('failed', ({ jobId, failedReason }) => {
          onJob(jobId, (tr) => {
            void queue.getJob(jobId).then((j) => { finishFailed(tr, j, failedReason); }, (e: unknown) => { finishFailed(tr, undefined, `${failedReason} (${errorText(e)})`); });
          });
        });
        events.on('delayed', ({ jobId }) => { onJob(jobId, (tr) => { void noteRetry(tr, jobId, '').catch(fail); }); });
        events.on('waiting', ({ jobId, prev }) => {
          if (prev === 'active') onJob(jobId, (tr) => { void noteRetry(tr, jobId, '').catch(fail); });
        });
        events.on('stalled', ({ jobId }) => { onJob(jobId, (tr) => { void noteRetry(tr, jobId, 'the worker running it stopped responding (stalled); it runs again').catch(fail); }); });
        await events.waitUntilReady();
        // Events from here on are seen; everything older is read from the jobs themselves.
        await addJobs(await reconcile(true));
        let busy = false;
        timer = setInterval(() => {
          if (stopped || busy || Date.now() - lastEvent < pollMs) return;
          busy = true;
          lastEvent = Date.now();
          reconcile(false)
            .then(addJobs) // a job that vanished (removed by hand, or expired) is added again
            .then(() => { busy = false; }, fail);
        }, pollMs);
      };

      const cancel = async (): Promise<void> => {
        if (stopped) return;
        stopped = true;
        if (timer !== undefined) clearInterval(timer);
        try {
          const open = [...byJobId.entries()].filter(([, tr]) => !tr.done).map(([id]) => id);
          for (const id of open) {
            const j = await queue.getJob(id);
            const state = await j?.getState();
            if (j !== undefined && (state === 'waiting' || state === 'delayed' || state === 'prioritized')) {
              try {
                await j.remove();
              } catch {
                // Picked up by a worker meanwhile: it runs to the end and a resume collects it.
              }
            }
          }
        } finally {
          // The stream ends only once the waiting jobs are gone, so a resume right after sees a settled queue.
          ch.close();
          await events?.close();
        }
      };

      if (tasks.length === 0) ch.close();
      else if (signal?.aborted === true) ch.close();
      else {
        signal?.addEventListener('abort', () => { void cancel(); }, { once: true });
        start().catch(fail);
      }
      return ch;
    },
    async close() {
      await queue.close();
      client.disconnect();
    },
  };
}
