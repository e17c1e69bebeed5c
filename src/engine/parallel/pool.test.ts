import { describe, expect, it } from 'vitest';
import { chunks } from './chunks.ts';
import { createPool, siblingModuleUrl } from './pool.ts';
import { MIN_SPIN_MS, nextSpinWindow } from './protocol.ts';

const KERNELS = siblingModuleUrl(import.meta.url, './test-helpers/kernels');

describe('chunks', () => {
  it('covers [0, n) contiguously with sizes differing by at most one', () => {
    for (const [n, parts] of [[10, 3], [7, 7], [3, 5], [1000, 4]] as const) {
      const c = chunks(n, parts);
      expect(c[0]![0]).toBe(0);
      expect(c[c.length - 1]![1]).toBe(n);
      for (let t = 1; t < c.length; t++) expect(c[t]![0]).toBe(c[t - 1]![1]);
      const sizes = c.map(([a, b]) => b - a);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('KernelPool', () => {
  it('runs a kernel over all indices in-process with one thread', async () => {
    const pool = await createPool(1);
    const out = new Float64Array(new SharedArrayBuffer(8 * 100));
    const h = await pool.bind({ out });
    await pool.run(KERNELS, 'fillKernel', { scale: 2 }, 100, h);
    expect(out[99]).toBe(2 * 99 + Math.sqrt(99));
    await pool.close();
  });

  it('splits the range across workers that write into a shared buffer', async () => {
    const pool = await createPool(3);
    expect(pool.threads).toBe(3);
    const n = 1000;
    const owner = new Int32Array(new SharedArrayBuffer(4 * n)).fill(-1);
    const h = await pool.bind({ owner });
    await pool.run(KERNELS, 'ownerKernel', null, n, h);
    const starts = new Set(owner);
    // Three chunks, each written by its own thread, none left unwritten.
    expect([...starts].sort((a, b) => a - b)).toEqual(chunks(n, 3).map(([a]) => a));
    await pool.close();
  });

  it('gives byte-identical results for 1, 2 and 4 threads', async () => {
    const results: Buffer[] = [];
    for (const t of [1, 2, 4]) {
      const pool = await createPool(t);
      const out = new Float64Array(new SharedArrayBuffer(8 * 777));
      const h = await pool.bind({ out });
      await pool.run(KERNELS, 'fillKernel', { scale: 0.1 }, out.length, h);
      results.push(Buffer.from(out.buffer));
      await pool.close();
    }
    expect(results[1]!.equals(results[0]!)).toBe(true);
    expect(results[2]!.equals(results[0]!)).toBe(true);
  });

  it('rejects with the worker error when a kernel throws in a worker', async () => {
    const pool = await createPool(2);
    await expect(pool.run(KERNELS, 'throwingKernel', null, 10)).rejects.toThrow(/deliberate failure at 5/);
    // The pool stays usable after a kernel error.
    const out = new Float64Array(new SharedArrayBuffer(8 * 10));
    await pool.run(KERNELS, 'fillKernel', { scale: 1 }, 10, await pool.bind({ out }));
    expect(out[9]).toBe(9 + 3);
    await pool.close();
  });

  it('rejects an unknown kernel name', async () => {
    const pool = await createPool(1);
    await expect(pool.run(KERNELS, 'nope', null, 1)).rejects.toThrow(/"nope" is not a function/);
    await pool.close();
  });
});

describe('nextSpinWindow', () => {
  it('restores on success, shrinks 4× to nothing on time-outs, and regrows 2× after sleeping', () => {
    expect(nextSpinWindow(0, 0.2, 'caught')).toBe(0.2);
    expect(nextSpinWindow(0.2, 0.2, 'timedOut')).toBe(0.05);
    expect(nextSpinWindow(MIN_SPIN_MS, 0.2, 'timedOut')).toBe(0);
    expect(nextSpinWindow(0, 0.2, 'slept')).toBe(MIN_SPIN_MS);
    expect(nextSpinWindow(0.15, 0.2, 'slept')).toBe(0.2);
    // A pool that must not spin (more threads than cores) never does.
    expect(nextSpinWindow(0, 0, 'caught')).toBe(0);
  });
});
