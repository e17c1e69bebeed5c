/**
 * The records /api/runs and /api/scenarios return: the run records are the server's own
 * declarations (src/server/runs/api-types.ts), imported as types only, so page and API cannot drift.
 */
import type { ApiIssue } from '../api.ts';
import type { RunStatus, ScenarioSize } from '../../../src/server/runs/api-types.ts';

export type { ColumnInfo, RunProgress, RunStatus, ScenarioSize, TimeSeries, PublicRun as Run } from '../../../src/server/runs/api-types.ts';

/** Statuses after which nothing more happens to a run (as the server's FINAL_STATUSES). */
export const FINAL: ReadonlySet<RunStatus> = new Set(['finished', 'cancelled', 'failed']);

export interface Example {
  name: string;
  description: string;
  file: string;
}

export interface Validation {
  state: 'idle' | 'checking' | 'ok' | 'invalid' | 'too-large';
  size?: ScenarioSize;
  message?: string;
  issues: ApiIssue[];
}
