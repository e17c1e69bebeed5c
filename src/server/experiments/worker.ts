/**
 * Worker-thread side of `workerExecutor`: runs one experiment with the library (`runExperiment`,
 * or `reproduceQian2021`), which spreads its arm × replicate jobs over threads of its own, and
 * reports progress and the result to the server thread. Cancelling terminates this thread, and
 * with it the job threads it started.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../../common/errors.ts';
import { runExperiment } from '../../experiments/experiment.ts';
import { reproduceQian2021 } from '../../experiments/qian2021.ts';
import { plansOf } from './request.ts';
import type { ExperimentWorkerData, FromExperimentWorker, StoredExperiment } from './worker-protocol.ts';

const data = workerData as ExperimentWorkerData;
const port = parentPort!;
const post = (m: FromExperimentWorker): void => { port.postMessage(m); };

async function run(): Promise<StoredExperiment> {
  const settings = { replicates: data.request.replicates, seed: data.request.seed, workers: data.workers, options: data.options, onProgress: (done: number, total: number) => { post({ type: 'progress', done, total }); } };
  if (data.request.kind === 'reproduce') {
    const rep = await reproduceQian2021(settings);
    return { kind: 'reproduce', experiment: rep.experiment, claims: rep.claims };
  }
  return { kind: 'assay', experiment: await runExperiment(plansOf(data.request), settings), claims: null };
}

run().then(
  (result) => { post({ type: 'done', result }); },
  (e: unknown) => { post({ type: 'error', message: e instanceof Error ? e.message : String(e), userError: isUserError(e), stack: e instanceof Error ? (e.stack ?? '') : '' }); },
);
