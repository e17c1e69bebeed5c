import { describe, expect, it } from 'vitest';
import { createFields, totalAmount } from '../fields/fields.ts';
import { createMesh } from '../mesh.ts';
import { advect, maxCourant } from './advection.ts';
import { createDiffusionSolver } from './solver.ts';

describe('advection (explicit upwind, operator-split)', () => {
  it('moves the centroid of a pulse by exactly w·t and conserves the amount', async () => {
    // Conservative upwind with uniform w > 0 shifts the first moment by Co·dx = w·Δt per step
    // exactly (as long as the pulse is away from the walls), and symmetric diffusion does not move
    // it; decay scales both moments alike. So the centroid matches x0 + w·t to round-off (1e-9 µm).
    const dx = 10;
    const mesh = createMesh({ nx: 400, ny: 1, dxUm: dx });
    const fields = createFields(mesh, ['a'], { shared: false });
    const u = fields.data[0]!;
    for (let i = 0; i < 400; i++) u[i] = Math.exp(-(((i - 100) * dx) ** 2) / (2 * 100 ** 2));
    const centroid = (): number => {
      let m0 = 0;
      let m1 = 0;
      u.forEach((v, i) => {
        m0 += v;
        m1 += v * (i + 0.5) * dx;
      });
      return m1 / m0;
    };
    const x0 = centroid();
    const total0 = totalAmount(fields, 0);
    const w = 30; // µm/min; Courant 30·0.1/10 = 0.3
    const solver = createDiffusionSolver(fields, {
      dtMin: 0.1,
      substrates: [{ diffusionUm2PerMin: 200, decayPerMin: 0 }],
      velocity: { kind: 'uniform', velocityUmPerMin: [w, 0, 0] },
    });
    await solver.advance(500);
    expect(Math.abs(centroid() - (x0 + w * 50))).toBeLessThan(1e-9 * x0);
    // No flux through the walls: amount conserved to round-off.
    expect(Math.abs(totalAmount(fields, 0) / total0 - 1)).toBeLessThan(1e-12);
    for (const v of u) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('gives the same result for a constant per-voxel field as for the uniform one', () => {
    // Face velocity 0.5·(w + w) = w exactly and the products are formed in the same order, so the
    // two code paths must agree to the bit.
    const mesh = createMesh({ nx: 9, ny: 7, nz: 5 });
    const n = mesh.voxelCount;
    const start = Float64Array.from({ length: n }, (_, i) => 1 + Math.sin(i));
    const a = start.slice();
    const b = start.slice();
    const scratch = new Float64Array(n);
    const w = [12, -7, 3] as const;
    advect(mesh, { kind: 'uniform', velocityUmPerMin: w }, 0.5, a, scratch);
    const field = (x: number): Float64Array => new Float64Array(n).fill(x);
    advect(mesh, { kind: 'perVoxel', vx: field(w[0]), vy: field(w[1]), vz: field(w[2]) }, 0.5, b, scratch);
    expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
    expect(a.some((v, i) => v !== start[i])).toBe(true);
  });

  it('throws a clear error when the Courant number exceeds 1', () => {
    const mesh = createMesh({ nx: 10, ny: 10 });
    const fields = createFields(mesh, ['a'], { shared: false });
    expect(() =>
      createDiffusionSolver(fields, {
        dtMin: 1,
        substrates: [{ diffusionUm2PerMin: 1, decayPerMin: 0 }],
        velocity: { kind: 'uniform', velocityUmPerMin: [15, 10, 0] },
      }),
    ).toThrow(/Courant number .* = 1\.250 > 1 .*reduce Δt or the velocity/);
  });

  it('counts the outflow through all faces of a voxel for a per-voxel field', () => {
    const mesh = createMesh({ nx: 3, ny: 3, dxUm: 10 });
    const n = mesh.voxelCount;
    // A source-like field: velocity points away from the centre voxel 4 along both axes.
    const vx = Float64Array.from({ length: n }, (_, i) => ((i % 3) - 1) * 10);
    const vy = Float64Array.from({ length: n }, (_, i) => (Math.floor(i / 3) - 1) * 10);
    const { courant, voxel } = maxCourant(mesh, { kind: 'perVoxel', vx, vy, vz: null }, 1);
    // Centre voxel: four faces each with face speed (0 + 10)/2 = 5 µm/min outwards → Co = 20·1/10.
    expect(voxel).toBe(4);
    expect(courant).toBeCloseTo(2, 12);
  });

  it('keeps the budget closed when flow enters through a Dirichlet face', async () => {
    const mesh = createMesh({ nx: 40, ny: 12 });
    const fields = createFields(mesh, ['a'], { shared: false });
    const solver = createDiffusionSolver(fields, {
      dtMin: 0.1,
      accounting: true,
      substrates: [{ diffusionUm2PerMin: 100, decayPerMin: 0.05, dirichletFaces: { xmin: 10, xmax: 0 } }],
      velocity: { kind: 'uniform', velocityUmPerMin: [50, 5, 0] },
    });
    const before = totalAmount(fields, 0);
    await solver.advance(200);
    const b = solver.budget(0);
    const change = totalAmount(fields, 0) - before;
    // Round-off relative to the largest term (see conservation.test.ts).
    expect(Math.abs(change - (b.dirichletInflow - b.decayed)) / Math.max(b.dirichletInflow, b.decayed)).toBeLessThan(1e-11);
    expect(b.dirichletInflow).toBeGreaterThan(0);
    for (const v of fields.data[0]!) expect(v).toBeGreaterThanOrEqual(0);
  });
});
