/**
 * Small helpers for driving a Simulation in memory: advance to a time, read live cells, time a step.
 */
import { FLAG_APOPTOTIC, FLAG_NECROTIC } from '../engine/agents/store.ts';
import type { Simulation } from '../sim/simulation.ts';

/** Advance to `minutes` (rounded to the mechanics step), calling `onPhenotype` after each phenotype step. */
export async function advanceTo(sim: Simulation, minutes: number, onPhenotype?: () => void): Promise<void> {
  await sim.advance(Math.round(minutes / sim.clock.dtMechanics), onPhenotype !== undefined ? { onPhenotype } : {});
}

/** Indices of live (not apoptotic or necrotic) cells. */
export function liveCells(sim: Simulation): number[] {
  const out: number[] = [];
  for (let i = 0; i < sim.store.count; i++) if ((sim.store.flags[i]! & (FLAG_APOPTOTIC | FLAG_NECROTIC)) === 0) out.push(i);
  return out;
}

/** Wall-clock seconds since `start` (a performance.now() value). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
