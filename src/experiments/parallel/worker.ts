/** Worker-thread entry: runs one job per message (job.ts) and replies with its result or error. */
import { parentPort } from 'node:worker_threads';
import { runJob, type JobSpec } from '../job.ts';

const port = parentPort;
if (port === null) throw new Error('experiments/parallel/worker.ts must run as a worker thread');

export interface JobRequest {
  id: number;
  job: JobSpec;
}

port.on('message', (req: JobRequest) => {
  runJob(req.job).then(
    (result) => {
      port.postMessage({ id: req.id, ok: true, result });
    },
    (e: unknown) => {
      port.postMessage({ id: req.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    },
  );
});
