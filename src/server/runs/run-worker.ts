/**
 * Worker-thread side of `workerExecutor`: runs one scenario with `runScenario` and reports
 * progress, frames and the summary to the server thread. The server asks it to stop through a
 * shared flag, read at every phenotype step (this thread is busy computing, so a message would
 * only be seen at the next output time).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../../common/errors.ts';
import { runScenario, type RunOptions } from '../../sim/run.ts';
import type { FromRunWorker, RunWorkerData } from './worker-protocol.ts';

const data = workerData as RunWorkerData;
const port = parentPort!;
const stop = new Int32Array(data.stopFlag);
const controller = new AbortController();
const post = (m: FromRunWorker, transfer: ArrayBuffer[] = []): void => { port.postMessage(m, transfer); };

const options: RunOptions = {
  ...data.options,
  signal: controller.signal,
  onProgress: (progress) => {
    if (Atomics.load(stop, 0) !== 0 && !controller.signal.aborted) controller.abort();
    post({ type: 'progress', progress });
  },
  onFrame: (frame) => {
    const buffers = [frame.x, frame.y, frame.radius, ...Object.values(frame.values)].map((a) => a.buffer as ArrayBuffer);
    post({ type: 'frame', frame }, [...new Set(buffers)]);
    if (Atomics.load(stop, 0) !== 0 && !controller.signal.aborted) controller.abort();
  },
};
if (Atomics.load(stop, 0) !== 0) controller.abort();

runScenario(data.loaded, options).then(
  (summary) => { post({ type: 'done', summary }); },
  (e: unknown) => {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e), userError: isUserError(e), issues: isUserError(e) ? [...e.issues] : [], stack: e instanceof Error ? (e.stack ?? '') : '' });
  },
);
