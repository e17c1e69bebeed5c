import { describe, expect, it } from 'vitest';
import { createPool } from '../parallel/pool.ts';
import { CounterStream, rngKey } from '../rng/stream.ts';
import { AgentDynamics } from './dynamics.ts';
import { mechanicsTable } from './mechanics.ts';
import { AgentStore, F64_COLUMNS } from './store.ts';

/** A dense, motile, two-type population: every code path of the step kernel is exercised. */
function population(dims: 2 | 3, n: number): AgentStore {
  const s = new AgentStore({ dims, shared: true, initialCapacity: 16 });
  const rng = new CounterStream(rngKey(2024), dims);
  const side = dims === 2 ? Math.sqrt(n) * 15 : Math.cbrt(n) * 15;
  for (let k = 0; k < n; k++) {
    s.add({
      x: side * rng.uniform(),
      y: side * rng.uniform(),
      z: dims === 3 ? side * rng.uniform() : 0,
      radius: 7 + 2 * rng.uniform(),
      type: k % 2,
      speed: 0.5 + rng.uniform(),
      persistence: 2 + 5 * rng.uniform(),
      bias: 0.3 * rng.uniform(),
    });
    s.bx[k] = 1;
  }
  return s;
}

function snapshot(s: AgentStore): Buffer {
  const parts: Buffer[] = [];
  const rec = s as unknown as Record<string, Float64Array>;
  for (const c of F64_COLUMNS) parts.push(Buffer.from(rec[c]!.buffer, 0, 8 * s.count));
  parts.push(Buffer.from(s.id.buffer, 0, 4 * s.count));
  return Buffer.concat(parts);
}

async function run(dims: 2 | 3, threads: number, seed = 77): Promise<Buffer> {
  const store = population(dims, 3000);
  const side = dims === 2 ? Math.sqrt(3000) * 15 : Math.cbrt(3000) * 15;
  const dyn = new AgentDynamics(store, {
    domain: { xmin: 0, xmax: side, ymin: 0, ymax: side, zmin: 0, zmax: side },
    dtMin: 0.1,
    seed,
    mechanics: mechanicsTable([{}, { adhesionUmPerMin: 1, repulsionUmPerMin: 5, adhesionAffinity: [0.5, 1] }]),
    sortEvery: 7,
  });
  const pool = await createPool(threads);
  try {
    for (let k = 0; k < 30; k++) {
      await dyn.step(pool);
      // Growth mid-run replaces the shared buffers: the dynamics must rebind them into the workers.
      if (k === 10) for (let j = 0; j < 2000; j++) store.add({ x: (j * 7.3) % side, y: (j * 3.1) % side, z: dims === 3 ? (j * 5.7) % side : 0, speed: 1, persistence: 3 });
    }
  } finally {
    dyn.release();
    await pool.close();
  }
  return snapshot(store);
}

describe('agent step determinism', () => {
  for (const dims of [2, 3] as const) {
    it(`gives byte-identical state for 1, 2 and 4 threads (${dims}D, 3000 → 5000 cells, 30 steps)`, async () => {
      const one = await run(dims, 1);
      const two = await run(dims, 2);
      const four = await run(dims, 4);
      expect(two.equals(one)).toBe(true);
      expect(four.equals(one)).toBe(true);
      expect(one.length).toBe(5000 * (8 * F64_COLUMNS.length + 4));
      // The comparison has teeth: another seed changes the bytes (so the random walk really ran).
      expect((await run(dims, 1, 78)).equals(one)).toBe(false);
    });
  }

  it('refuses a multi-thread pool with an unshared store', async () => {
    const store = new AgentStore({ dims: 2 });
    store.add({ x: 1, y: 1 });
    store.add({ x: 2, y: 1 });
    const dyn = new AgentDynamics(store, { domain: { xmin: 0, xmax: 10, ymin: 0, ymax: 10, zmin: 0, zmax: 0 }, dtMin: 0.1, seed: 1, mechanics: null });
    const pool = await createPool(2);
    await expect(dyn.step(pool)).rejects.toThrow(/shared: true/);
    await pool.close();
  });
});
