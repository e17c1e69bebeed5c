import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';

interface Bench {
  diffusion: { case: string; dims: number; nx: number; substrates: number; threads: number; voxelUpdatesPerSecond: number }[];
  agents: { label: string; dims: number; cells: number; threads: number; agentStepsPerSecond: number }[];
  simulation: { scenario: string; threads: number; cells: number; simMinutesPerSecond: number; stateDigest: string }[];
  peakRssMb: number;
}

describe('exoscape bench', () => {
  it('--quick --json prints one object with the required diffusion and agent cases', async () => {
    const r = await runCli(['bench', '--quick', '--json', '--threads', '1,2']);
    expect(r.code, r.err).toBe(0);
    const b = JSON.parse(r.out) as Bench;
    const has = (pred: (d: Bench['diffusion'][number]) => boolean): boolean => b.diffusion.some(pred);
    expect(has((d) => d.dims === 3 && d.nx === 100 && d.substrates === 1 && d.threads === 1)).toBe(true);
    expect(has((d) => d.dims === 3 && d.nx === 100 && d.substrates === 1 && d.threads === 2)).toBe(true);
    expect(has((d) => d.dims === 3 && d.nx === 100 && d.substrates === 4)).toBe(true);
    expect(has((d) => d.dims === 2 && d.nx === 1000 && d.substrates === 1)).toBe(true);
    for (const d of b.diffusion) expect(d.voxelUpdatesPerSecond).toBeGreaterThan(0);
    const cells = (dims: number, n: number, t: number): boolean => b.agents.some((a) => a.dims === dims && Math.abs(a.cells - n) / n < 0.05 && a.threads === t);
    expect(cells(2, 1e4, 1) && cells(2, 1e4, 2) && cells(2, 1e5, 1) && cells(2, 1e5, 2) && b.agents.some((a) => a.dims === 3 && a.cells >= 0.95e5)).toBe(true);
    expect(b.simulation.map((s) => s.threads)).toEqual([1, 2]);
    for (const s of b.simulation) expect(s.simMinutesPerSecond).toBeGreaterThan(0);
    expect(b.simulation[0]!.stateDigest).toBe(b.simulation[1]!.stateDigest); // same state on 1 and 2 threads
    expect(b.peakRssMb).toBeGreaterThan(0);
  }, 120_000);

  it('rejects a bad --threads list with exit 2', async () => {
    const r = await runCli(['bench', '--threads', 'two']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--threads expects a comma-separated list');
  });
});
