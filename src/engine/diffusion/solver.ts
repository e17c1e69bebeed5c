/**
 * Diffusion–decay solver for all substrates of a Fields value:
 *     ∂u/∂t = D∇²u − λu  (+ optional advection −∇·(w u)),
 * by the implicit locally-one-dimensional (LOD) scheme of BioFVM: each step is one backward-Euler
 * 1-D solve per axis (x, then y, then z in 3-D), each carrying D along its axis and λ/d of the
 * decay. Every 1-D matrix is an M-matrix, so the scheme is unconditionally stable and maps
 * non-negative fields to non-negative fields for any Δt; it is first order in time (backward Euler
 * plus the splitting error) and second order in space.
 *
 * Boundaries per substrate and face: no-flux (default) or Dirichlet; Dirichlet voxels inside the
 * domain with `setDirichletNodes` (see dirichlet.ts for how they are imposed, exactly, in every
 * sweep). Optional advection (advection.ts) is an explicit upwind step split before the sweeps.
 *
 * Sweeps run over a KernelPool when one is given (fields must then be shared); results are
 * byte-identical for any number of threads. With `accounting: true` each step also books, per
 * substrate, the amount lost to decay and the amount that entered through Dirichlet voxels, so that
 *     total(now) − total(start) = −decayed + dirichletInflow (+ whatever the caller added)
 * holds to round-off. It costs one extra read pass per sweep (parallel, see fields/reduce.ts) and a
 * pass over the Dirichlet voxels on the calling thread; leave it off for speed.
 */
import { blockSum, type Fields } from '../fields/fields.ts';
import { addBlockSums, blockCount, type BlockSumBound } from '../fields/reduce.ts';
import { siblingModuleUrl, type BoundHandle, type KernelPool } from '../parallel/pool.ts';
import { advectionBound, advectionKernel, checkCourant, type AdvectionArgs, type AdvectionBound, type VelocityField } from './advection.ts';
import { axisCoefficients, type AxisCoefficients } from './coefficients.ts';
import { buildDirichlet, type DirichletFaces, type DirichletSet } from './dirichlet.ts';
import { sweepKernel, sweepUnits, type SweepArgs, type SweepBound } from './sweeps.ts';

const SWEEPS_URL = siblingModuleUrl(import.meta.url, './sweeps');
const ADVECTION_URL = siblingModuleUrl(import.meta.url, './advection');
const REDUCE_URL = siblingModuleUrl(import.meta.url, '../fields/reduce');

/**
 * Below this many voxel updates per sweep (voxels × substrates) the sweeps run on the calling thread
 * even with a pool: a pool round trip costs ~4 µs when the threads spin and ~50 µs when they sleep
 * (see parallel/protocol.ts), against ~1.5 ns per voxel and sweep, so smaller grids gain little or
 * lose. Results do not change: it is the same kernel either way.
 */
export const PARALLEL_MIN_VOXEL_UPDATES = 1 << 16;

export interface SubstrateDiffusion {
  diffusionUm2PerMin: number;
  decayPerMin: number;
  /** Dirichlet value per face; faces not listed are no-flux. */
  dirichletFaces?: DirichletFaces;
}

export interface DiffusionSolverOptions {
  dtMin: number;
  /** One entry per substrate of the fields, same order. */
  substrates: readonly SubstrateDiffusion[];
  /** Run the sweeps on this pool; default: on the calling thread. */
  pool?: KernelPool;
  /** Book decay and Dirichlet inflow per step (slower). Default false. */
  accounting?: boolean;
  velocity?: VelocityField | null;
}

/** Cumulative amounts (substrate units, i.e. concentration × µm³) since the solver was created. */
export interface DiffusionBudget {
  decayed: number;
  /** Net amount that entered the rest of the domain from Dirichlet voxels (negative: left through them). */
  dirichletInflow: number;
}

/** A JSON-safe record of the solver's set-up, for run records. */
export interface DiffusionSolverDescription {
  scheme: string;
  dims: 2 | 3;
  grid: [number, number, number];
  dxUm: number;
  dtMin: number;
  accounting: boolean;
  advection: 'none' | 'uniform' | 'perVoxel';
  substrates: {
    name: string;
    diffusionUm2PerMin: number;
    decayPerMin: number;
    dirichletFaces: DirichletFaces;
    interiorDirichletVoxels: number;
  }[];
}

