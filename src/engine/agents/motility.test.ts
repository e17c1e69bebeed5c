import { describe, expect, it } from 'vitest';
import { createMesh } from '../mesh.ts';
import { CounterStream, rngKey } from '../rng/stream.ts';
import { AgentDynamics } from './dynamics.ts';
import { biasFromField, biasFromFields, biasFromFunction, biasFromGradients } from './motility.ts';
import { AgentStore } from './store.ts';

const DT = 0.1;
const FAR = { xmin: -1e4, xmax: 1e4, ymin: -1e4, ymax: 1e4, zmin: -1e4, zmax: 1e4 };

/**
 * Walkers with no mechanics and no walls, each starting at the origin with a motility vector already
 * drawn (so the direction process is stationary from step 0) and no previous velocity.
 */
function walkers(dims: 2 | 3, n: number, speed: number, persistence: number, bias: number): AgentStore {
  const s = new AgentStore({ dims, initialCapacity: n });
  const rng = new CounterStream(rngKey(99), dims);
  const u = new Float64Array(3);
  for (let k = 0; k < n; k++) {
    const i = s.add({ x: 0, y: 0, z: 0, speed, persistence, bias });
    if (dims === 2) rng.unitCircle(u);
    else rng.unitSphere(u);
    s.mx[i] = speed * u[0]!;
    s.my[i] = speed * u[1]!;
    s.mz[i] = dims === 3 ? speed * u[2]! : 0;
    s.bx[i] = 1; // bias direction +x (only used when bias > 0)
  }
  return s;
}

/**
 * Exact MSD of the discrete re-draw walk with AB2 positions. Per step the direction is kept with
 * probability q = 1 − Δt/τ, else replaced by an independent uniform one, so E[u_n·u_m] = q^|n−m| in any
 * dimension. AB2 with v_{−1} = 0 gives x_N = vΔt (S + u_{N−1}/2), S = Σ_{n<N} u_n, hence
 *   MSD = v²Δt² [ N(1+q)/(1−q) − 2q(1−q^N)/(1−q)² + (1−q^N)/(1−q) + 1/4 ].
 * As Δt → 0 with t = NΔt this tends to the continuous-time result 2v²τ²(t/τ − 1 + e^{−t/τ}).
 */
function discreteMsd(v: number, tau: number, steps: number): number {
  const q = 1 - DT / tau;
  const qn = q ** steps;
  const s2 = (steps * (1 + q)) / (1 - q) - (2 * q * (1 - qn)) / (1 - q) ** 2;
  return v * v * DT * DT * (s2 + (1 - qn) / (1 - q) + 0.25);
}

function continuousMsd(v: number, tau: number, t: number): number {
  return 2 * v * v * tau * tau * (t / tau - 1 + Math.exp(-t / tau));
}

/** Mean of the x-component of normalise(b·ê + (1−b)ξ) over ξ uniform on the circle/sphere (midpoint rule). */
function biasEfficiency(dims: 2 | 3, b: number): number {
  const m = 200_000;
  let acc = 0;
  for (let k = 0; k < m; k++) {
    const th = (Math.PI * (k + 0.5)) / m; // symmetric in ±θ, so integrate over [0, π]
    const ux = b + (1 - b) * Math.cos(th);
    const uy = (1 - b) * Math.sin(th);
    const w = dims === 2 ? 1 / m : (Math.sin(th) * Math.PI) / (2 * m); // sphere: weight sinθ/2 dθ
    acc += (w * ux) / Math.hypot(ux, uy);
  }
  return acc;
}

