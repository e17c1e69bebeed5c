import { describe, expect, it } from 'vitest';
import { createFields, totalAmount } from '../fields/fields.ts';
import { createMesh, voxelCentre, type Mesh } from '../mesh.ts';
import { createDiffusionSolver } from './solver.ts';

/** Gaussian of variance `v` per axis (µm²) and total amount `mass`, in `dims` dimensions. */
function gaussian(mesh: Mesh, centre: readonly number[], v: number, mass: number, dims: number): Float64Array {
  const out = new Float64Array(mesh.voxelCount);
  const p = new Float64Array(3);
  const norm = mass / Math.pow(2 * Math.PI * v, dims / 2);
  for (let idx = 0; idx < mesh.voxelCount; idx++) {
    voxelCentre(mesh, idx, p);
    let r2 = 0;
    for (let a = 0; a < dims; a++) r2 += (p[a]! - centre[a]!) ** 2;
    out[idx] = norm * Math.exp(-r2 / (2 * v));
  }
  return out;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const x of a) m = Math.max(m, Math.abs(x));
  return m;
}

/**
 * Spreading of a Gaussian pulse. The initial Gaussian (σ0 ≥ 4 dx) is sampled at voxel centres and
 * normalised per µm^dims (a line or slab one voxel thick holds a dims-dimensional problem). After
 * time t the analytic solution is a Gaussian of variance σ0² + 2Dt, times exp(−λt).
 * Tolerance, relative to the peak: the leading spatial error of the 3-point Laplacian is
 * (dx²/12)·D·∂⁴u per axis; at the peak of a Gaussian ∂⁴u/u = 3/σ⁴, and integrating over time with
 * σ² = σ0² + 2Ds gives dims·(dx²/8)·(1/σ0² − 1/σt²). Backward Euler adds ≈ (DΔt/σ0²)·(Dt/σ0²)/2
 * ≤ 2e-4 here, and the discrete decay factor (1 + Δtλ/d)^(−d·steps) differs from exp(−λt) by
 * λ²Δt·t/(2d) ≤ 5e-5. Tolerance = spatial estimate + 3e-4; the measured errors are 60–75 % of it.
 * Domains extend ≥ 5 final σ from the centre, so the no-flux walls (~exp(−12.5)) do not matter.
 */
describe('diffusion of a Gaussian pulse matches the analytic solution', () => {
  const cases = [
    { dims: 1, n: [201, 1, 1], dx: 20, D: 1000, lambda: 0.1, sigma0: 100, t: 10, dt: 0.01 },
    { dims: 2, n: [81, 81, 1], dx: 10, D: 1000, lambda: 0.1, sigma0: 50, t: 2, dt: 0.01 },
    { dims: 3, n: [41, 41, 41], dx: 10, D: 1000, lambda: 0.1, sigma0: 40, t: 1, dt: 0.01 },
  ] as const;
  for (const c of cases) {
    it(`in ${c.dims}-D (${c.n.join('×')} voxels, dx ${c.dx} µm)`, async () => {
      const mesh = createMesh({ nx: c.n[0], ny: c.n[1], nz: c.n[2], dxUm: c.dx });
      const fields = createFields(mesh, ['s'], { shared: false });
      const centre = [(c.n[0] * c.dx) / 2, (c.n[1] * c.dx) / 2, (c.n[2] * c.dx) / 2];
      // The per-voxel mass in a dims-D problem on a 3-D voxel array: scale so Σu·dx^dims = mass.
      const mass = 1e6;
      fields.data[0]!.set(gaussian(mesh, centre, c.sigma0 ** 2, mass, c.dims));
      const solver = createDiffusionSolver(fields, {
        dtMin: c.dt,
        substrates: [{ diffusionUm2PerMin: c.D, decayPerMin: c.lambda }],
      });
      const steps = Math.round(c.t / c.dt);
      await solver.advance(steps);
      const expected = gaussian(mesh, centre, c.sigma0 ** 2 + 2 * c.D * c.t, mass * Math.exp(-c.lambda * c.t), c.dims);
      const diff = expected.map((e, i) => e - fields.data[0]![i]!);
      const sigmaT2 = c.sigma0 ** 2 + 2 * c.D * c.t;
      const spatial = c.dims * (c.dx ** 2 / 8) * (1 / c.sigma0 ** 2 - 1 / sigmaT2);
      expect(maxAbs(diff) / maxAbs(expected)).toBeLessThan(spatial + 3e-4);
      // Total amount decays as (1 + Δtλ/d)^(−d·steps) exactly in the discrete scheme; vs exp(−λt)
      // relative 2.5e-4 at most here.
      const total = totalAmount(fields, 0) / mesh.voxelVolumeUm3 * c.dx ** c.dims;
      expect(Math.abs(total / (mass * Math.exp(-c.lambda * c.t)) - 1)).toBeLessThan(4e-4);
    });
  }

  it('increases the discrete variance by exactly 2Dt (no decay, 1-D)', async () => {
    // The kernel of (I − ΔtD δ²)^−1 has variance 2DΔt exactly on an unbounded line, so the
    // variance of the discrete pulse grows by 2Dt up to wall effects (~exp(−12)) and round-off.
    const dx = 20;
    const mesh = createMesh({ nx: 301, ny: 1, dxUm: dx });
    const fields = createFields(mesh, ['s'], { shared: false });
    const x0 = (301 * dx) / 2;
    fields.data[0]!.set(gaussian(mesh, [x0, 0, 0], 80 ** 2, 1, 1));
    const moments = (u: Float64Array): [number, number] => {
      let m0 = 0;
      let m2 = 0;
      u.forEach((v, i) => {
        const x = (i + 0.5) * dx - x0;
        m0 += v;
        m2 += v * x * x;
      });
      return [m0, m2 / m0];
    };
    const [, var0] = moments(fields.data[0]!);
    const solver = createDiffusionSolver(fields, { dtMin: 0.05, substrates: [{ diffusionUm2PerMin: 2000, decayPerMin: 0 }] });
    await solver.advance(200);
    const [, var1] = moments(fields.data[0]!);
    expect(Math.abs((var1 - var0) / (2 * 2000 * 10) - 1)).toBeLessThan(1e-9);
  });
});