export interface DiffusionSolver {
  readonly fields: Fields;
  readonly dtMin: number;
  describe(): DiffusionSolverDescription;
  step(): Promise<void>;
  advance(steps: number): Promise<void>;
  /** Hold `indices` at `values` (one per index, or one for all); replaces earlier interior nodes of s. */
  setDirichletNodes(s: number, indices: ArrayLike<number>, values: ArrayLike<number> | number): Promise<void>;
  clearDirichletNodes(s: number): Promise<void>;
  setVelocity(velocity: VelocityField | null): void;
  budget(s: number): Readonly<DiffusionBudget>;
  /** Restore a budget saved with `budget(s)` (resuming from a checkpoint). */
  restoreBudget(s: number, b: Readonly<DiffusionBudget>): void;
  /** Release the bound data in the pool's workers (the pool itself stays open). */
  dispose(): void;
}

export function createDiffusionSolver(fields: Fields, options: DiffusionSolverOptions): DiffusionSolver {
  const { mesh } = fields;
  const { dtMin, substrates, pool } = options;
  const accounting = options.accounting ?? false;
  const S = fields.data.length;
  if (substrates.length !== S) throw new RangeError(`createDiffusionSolver: ${substrates.length} substrate parameter sets for ${S} fields`);
  if (!(dtMin > 0) || !Number.isFinite(dtMin)) throw new RangeError(`createDiffusionSolver: dtMin must be positive and finite, got ${dtMin}`);
  if (pool !== undefined && pool.threads > 1 && !fields.shared) {
    throw new Error('createDiffusionSolver: a multi-thread pool needs fields allocated with shared: true');
  }
  const d = mesh.dims;
  const sizes = [mesh.nx, mesh.ny, mesh.nz] as const;
  const strides = [1, mesh.nx, mesh.nx * mesh.ny] as const;
  const V = mesh.voxelVolumeUm3;
  const axes: (0 | 1 | 2)[] = d === 3 ? [0, 1, 2] : [0, 1];

  const dirichlet: DirichletSet[] = substrates.map((p) => buildDirichlet(mesh, p.dirichletFaces ?? {}));
  const coeffs: AxisCoefficients[][] = [];
  substrates.forEach((p, s) => {
    coeffs[s] = [0, 1, 2].map((axis) => {
      const [low, high] = dirichlet[s]!.ends[axis]!;
      return axisCoefficients(sizes[axis]!, p.diffusionUm2PerMin, p.decayPerMin, dtMin, mesh.dxUm, d, low, high);
    });
  });
  const budgets: DiffusionBudget[] = substrates.map(() => ({ decayed: 0, dirichletInflow: 0 }));
  const inline = mesh.voxelCount * S < PARALLEL_MIN_VOXEL_UPDATES;
  const interiorCounts = substrates.map(() => 0);

  // i-chunking of the y/z sweeps: enough units to split across threads even when there are few
  // planes (2-D has a single plane), but as wide as possible for long unit-stride inner loops.
  const planes = Math.min(mesh.ny, d === 3 ? Math.min(mesh.nz, mesh.ny) : 1);
  const nicWanted = Math.min(mesh.nx, Math.max(1, Math.ceil(64 / planes)));
  const width = Math.ceil(mesh.nx / nicWanted);
  const nic = Math.ceil(mesh.nx / width);

  const bound = (): SweepBound => ({
    nx: mesh.nx,
    ny: mesh.ny,
    nz: mesh.nz,
    nic,
    width,
    fields: [...fields.data],
    coeffs,
    masks: dirichlet.map((dset) => dset.mask),
    maskedLines: dirichlet.map((dset) => dset.maskedLines),
  });
  let local: SweepBound = bound();
  let handle: BoundHandle<SweepBound> | null = null;
  let rebind: Promise<void> | null = null;
  const refresh = async (): Promise<void> => {
    local = bound();
    if (pool === undefined) return;
    if (handle !== null) pool.unbind(handle);
    handle = null;
    const h = await pool.bind(local);
    handle = h;
  };
  if (pool !== undefined) rebind = refresh();

  let velocity: VelocityField | null = null;
  let advection: AdvectionBound | null = null;
  let advectionHandle: BoundHandle<AdvectionBound> | null = null;
  let advectionBind: Promise<void> | null = null;
  const setVelocity = (v: VelocityField | null): void => {
    if (v !== null) checkCourant(mesh, v, dtMin);
    velocity = v;
    if (pool !== undefined && advectionHandle !== null) pool.unbind(advectionHandle);
    advectionHandle = null;
    if (v === null) {
      advection = null;
      return;
    }
    const bytes = mesh.voxelCount * Float64Array.BYTES_PER_ELEMENT;
    const scratch = advection?.scratch ?? new Float64Array(fields.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    advection = advectionBound(mesh, v, dtMin, [...fields.data], scratch);
    if (pool !== undefined) {
      const a = advection;
      advectionBind = pool.bind(a).then((h) => {
        advectionHandle = h;
      });
    }
  };
  setVelocity(options.velocity ?? null);

  /**
   * Set the Dirichlet voxels of s to factor × their value; with `book`, what that adds is booked as
   * Dirichlet inflow (used with factor 1 to undo outside changes, e.g. by cells).
   */
  const reset = (s: number, book: boolean, factor = 1): void => {
    const { nodes, values } = dirichlet[s]!;
    const u = fields.data[s]!;
    let added = 0;
    for (let m = 0; m < nodes.length; m++) {
      const at = nodes[m]!;
      const g = values[m]! * factor;
      if (book) added += g - u[at]!;
      u[at] = g;
    }
    if (book) budgets[s]!.dirichletInflow += added * V;
  };
  /**
   * Stage value of the Dirichlet voxels in sweep q (0-based) of d: g·(1+δ)^(d−1−q). Each sweep
   * divides the rest of the field by (1 + δ) for its share of the decay, so a Dirichlet voxel held
   * at g during an early sweep would look too high by the decay still to come, an O(Δt·λ) error at
   * steady state (6e-4 relative for Δt = 0.02, λ = 0.1). Holding it at the value that the remaining
   * sweeps bring to g removes that part of the splitting error; the voxel is g again at the end.
   */
  const stageFactor = (s: number, q: number): number => Math.pow(1 + coeffs[s]![0]!.delta, d - 1 - q);
  for (let s = 0; s < S; s++) reset(s, false);

  // Σ u for the budget: block sums on the pool (same arithmetic as blockSum for any thread count).
  const blocks = blockCount(mesh.voxelCount);
  let reduceHandle: BoundHandle<BlockSumBound> | null = null;
  const sumField = async (s: number): Promise<number> => {
    if (pool === undefined || inline) return blockSum(fields.data[s]!);
    if (reduceHandle === null) {
      const bytes = blocks * Float64Array.BYTES_PER_ELEMENT;
      reduceHandle = await pool.bind({ fields: [...fields.data], sums: new Float64Array(new SharedArrayBuffer(bytes)) });
    }
    await pool.run(REDUCE_URL, 'blockSumsKernel', { s }, blocks, reduceHandle);
    return addBlockSums(reduceHandle.value.sums, blocks);
  };

  /**
   * After sweeping s along `axis`: flux from Dirichlet voxels into their in-line neighbours,
   * c·(g − u_neighbour) each (the exact discrete flux of the identity-row solve), and the decay
   * δ·Σ u over non-Dirichlet voxels. Summing the tridiagonal rows of the non-Dirichlet voxels of a
   * line gives Σ(u_new − u_old) = −δ·Σ u_new + Σ c·(g − u_neighbour), which is what makes the
   * budget close to round-off.
   */
  const bookSweep = async (s: number, axis: 0 | 1 | 2, q: number): Promise<void> => {
    const { nodes, values, mask, valueSum } = dirichlet[s]!;
    const u = fields.data[s]!;
    const co = coeffs[s]![axis]!;
    const f = stageFactor(s, q);
    let flux = 0;
    if (mask !== null) {
      const st = strides[axis];
      const n = sizes[axis];
      for (let m = 0; m < nodes.length; m++) {
        const at = nodes[m]!;
        const g = values[m]! * f;
        const t = Math.floor(at / st) % n;
        if (t > 0 && mask[at - st] === 0) flux += g - u[at - st]!;
        if (t < n - 1 && mask[at + st] === 0) flux += g - u[at + st]!;
      }
    }
    budgets[s]!.dirichletInflow += co.c * flux * V;
    const next = q + 1 < d ? stageFactor(s, q + 1) : 1;
    reset(s, false, next);
    budgets[s]!.decayed += co.delta * ((await sumField(s)) - valueSum * next) * V;
  };

  const all = Array.from({ length: S }, (_, s) => s);
  const step = async (): Promise<void> => {
    if (rebind !== null) {
      await rebind;
      rebind = null;
    }
    for (let s = 0; s < S; s++) reset(s, accounting);
    if (advection !== null) {
      if (advectionBind !== null) {
        await advectionBind;
        advectionBind = null;
      }
      const rows = mesh.ny * mesh.nz;
      for (let s = 0; s < S; s++) {
        for (const phase of ['gather', 'copy'] as const) {
          const args: AdvectionArgs = { s, phase };
          if (pool === undefined || advectionHandle === null || inline) advectionKernel(args, 0, rows, advection);
          else await pool.run(ADVECTION_URL, 'advectionKernel', args, rows, advectionHandle);
        }
        reset(s, accounting);
      }
    }
    for (let s = 0; s < S; s++) reset(s, false, stageFactor(s, 0));
    for (const axis of axes) {
      const args: SweepArgs = { substrates: all, axis };
      const n = sweepUnits(local, axis);
      if (pool === undefined || handle === null || inline) sweepKernel(args, 0, n, local);
      else await pool.run(SWEEPS_URL, 'sweepKernel', args, n, handle);
      for (let s = 0; s < S; s++) {
        if (accounting) await bookSweep(s, axis, axis);
        else reset(s, false, axis + 1 < d ? stageFactor(s, axis + 1) : 1);
      }
    }
  };

  return {
    fields,
    dtMin,
    describe(): DiffusionSolverDescription {
      return {
        scheme: 'implicit LOD (backward Euler per axis, Thomas algorithm), BioFVM-style; explicit upwind advection (gather form) split before',
        dims: d,
        grid: [mesh.nx, mesh.ny, mesh.nz],
        dxUm: mesh.dxUm,
        dtMin,
        accounting,
        advection: velocity === null ? 'none' : velocity.kind,
        substrates: substrates.map((p, s) => ({
          name: fields.names[s]!,
          diffusionUm2PerMin: p.diffusionUm2PerMin,
          decayPerMin: p.decayPerMin,
          dirichletFaces: { ...(p.dirichletFaces ?? {}) },
          interiorDirichletVoxels: interiorCounts[s]!,
        })),
      };
    },
    step,
    async advance(steps: number): Promise<void> {
      for (let t = 0; t < steps; t++) await step();
    },
    async setDirichletNodes(s, indices, values): Promise<void> {
      const p = substrates[s];
      if (p === undefined) throw new RangeError(`setDirichletNodes: substrate index ${s} out of range`);
      dirichlet[s] = buildDirichlet(mesh, p.dirichletFaces ?? {}, { indices, values });
      interiorCounts[s] = new Set(Array.from(indices)).size;
      // Imposing new values changes the amount in the domain: booked as Dirichlet inflow.
      reset(s, accounting);
      await refresh();
    },
    async clearDirichletNodes(s): Promise<void> {
      const p = substrates[s];
      if (p === undefined) throw new RangeError(`clearDirichletNodes: substrate index ${s} out of range`);
      dirichlet[s] = buildDirichlet(mesh, p.dirichletFaces ?? {});
      interiorCounts[s] = 0;
      await refresh();
    },
    setVelocity,
    budget(s: number): Readonly<DiffusionBudget> {
      const b = budgets[s];
      if (b === undefined) throw new RangeError(`budget: substrate index ${s} out of range`);
      return { ...b };
    },
    restoreBudget(s: number, b: Readonly<DiffusionBudget>): void {
      const into = budgets[s];
      if (into === undefined) throw new RangeError(`restoreBudget: substrate index ${s} out of range`);
      into.decayed = b.decayed;
      into.dirichletInflow = b.dirichletInflow;
    },
    dispose(): void {
      if (pool !== undefined && handle !== null) pool.unbind(handle);
      if (pool !== undefined && advectionHandle !== null) pool.unbind(advectionHandle);
      if (pool !== undefined && reduceHandle !== null) pool.unbind(reduceHandle);
      reduceHandle = null;
      handle = null;
      advectionHandle = null;
    },
  };
}
