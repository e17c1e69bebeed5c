/** The records /api/runs and /api/scenarios return. */
import type { ApiIssue } from '../api.ts';

export type RunStatus = 'queued' | 'running' | 'paused' | 'finished' | 'cancelled' | 'failed' | 'interrupted';

export interface RunProgress {
  timeMin: number;
  durationMin: number;
  cells: number;
  wallSeconds: number;
}

export interface ScenarioSize {
  voxels: number;
  cells: number;
  cellsExact: boolean;
  durationMin: number;
}

export interface Run {
  id: string;
  status: RunStatus;
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
  result: { stateDigest: string; wallSeconds: number; simulatedMinutes: number; liveCells: number; maxMassBalanceError: number } | null;
}

export const FINAL: ReadonlySet<RunStatus> = new Set(['finished', 'cancelled', 'failed']);

export interface ColumnInfo {
  name: string;
  unit: string;
  group: string;
  description: string;
}

export interface TimeSeries {
  rows: Record<string, number>[];
  columns: ColumnInfo[];
}

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
