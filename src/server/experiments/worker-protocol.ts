/** Messages between the server thread and an experiment's worker thread (see worker-executor.ts). */
import type { ClaimResult } from '../../experiments/claims.ts';
import type { ExperimentResult } from '../../experiments/experiment.ts';
import type { AssayOptions } from '../../experiments/types.ts';
import type { ExperimentRequest } from './request.ts';

export interface ExperimentWorkerData {
  request: ExperimentRequest;
  /** Threads for the arm × replicate jobs (src/experiments/parallel: 1 runs them on the experiment's own thread). */
  workers: number;
  options: AssayOptions;
}

/** What an experiment leaves: the library's result, and for a reproduction its claims. */
export interface StoredExperiment {
  kind: ExperimentRequest['kind'];
  experiment: ExperimentResult;
  claims: ClaimResult[] | null;
}

export type FromExperimentWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: StoredExperiment }
  | { type: 'error'; message: string; userError: boolean; stack: string };
