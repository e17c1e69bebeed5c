/**
 * Rate-based cycle and death, as generic hooks the model layer drives with per-cell rate arrays.
 *
 * Per cell and step Δt (usually PhysiCell's phenotype step, 6 min), an event with rate λ (1/min)
 * fires with probability 1 − e^{−λΔt}, so the waiting time is exponential with mean 1/λ whatever
 * Δt is. Precedence within one step: apoptosis, then necrosis, then the cycle-phase exit. Dead cells
 * stop migrating (speed 0) and stop cycling; apoptotic cells are removed once their death age
 * reaches the apoptosis duration; necrotic cells are only marked (the model decides what follows).
 *
 * Random draws are addressed by (seed, cell id, step, purpose), so events do not depend on store
 * order or threads. Divisions are applied after the sweep, in store order, which is deterministic.
 *
 * Division: the parent's volume is halved (radius × 2^{−1/3}); parent and daughter move apart along
 * a random unit vector u by ±(1 − 2^{−1/3})·r each, so both new cells stay inside the old outline
 * (r' + δ = r) and the mechanics resolves the overlap. The daughter copies every column and state
 * variable; `onDivide` lets the model split conserved quantities.
 */
import { philox4x32 } from '../rng/philox.ts';
import type { RngKey } from '../rng/stream.ts';
import { PURPOSE_CYCLE, PURPOSE_DIVISION } from './purposes.ts';
import { FLAG_APOPTOTIC, FLAG_NECROTIC } from './store.ts';
import type { AgentStore } from './store.ts';

const U32 = 2.3283064365386963e-10;
const TWO_PI = 6.283185307179586;
const SHRINK = Math.cbrt(0.5);

/** A rate-based cycle: after phase p exits, the cell enters nextPhase[p] and divides if dividesOnExit[p]. */
export interface CycleModel {
  nextPhase: readonly number[];
  dividesOnExit: readonly boolean[];
}

/** Per-cell rates (1/min) indexed like the store; omitted means 0. */
export interface LifecycleRates {
  /** Exit rate of each cell's current phase. */
  phaseExit?: Float64Array;
  apoptosis?: Float64Array;
  necrosis?: Float64Array;
}

export interface LifecycleOptions {
  dtMin: number;
  /** Step index (the `step` word of random addresses). */
  step: number;
  key: RngKey;
  /** Time from the start of apoptosis to removal, min (PhysiCell default 516). */
  apoptosisDurationMin?: number;
  /** Called after each division with the store indices of parent and daughter. */
  onDivide?: (parent: number, daughter: number) => void;
}

/** Ids of the cells each kind of event happened to during the step. */
export interface LifecycleEvents {
  phaseExits: number[];
  divisions: number[];
  /** Ids of the daughters, in the order of `divisions`. */
  daughters: number[];
  apoptosisStarted: number[];
  necrosisStarted: number[];
  removed: number[];
}

export const PHYSICELL_APOPTOSIS_DURATION_MIN = 516;

export function lifecycleStep(store: AgentStore, cycle: CycleModel, rates: LifecycleRates, opts: LifecycleOptions): LifecycleEvents {
  const dt = opts.dtMin;
  const duration = opts.apoptosisDurationMin ?? PHYSICELL_APOPTOSIS_DURATION_MIN;
  const ev: LifecycleEvents = { phaseExits: [], divisions: [], daughters: [], apoptosisStarted: [], necrosisStarted: [], removed: [] };
  const buf = new Uint32Array(4);
  const { k0, k1 } = opts.key;
  const n = store.count;
  const dividing: number[] = [];
  const prob = (rate: Float64Array | undefined, i: number): number => {
    const r = rate ? rate[i]! : 0;
    return r > 0 ? -Math.expm1(-r * dt) : 0;
  };
  for (let i = 0; i < n; i++) {
    const id = store.id[i]!;
    const f = store.flags[i]!;
    if (f & (FLAG_APOPTOTIC | FLAG_NECROTIC)) {
      store.deathAge[i]! += dt;
      if (f & FLAG_APOPTOTIC && store.deathAge[i]! >= duration) ev.removed.push(id);
      continue;
    }
    philox4x32(id, opts.step, PURPOSE_CYCLE, 0, k0, k1, buf);
    if (buf[0]! * U32 < prob(rates.apoptosis, i)) {
      kill(store, i, FLAG_APOPTOTIC);
      ev.apoptosisStarted.push(id);
      continue;
    }
    if (buf[1]! * U32 < prob(rates.necrosis, i)) {
      kill(store, i, FLAG_NECROTIC);
      ev.necrosisStarted.push(id);
      continue;
    }
    if (buf[2]! * U32 < prob(rates.phaseExit, i)) {
      const p = store.phase[i]!;
      const next = cycle.nextPhase[p];
      if (next === undefined) throw new RangeError(`lifecycleStep: cell ${id} is in phase ${p}, the cycle has ${cycle.nextPhase.length} phases`);
      store.phase[i] = next;
      store.phaseAge[i] = 0;
      ev.phaseExits.push(id);
      if (cycle.dividesOnExit[p]) dividing.push(id);
    } else {
      store.phaseAge[i]! += dt;
    }
  }
  const u = new Float64Array(3);
  for (const id of dividing) {
    const parent = store.indexOf(id);
    const daughter = divide(store, parent, opts, buf, u);
    ev.divisions.push(id);
    ev.daughters.push(store.id[daughter]!);
    opts.onDivide?.(parent, daughter);
  }
  for (const id of ev.removed) store.removeById(id);
  return ev;
}

function kill(store: AgentStore, i: number, flag: number): void {
  store.flags[i] = store.flags[i]! | flag;
  store.deathAge[i] = 0;
  store.speed[i] = 0;
  store.mx[i] = 0;
  store.my[i] = 0;
  store.mz[i] = 0;
}

/** Splits cell `parent`; returns the daughter's index. */
function divide(store: AgentStore, parent: number, opts: LifecycleOptions, buf: Uint32Array, u: Float64Array): number {
  philox4x32(store.id[parent]!, opts.step, PURPOSE_DIVISION, 0, opts.key.k0, opts.key.k1, buf);
  if (store.dims === 2) {
    const a = TWO_PI * buf[0]! * U32;
    u[0] = Math.cos(a);
    u[1] = Math.sin(a);
    u[2] = 0;
  } else {
    const z = 2 * buf[0]! * U32 - 1;
    const a = TWO_PI * buf[1]! * U32;
    const s = Math.sqrt(Math.max(0, 1 - z * z));
    u[0] = s * Math.cos(a);
    u[1] = s * Math.sin(a);
    u[2] = z;
  }
  const r = store.radius[parent]!;
  const delta = (1 - SHRINK) * r;
  store.radius[parent] = r * SHRINK;
  store.volume[parent] = 0.5 * store.volume[parent]!;
  const d = store.duplicate(parent);
  store.x[parent]! -= delta * u[0];
  store.y[parent]! -= delta * u[1];
  store.z[parent]! -= delta * u[2];
  store.x[d]! += delta * u[0];
  store.y[d]! += delta * u[1];
  store.z[d]! += delta * u[2];
  return d;
}
