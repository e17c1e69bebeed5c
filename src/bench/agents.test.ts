import { describe, expect, it } from 'vitest';
import { benchAgents, confluentTissue } from './agents.ts';

describe('benchAgents', () => {
  it('builds confluent tissue of the requested size at the equilibrium spacing', () => {
    for (const dims of [2, 3] as const) {
      const { store } = confluentTissue(dims, 1000, false);
      expect(store.count).toBe(1000);
      // Nearest neighbour of cell 0 sits at ≈ 16 µm (equilibrium spacing) ± the 2 µm jitter.
      let best = Infinity;
      for (let j = 1; j < store.count; j++) {
        best = Math.min(best, Math.hypot(store.x[j]! - store.x[0]!, store.y[j]! - store.y[0]!, store.z[j]! - store.z[0]!));
      }
      expect(best).toBeGreaterThan(16 - 3);
      expect(best).toBeLessThan(16 + 3);
    }
  });

  it('reports every required case with consistent throughput figures (quick, one thread)', async () => {
    const entries = await benchAgents({ quick: true, threads: [1] });
    const has = (label: string, dims: number, cells: number): boolean =>
      entries.some((e) => e.label === label && e.dims === dims && e.cells === cells && e.threads === 1);
    expect(has('confluent', 2, 1e4)).toBe(true);
    expect(has('confluent', 2, 1e5)).toBe(true);
    expect(has('confluent', 3, 1e5)).toBe(true);
    expect(has('scaling', 2, 1e3)).toBe(true);
    for (const e of entries) {
      expect(e.seconds).toBeGreaterThan(0);
      expect(e.steps).toBeGreaterThanOrEqual(5);
      // agentStepsPerSecond is cells × steps / seconds, to round-off.
      expect(Math.abs(e.agentStepsPerSecond - (e.cells * e.steps) / e.seconds) / e.agentStepsPerSecond).toBeLessThan(1e-12);
    }
  });
});
