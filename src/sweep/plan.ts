/**
 * From a loaded sweep to the runs it needs. The design gives rows of parameter values (grid
 * values, or unit-cube samples mapped through each parameter's distribution); each row runs
 * `replicates` times with seeds seed, seed + 1, … (the same seeds at every row: common random
 * numbers, so differences between rows are not masked by seed noise).
 *
 * A run's id hashes its parameter values, replicate and seed, so identical runs — a Morris
 * trajectory revisiting a grid point, a repeated value — are computed once, and the ids stay
 * stable across resumes, machines and backends.
 */
import { fullGrid } from '../sensitivity/grid.ts';
import { latinHypercube } from '../sensitivity/lhs.ts';
import { morrisSample, type MorrisDesign } from '../sensitivity/morris.ts';
import { saltelliSample, saltelliStride, type SaltelliDesign } from '../sensitivity/saltelli.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import type { LoadedSweep } from './load-spec.ts';
import { fromUnit, gridLevels } from './parameters.ts';

export type DesignStructure =
  | { kind: 'grid'; levels: number[][] }
  | { kind: 'lhs'; unit: number[][] }
  | { kind: 'morris'; design: MorrisDesign }
  | { kind: 'sobol'; design: SaltelliDesign };

/** One run: a design row at one replicate. */
export interface SweepTask {
  id: string;
  params: Record<string, number>;
  replicate: number;
  seed: number;
}

export interface SweepPlan {
  names: string[];
  /** Parameter values per design row (columns in `names` order). */
  rows: number[][];
  structure: DesignStructure;
  /** For each row, the ids of its runs (one per replicate). */
  rowTasks: string[][];
  /** Unique runs in first-use order. */
  tasks: SweepTask[];
  /** Rows that form a sample of the parameter distribution (claim shares are taken over these). */
  sampleRows: number[];
}

export function pointId(params: Record<string, number>, replicate: number, seed: number): string {
  return sha256(canonicalJson({ params, replicate, seed }), 16);
}

function designRows(sweep: LoadedSweep): { rows: number[][]; structure: DesignStructure; sampleRows: number[] } {
  const { spec, names, distributions } = sweep;
  const k = names.length;
  const map = (unit: number[][]): number[][] => unit.map((u) => u.map((v, i) => fromUnit(distributions[names[i]!]!, v)));
  const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const d = spec.design;
  switch (d.kind) {
    case 'grid': {
      const levels = names.map((n) => gridLevels(distributions[n]!, d.levels)!);
      const rows = fullGrid(levels);
      return { rows, structure: { kind: 'grid', levels }, sampleRows: all(rows.length) };
    }
    case 'lhs': {
      const unit = latinHypercube(d.samples, k, spec.seed);
      return { rows: map(unit), structure: { kind: 'lhs', unit }, sampleRows: all(unit.length) };
    }
    case 'morris': {
      const design = morrisSample(d.trajectories, k, d.levels, spec.seed);
      return { rows: map(design.points), structure: { kind: 'morris', design }, sampleRows: all(design.points.length) };
    }
    case 'sobol': {
      const design = saltelliSample(d.samples, k, spec.seed, sweep.sampling ?? 'sobol', d.secondOrder);
      // A and B rows are independent draws from the distribution; the A_B (and B_A) rows are not.
      const stride = saltelliStride(k, d.secondOrder);
      const sampleRows = all(d.samples).flatMap((j) => [j * stride, j * stride + stride - 1]);
      return { rows: map(design.points), structure: { kind: 'sobol', design }, sampleRows };
    }
  }
}

export function planSweep(sweep: LoadedSweep): SweepPlan {
  const { rows, structure, sampleRows } = designRows(sweep);
  const tasks: SweepTask[] = [];
  const seen = new Set<string>();
  const rowTasks = rows.map((row) => {
    const params = Object.fromEntries(sweep.names.map((n, i) => [n, row[i]!]));
    return Array.from({ length: sweep.spec.replicates }, (_, replicate) => {
      const seed = sweep.spec.seed + replicate;
      const id = pointId(params, replicate, seed);
      if (!seen.has(id)) {
        seen.add(id);
        tasks.push({ id, params, replicate, seed });
      }
      return id;
    });
  });
  return { names: sweep.names, rows, structure, rowTasks, tasks, sampleRows };
}
