/**
 * Worker-thread entry of a ThreadExecutor: evaluates one task per message with the evaluator its
 * definition names, creating each evaluator once per evaluation key and keeping it for later tasks.
 */
import { parentPort } from 'node:worker_threads';
import type { Evaluator } from '../evaluator.ts';
import { loadEvaluatorModule } from '../evaluators/registry.ts';
import type { RunReply, RunRequest } from './protocol.ts';

const port = parentPort;
if (port === null) throw new Error('sweep/local/thread-worker.ts must run as a worker thread');

const evaluators = new Map<string, Promise<Evaluator>>();

function evaluatorFor(req: RunRequest): Promise<Evaluator> {
  let e = evaluators.get(req.evalKey);
  if (e === undefined) {
    e = loadEvaluatorModule(req.evaluator.name).then((m) => m.create(req.evaluator));
    evaluators.set(req.evalKey, e);
    // A failed creation is not cached: the next task tries again.
    e.catch(() => evaluators.delete(req.evalKey));
  }
  return e;
}

async function run(req: RunRequest): Promise<RunReply> {
  try {
    const evaluator = await evaluatorFor(req);
    const t0 = performance.now();
    const metrics = await evaluator.evaluate({ params: req.task.params, seed: req.task.seed }, { workDir: req.workDir });
    return { seq: req.seq, ok: true, metrics, ms: performance.now() - t0 };
  } catch (e) {
    return { seq: req.seq, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

port.on('message', (req: RunRequest) => {
  void run(req).then((reply) => {
    port.postMessage(reply);
  });
});
