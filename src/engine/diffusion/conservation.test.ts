import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCellExchange, createCellExchange, createExchangeTotals } from '../coupling/exchange.ts';
import { createFields, totalAmount } from '../fields/fields.ts';
import { createMesh } from '../mesh.ts';
import { createDiffusionSolver } from './solver.ts';

/** Deterministic pseudo-random numbers in [0, 1) for test data (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('conservation', () => {
  for (const dims of [2, 3] as const) {
    it(`keeps the total amount to round-off with no-flux walls and no decay (${dims}-D)`, async () => {
      const mesh = dims === 3 ? createMesh({ nx: 20, ny: 18, nz: 16 }) : createMesh({ nx: 60, ny: 50 });
      const fields = createFields(mesh, ['a', 'b'], { shared: false });
      const r = rng(1);
      for (const a of fields.data) for (let i = 0; i < a.length; i++) a[i] = r() * 10;
      const before = [totalAmount(fields, 0), totalAmount(fields, 1)];
      const solver = createDiffusionSolver(fields, {
        dtMin: 0.1,
        substrates: [
          { diffusionUm2PerMin: 1e5, decayPerMin: 0 },
          { diffusionUm2PerMin: 10, decayPerMin: 0 },
        ],
      });
      await solver.advance(100);
      // Each Thomas solve conserves its line sum up to ~n·ε relative; over 100 steps × 3 sweeps
      // the drift stays ≪ 1e-12 (measured ~1e-14).
      for (let s = 0; s < 2; s++) expect(Math.abs(totalAmount(fields, s) / before[s]! - 1)).toBeLessThan(1e-12);
    });
  }

  it('closes the budget (secreted − taken up + exported − decayed + Dirichlet inflow) to round-off', async () => {
    const mesh = createMesh({ nx: 16, ny: 14, nz: 12 });
    const fields = createFields(mesh, ['a', 'b'], { shared: false, initial: [20, 1] });
    const solver = createDiffusionSolver(fields, {
      dtMin: 0.05,
      accounting: true,
      substrates: [
        { diffusionUm2PerMin: 1e4, decayPerMin: 0.1, dirichletFaces: { xmin: 38, ymax: 10 } },
        { diffusionUm2PerMin: 500, decayPerMin: 0.01 },
      ],
    });
    const before = [totalAmount(fields, 0), totalAmount(fields, 1)];
    // "Vessels": interior Dirichlet voxels, a source for a and a sink for b.
    const r = rng(7);
    const vessels = Array.from({ length: 25 }, () => Math.floor(r() * mesh.voxelCount));
    await solver.setDirichletNodes(0, vessels, vessels.map((_, i) => 30 + i));
    await solver.setDirichletNodes(1, vessels, 0);
    const n = 300;
    const cells = createCellExchange(n, 2);
    for (let c = 0; c < n; c++) {
      cells.voxel[c] = Math.floor(r() * mesh.voxelCount);
      cells.volumeUm3[c] = 2494;
      cells.secretionRatePerMin[c * 2] = r() < 0.3 ? r() : 0;
      cells.secretionTarget[c * 2] = 40 * r();
      cells.uptakeRatePerMin[c * 2] = 10 * r();
      cells.netExportPerMin[c * 2 + 1] = 5e3 * (r() - 0.3);
      cells.uptakeRatePerMin[c * 2 + 1] = r() * 0.1;
    }
    const internalised = new Float64Array(n * 2);
    const totals = createExchangeTotals(2);
    for (let t = 0; t < 40; t++) {
      applyCellExchange(fields, cells, 0.05, internalised, totals);
      await solver.step();
    }
    for (let s = 0; s < 2; s++) {
      const b = solver.budget(s);
      const cellsNet = totals.secreted[s]! - totals.takenUp[s]! + totals.exported[s]!;
      const change = totalAmount(fields, s) - before[s]!;
      const predicted = -b.decayed + b.dirichletInflow + cellsNet;
      // All terms are sums of O(10^4) floating-point products of size ≤ the total; their rounding
      // is ~1e-13 of the largest term. 1e-11 relative to the largest term is round-off, while any
      // discretisation inconsistency (e.g. a missed Dirichlet flux) would be ≥ 1e-4 here.
      const scale = Math.max(before[s]!, Math.abs(b.decayed), Math.abs(b.dirichletInflow), Math.abs(cellsNet));
      expect(Math.abs(change - predicted) / scale).toBeLessThan(1e-11);
      // The terms are all material (the test is not trivially balanced).
      expect(Math.abs(b.decayed) / scale).toBeGreaterThan(1e-3);
      expect(Math.abs(b.dirichletInflow) / scale).toBeGreaterThan(1e-3);
    }
  });

  it('keeps concentrations non-negative under uptake far stronger than supply', async () => {
    const mesh = createMesh({ nx: 30, ny: 30 });
    const fields = createFields(mesh, ['a'], { shared: false, initial: [1] });
    const solver = createDiffusionSolver(fields, { dtMin: 0.1, substrates: [{ diffusionUm2PerMin: 1e5, decayPerMin: 0.1, dirichletFaces: { xmin: 5 } }] });
    const n = 900;
    const cells = createCellExchange(n, 1);
    for (let c = 0; c < n; c++) {
      cells.voxel[c] = c;
      cells.volumeUm3[c] = 5000;
      cells.uptakeRatePerMin[c] = 1e4;
      cells.netExportPerMin[c] = -1e6;
    }
    const internalised = new Float64Array(n);
    for (let t = 0; t < 20; t++) {
      applyCellExchange(fields, cells, 0.1, internalised);
      for (const v of fields.data[0]!) expect(v).toBeGreaterThanOrEqual(0);
      await solver.step();
      for (const v of fields.data[0]!) expect(v).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('non-negativity of the solver (property)', () => {
  it('maps non-negative fields with non-negative Dirichlet values to non-negative fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          nx: fc.integer({ min: 1, max: 9 }),
          ny: fc.integer({ min: 1, max: 9 }),
          nz: fc.integer({ min: 1, max: 5 }),
          D: fc.double({ min: 0, max: 1e6, noNaN: true }),
          lambda: fc.double({ min: 0, max: 10, noNaN: true }),
          dt: fc.double({ min: 1e-4, max: 10, noNaN: true }),
          seed: fc.integer({ min: 1, max: 1e6 }),
          xmin: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
          vessels: fc.integer({ min: 0, max: 5 }),
        }),
        async (p) => {
          const mesh = createMesh({ nx: p.nx, ny: p.ny, nz: p.nz });
          const fields = createFields(mesh, ['a'], { shared: false });
          const r = rng(p.seed);
          // Spiky data (many zeros next to large values) is the hard case for positivity.
          for (let i = 0; i < mesh.voxelCount; i++) fields.data[0]![i] = r() < 0.5 ? 0 : 1e3 * r();
          const solver = createDiffusionSolver(fields, {
            dtMin: p.dt,
            substrates: [{ diffusionUm2PerMin: p.D, decayPerMin: p.lambda, ...(p.xmin === undefined ? {} : { dirichletFaces: { xmin: p.xmin } }) }],
          });
          const nodes = Array.from({ length: p.vessels }, () => Math.floor(r() * mesh.voxelCount));
          if (nodes.length > 0) await solver.setDirichletNodes(0, nodes, nodes.map(() => 50 * r()));
          await solver.advance(3);
          for (const v of fields.data[0]!) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
