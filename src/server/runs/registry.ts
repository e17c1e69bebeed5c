/**
 * The server's list of runs, persisted as `<data dir>/runs.json` (../json-registry.ts: written
 * atomically, one write at a time), so runs and their states survive a restart. Each run's results
 * live in `<data dir>/<id>/`, written by the simulation (src/sim/run.ts).
 */
import { join } from 'node:path';
import { JsonRegistry } from '../json-registry.ts';
import type { PublicRun, RunStatus } from './api-types.ts';

export type { RunStatus } from './api-types.ts';

/** Statuses after which nothing more happens to a run. */
export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['finished', 'cancelled', 'failed']);

/** A run as stored: what the API shows (api-types.ts) and what was submitted. */
export interface RunRecord extends PublicRun {
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
