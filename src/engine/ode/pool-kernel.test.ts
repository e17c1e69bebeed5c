import { describe, expect, it } from 'vitest';
import { AgentStore } from '../agents/store.ts';
import { createPool, siblingModuleUrl } from '../parallel/pool.ts';

const KERNELS = siblingModuleUrl(import.meta.url, './test-helpers/kernels');

async function run(threads: number): Promise<{ state: Buffer; y0: number[] }> {
  const n = 3000;
  const store = new AgentStore({ dims: 2, stateNames: ['a', 'b', 'rate'], shared: true, initialCapacity: n });
  for (let i = 0; i < n; i++) store.add({ x: 0, y: 0, state: { a: 0.1, b: 0, rate: 0.05 + (3 * i) / n } });
  const hints = new Float64Array(new SharedArrayBuffer(8 * store.capacity));
  const pool = await createPool(threads);
  const handle = await pool.bind({ state: store.state, hints });
  const columns = ['a', 'b', 'rate'].map((c) => store.stateColumn(c));
  for (let k = 0; k < 6; k++) {
    await pool.run(KERNELS, 'coupledKernel', { columns, stride: store.capacity, t0: k, dt: 1 }, store.count, handle);
  }
  await pool.close();
  return { state: Buffer.from(store.state.buffer), y0: Array.from(store.stateView('a')) };
}

describe('dopri5Kernel on a KernelPool', () => {
  it('gives byte-identical state for 1, 2 and 4 threads, and the right answer', async () => {
    const one = await run(1);
    const two = await run(2);
    const four = await run(4);
    expect(two.state.equals(one.state)).toBe(true);
    expect(four.state.equals(one.state)).toBe(true);
    // Logistic component against its closed form at t = 6 min (rtol 1e-8 per step; 1e-6 global bound).
    one.y0.forEach((y, i) => {
      const rate = 0.05 + (3 * i) / 3000;
      const exact = 10 / (1 + 99 * Math.exp(-rate * 6));
      expect(Math.abs(y - exact) / exact).toBeLessThan(1e-6);
    });
  });
});
