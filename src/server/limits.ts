/**
 * What one server accepts: request size, scenario size (voxels, initial cells, simulated time),
 * how many runs and experiments execute at once, and how many replicates an experiment may ask
 * for. Scenario sizes are computed from the validated scenario before anything runs; a scenario
 * over a limit is refused with 422 naming the field.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { LoadedScenario } from '../scenario/load-scenario.ts';
import { initialCells } from '../sim/initial-cells.ts';
import type { ApiIssue } from './errors.ts';

export interface ServerLimits {
  /** Largest request body in bytes (413 above). */
  bodyBytes: number;
  /** Largest mesh (voxels). */
  voxels: number;
  /** Most initial cells (estimated from the cell shapes, see `scenarioSize`). */
  cells: number;
  /** Longest simulated time in minutes. */
  durationMin: number;
  /** Runs executing at the same time; the rest wait in the queue. */
  concurrentRuns: number;
  /** Runs waiting in the queue (429 above). */
  queuedRuns: number;
  /** Worker threads one run (or one experiment's replicates) may use. */
  threadsPerRun: number;
  /** Most replicates per arm an experiment may ask for (422 above). */
  experimentReplicates: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 1024 * 1024,
  voxels: 1_000_000,
  cells: 200_000,
  durationMin: 14 * 24 * 60,
  concurrentRuns: 1,
  queuedRuns: 50,
  threadsPerRun: Math.max(1, availableParallelism()),
  experimentReplicates: 8,
};

export interface ScenarioSize {
  voxels: number;
  /** Initial cells: the exact count the simulation places, or a close-packing estimate when that is far above any limit. */
  cells: number;
  /** True when `cells` is the exact count. */
  cellsExact: boolean;
  durationMin: number;
}

/**
 * Mesh size, initial cells and simulated time of a validated scenario. Cells are first estimated
 * in O(1) (close packing at the scenario's spacing: hexagonal in a plane, fcc in a volume); when
 * the estimate is at most `exactUpTo`, they are placed as the simulation places them and counted.
 */
export function scenarioSize(loaded: LoadedScenario, exactUpTo = 1_000_000): ScenarioSize {
  const { scenario, model } = loaded;
  const { size, voxel, dimensions } = scenario.domain;
  const n = (len: number): number => Math.max(1, Math.ceil(len / voxel));
  const voxels = n(size[0]) * n(size[1]) * (dimensions === 3 ? n(size[2]) : 1);
  const radiusOf = (type: string | undefined): number => {
    const ct = type !== undefined ? model.file.cellTypes[type] : Object.values(model.file.cellTypes)[0];
    const r = ct !== undefined ? model.values[ct.radius] : undefined;
    return r !== undefined && r > 0 ? r : 8.413;
  };
  const perArea = (d: number): number => 2 / (Math.sqrt(3) * d * d);
  const perVolume = (d: number): number => Math.SQRT2 / (d * d * d);
  let cells = 0;
  for (const c of scenario.cells) {
    if (c.shape === 'csv') {
      try {
        const text = readFileSync(resolve(dirname(loaded.path), c.file), 'utf8');
        cells += Math.max(0, text.split('\n').filter((l) => l.trim() !== '').length - 1);
      } catch {
        // the loader has already checked that the file exists; an unreadable file counts as empty
      }
      continue;
    }
    const d = c.spacing ?? 2 * radiusOf(c.type);
    if (c.shape === 'disc') cells += Math.PI * c.radius * c.radius * perArea(d);
    else if (c.shape === 'sphere') cells += (4 / 3) * Math.PI * c.radius ** 3 * perVolume(d);
    else if (c.shape === 'monolayer') cells += size[0] * size[1] * perArea(d);
    else cells += Math.max(0, c.to - c.from) * (c.axis === 'x' ? size[0] : size[1]) * perArea(d);
  }
  if (cells <= exactUpTo) {
    const exact = initialCells(scenario, loaded.path, (t) => radiusOf(t)).length;
    return { voxels, cells: exact, cellsExact: true, durationMin: scenario.time.duration };
  }
  return { voxels, cells: Math.round(cells), cellsExact: false, durationMin: scenario.time.duration };
}

/** Issues for each limit the scenario exceeds (empty when it fits). */
export function limitIssues(size: ScenarioSize, limits: ServerLimits): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (size.voxels > limits.voxels) issues.push({ path: 'domain', message: `the mesh has ${size.voxels.toLocaleString('en')} voxels; this server runs at most ${limits.voxels.toLocaleString('en')} (use a larger domain.voxel or a smaller domain.size)` });
  if (size.cells > limits.cells) issues.push({ path: 'cells', message: `${size.cellsExact ? '' : 'about '}${size.cells.toLocaleString('en')} initial cells; this server runs at most ${limits.cells.toLocaleString('en')}` });
  if (size.durationMin > limits.durationMin) issues.push({ path: 'time.duration', message: `${size.durationMin} min of simulated time; this server runs at most ${limits.durationMin} min` });
  return issues;
}
