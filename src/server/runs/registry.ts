/**
 * The server's list of runs, persisted as `<data dir>/runs.json` (written atomically, one write at
 * a time), so runs and their states survive a restart. Each run's results live in
 * `<data dir>/<id>/`, written by the simulation (src/sim/run.ts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../common/errors.ts';
import { writeFileAtomic } from '../../io/atomic.ts';
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

interface RegistryFile {
  version: 1;
  runs: RunRecord[];
}

export class RunRegistry {
  readonly dir: string;
  readonly file: string;
  private readonly runs = new Map<string, RunRecord>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(dir: string) {
    this.dir = dir;
    this.file = join(dir, 'runs.json');
  }

  /** Open (or create) the registry in `dir`. */
  static open(dir: string): RunRegistry {
    const reg = new RunRegistry(dir);
    mkdirSync(dir, { recursive: true });
    if (existsSync(reg.file)) {
      let parsed: Partial<RegistryFile>;
      try {
        parsed = JSON.parse(readFileSync(reg.file, 'utf8')) as Partial<RegistryFile>;
      } catch (e) {
        throw new UserError(`${reg.file}: the run registry is not valid JSON (${e instanceof Error ? e.message : String(e)}); move it away to start with an empty list`);
      }
      if (parsed.version !== 1 || !Array.isArray(parsed.runs)) throw new UserError(`${reg.file}: not an exoscape run registry (expected {"version": 1, "runs": [...]})`);
      for (const r of parsed.runs) reg.runs.set(r.id, r);
    }
    return reg;
  }

  list(): RunRecord[] {
    return [...this.runs.values()];
  }

  get(id: string): RunRecord | undefined {
    return this.runs.get(id);
  }

  /** Change a run (or add one) and persist the registry. */
  put(record: RunRecord): Promise<void> {
    this.runs.set(record.id, record);
    return this.save();
  }

  /** Persist now; writes are queued so two never race on the temporary file. */
  save(): Promise<void> {
    const snapshot: RegistryFile = { version: 1, runs: this.list() };
    const text = `${JSON.stringify(snapshot, null, 1)}\n`;
    this.writing = this.writing.then(() => writeFileAtomic(this.file, text));
    return this.writing;
  }

  runDir(id: string): string {
    return join(this.dir, id);
  }
}
