/**
 * The server's list of runs, persisted as `<data dir>/runs.json` (../json-registry.ts: written
 * atomically, one write at a time), so runs and their states survive a restart. Each run's results
 * live in `<data dir>/<id>/`, written by the simulation (src/sim/run.ts).
 */
import { join } from 'node:path';
import { JsonRegistry } from '../json-registry.ts';
import type { RunProgress } from '../../sim/run.ts';
import type { ScenarioSize } from '../limits.ts';

export const RUN_STATUSES = ['queued', 'running', 'paused', 'finished', 'cancelled', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses after which nothing more happens to a run. */
export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['finished', 'cancelled', 'failed']);

export interface RunRecord {
  id: string;
  status: RunStatus;
  /** Scenario name and description. */
  name: string;
  description: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  seed: number;
  threads: number;
  size: ScenarioSize;
  domain: { dimensions: 2 | 3; size: [number, number, number]; voxel: number };
  outputMin: number;
  progress: RunProgress | null;
  error: string | null;
  /** From the run's summary when it finished. */
  result: { stateDigest: string; wallSeconds: number; simulatedMinutes: number; liveCells: number; maxMassBalanceError: number } | null;
  /** What was submitted, so a queued or interrupted run can start again after a restart. */
  request: { text: string; file: string };
}

/** The runs of a server: `<data dir>/runs.json`; each run's results in `<data dir>/<id>/`. */
export class RunRegistry extends JsonRegistry<RunRecord> {
  /** Open (or create) the registry in `dir`. */
  static open(dir: string): RunRegistry {
    return new RunRegistry(dir, 'runs.json', 'runs', 'run registry');
  }

  runDir(id: string): string {
    return join(this.dir, id);
  }
}
