/**
 * Throughput of the whole model loop (O2 and vesicle fields, cell exchange, phenotype, mechanics)
 * on the packaged quick scenario, in simulated minutes per wall-clock second and cell-steps per
 * second (mechanics steps × cells), for each thread count.
 */
import { fileURLToPath } from 'node:url';
import { createPool } from '../engine/parallel/pool.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
import { Simulation } from '../sim/simulation.ts';

export interface SimulationBenchEntry {
  scenario: string;
  threads: number;
  cells: number;
  voxels: number;
  simulatedMinutes: number;
  seconds: number;
  simMinutesPerSecond: number;
  cellStepsPerSecond: number;
  stateDigest: string;
}

export async function benchSimulation(opts: { quick?: boolean; threads?: number[] } = {}): Promise<SimulationBenchEntry[]> {
  const path = fileURLToPath(new URL('../../scenarios/hypoxic-glioma-quick.yaml', import.meta.url));
  const loaded = loadScenario(path);
  const minutes = opts.quick === true ? 12 : 240;
  const out: SimulationBenchEntry[] = [];
  for (const threads of opts.threads ?? [1, 2]) {
    const pool = threads > 1 ? await createPool(threads) : undefined;
    try {
      const sim = await Simulation.create(loaded, pool !== undefined ? { pool } : {});
      const steps = Math.round(minutes / sim.clock.dtMechanics);
      const t0 = performance.now();
      let cellSteps = 0;
      while (sim.step < steps) {
        const next = Math.min(steps, sim.step + sim.clock.mechanicsPerPhenotype);
        cellSteps += (next - sim.step) * sim.store.count;
        await sim.advance(next);
      }
      const seconds = (performance.now() - t0) / 1000;
      out.push({
        scenario: loaded.scenario.name,
        threads,
        cells: sim.store.count,
        voxels: sim.mesh.voxelCount,
        simulatedMinutes: minutes,
        seconds,
        simMinutesPerSecond: minutes / seconds,
        cellStepsPerSecond: cellSteps / seconds,
        stateDigest: sim.stateDigest(),
      });
      sim.dispose();
    } finally {
      await pool?.close();
    }
  }
  return out;
}
