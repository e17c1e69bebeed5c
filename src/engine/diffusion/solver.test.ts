import { describe, expect, it } from 'vitest';
import { createFields } from '../fields/fields.ts';
import { createMesh } from '../mesh.ts';
import { createPool } from '../parallel/pool.ts';
import { createDiffusionSolver } from './solver.ts';

describe('createDiffusionSolver', () => {
  it('describes its set-up for the run record', async () => {
    const mesh = createMesh({ nx: 8, ny: 6, nz: 4 });
    const fields = createFields(mesh, ['o', 'e'], { shared: false });
    const solver = createDiffusionSolver(fields, {
      dtMin: 0.01,
      accounting: true,
      substrates: [
        { diffusionUm2PerMin: 1e5, decayPerMin: 0.1, dirichletFaces: { xmin: 38 } },
        { diffusionUm2PerMin: 10, decayPerMin: 0.01 },
      ],
    });
    await solver.setDirichletNodes(1, [3, 3, 9], 0);
    const d = solver.describe();
    expect(d).toMatchObject({ dims: 3, grid: [8, 6, 4], dxUm: 20, dtMin: 0.01, accounting: true, advection: 'none' });
    expect(d.substrates[0]).toEqual({ name: 'o', diffusionUm2PerMin: 1e5, decayPerMin: 0.1, dirichletFaces: { xmin: 38 }, interiorDirichletVoxels: 0 });
    expect(d.substrates[1]!.interiorDirichletVoxels).toBe(2);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('rejects inconsistent options with the offending values', async () => {
    const mesh = createMesh({ nx: 4, ny: 4 });
    const plain = createFields(mesh, ['a'], { shared: false });
    const one = [{ diffusionUm2PerMin: 1, decayPerMin: 0 }];
    expect(() => createDiffusionSolver(plain, { dtMin: 0.1, substrates: [] })).toThrow(/0 substrate parameter sets for 1 fields/);
    expect(() => createDiffusionSolver(plain, { dtMin: 0, substrates: one })).toThrow(/dtMin must be positive and finite, got 0/);
    expect(() => createDiffusionSolver(plain, { dtMin: 0.1, substrates: [{ diffusionUm2PerMin: -1, decayPerMin: 0 }] })).toThrow(/D = -1/);
    const pool = await createPool(2);
    try {
      expect(() => createDiffusionSolver(plain, { dtMin: 0.1, substrates: one, pool })).toThrow(/shared: true/);
    } finally {
      await pool.close();
    }
  });

  it('keeps two simulations in one process independent (no shared state)', async () => {
    const mesh = createMesh({ nx: 30, ny: 20 });
    const make = (): { f: ReturnType<typeof createFields>; s: ReturnType<typeof createDiffusionSolver> } => {
      const f = createFields(mesh, ['a']);
      f.data[0]![57] = 1000;
      return { f, s: createDiffusionSolver(f, { dtMin: 0.1, substrates: [{ diffusionUm2PerMin: 500, decayPerMin: 0.2 }] }) };
    };
    const alone = make();
    await alone.s.advance(20);
    const a = make();
    const b = make();
    await b.s.setDirichletNodes(0, [100], 50); // b differs; must not leak into a
    for (let t = 0; t < 20; t++) {
      await a.s.step();
      await b.s.step();
    }
    expect(Buffer.from(a.f.data[0]!.buffer).equals(Buffer.from(alone.f.data[0]!.buffer))).toBe(true);
    expect(Buffer.from(b.f.data[0]!.buffer).equals(Buffer.from(alone.f.data[0]!.buffer))).toBe(false);
  });
});
