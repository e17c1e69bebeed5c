/**
 * Diffusion benchmark: voxel updates per second of the implicit LOD solver (one update = one voxel
 * of one substrate advanced by one full step, all axes). Cases:
 *  - 3-D 100×100×100, 1 substrate, Δt 0.01 min, D 1e5 µm²/min, λ 0.1/min, no-flux: 1 thread and all;
 *  - the same with 4 substrates;
 *  - 2-D 1000×1000, 1 substrate;
 *  - a scaling series of 3-D cubes from 10³ to 10⁶ voxels.
 * Timings exclude set-up and a short warm-up (JIT). With `quick`, few steps: a smoke test only.
 */
import { availableParallelism } from 'node:os';
import { createDiffusionSolver } from '../engine/diffusion/solver.ts';
import { createFields } from '../engine/fields/fields.ts';
import { createMesh } from '../engine/mesh.ts';
import { createPool, type KernelPool } from '../engine/parallel/pool.ts';

export interface DiffusionBenchEntry {
  /** Which case: 'cube100', 'cube100x4', 'plane1000' or 'scaling'. */
  case: string;
  dims: 2 | 3;
  nx: number;
  ny: number;
  nz: number;
  substrates: number;
  threads: number;
  steps: number;
  seconds: number;
  /** voxels × substrates × steps / seconds. */
  voxelUpdatesPerSecond: number;
}

export interface DiffusionBenchOptions {
  quick?: boolean;
  /** Thread counts to measure; default [1, all cores]. */
  threads?: number[];
}

interface Case {
  name: string;
  nx: number;
  ny: number;
  nz: number;
  substrates: number;
}

/** Target work per timed run (voxel updates): about a second at the target speed. */
const WORK_PER_RUN = 1e8;

async function measure(c: Case, pool: KernelPool, quick: boolean): Promise<DiffusionBenchEntry> {
  const mesh = createMesh({ nx: c.nx, ny: c.ny, nz: c.nz, dxUm: 20 });
  const names = Array.from({ length: c.substrates }, (_, s) => `s${s}`);
  const fields = createFields(mesh, names, { initial: names.map(() => 38) });
  // A non-uniform start so the arithmetic is not on constants (denormals etc. cannot creep in:
  // values stay within a factor 10 of 38 over the run).
  for (const a of fields.data) for (let i = 0; i < a.length; i += 7) a[i] = 380;
  const solver = createDiffusionSolver(fields, {
    dtMin: 0.01,
    substrates: names.map(() => ({ diffusionUm2PerMin: 1e5, decayPerMin: 0.1 })),
    pool,
  });
  const updatesPerStep = mesh.voxelCount * c.substrates;
  const steps = quick ? 2 : Math.max(5, Math.round(WORK_PER_RUN / updatesPerStep));
  await solver.advance(quick ? 1 : Math.max(2, Math.round(steps / 10)));
  const t0 = performance.now();
  await solver.advance(steps);
  const seconds = (performance.now() - t0) / 1000;
  solver.dispose();
  return {
    case: c.name,
    dims: mesh.dims,
    nx: c.nx,
    ny: c.ny,
    nz: c.nz,
    substrates: c.substrates,
    threads: pool.threads,
    steps,
    seconds,
    voxelUpdatesPerSecond: (updatesPerStep * steps) / seconds,
  };
}

export async function benchDiffusion(opts: DiffusionBenchOptions = {}): Promise<DiffusionBenchEntry[]> {
  const quick = opts.quick ?? false;
  const threadCounts = [...new Set(opts.threads ?? [1, availableParallelism()])];
  const cases: Case[] = [
    { name: 'cube100', nx: 100, ny: 100, nz: 100, substrates: 1 },
    { name: 'cube100x4', nx: 100, ny: 100, nz: 100, substrates: 4 },
    { name: 'plane1000', nx: 1000, ny: 1000, nz: 1, substrates: 1 },
    ...[10, 22, 46, 100].map((n) => ({ name: 'scaling', nx: n, ny: n, nz: n, substrates: 1 })),
  ];
  const out: DiffusionBenchEntry[] = [];
  for (const threads of threadCounts) {
    const pool = await createPool(threads);
    try {
      for (const c of cases) {
        // The scaling series repeats cube100 at 10⁶ voxels; measure it once per thread count.
        if (c.name === 'scaling' && c.nx === 100) {
          const same = out.find((e) => e.case === 'cube100' && e.threads === threads);
          if (same !== undefined) {
            out.push({ ...same, case: 'scaling' });
            continue;
          }
        }
        out.push(await measure(c, pool, quick));
      }
    } finally {
      await pool.close();
    }
  }
  return out;
}
