import { describe, expect, it } from 'vitest';
import { createFields, type Fields } from '../fields/fields.ts';
import { createMesh, type Mesh } from '../mesh.ts';
import { createPool } from '../parallel/pool.ts';
import { createDiffusionSolver, PARALLEL_MIN_VOXEL_UPDATES, type DiffusionBudget } from './solver.ts';

async function run(mesh: Mesh, threads: number | null, flow = false): Promise<{ fields: Fields; budgets: DiffusionBudget[] }> {
  const fields = createFields(mesh, ['a', 'b'], { initial: [1, 0] });
  for (let i = 0; i < mesh.voxelCount; i++) fields.data[1]![i] = Math.sin(0.37 * i) ** 2;
  const pool = threads === null ? undefined : await createPool(threads);
  const solver = createDiffusionSolver(fields, {
    dtMin: 0.01,
    accounting: true,
    ...(pool === undefined ? {} : { pool }),
    // A swirling per-voxel flow (Courant ≤ 0.3 at Δt = 0.01, dx = 20).
    velocity: flow
      ? {
          kind: 'perVoxel',
          vx: Float64Array.from({ length: mesh.voxelCount }, (_, i) => 200 * Math.sin(i * 0.01)),
          vy: Float64Array.from({ length: mesh.voxelCount }, (_, i) => 150 * Math.cos(i * 0.013)),
          vz: mesh.dims === 3 ? Float64Array.from({ length: mesh.voxelCount }, (_, i) => 100 * Math.sin(i * 0.007)) : null,
        }
      : null,
    substrates: [
      { diffusionUm2PerMin: 1e5, decayPerMin: 0.1, dirichletFaces: mesh.dims === 3 ? { xmin: 38, zmax: 10 } : { xmin: 38, ymax: 10 } },
      { diffusionUm2PerMin: 100, decayPerMin: 0.5 },
    ],
  });
  const vessels = [5, 777, 15000, 42222, mesh.voxelCount - 3];
  await solver.setDirichletNodes(0, vessels, 20);
  await solver.setDirichletNodes(1, vessels, [1, 2, 3, 4, 5]);
  await solver.advance(15);
  solver.dispose();
  await pool?.close();
  return { fields, budgets: [solver.budget(0), solver.budget(1)] };
}

describe('determinism across thread counts', () => {
  it('uses meshes big enough to run on the workers', () => {
    expect(47 * 43 * 41 * 2).toBeGreaterThanOrEqual(PARALLEL_MIN_VOXEL_UPDATES);
    expect(301 * 257 * 2).toBeGreaterThanOrEqual(PARALLEL_MIN_VOXEL_UPDATES);
  });

  for (const [label, mesh] of [
    // Large enough (voxels × substrates ≥ PARALLEL_MIN_VOXEL_UPDATES) that the sweeps really go to
    // the workers; odd sizes so chunks are uneven.
    ['3-D', createMesh({ nx: 47, ny: 43, nz: 41 })],
    ['2-D', createMesh({ nx: 301, ny: 257 })],
  ] as const) {
    it(`gives byte-identical fields and budgets for in-process, 1, 2 and 4 threads, with and without flow (${label})`, async () => {
      const ref = await run(mesh, null);
      for (const threads of [1, 2, 4]) {
        const other = await run(mesh, threads);
        for (let s = 0; s < 2; s++) {
          expect(Buffer.from(other.fields.data[s]!.buffer).equals(Buffer.from(ref.fields.data[s]!.buffer))).toBe(true);
          expect(other.budgets[s]).toEqual(ref.budgets[s]);
        }
      }
      for (const threads of [1, 2]) {
        const a = await run(mesh, null, true);
        const b = await run(mesh, threads, true);
        for (let s = 0; s < 2; s++) expect(Buffer.from(b.fields.data[s]!.buffer).equals(Buffer.from(a.fields.data[s]!.buffer))).toBe(true);
        expect(b.budgets).toEqual(a.budgets);
      }
      // The run did something non-trivial.
      expect(ref.fields.data[1]!.some((v, i) => v !== Math.sin(0.37 * i) ** 2)).toBe(true);
    });
  }
});
