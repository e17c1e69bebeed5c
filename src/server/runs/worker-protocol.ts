/** Messages between the server thread and a run's worker thread (see worker-executor.ts). */
import type { Issue } from '../../common/errors.ts';
import type { LoadedScenario } from '../../scenario/load-scenario.ts';
import type { RunFrame, RunOptions, RunProgress, RunSummary } from '../../sim/run.ts';

export interface RunWorkerData {
  loaded: LoadedScenario;
  /** RunOptions without the callbacks and the signal (those stay on the server thread). */
  options: Omit<RunOptions, 'signal' | 'onProgress' | 'onFrame'>;
  /** Int32 flag: non-zero asks the run to stop at its next phenotype step. */
  stopFlag: SharedArrayBuffer;
}

export type FromRunWorker =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'frame'; frame: RunFrame }
  | { type: 'done'; summary: RunSummary }
  | { type: 'error'; message: string; userError: boolean; issues: Issue[]; stack: string };
