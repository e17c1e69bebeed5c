import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFields, totalAmount } from '../fields/fields.ts';
import { createMesh } from '../mesh.ts';
import { applyCellExchange, createCellExchange, createExchangeTotals } from './exchange.ts';

const mesh = createMesh({ nx: 4, ny: 3, nz: 2 });
const Vvox = mesh.voxelVolumeUm3;

describe('applyCellExchange (BioFVM semi-implicit source/sink)', () => {
  it('applies ρ ← (ρ + αSρ*)/(1 + α(S+U)) then ρ += ΔtE/V_voxel', () => {
    const f = createFields(mesh, ['a'], { shared: false, initial: [5] });
    const cells = createCellExchange(1, 1);
    cells.voxel[0] = 7;
    cells.volumeUm3[0] = 2494;
    cells.secretionRatePerMin[0] = 0.3;
    cells.secretionTarget[0] = 10;
    cells.uptakeRatePerMin[0] = 0.2;
    cells.netExportPerMin[0] = 40;
    const internalised = new Float64Array(1);
    applyCellExchange(f, cells, 0.01, internalised);
    const alpha = (0.01 * 2494) / Vvox;
    const expected = (5 + alpha * 0.3 * 10) / (1 + alpha * 0.5) + (0.01 * 40) / Vvox;
    // Same operations in the same order: equal to the last bit.
    expect(f.data[0]![7]).toBe(expected);
    expect(f.data[0]![6]).toBe(5);
    expect(internalised[0]).toBe((5 - expected) * Vvox);
  });

  it('decays a voxel geometrically under pure uptake and relaxes to the target under pure secretion', () => {
    const f = createFields(mesh, ['a', 'b'], { shared: false, initial: [1, 0] });
    const cells = createCellExchange(1, 2);
    cells.voxel[0] = 0;
    cells.volumeUm3[0] = Vvox; // α = Δt
    cells.uptakeRatePerMin[0] = 1; // substrate a
    cells.secretionRatePerMin[1] = 1; // substrate b
    cells.secretionTarget[1] = 3;
    const internalised = new Float64Array(2);
    for (let n = 0; n < 100; n++) applyCellExchange(f, cells, 0.1, internalised);
    // 100 identical divisions: relative rounding ≤ 100 ulp.
    expect(f.data[0]![0]! / Math.pow(1.1, -100) - 1).toBeCloseTo(0, 12);
    // b = 3·(1 − 1.1^−100) exactly for the recurrence b ← (b + 0.3)/1.1.
    expect(f.data[1]![0]! / (3 * (1 - Math.pow(1.1, -100))) - 1).toBeCloseTo(0, 12);
  });

  it('applies cells sharing a voxel in cell order', () => {
    const f = createFields(mesh, ['a'], { shared: false, initial: [2] });
    const cells = createCellExchange(2, 1);
    cells.voxel.set([3, 3]);
    cells.volumeUm3.set([1000, 3000]);
    cells.uptakeRatePerMin.set([0.5, 0]);
    cells.secretionRatePerMin.set([0, 0.7]);
    cells.secretionTarget.set([0, 9]);
    applyCellExchange(f, cells, 0.1, new Float64Array(2));
    const a0 = (0.1 * 1000) / Vvox;
    const a1 = (0.1 * 3000) / Vvox;
    const after0 = 2 / (1 + a0 * 0.5);
    expect(f.data[0]![3]).toBe((after0 + a1 * 0.7 * 9) / (1 + a1 * 0.7));
  });

  it('books per cell exactly what the voxels lost, and the totals split it', () => {
    const f = createFields(mesh, ['a', 'b'], { shared: false, initial: [1, 4] });
    const n = 50;
    const cells = createCellExchange(n, 2);
    for (let c = 0; c < n; c++) {
      cells.voxel[c] = c % mesh.voxelCount;
      cells.volumeUm3[c] = 1000 + 37 * c;
      for (let s = 0; s < 2; s++) {
        cells.secretionRatePerMin[c * 2 + s] = (c % 3) * 0.4;
        cells.secretionTarget[c * 2 + s] = 2 + s;
        cells.uptakeRatePerMin[c * 2 + s] = (c % 5) * 0.3;
        cells.netExportPerMin[c * 2 + s] = (c % 7) - 3;
      }
    }
    const internalised = new Float64Array(n * 2);
    const totals = createExchangeTotals(2);
    const before = [totalAmount(f, 0), totalAmount(f, 1)];
    for (let t = 0; t < 20; t++) applyCellExchange(f, cells, 0.1, internalised, totals);
    for (let s = 0; s < 2; s++) {
      const change = totalAmount(f, s) - before[s]!;
      let cellsTook = 0;
      for (let c = 0; c < n; c++) cellsTook += internalised[c * 2 + s]!;
      const split = totals.secreted[s]! - totals.takenUp[s]! + totals.exported[s]!;
      // Round-off: amounts ~1e5, a few thousand operations → well below 1e-9 relative to the scale.
      const scale = before[s]!;
      expect(Math.abs(change + cellsTook) / scale).toBeLessThan(1e-12);
      expect(Math.abs(change - split) / scale).toBeLessThan(1e-12);
    }
  });

  it('never makes a concentration negative, and books any export clamp (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            voxel: fc.integer({ min: 0, max: mesh.voxelCount - 1 }),
            volume: fc.double({ min: 1, max: 1e5, noNaN: true }),
            secretion: fc.double({ min: 0, max: 1e3, noNaN: true }),
            target: fc.double({ min: 0, max: 100, noNaN: true }),
            uptake: fc.double({ min: 0, max: 1e6, noNaN: true }),
            exportRate: fc.double({ min: -1e8, max: 1e3, noNaN: true }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        (list, dt) => {
          const f = createFields(mesh, ['a'], { shared: false, initial: [1] });
          const cells = createCellExchange(list.length, 1);
          list.forEach((c, i) => {
            cells.voxel[i] = c.voxel;
            cells.volumeUm3[i] = c.volume;
            cells.secretionRatePerMin[i] = c.secretion;
            cells.secretionTarget[i] = c.target;
            cells.uptakeRatePerMin[i] = c.uptake;
            cells.netExportPerMin[i] = c.exportRate;
          });
          const totals = createExchangeTotals(1);
          const before = totalAmount(f, 0);
          applyCellExchange(f, cells, dt, new Float64Array(list.length), totals);
          for (const v of f.data[0]!) expect(v).toBeGreaterThanOrEqual(0);
          const change = totalAmount(f, 0) - before;
          const split = totals.secreted[0]! - totals.takenUp[0]! + totals.exported[0]!;
          // Relative to the largest term booked (sources can be large): round-off only.
          const scale = Math.max(before, totals.secreted[0]!, totals.takenUp[0]!, Math.abs(totals.exported[0]!), totals.exportShortfall[0]!);
          expect(Math.abs(change - split)).toBeLessThanOrEqual(1e-12 * scale);
          expect(totals.exportShortfall[0]).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects negative rates, naming the cell', () => {
    const f = createFields(mesh, ['a'], { shared: false });
    const cells = createCellExchange(2, 1);
    cells.voxel.set([0, 1]);
    cells.uptakeRatePerMin[1] = -1;
    expect(() => {
      applyCellExchange(f, cells, 0.1, new Float64Array(2));
    }).toThrow(/cell 1, substrate 0: .*uptake rate -1/);
  });

  it('skips cells outside the domain', () => {
    const f = createFields(mesh, ['a'], { shared: false, initial: [1] });
    const cells = createCellExchange(1, 1);
    cells.uptakeRatePerMin[0] = 1;
    const internalised = new Float64Array(1);
    applyCellExchange(f, cells, 1, internalised);
    expect(internalised[0]).toBe(0);
    expect(f.data[0]!.every((v) => v === 1)).toBe(true);
  });
});
