/**
 * Agent benchmarks: one AgentDynamics step = neighbour-grid rebuild + mechanics + motility + AB2
 * position update, dt 0.1 min, on confluent tissue. Throughput is reported as agent-steps per
 * second (cells × steps / seconds). Each case warms up first so the JIT has compiled the kernel.
 */
import { availableParallelism } from 'node:os';
import { AgentDynamics } from '../engine/agents/dynamics.ts';
import { equilibriumDistanceUm, mechanicsTable } from '../engine/agents/mechanics.ts';
import { AgentStore } from '../engine/agents/store.ts';
import { createPool } from '../engine/parallel/pool.ts';
import type { KernelPool } from '../engine/parallel/pool.ts';
import { CounterStream, rngKey } from '../engine/rng/stream.ts';

export interface AgentBenchEntry {
  /** What was run: 'confluent' tissue at the given size, or a point of the 'scaling' series. */
  label: string;
  dims: 2 | 3;
  cells: number;
  threads: number;
  steps: number;
  seconds: number;
  agentStepsPerSecond: number;
}

export interface AgentBenchOptions {
  /** Fewer steps and a shorter scaling series (seconds instead of a minute). */
  quick?: boolean;
  /** Thread counts for the headline cases; default [1, all cores]. */
  threads?: number[];
}

const RADIUS_UM = 8.412;
const DT_MIN = 0.1;

/**
 * A confluent block of about `n` cells on a hexagonal (2D) or simple-cubic (3D) lattice at the
 * mechanical equilibrium spacing, with ±1 µm jitter, motile (1 µm/min, persistence 5 min, bias 0.2
 * along +x), in a walled domain with one spacing of margin.
 */
export function confluentTissue(dims: 2 | 3, n: number, shared: boolean): { store: AgentStore; dynamics: AgentDynamics } {
  const spacing = equilibriumDistanceUm(RADIUS_UM);
  const store = new AgentStore({ dims, shared, initialCapacity: n });
  const rng = new CounterStream(rngKey(1), 0);
  const side = Math.ceil(dims === 2 ? Math.sqrt(n) : Math.cbrt(n));
  const dyRow = dims === 2 ? spacing * 0.8660254037844386 : spacing;
  let placed = 0;
  outer: for (let k = 0; k < (dims === 3 ? side : 1); k++) {
    for (let j = 0; j < side; j++) {
      for (let i = 0; i < side; i++) {
        if (placed === n) break outer;
        const shift = dims === 2 && j & 1 ? 0.5 * spacing : 0;
        const c = store.add({
          x: spacing * (1 + i) + shift + (rng.uniform() - 0.5) * 2,
          y: spacing + dyRow * j + (rng.uniform() - 0.5) * 2,
          z: dims === 3 ? spacing * (1 + k) + (rng.uniform() - 0.5) * 2 : 0,
          radius: RADIUS_UM,
          speed: 1,
          persistence: 5,
          bias: 0.2,
        });
        store.bx[c] = 1;
        placed++;
      }
    }
  }
  const extent = spacing * (side + 2);
  const dynamics = new AgentDynamics(store, {
    domain: { xmin: 0, xmax: extent, ymin: 0, ymax: extent, zmin: 0, zmax: dims === 3 ? extent : 0 },
    dtMin: DT_MIN,
    seed: 42,
    mechanics: mechanicsTable([{}]),
  });
  return { store, dynamics };
}

async function measure(label: string, dims: 2 | 3, cells: number, threads: number, pool: KernelPool, steps: number): Promise<AgentBenchEntry> {
  const { dynamics } = confluentTissue(dims, cells, threads > 1);
  const warm = Math.max(3, Math.ceil(steps / 5));
  for (let k = 0; k < warm; k++) await dynamics.step(pool);
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) await dynamics.step(pool);
  const seconds = (performance.now() - t0) / 1000;
  dynamics.release();
  return { label, dims, cells, threads, steps, seconds, agentStepsPerSecond: (cells * steps) / seconds };
}

/** Steps so that a case does about `work` agent-steps (at least 5). */
const stepsFor = (cells: number, work: number): number => Math.max(5, Math.round(work / cells));

export async function benchAgents(opts: AgentBenchOptions = {}): Promise<AgentBenchEntry[]> {
  const all = availableParallelism();
  const threadList = opts.threads ?? [...new Set([1, all])];
  // ~1e7 agent-steps per case keeps each timing window at 1–3 s on a shared 2-core machine.
  const work = opts.quick ? 3e5 : 1e7;
  const out: AgentBenchEntry[] = [];
  const pools = new Map<number, KernelPool>();
  const poolFor = async (t: number): Promise<KernelPool> => {
    let p = pools.get(t);
    if (p === undefined) {
      p = await createPool(t);
      pools.set(t, p);
    }
    return p;
  };
  try {
    for (const t of threadList) {
      const pool = await poolFor(t);
      for (const cells of [1e4, 1e5]) out.push(await measure('confluent', 2, cells, t, pool, stepsFor(cells, work)));
      out.push(await measure('confluent', 3, 1e5, t, pool, stepsFor(1e5, work)));
    }
    const series = opts.quick ? [1e3, 1e4, 1e5] : [1e3, 3e3, 1e4, 3e4, 1e5];
    const one = await poolFor(1);
    for (const cells of series) out.push(await measure('scaling', 2, cells, 1, one, stepsFor(cells, work)));
  } finally {
    for (const p of pools.values()) await p.close();
  }
  return out;
}
