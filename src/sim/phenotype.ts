/**
 * The intracellular model and the rules, once per phenotype step (MODEL.md §2), for every cell:
 *
 *   sense     O2 and vesicles in the cell's voxel
 *   HIF-1α    dh/dt = k_syn(1 − h) − k_deg·φ(O2)·h                 (exact over the step, O2 held)
 *   miRNA     dm/dt = f_esc·(cargo taken up per min) + s − δ_m·m   (exact; uptake of the last step)
 *   target    dT/dt = δ_T·(R(m_free) − T),  R(m) = 1 − ρ_max·mⁿ/(Kⁿ + mⁿ) (or the titration form),
 *             m_free = (1 − inhibitor)·m
 *   rules     PhysiCell Hill responses → migration speed, invasiveness, cycle entry, apoptosis, necrosis
 *   exchange  release r = r0(1 + a·h)·(GW4869, Rab27a, aspirin factors); uptake k_up(1 + u·h)·(heparin)
 *
 * Each linear ODE is solved exactly with its inputs held over the step (relaxLinear), which is
 * unconditionally stable and keeps every quantity non-negative; the error is that of holding the
 * inputs (O2, uptake), first order in the 6-min step against time scales of 6 min (HIF-1α) to days.
 */
import { FLAG_APOPTOTIC, FLAG_NECROTIC } from '../engine/agents/store.ts';
import type { AgentStore } from '../engine/agents/store.ts';
import { behaviourResponse, type HillSignal } from '../model/rules/hill.ts';
import type { CompiledBehaviour, CompiledCellType, CompiledModel } from './compile.ts';
import { phdActivity, repressionLevel } from './compile.ts';
import {
  S_CYCLE, S_EV, S_HIF, S_INVASIVENESS, S_IN_MATRIX, S_O2, S_RELEASE, S_SPEED, S_UPTAKE,
  mirState, recentUptakeState, targetState, type StateLayout,
} from './layout.ts';
import type { InMatrix } from './matrix.ts';

/** Per-cell lifecycle rates filled by the phenotype step (indexed like the store). */
export interface PhenotypeRates {
  cycleEntry: Float64Array;
  apoptosis: Float64Array;
  necrosis: Float64Array;
}

export interface PhenotypeContext {
  model: CompiledModel;
  layout: StateLayout;
  /** Substrate value at a cell's position (O2 in mmHg, vesicles per µm³). */
  o2At: (x: number, y: number, z: number) => number;
  evAt: (x: number, y: number, z: number) => number;
  inMatrix: InMatrix | null;
}

function relax(y: number, source: number, rate: number, dt: number): number {
  if (rate === 0) return y + source * dt;
  const m = -Math.expm1(-rate * dt);
  return y * (1 - m) + (source / rate) * m;
}

function respond(b: CompiledBehaviour, signals: Float64Array, dead: boolean): number {
  if (b.up.length === 0 && b.down.length === 0) return b.base;
  const term = (r: CompiledBehaviour['up'][number]): HillSignal | null =>
    dead && !r.appliesToDead ? null : { value: signals[r.signal]!, halfMax: r.halfMax, hillPower: r.hillPower };
  const up = b.up.map(term).filter((x): x is HillSignal => x !== null);
  const down = b.down.map(term).filter((x): x is HillSignal => x !== null);
  const max = b.up.length > 0 ? b.up[0]!.saturation : b.base;
  const min = b.down.length > 0 ? b.down[0]!.saturation : b.base;
  return behaviourResponse({ base: b.base, max, min }, up, down);
}

/**
 * One phenotype step of length dtMin for all cells. Writes the state columns, `store.speed` and the
 * lifecycle rates; returns nothing (the store is the state).
 */
