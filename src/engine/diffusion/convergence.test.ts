import { describe, expect, it } from 'vitest';
import { createFields } from '../fields/fields.ts';
import { createMesh, voxelCentre } from '../mesh.ts';
import { createDiffusionSolver } from './solver.ts';

/**
 * Convergence orders, measured on cosine modes. φ(x) = Π cos(π x_a / L) over the swept axes is an
 * exact eigenvector, at voxel centres, of the discrete no-flux Laplacian (the DCT-II basis), with
 * eigenvalue −κ_h per axis, κ_h = (4/dx²)·sin²(π dx/(2L)), vs the continuous κ = π²/L². The solver
 * therefore only scales the mode, and the error of each discretisation can be isolated exactly:
 *  - space: compare with the same LOD/backward-Euler stepping applied to the continuous κ, so time
 *    errors cancel and the difference is (κ_h − κ) alone → expect order 2 in dx;
 *  - time: compare with the exact semi-discrete solution exp(−(D·Σκ_h + λ)t), so spatial errors
 *    cancel and the difference is the backward-Euler + splitting error → expect order 1 in Δt.
 * Orders are read from successive halvings; the band [1.9, 2.1] / [0.9, 1.1] allows the
 * higher-order terms at the coarsest levels (measured ≈ 2.00 and ≈ 0.97–1.0).
 */
const L = 1000;
const D = 1e4;
const lambda = 0.1;

async function modeAmplitude(dims: 1 | 2 | 3, n: number, dtMin: number, tMin: number): Promise<{ amplitude: number; kappaH: number }> {
  const dx = L / n;
  const mesh = createMesh({ nx: n, ny: dims >= 2 ? n : 1, nz: dims === 3 ? n : 1, dxUm: dx });
  const fields = createFields(mesh, ['a'], { shared: false });
  const u = fields.data[0]!;
  const phi = new Float64Array(mesh.voxelCount);
  const p = new Float64Array(3);
  for (let idx = 0; idx < mesh.voxelCount; idx++) {
    voxelCentre(mesh, idx, p);
    let v = 1;
    for (let a = 0; a < dims; a++) v *= Math.cos((Math.PI * p[a]!) / L);
    phi[idx] = v;
  }
  u.set(phi);
  const solver = createDiffusionSolver(fields, { dtMin, substrates: [{ diffusionUm2PerMin: D, decayPerMin: lambda }] });
  await solver.advance(Math.round(tMin / dtMin));
  let num = 0;
  let den = 0;
  for (let i = 0; i < phi.length; i++) {
    num += u[i]! * phi[i]!;
    den += phi[i]! * phi[i]!;
  }
  const kappaH = (4 / (dx * dx)) * Math.sin((Math.PI * dx) / (2 * L)) ** 2;
  return { amplitude: num / den, kappaH };
}

/** LOD amplitude after `steps` steps for per-axis eigenvalue κ, in a mesh with `swept` axes of which `dims` carry the mode. */
function lodAmplitude(kappa: number, dims: number, swept: number, dtMin: number, steps: number): number {
  const perStep = Math.pow(1 + dtMin * D * kappa + (dtMin * lambda) / swept, -dims) * Math.pow(1 + (dtMin * lambda) / swept, -(swept - dims));
  return Math.pow(perStep, steps);
}

const order = (errors: number[]): number[] => errors.slice(1).map((e, i) => Math.log2(errors[i]! / e));

describe('measured convergence order', () => {
  for (const dims of [1, 2] as const) {
    it(`is 2 in space (${dims}-D mode)`, async () => {
      const dt = 0.01;
      const t = 5;
      const errors: number[] = [];
      for (const n of [8, 16, 32, 64]) {
        const { amplitude } = await modeAmplitude(dims, n, dt, t);
        // A 1-D mode lives on a 2-D mesh with ny = 1 (two swept axes, the y sweep only decays).
        const swept = Math.max(2, dims);
        errors.push(Math.abs(amplitude - lodAmplitude((Math.PI / L) ** 2, dims, swept, dt, Math.round(t / dt))));
      }
      for (const o of order(errors)) {
        expect(o).toBeGreaterThan(1.9);
        expect(o).toBeLessThan(2.1);
      }
    });
  }

  for (const dims of [2, 3] as const) {
    it(`is 1 in time (${dims}-D mode, LOD splitting included)`, async () => {
      const n = dims === 3 ? 12 : 32;
      const t = 4;
      const errors: number[] = [];
      for (const dt of [0.4, 0.2, 0.1, 0.05]) {
        const { amplitude, kappaH } = await modeAmplitude(dims, n, dt, t);
        errors.push(Math.abs(amplitude - Math.exp(-(D * dims * kappaH + lambda) * t)));
      }
      for (const o of order(errors)) {
        expect(o).toBeGreaterThan(0.9);
        expect(o).toBeLessThan(1.1);
      }
    });
  }
});