/**
 * Steady state between two Dirichlet faces: −Du'' + λu = 0 with u = g at the two Dirichlet voxel
 * centres has the solution g·cosh((x − xm)/ℓ)/cosh((x0 − xm)/ℓ), ℓ = √(D/λ). The discrete steady
 * state differs by O(dx²/ℓ²): exponent error dx²/(24ℓ²), ≤ 7e-5 relative for dx ≤ 40 µm, ℓ = 1000 µm.
 * The LOD fixed point acts like an effective decay λ(1 − O(Δtλ)); measured, this moves the profile
 * by ≈ 8e-3·Δt/min relative (1e-4 at Δt = 0.01, 2e-4 at 0.02). After 12 decay times (≫ L²/D = 40 min)
 * the transient is below 1e-5. Tolerance: 4e-4 of g, about twice the expected worst case.
 */
describe('steady decay profile between Dirichlet boundaries', () => {
  const D = 1e5;
  const lambda = 0.1;
  const ell = Math.sqrt(D / lambda);
  const g = 38;
  const check = (u: Float64Array, mesh: Mesh, stride: number, n: number, offset: number): number => {
    const x0 = 0.5 * mesh.dxUm;
    const xm = x0 + ((n - 1) * mesh.dxUm) / 2;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const x = (i + 0.5) * mesh.dxUm;
      const exact = (g * Math.cosh((x - xm) / ell)) / Math.cosh((x0 - xm) / ell);
      worst = Math.max(worst, Math.abs(u[offset + i * stride]! - exact));
    }
    return worst / g;
  };

  it('in 1-D (xmin and xmax Dirichlet) matches the cosh solution', async () => {
    const mesh = createMesh({ nx: 101, ny: 1 });
    const fields = createFields(mesh, ['s'], { shared: false });
    const solver = createDiffusionSolver(fields, {
      dtMin: 0.01,
      substrates: [{ diffusionUm2PerMin: D, decayPerMin: lambda, dirichletFaces: { xmin: g, xmax: g } }],
    });
    await solver.advance(12000);
    expect(check(fields.data[0]!, mesh, 1, 101, 0)).toBeLessThan(4e-4);
  });

  it('in 3-D along y (ymin and ymax Dirichlet, no-flux x and z) matches the same profile on every line', async () => {
    const mesh = createMesh({ nx: 3, ny: 51, nz: 3, dxUm: 40 });
    const fields = createFields(mesh, ['s'], { shared: false });
    const solver = createDiffusionSolver(fields, {
      dtMin: 0.02,
      substrates: [{ diffusionUm2PerMin: D, decayPerMin: lambda, dirichletFaces: { ymin: g, ymax: g } }],
    });
    await solver.advance(6000);
    for (let k = 0; k < 3; k++) for (let i = 0; i < 3; i++) expect(check(fields.data[0]!, mesh, 3, 51, i + 3 * 51 * k)).toBeLessThan(4e-4);
  });

  it('with an interior Dirichlet plane (masked voxels) matches the cosh profile from a no-flux wall', async () => {
    // Dirichlet voxels on the plane i = c inside a 3-D box with no-flux walls everywhere. On each
    // side the steady profile is g·cosh((x − w)/ℓ)/cosh((x_c − w)/ℓ) with w the wall position (the
    // no-flux ghost condition puts the symmetry plane on the voxel face). This exercises the
    // masked-line solve in x and the all-Dirichlet lines of y and z.
    const nx = 61;
    const c = 20;
    const mesh = createMesh({ nx, ny: 4, nz: 3 });
    const fields = createFields(mesh, ['s'], { shared: false });
    const solver = createDiffusionSolver(fields, { dtMin: 0.01, substrates: [{ diffusionUm2PerMin: D, decayPerMin: lambda }] });
    const plane: number[] = [];
    for (let k = 0; k < 3; k++) for (let j = 0; j < 4; j++) plane.push(c + nx * (j + 4 * k));
    await solver.setDirichletNodes(0, plane, g);
    await solver.advance(12000);
    const dx = mesh.dxUm;
    const xc = (c + 0.5) * dx;
    let worst = 0;
    for (let k = 0; k < 3; k++) {
      for (let j = 0; j < 4; j++) {
        for (let i = 0; i < nx; i++) {
          const x = (i + 0.5) * dx;
          const wall = i <= c ? 0 : nx * dx;
          const exact = (g * Math.cosh((x - wall) / ell)) / Math.cosh((xc - wall) / ell);
          worst = Math.max(worst, Math.abs(fields.data[0]![i + nx * (j + 4 * k)]! - exact) / g);
        }
      }
    }
    expect(worst).toBeLessThan(4e-4);
  });
});