export function phenotypeStep(store: AgentStore, ctx: PhenotypeContext, dtMin: number, rates: PhenotypeRates): void {
  const { model, layout } = ctx;
  const n = store.count;
  const col = (name: string): Float64Array => store.stateView(name);
  const hif = col(S_HIF);
  const o2 = col(S_O2);
  const ev = col(S_EV);
  const inv = col(S_INVASIVENESS);
  const ruleSpeed = col(S_SPEED);
  const cyc = col(S_CYCLE);
  const rel = col(S_RELEASE);
  const upt = col(S_UPTAKE);
  const inMat = col(S_IN_MATRIX);
  const mir = layout.mirnas.map((m) => col(mirState(m)));
  const tgt = layout.targets.map((t) => col(targetState(t)));
  const recent = layout.evSpecies.map((s) => col(recentUptakeState(s)));
  const signals = new Float64Array(model.signals.length);
  const sigIndex = (name: string): number => model.signals.indexOf(name);
  const sigMir = layout.mirnas.map((m) => sigIndex(`intracellular ${m}`));
  const sigTgt = layout.targets.map((t) => sigIndex(t));
  // Per type: map from the type's miRNA/target lists to layout columns.
  const typeMaps = model.cellTypes.map((ct) => ({
    mir: ct.mirnas.map((m) => layout.mirnas.indexOf(m.name)),
    tgt: ct.targets.map((t) => layout.targets.indexOf(t.name)),
    cargoSpecies: ct.mirnas.map((m) => 1 + m.cargo),
    /** Per layout miRNA: the fraction an inhibitor leaves free in this type, or −1 if the type has no such pool. */
    keptByLayoutMir: layout.mirnas.map((name) => {
      const mm = ct.mirnas.find((q) => q.name === name);
      return mm === undefined ? -1 : 1 - mm.inhibited;
    }),
  }));
  for (let i = 0; i < n; i++) {
    const ct: CompiledCellType = model.cellTypes[store.type[i]!]!;
    const tm = typeMaps[ct.index]!;
    const dead = (store.flags[i]! & (FLAG_APOPTOTIC | FLAG_NECROTIC)) !== 0;
    const x = store.x[i]!;
    const y = store.y[i]!;
    const z = store.z[i]!;
    const po2 = ctx.o2At(x, y, z);
    o2[i] = po2;
    ev[i] = ctx.evAt(x, y, z);
    // HIF-1α: dh/dt = k_syn − (k_syn + k_deg·φ)·h
    const phi = phdActivity(po2, ct.hif.o2Half, ct.hif.o2Hill);
    hif[i] = relax(hif[i]!, ct.hif.synthesis, ct.hif.synthesis + ct.hif.degradation * phi, dtMin);
    // miRNA pools: functional copies from the cargo taken up during the last step
    ct.mirnas.forEach((m, k) => {
      const c = tm.mir[k]!;
      const taken = recent[tm.cargoSpecies[k]!]![i]!;
      const source = (ct.uptake.endosomalEscape * taken) / dtMin + m.endogenousSynthesis;
      mir[c]![i] = relax(mir[c]![i]!, source, m.decay, dtMin);
    });
    for (const r of recent) r[i] = 0;
    // targets repressed by their miRNA (the inhibitor-sequestered part does not act)
    ct.targets.forEach((t, k) => {
      const c = tm.tgt[k]!;
      if (!Number.isNaN(t.heldAt)) {
        tgt[c]![i] = t.heldAt;
        return;
      }
      const mi = ct.mirnas[t.mirna]!;
      const free = (1 - mi.inhibited) * mir[tm.mir[t.mirna]!]![i]!;
      const R = repressionLevel(t, free);
      tgt[c]![i] = relax(tgt[c]![i]!, t.turnover * R, t.turnover, dtMin);
    });
    // signals → behaviours
    signals.fill(0);
    signals[0] = po2;
    signals[1] = ev[i]!;
    signals[2] = hif[i]!;
    layout.mirnas.forEach((_m, k) => {
      const kept = tm.keptByLayoutMir[k]!;
      if (kept >= 0 && sigMir[k]! >= 0) signals[sigMir[k]!] = kept * mir[k]![i]!;
    });
    layout.targets.forEach((_t, k) => {
      if (sigTgt[k]! >= 0) signals[sigTgt[k]!] = tgt[k]![i]!;
    });
    const b = ct.behaviours;
    const speed = respond(b['migration speed'], signals, dead);
    const invasiveness = respond(b.invasiveness, signals, dead);
    ruleSpeed[i] = speed;
    inv[i] = invasiveness;
    const matrix = ctx.inMatrix !== null && ctx.inMatrix(x, y, z);
    inMat[i] = matrix ? 1 : 0;
    rates.cycleEntry[i] = dead ? 0 : respond(b['cycle entry'], signals, dead);
    rates.apoptosis[i] = dead ? 0 : respond(b.apoptosis, signals, dead);
    rates.necrosis[i] = dead ? 0 : respond(b.necrosis, signals, dead);
    cyc[i] = rates.cycleEntry[i]!;
    if (dead) {
      store.speed[i] = 0;
      rel[i] = 0;
      upt[i] = 0;
      continue;
    }
    store.speed[i] = matrix ? speed * invasiveness : speed;
    store.persistence[i] = ct.persistenceMin;
    store.bias[i] = ct.bias;
    const h = hif[i]!;
    rel[i] = ct.release.basal * (1 + ct.release.hifGain * h) * ct.release.factor;
    upt[i] = ct.uptake.rate * (1 + ct.uptake.hifGain * h) * ct.uptake.factor;
  }
}
