/**
 * What a run records at every output time: one time-series row (population, hypoxia, vesicle and
 * cargo books, intracellular means, motility, invasion) and per-cell snapshot columns. Column
 * names are snake_case ASCII so SQL over the results needs no quoting.
 */
import { FLAG_APOPTOTIC, FLAG_NECROTIC } from '../engine/agents/store.ts';
import { HYPOXIA_MMHG, snake } from './compile.ts';
import {
  S_EV, S_HIF, S_INVASIVENESS, S_IN_MATRIX, S_O2, S_X0, S_Y0, S_Z0, mirState, targetState, totalUptakeState,
} from './layout.ts';
import type { Simulation } from './simulation.ts';

export interface ColumnInfo {
  name: string;
  unit: string;
  group: string;
  description: string;
}

/** HIF-1α activity above which a cell counts as hypoxic (half-maximal activity). */
export const HYPOXIC_HIF = 0.5;

export function timeSeriesColumns(sim: Simulation): ColumnInfo[] {
  const cols: ColumnInfo[] = [
    { name: 'time_min', unit: 'min', group: 'time', description: 'simulated time' },
    { name: 'cells', unit: 'cells', group: 'population', description: 'live cells' },
    { name: 'apoptotic', unit: 'cells', group: 'population', description: 'apoptotic cells' },
    { name: 'necrotic', unit: 'cells', group: 'population', description: 'necrotic cells' },
    { name: 'hypoxic_fraction', unit: '1', group: 'hypoxia', description: `fraction of live cells with HIF-1α activity > ${HYPOXIC_HIF}` },
    { name: 'o2_below_1pct_fraction', unit: '1', group: 'hypoxia', description: `fraction of live cells at O2 < ${HYPOXIA_MMHG} mmHg (1 % O2)` },
    { name: 'o2_mean_mmhg', unit: 'mmHg', group: 'oxygen', description: 'mean O2 sensed by live cells' },
    { name: 'o2_min_mmhg', unit: 'mmHg', group: 'oxygen', description: 'lowest O2 in the tissue (field)' },
    { name: 'hif_mean', unit: '1', group: 'hypoxia', description: 'mean HIF-1α activity of live cells' },
  ];
  for (const s of sim.layout.evSpecies) {
    const c = snake(s);
    const unit = s === 'vesicles' ? 'vesicles' : 'copies';
    cols.push(
      { name: `${c}_in_field`, unit, group: s === 'vesicles' ? 'vesicles' : 'cargo', description: `${s} in the extracellular field` },
      { name: `${c}_released`, unit, group: s === 'vesicles' ? 'vesicles' : 'cargo', description: `${s} released by cells since the start` },
      { name: `${c}_taken_up`, unit, group: s === 'vesicles' ? 'vesicles' : 'cargo', description: `${s} taken up by cells since the start` },
      { name: `${c}_balance_error`, unit: '1', group: 'mass balance', description: `relative mass-balance residual of ${s}` },
    );
  }
  for (const m of sim.layout.mirnas) cols.push({ name: `${snake(m)}_mean`, unit: 'copies/cell', group: 'intracellular miRNA', description: `mean functional ${m} pool of live cells` });
  for (const t of sim.layout.targets) cols.push({ name: `${snake(t)}_mean`, unit: '1', group: 'targets', description: `mean ${t} level of live cells (1 = unrepressed)` });
  cols.push(
    { name: 'speed_mean_um_per_min', unit: 'µm/min', group: 'motility', description: 'mean migration speed of live cells' },
    { name: 'invasiveness_mean', unit: '1', group: 'motility', description: 'mean invasiveness of live cells' },
    { name: 'displacement_mean_um', unit: 'µm', group: 'motility', description: 'mean distance of live cells from where their lineage started' },
    { name: 'invasion_front_um', unit: 'µm', group: 'invasion', description: 'how far the farthest live cell lies beyond the initial tumour outline' },
    { name: 'invasion_depth_p95_um', unit: 'µm', group: 'invasion', description: '95th percentile of live cells\' distance beyond the initial outline (0 inside)' },
    { name: 'invaded_fraction', unit: '1', group: 'invasion', description: 'fraction of live cells beyond the initial tumour outline' },
    { name: 'in_matrix_fraction', unit: '1', group: 'invasion', description: 'fraction of live cells inside dense matrix' },
    { name: 'o2_balance_error', unit: '1', group: 'mass balance', description: 'relative mass-balance residual of oxygen' },
  );
  return cols;
}

