/**
 * A run: a Simulation driven to the end of its scenario, writing durable results into a run
 * directory (layout in src/io/results/layout.ts):
 *
 *   run.json          what was run: scenario path, seed, threads, code version, start time
 *   scenario.yaml     the scenario text, verbatim; model.yaml the model text, verbatim
 *   timeseries.parquet + columns.json   one row per output time (rewritten atomically each time)
 *   cells/t-*.parquet, fields/t-*.parquet   snapshots at output times
 *   checkpoint/latest.ckpt   the full state at the last output time (atomic)
 *   summary.json      scenario, resolved parameters with provenance, seed, code version, wall time,
 *                     mass-balance books, stateDigest, status — written last
 *
 * Every file is written atomically, so a crash leaves the previous complete file. A run stopped by
 * a signal or killed resumes from its last checkpoint (`resume: true`) and ends with the same
 * stateDigest as an uninterrupted run: at every output time both the uninterrupted and the resumed
 * run reset the agent driver's neighbour lists, so the state after a checkpoint is a function of
 * what the checkpoint holds.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { createPool, type KernelPool } from '../engine/parallel/pool.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { runLayout, SUMMARY_FILE } from '../io/results/layout.ts';
import { writeCellSnapshot, writeFieldSnapshot, writeTimeSeries } from '../io/results/writer.ts';
import { parseScenario, type LoadedScenario } from '../scenario/load-scenario.ts';
import { codeVersion as currentCodeVersion } from '../version.ts';
import { restoreCheckpoint, saveCheckpoint } from './checkpoint.ts';
import { cellColumns, fieldArrays, timeSeriesColumns, timeSeriesRow } from './metrics.ts';
import { Simulation, type FieldBalance } from './simulation.ts';

export interface RunProgress {
  timeMin: number;
  durationMin: number;
  cells: number;
  wallSeconds: number;
}

export interface RunFrame {
  timeMin: number;
  x: Float64Array;
  y: Float64Array;
  radius: Float64Array;
  /** Per-cell values by column name: hif, o2_mmhg, mir_1246, frk, … */
  values: Record<string, Float64Array>;
}

export interface RunOptions {
  seed?: number;
  threads?: number;
  outDir: string;
  /** Continue the run in outDir from its last checkpoint. */
  resume?: boolean;
  /** Replace an existing run in outDir (otherwise refused, so nothing written is lost). */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onFrame?: (f: RunFrame) => void;
}

export interface ParameterRecord {
  value: number;
  unit: string;
  status: string;
  source: string | null;
  /** True when the scenario overrides the model's value. */
  overridden: boolean;
}

export interface RunSummary {
  status: 'finished' | 'cancelled';
  scenario: { name: string; path: string; description: string | null };
  model: { name: string; path: string };
  seed: number;
  threads: number;
  codeVersion: string;
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  simulatedMinutes: number;
  durationMin: number;
  resumedFromMin: number | null;
  cells: { live: number; total: number };
  outputs: number;
  massBalance: FieldBalance[];
  maxMassBalanceError: number;
  stateDigest: string;
  parameters: Record<string, ParameterRecord>;
  final: Record<string, number>;
  outDir: string;
}

interface RunRecord {
  scenarioPath: string;
  seed: number;
  codeVersion: string;
  startedAt: string;
}

const CHECKPOINT_NAME = 'latest.ckpt';

function parameterTable(loaded: LoadedScenario): Record<string, ParameterRecord> {
  const out: Record<string, ParameterRecord> = {};
  const over = loaded.scenario.model.parameters;
  for (const [name, p] of Object.entries(loaded.model.file.parameters)) {
    out[name] = { value: loaded.model.values[name]!, unit: p.unit, status: p.status, source: p.source ?? null, overridden: name in over };
  }
  return out;
}

function frameOf(sim: Simulation): RunFrame {
  const cols = cellColumns(sim);
  const values: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(cols)) if (v instanceof Float64Array && !['x_um', 'y_um', 'z_um', 'radius_um'].includes(k)) values[k] = v;
  return { timeMin: sim.timeMin, x: cols.x_um as Float64Array, y: cols.y_um as Float64Array, radius: cols.radius_um as Float64Array, values };
}

