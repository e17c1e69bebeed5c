/** Messages between a ThreadExecutor and its worker threads. */
import type { EvaluatorDefinition, Metrics } from '../evaluator.ts';
import type { SweepTask } from '../plan.ts';

export interface RunRequest {
  seq: number;
  evalKey: string;
  evaluator: EvaluatorDefinition;
  task: SweepTask;
  workDir: string;
}

export type RunReply = { seq: number; ok: true; metrics: Metrics; ms: number } | { seq: number; ok: false; error: string };