export function timeSeriesRow(sim: Simulation): Record<string, number> {
  const s = sim.store;
  const n = s.count;
  const hif = s.stateView(S_HIF);
  const o2 = s.stateView(S_O2);
  const inv = s.stateView(S_INVASIVENESS);
  const inMat = s.stateView(S_IN_MATRIX);
  const x0 = s.stateView(S_X0);
  const y0 = s.stateView(S_Y0);
  const z0 = s.stateView(S_Z0);
  let live = 0, apo = 0, nec = 0, hyp = 0, below = 0, o2sum = 0, hifsum = 0, speed = 0, invsum = 0, disp = 0, invaded = 0, matrix = 0;
  let front = 0;
  const beyond: number[] = [];
  const mirs = sim.layout.mirnas.map((m) => s.stateView(mirState(m)));
  const tgts = sim.layout.targets.map((t) => s.stateView(targetState(t)));
  const mirSum = mirs.map(() => 0);
  const tgtSum = tgts.map(() => 0);
  const { origin } = sim;
  for (let i = 0; i < n; i++) {
    const f = s.flags[i]!;
    if (f & FLAG_APOPTOTIC) { apo++; continue; }
    if (f & FLAG_NECROTIC) { nec++; continue; }
    live++;
    if (hif[i]! > HYPOXIC_HIF) hyp++;
    if (o2[i]! < HYPOXIA_MMHG) below++;
    o2sum += o2[i]!;
    hifsum += hif[i]!;
    speed += s.speed[i]!;
    invsum += inv[i]!;
    if (inMat[i]! > 0) matrix++;
    disp += Math.hypot(s.x[i]! - x0[i]!, s.y[i]! - y0[i]!, s.z[i]! - z0[i]!);
    const r = Math.hypot(s.x[i]! - origin.x, s.y[i]! - origin.y, s.z[i]! - origin.z) - origin.radius;
    const b = Math.max(0, r);
    beyond.push(b);
    if (b > 0) invaded++;
    if (b > front) front = b;
    mirs.forEach((c, k) => (mirSum[k] = mirSum[k]! + c[i]!));
    tgts.forEach((c, k) => (tgtSum[k] = tgtSum[k]! + c[i]!));
  }
  const L = Math.max(1, live);
  beyond.sort((a, b) => a - b);
  const p95 = beyond.length > 0 ? beyond[Math.min(beyond.length - 1, Math.floor(0.95 * beyond.length))]! : 0;
  const o2field = sim.o2.data[0]!;
  let o2min = Infinity;
  for (let v = 0; v < o2field.length; v++) if (o2field[v]! < o2min) o2min = o2field[v]!;
  const row: Record<string, number> = {
    time_min: sim.timeMin,
    cells: live,
    apoptotic: apo,
    necrotic: nec,
    hypoxic_fraction: hyp / L,
    o2_below_1pct_fraction: below / L,
    o2_mean_mmhg: o2sum / L,
    o2_min_mmhg: o2min,
    hif_mean: hifsum / L,
  };
  const balance = sim.massBalance();
  sim.layout.evSpecies.forEach((sp, k) => {
    const c = snake(sp);
    const b = balance[k + 1]!;
    row[`${c}_in_field`] = b.inField;
    row[`${c}_released`] = b.released + b.dosed;
    row[`${c}_taken_up`] = b.takenUp;
    row[`${c}_balance_error`] = b.relativeError;
  });
  sim.layout.mirnas.forEach((m, k) => (row[`${snake(m)}_mean`] = mirSum[k]! / L));
  sim.layout.targets.forEach((t, k) => (row[`${snake(t)}_mean`] = tgtSum[k]! / L));
  row.speed_mean_um_per_min = speed / L;
  row.invasiveness_mean = invsum / L;
  row.displacement_mean_um = disp / L;
  row.invasion_front_um = front;
  row.invasion_depth_p95_um = p95;
  row.invaded_fraction = invaded / L;
  row.in_matrix_fraction = matrix / L;
  row.o2_balance_error = balance[0]!.relativeError;
  return row;
}

/** Per-cell snapshot columns (live and dead cells), each `count` long. */
export function cellColumns(sim: Simulation): Record<string, Float64Array | Int32Array> {
  const s = sim.store;
  const n = s.count;
  const f64 = (a: Float64Array): Float64Array => a.slice(0, n);
  const state = new Int32Array(n);
  for (let i = 0; i < n; i++) state[i] = s.flags[i]! & FLAG_APOPTOTIC ? 1 : s.flags[i]! & FLAG_NECROTIC ? 2 : 0;
  const cols: Record<string, Float64Array | Int32Array> = {
    id: s.id.slice(0, n),
    type: s.type.slice(0, n),
    death: state,
    x_um: f64(s.x),
    y_um: f64(s.y),
    z_um: f64(s.z),
    radius_um: f64(s.radius),
    speed_um_per_min: f64(s.speed),
    o2_mmhg: f64(s.stateView(S_O2)),
    hif: f64(s.stateView(S_HIF)),
    ev_local: f64(s.stateView(S_EV)),
    invasiveness: f64(s.stateView(S_INVASIVENESS)),
  };
  for (const m of sim.layout.mirnas) cols[snake(m)] = f64(s.stateView(mirState(m)));
  for (const t of sim.layout.targets) cols[snake(t)] = f64(s.stateView(targetState(t)));
  for (const sp of sim.layout.evSpecies) cols[`${snake(sp)}_taken_up`] = f64(s.stateView(totalUptakeState(sp)));
  return cols;
}

/** Field arrays by snake_case name (oxygen, vesicles, one per cargo). */
export function fieldArrays(sim: Simulation): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = { oxygen: sim.o2.data[0]!.slice() };
  sim.layout.evSpecies.forEach((sp, k) => (out[snake(sp)] = sim.ev.data[k]!.slice()));
  return out;
}
