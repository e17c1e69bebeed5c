/**
 * The JSON the run and scenario routes send, as types only: the server builds these values and the
 * web app imports the same declarations (`import type`), so the two cannot drift apart. No runtime
 * imports — the browser build erases this file. Where a value comes from the library (a run's
 * progress, a time-series column), the server assigns the library's value to these types, so the
 * compiler checks that they agree.
 */

export type RunStatus = 'queued' | 'running' | 'paused' | 'finished' | 'cancelled' | 'failed' | 'interrupted';

/** src/sim/run.ts RunProgress. */
export interface RunProgress {
  timeMin: number;
  durationMin: number;
  cells: number;
  wallSeconds: number;
}

/** Size of a validated scenario, checked against the server's limits (../limits.ts). */
export interface ScenarioSize {
  voxels: number;
  /** Initial cells: the exact count the simulation places, or a close-packing estimate when that is far above any limit. */
  cells: number;
  /** True when `cells` is the exact count. */
  cellsExact: boolean;
  durationMin: number;
}

/** A run as the API shows it (the stored record without the submitted scenario text). */
export interface PublicRun {
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
}

/** One time-series column (src/sim/metrics.ts ColumnInfo). */
export interface ColumnInfo {
  name: string;
  unit: string;
  group: string;
  description: string;
}

/** `GET /api/runs/{id}/timeseries`: one row per output time. */
export interface TimeSeries {
  rows: Record<string, number>[];
  columns: ColumnInfo[];
}