/** Refuse to run into a directory that already holds a run, unless resuming or forced. */
function prepareDir(dir: string, resume: boolean, force: boolean): void {
  const layout = runLayout(dir);
  const hasRun = existsSync(layout.summary) || existsSync(join(layout.checkpointDir, CHECKPOINT_NAME)) || existsSync(join(dir, 'run.json'));
  if (resume) {
    if (!existsSync(join(layout.checkpointDir, CHECKPOINT_NAME))) throw new UserError(`${dir}: nothing to resume (no checkpoint/${CHECKPOINT_NAME}; was the run started with outputs.checkpoints: true?)`);
    return;
  }
  if (hasRun && !force) throw new UserError(`${dir} already holds a run; use --resume to continue it, --force to replace it, or --out for another directory`);
  if (hasRun && force) {
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Load the scenario recorded in a run directory (for `--resume DIR` without the scenario file). */
export function loadRecordedScenario(dir: string): { loaded: LoadedScenario; seed: number } {
  const runFile = join(dir, 'run.json');
  if (!existsSync(runFile)) throw new UserError(`${dir}: not a run directory (no run.json)`);
  const rec = JSON.parse(readFileSync(runFile, 'utf8')) as RunRecord;
  const text = readFileSync(join(dir, 'scenario.yaml'), 'utf8');
  const loaded = parseScenario(rec.scenarioPath, text);
  const modelCopy = join(dir, 'model.yaml');
  if (existsSync(modelCopy) && existsSync(loaded.model.path)) {
    const now = readFileSync(loaded.model.path, 'utf8');
    if (now !== readFileSync(modelCopy, 'utf8')) throw new UserError(`${dir}: the model file ${loaded.model.path} changed since the run started; resume would not reproduce it`);
  }
  return { loaded, seed: rec.seed };
}

export async function runScenario(loaded: LoadedScenario, options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const dir = options.outDir;
  const resume = options.resume ?? false;
  prepareDir(dir, resume, options.force ?? false);
  const layout = runLayout(dir);
  const version = currentCodeVersion();
  const seed = options.seed ?? loaded.scenario.seed;
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const outputs = loaded.scenario.outputs;
  let startedAt = new Date().toISOString();
  if (!resume) {
    const rec: RunRecord = { scenarioPath: loaded.path, seed, codeVersion: version, startedAt };
    await writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(rec, null, 2)}\n`);
    await writeFileAtomic(join(dir, 'scenario.yaml'), loaded.text);
    if (existsSync(loaded.model.path)) await writeFileAtomic(join(dir, 'model.yaml'), readFileSync(loaded.model.path, 'utf8'));
  } else {
    startedAt = (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunRecord).startedAt;
  }
  let pool: KernelPool | undefined;
  let sim: Simulation | undefined;
  try {
    if (threads > 1) pool = await createPool(threads);
    sim = await Simulation.create(loaded, { seed, ...(pool !== undefined ? { pool } : {}) });
    const columns = timeSeriesColumns(sim);
    let rows: Record<string, number>[] = [];
    let resumedFromMin: number | null = null;
    const checkpointPath = join(layout.checkpointDir, CHECKPOINT_NAME);
    const record = async (s: Simulation): Promise<void> => {
      rows.push(timeSeriesRow(s));
      if (outputs.timeSeries) await writeTimeSeries(dir, rows, columns);
      if (outputs.cells) await writeCellSnapshot(dir, { timeMin: s.timeMin, columns: cellColumns(s) });
      if (outputs.fields) await writeFieldSnapshot(dir, { timeMin: s.timeMin, mesh: { nx: s.mesh.nx, ny: s.mesh.ny, nz: s.mesh.nz, dxUm: s.mesh.dxUm, originUm: [0, 0, 0] }, fields: fieldArrays(s) });
      if (outputs.checkpoints) await writeFileAtomic(checkpointPath, saveCheckpoint(s, version, { rows }));
      s.resetAgentLists();
      options.onFrame?.(frameOf(s));
    };
    if (resume) {
      const info = restoreCheckpoint(sim, readFileSync(checkpointPath), checkpointPath);
      rows = ((info.extra as { rows?: Record<string, number>[] } | null)?.rows ?? []).slice();
      resumedFromMin = sim.timeMin;
    } else {
      await record(sim);
    }
    const perOutput = Math.round(loaded.scenario.time.output / sim.clock.dtMechanics);
    const progress = (): void => {
      options.onProgress?.({ timeMin: sim!.timeMin, durationMin: sim!.durationMin, cells: sim!.store.count, wallSeconds: (performance.now() - started) / 1000 });
    };
    progress();
    let cancelled = false;
    while (!sim.done) {
      const next = (Math.floor(sim.step / perOutput) + 1) * perOutput;
      await sim.advance(next, { onPhenotype: progress, shouldStop: () => options.signal?.aborted === true });
      if (options.signal?.aborted === true) {
        cancelled = true;
        break;
      }
      await record(sim);
    }
    const balance = sim.massBalance();
    const last = rows[rows.length - 1] ?? timeSeriesRow(sim);
    let live = 0;
    for (let i = 0; i < sim.store.count; i++) if (sim.store.flags[i] === 0) live++;
    const summary: RunSummary = {
      status: cancelled ? 'cancelled' : 'finished',
      scenario: { name: loaded.scenario.name, path: loaded.path, description: loaded.scenario.description ?? null },
      model: { name: loaded.model.file.name, path: loaded.model.path },
      seed,
      threads,
      codeVersion: version,
      startedAt,
      finishedAt: new Date().toISOString(),
      wallSeconds: (performance.now() - started) / 1000,
      simulatedMinutes: sim.timeMin,
      durationMin: sim.durationMin,
      resumedFromMin,
      cells: { live, total: sim.store.count },
      outputs: rows.length,
      massBalance: balance,
      maxMassBalanceError: Math.max(...balance.map((b) => b.relativeError)),
      stateDigest: sim.stateDigest(),
      parameters: parameterTable(loaded),
      final: last,
      outDir: dir,
    };
    // A cancelled run keeps its checkpoint and gets no summary.json that could look complete; its
    // state is described in cancelled.json instead.
    await writeFileAtomic(cancelled ? join(dir, 'cancelled.json') : join(dir, SUMMARY_FILE), `${JSON.stringify(summary, null, 2)}\n`);
    if (!cancelled && existsSync(join(dir, 'cancelled.json'))) rmSync(join(dir, 'cancelled.json'));
    return summary;
  } finally {
    sim?.dispose();
    await pool?.close();
  }
}
