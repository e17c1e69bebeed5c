import { describe, expect, it } from 'vitest';
import { CounterStream, rngKey } from '../rng/stream.ts';
import { NeighbourGrid } from './grid.ts';
import { AgentStore } from './store.ts';

describe('NeighbourGrid', () => {
  for (const [dims, reach] of [[2, 1], [3, 1], [2, 2], [3, 2]] as const) {
    it(`finds exactly the brute-force neighbour pairs in ${dims}D with reach ${reach}`, () => {
      const rng = new CounterStream(rngKey(1), dims);
      const domain = { xmin: -50, xmax: 150, ymin: 0, ymax: 90, zmin: 0, zmax: 70 };
      const store = new AgentStore({ dims });
      // Some cells outside the domain too: they are clamped to edge bins and must still be found.
      for (let k = 0; k < 400; k++) {
        store.add({ x: -60 + 220 * rng.uniform(), y: -5 + 100 * rng.uniform(), z: dims === 3 ? -5 + 80 * rng.uniform() : 0 });
      }
      const grid = new NeighbourGrid(dims, domain);
      const cut = 17;
      grid.rebuild(store, cut / reach);
      if (reach === 1) expect(grid.binCount).toBe(dims === 2 ? 11 * 5 : 11 * 5 * 4);
      const { sp, stride, order } = grid;
      const pos = (k: number): [number, number, number] => [sp[stride * k]!, sp[stride * k + 1]!, dims === 3 ? sp[stride * k + 2]! : 0];
      for (let s = 0; s < store.count; s++) {
        const found = new Set<number>();
        grid.forEachNear(grid.slotBin[s]!, (k) => {
          const [a, b] = [pos(s), pos(k)];
          if (k !== s && Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) < cut) found.add(order[k]!);
        }, reach);
        const i = order[s]!;
        const brute = new Set<number>();
        for (let j = 0; j < store.count; j++) {
          const d = Math.hypot(store.x[i]! - store.x[j]!, store.y[i]! - store.y[j]!, store.z[i]! - store.z[j]!);
          if (j !== i && d < cut) brute.add(j);
        }
        expect([...found].sort((a, b) => a - b)).toEqual([...brute].sort((a, b) => a - b));
      }
      // Slots are a permutation of the cells, and within a bin cells keep store order.
      expect([...order.subarray(0, store.count)].sort((a, b) => a - b)).toEqual([...Array(store.count).keys()]);
      for (let s = 1; s < store.count; s++) {
        if (grid.slotBin[s] === grid.slotBin[s - 1]) expect(order[s]!).toBeGreaterThan(order[s - 1]!);
      }
    });
  }

  it('rejects an empty domain and a non-positive interaction distance', () => {
    expect(() => new NeighbourGrid(2, { xmin: 0, xmax: 0, ymin: 0, ymax: 1, zmin: 0, zmax: 0 })).toThrow(/empty domain/);
    const g = new NeighbourGrid(2, { xmin: 0, xmax: 1, ymin: 0, ymax: 1, zmin: 0, zmax: 0 });
    expect(() => { g.rebuild(new AgentStore({ dims: 2 }), 0); }).toThrow(/must be > 0/);
  });
});
