/**
 * Run jobs on `workers` threads (each job is independent: its own simulations and seeds), or
 * in-process with one worker. Results come back in job order, so they do not depend on the number
 * of workers or on which finished first.
 */
import type { Worker } from 'node:worker_threads';
import { runJob, type JobResult, type JobSpec } from '../job.ts';
import { siblingModuleUrl, spawnModuleWorker } from '../../engine/parallel/spawn.ts';

export interface RunJobsOptions {
  workers: number;
  /** Called after each finished job with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

type Reply = { id: number; ok: true; result: JobResult } | { id: number; ok: false; error: string };

export async function runJobs(jobs: readonly JobSpec[], options: RunJobsOptions): Promise<JobResult[]> {
  const out = new Array<JobResult | undefined>(jobs.length);
  let done = 0;
  const workers = Math.max(1, Math.min(options.workers, jobs.length));
  if (workers === 1) {
    for (let i = 0; i < jobs.length; i++) {
      out[i] = await runJob(jobs[i]!);
      done++;
      options.onProgress?.(done, jobs.length);
    }
    return out as JobResult[];
  }
  const url = siblingModuleUrl(import.meta.url, './worker');
  const pool: Worker[] = [];
  try {
    let next = 0;
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const feed = (w: Worker): void => {
        if (next >= jobs.length) return;
        const id = next++;
        w.postMessage({ id, job: jobs[id] });
      };
      for (let k = 0; k < workers; k++) {
        const w = spawnModuleWorker(url);
        pool.push(w);
        w.on('message', (reply: Reply) => {
          if (failed) return;
          if (!reply.ok) {
            failed = true;
            reject(new Error(`job ${jobs[reply.id]!.arm} #${jobs[reply.id]!.replicate} failed in a worker: ${reply.error}`));
            return;
          }
          out[reply.id] = reply.result;
          done++; // not inside the optional call: its arguments are skipped when there is no callback
          options.onProgress?.(done, jobs.length);
          if (done === jobs.length) resolve();
          else feed(w);
        });
        w.on('error', (e) => {
          if (!failed) {
            failed = true;
            reject(e);
          }
        });
        w.on('exit', (code) => {
          if (!failed && done < jobs.length) {
            failed = true;
            reject(new Error(`a replicate worker exited (code ${code}) with ${jobs.length - done} job(s) unfinished`));
          }
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out as JobResult[];
}