describe('persistent random walk', () => {
  for (const dims of [2, 3] as const) {
    it(`mean-squared displacement matches the discrete re-draw theory (${dims}D)`, () => {
      const n = 4000;
      const v = 2; // µm/min
      const tau = 3; // min
      const s = walkers(dims, n, v, tau, 0);
      const dyn = new AgentDynamics(s, { domain: FAR, dtMin: DT, seed: 11, mechanics: null, walls: false });
      let done = 0;
      for (const steps of [10, 100, 600]) {
        while (done < steps) {
          dyn.stepSync();
          done++;
        }
        let msd = 0;
        for (let i = 0; i < n; i++) msd += s.x[i]! ** 2 + s.y[i]! ** 2 + s.z[i]! ** 2;
        msd /= n;
        const theory = discreteMsd(v, tau, steps);
        // |x|² has coefficient of variation ≤ 1 (2D, diffusive limit); with 4000 walkers the sample mean
        // has ≤ 1.6 % standard error, and 6 % is a ~4-sigma bound. At 10 steps the walk is nearly
        // ballistic and the bound is loose.
        expect(Math.abs(msd / theory - 1)).toBeLessThan(0.06);
        // Beyond the ballistic start (where AB2's half step and the per-step jumps add O(Δt/t)), the discrete
        // rule is within a few % of the continuous-time formula at Δt/τ = 1/30.
        if (steps >= 100) expect(Math.abs(theory / continuousMsd(v, tau, steps * DT) - 1)).toBeLessThan(0.05);
      }
    });
  }

  it('re-draws every step when the persistence time is below Δt (uncorrelated steps)', () => {
    const n = 4000;
    const s = walkers(2, n, 1, 0.01, 0);
    const dyn = new AgentDynamics(s, { domain: FAR, dtMin: DT, seed: 12, mechanics: null, walls: false });
    for (let k = 0; k < 200; k++) dyn.stepSync();
    let msd = 0;
    for (let i = 0; i < n; i++) msd += s.x[i]! ** 2 + s.y[i]! ** 2;
    msd /= n;
    // q = 0: MSD = v²Δt²(N + 1 + 1/4) from the formula above; same 6 % bound.
    expect(Math.abs(msd / (DT * DT * (200 + 1.25)) - 1)).toBeLessThan(0.06);
  });

  for (const [dims, b, exact] of [[2, 1, 1], [2, 0.5, 2 / Math.PI], [2, 0.8, null], [3, 0.5, 2 / 3], [3, 0.3, null]] as const) {
    it(`drifts at speed × E[bias component] with bias ${b} (${dims}D)`, () => {
      const eff = biasEfficiency(dims, b);
      // Independent check of the quadrature where a closed form exists: 2/π (2D) and 2/3 (3D) at b = ½.
      if (exact !== null) expect(Math.abs(eff - exact)).toBeLessThan(1e-6);
      const n = 4000;
      const v = 1.5;
      const tau = 2;
      const steps = 800;
      const s = walkers(dims, n, v, tau, b);
      const dyn = new AgentDynamics(s, { domain: FAR, dtMin: DT, seed: 13, mechanics: null, walls: false });
      for (let k = 0; k < steps; k++) dyn.stepSync();
      let mean = 0;
      for (let i = 0; i < n; i++) mean += s.x[i]! / n;
      // The initial directions have mean 0 and are replaced at rate 1/τ: E[u_n·ê] = eff·(1 − q^{n+1});
      // AB2 adds half of the last step.
      const q = 1 - DT / tau;
      let expected = 0;
      for (let k = 0; k < steps; k++) expected += v * DT * eff * (1 - q ** (k + 1));
      expected += 0.5 * v * DT * eff * (1 - q ** steps);
      // Per-walker x spread ≈ √(2 v² τ t) ≈ 24 µm, so the mean of 4000 has SE ≈ 0.4 µm against ≥ 40 µm of
      // drift (≤ 1 %); 3 % is a safe bound. b = 1 has no spread after the first re-draw.
      expect(Math.abs(mean / expected - 1)).toBeLessThan(0.03);
    });
  }
});

describe('chemotaxis bias', () => {
  it('points up (+1) or down (−1) the gradient of a voxel field, per cell', () => {
    const mesh = createMesh({ nx: 10, ny: 8, dxUm: 20 });
    const field = new Float64Array(mesh.voxelCount);
    for (let j = 0; j < 8; j++) for (let i = 0; i < 10; i++) field[i + 10 * j] = 3 * i - 4 * j;
    const s = new AgentStore({ dims: 2 });
    s.add({ x: 55, y: 71 });
    s.add({ x: 1, y: 1 }); // corner voxel: one-sided differences give the same linear gradient
    s.add({ x: 190, y: 150 });
    biasFromField(s, mesh, field, Float64Array.from([1, 1, -1]));
    // ∇c = (3, −4)/20 per µm → unit (0.6, −0.8); exact for a linear field up to round-off.
    for (const [i, sgn] of [[0, 1], [1, 1], [2, -1]] as const) {
      expect(s.bx[i]).toBeCloseTo(0.6 * sgn, 12);
      expect(s.by[i]).toBeCloseTo(-0.8 * sgn, 12);
    }
  });

  it('combines several fields with signed sensitivities (advanced chemotaxis) in 3D', () => {
    const mesh = createMesh({ nx: 5, ny: 5, nz: 5, dxUm: 10 });
    const up = new Float64Array(mesh.voxelCount);
    const side = new Float64Array(mesh.voxelCount);
    for (let v = 0; v < mesh.voxelCount; v++) {
      up[v] = 2 * Math.floor(v / 25); // ∂/∂z = 0.2 per µm
      side[v] = v % 5; // ∂/∂x = 0.1 per µm
    }
    const s = new AgentStore({ dims: 3 });
    s.add({ x: 25, y: 25, z: 25 });
    s.add({ x: 5, y: 45, z: 45 });
    // 1·(0, 0, 0.2) − 2·(0.1, 0, 0) = (−0.2, 0, 0.2) → (−1, 0, 1)/√2 for cell 0; cell 1 ignores `side`.
    biasFromFields(s, mesh, [up, side], [1, Float64Array.from([-2, 0])]);
    expect(s.bx[0]).toBeCloseTo(-Math.SQRT1_2, 12);
    expect(s.bz[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect([s.bx[1], s.by[1], s.bz[1]]).toEqual([0, 0, 1]);
    expect(() => { biasFromFields(s, mesh, [up], []); }).toThrow(/1 fields but 0 sensitivities/);
  });

  it('takes gradients from arrays or a function, and gives no bias where the gradient vanishes', () => {
    const s = new AgentStore({ dims: 3 });
    s.add({ x: 1, y: 2, z: 3 });
    s.add({ x: 0, y: 0, z: 0 });
    biasFromFunction(s, (x, y, z, out) => {
      out[0] = x;
      out[1] = y;
      out[2] = z;
    }, -1);
    expect([s.bx[0], s.by[0], s.bz[0]].map((v) => v! * Math.sqrt(14))).toEqual([-1, -2, -3].map((v) => expect.closeTo(v, 12) as number));
    expect([s.bx[1], s.by[1], s.bz[1]]).toEqual([0, 0, 0]);
    biasFromGradients(s, Float64Array.from([0, 2]), Float64Array.from([0, 0]), null, 1);
    expect([s.bx[1], s.by[1], s.bz[1]]).toEqual([1, 0, 0]);
  });
});
