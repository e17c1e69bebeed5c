import { describe, expect, it } from 'vitest';
import { benchDiffusion } from './diffusion.ts';

describe('benchDiffusion (quick smoke run)', () => {
  it('reports every required case for each thread count, with consistent figures', async () => {
    const entries = await benchDiffusion({ quick: true, threads: [1, 2] });
    for (const threads of [1, 2]) {
      const mine = entries.filter((e) => e.threads === threads);
      expect(mine.find((e) => e.case === 'cube100' && e.nx === 100 && e.nz === 100 && e.substrates === 1)).toBeDefined();
      expect(mine.find((e) => e.case === 'cube100x4' && e.substrates === 4)).toBeDefined();
      expect(mine.find((e) => e.case === 'plane1000' && e.dims === 2 && e.nx === 1000 && e.ny === 1000)).toBeDefined();
      const scaling = mine.filter((e) => e.case === 'scaling').map((e) => e.nx * e.ny * e.nz);
      expect(Math.min(...scaling)).toBe(1000);
      expect(Math.max(...scaling)).toBe(1_000_000);
    }
    for (const e of entries) {
      expect(e.seconds).toBeGreaterThan(0);
      // The rate is exactly voxels × substrates × steps / seconds (floating-point identity).
      expect(e.voxelUpdatesPerSecond).toBeCloseTo((e.nx * e.ny * e.nz * e.substrates * e.steps) / e.seconds, 6);
    }
  });
});
