import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisCoefficients, type EndCondition } from './coefficients.ts';
import { sweepKernel, sweepUnits, type SweepBound } from './sweeps.ts';

/**
 * The sweeps are checked against the definition of the 1-D backward-Euler system, written out
 * independently here: interior rows (1 + 2c + δ)x_t − c x_{t±1}, no-flux end rows (1 + c + δ)x − c x_nb,
 * identity rows at Dirichlet ends and masked voxels. The residual of the returned solution must be
 * round-off: |A x − rhs| ≤ 1e-12·(|rhs|max·(1 + 2c + δ)) (a few ulps per row of a diagonally dominant system).
 */
function residual(x: Float64Array, rhs: Float64Array, c: number, delta: number, identity: (t: number) => boolean): number {
  const n = x.length;
  let worst = 0;
  for (let t = 0; t < n; t++) {
    let ax: number;
    if (identity(t)) ax = x[t]!;
    else {
      ax = (1 + delta) * x[t]!;
      if (t > 0) ax += c * (x[t]! - x[t - 1]!);
      if (t < n - 1) ax += c * (x[t]! - x[t + 1]!);
    }
    worst = Math.max(worst, Math.abs(ax - rhs[t]!));
  }
  return worst;
}

const params = fc.record({
  n: fc.integer({ min: 1, max: 40 }),
  D: fc.double({ min: 0, max: 1e6, noNaN: true }),
  lambda: fc.double({ min: 0, max: 10, noNaN: true }),
  dt: fc.double({ min: 1e-4, max: 1, noNaN: true }),
  low: fc.constantFrom<EndCondition>('noflux', 'dirichlet'),
  high: fc.constantFrom<EndCondition>('noflux', 'dirichlet'),
  masked: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('LOD sweeps solve the tridiagonal system of their definition', () => {
  for (const axis of [0, 1, 2] as const) {
    it(`along ${'xyz'[axis]} (fast path and masked lines)`, () => {
      fc.assert(
        fc.property(params, (p) => {
          const n = p.n;
          const sizes = [3, 3, 3];
          sizes[axis] = n;
          const [nx, ny, nz] = sizes as [number, number, number];
          const N = nx * ny * nz;
          const stride = [1, nx, nx * ny][axis]!;
          const rhs = Float64Array.from({ length: N }, (_, i) => Math.abs(Math.sin(i * 12.9898 + p.seed)) * 100);
          const co = [0, 1, 2].map((a) => axisCoefficients(sizes[a]!, p.D, p.lambda, p.dt, 20, 3, a === axis ? p.low : 'noflux', a === axis ? p.high : 'noflux'));
          // Masked voxels: a few in the line through (1, 1, 1); faces of this axis count as masked too.
          const mask = new Uint8Array(N);
          const lineFlags: (Uint8Array | null)[] = [null, null, null];
          const lineStart = [nx * (1 + ny), 1 + nx * ny, 1 + nx][axis]!;
          const lineId = [1 + ny, 1 + nx, 1 + nx][axis]!;
          const maskedAt = (t: number): boolean => p.masked && (t * 7 + p.seed) % 5 === 0;
          if (p.masked) {
            for (let t = 0; t < n; t++) if (maskedAt(t)) mask[lineStart + t * stride] = 1;
            const flags = new Uint8Array([ny * nz, nx * nz, nx * ny][axis]!);
            flags[lineId] = 1;
            lineFlags[axis] = flags;
            if (p.low === 'dirichlet') for (let m = 0; m < N; m++) if (Math.floor(m / stride) % n === 0) mask[m] = 1;
            if (p.high === 'dirichlet') for (let m = 0; m < N; m++) if (Math.floor(m / stride) % n === n - 1) mask[m] = 1;
          }
          const u = rhs.slice();
          const b: SweepBound = { nx, ny, nz, nic: 2, width: 2, fields: [u], coeffs: [co], masks: [p.masked ? mask : null], maskedLines: [lineFlags] };
          const units = sweepUnits(b, axis);
          // Two calls over a split range: partitioning must not matter.
          sweepKernel({ substrates: [0], axis }, 0, Math.floor(units / 2), b);
          sweepKernel({ substrates: [0], axis }, Math.floor(units / 2), units, b);
          const c = co[axis]!.c;
          const delta = co[axis]!.delta;
          const bound = 1e-12 * 100 * (1 + 2 * c + delta);
          // Check every line of this axis.
          const lines: number[] = [];
          for (let m = 0; m < N; m++) if (Math.floor(m / stride) % n === 0) lines.push(m);
          for (const start of lines) {
            const x = Float64Array.from({ length: n }, (_, t) => u[start + t * stride]!);
            const r = Float64Array.from({ length: n }, (_, t) => rhs[start + t * stride]!);
            const isMaskedLine = p.masked && start === lineStart;
            const identity = (t: number): boolean =>
              (t === 0 && p.low === 'dirichlet') || (t === n - 1 && p.high === 'dirichlet') || (isMaskedLine && maskedAt(t));
            expect(residual(x, r, c, delta, identity)).toBeLessThanOrEqual(bound);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
