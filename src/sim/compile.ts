/**
 * Compile a validated scenario and its model into the plain numbers the simulation loop reads:
 * per cell type the resolved parameters, the rule tables per behaviour, and the interventions as
 * per-type factors. Nothing here touches the engine; every number comes from the model's
 * parameters (after the scenario's overrides) or from the scenario.
 */
import type { LoadedScenario } from '../scenario/load-scenario.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ModelFile } from '../model/model-file.ts';
import { BEHAVIORS } from '../model/model-file.ts';

/** One rule term: signal index into the per-cell signal vector, Hill parameters, saturation. */
export interface CompiledRule {
  signal: number;
  signalName: string;
  halfMax: number;
  hillPower: number;
  saturation: number;
  appliesToDead: boolean;
  atlas: readonly string[];
}

export interface CompiledBehaviour {
  base: number;
  up: CompiledRule[];
  down: CompiledRule[];
}

export type BehaviourName = (typeof BEHAVIORS)[number];

export interface CompiledTarget {
  name: string;
  /** Index of the repressing miRNA in `mirnas`. */
  mirna: number;
  halfMax: number;
  hillPower: number;
  maxRepression: number;
  turnover: number;
  /** Held at this level by a re-expression intervention (NaN: not held). */
  heldAt: number;
  form: 'hill' | 'titration';
  /** Titration form: target mRNA copies and the dissociation constant (copies); NaN for Hill. */
  mrnaCopies: number;
  dissociation: number;
}

export interface CompiledMirna {
  name: string;
  /** Index of the cargo (and its field) that carries it. */
  cargo: number;
  decay: number;
  endogenousSynthesis: number;
  /** Functional copies added per cell at t = 0 by a mimic. */
  mimicCopies: number;
  /** Fraction of the pool sequestered by an inhibitor (antagomiR). */
  inhibited: number;
}

export interface CompiledCellType {
  name: string;
  index: number;
  volumeUm3: number;
  radiusUm: number;
  o2Uptake: number;
  hif: { synthesis: number; degradation: number; o2Half: number; o2Hill: number };
  release: { basal: number; hifGain: number; /** product of GW4869, Rab27a and aspirin factors */ factor: number };
  uptake: { rate: number; hifGain: number; endosomalEscape: number; /** heparin factor */ factor: number };
  mirnas: CompiledMirna[];
  targets: CompiledTarget[];
  persistenceMin: number;
  bias: number;
  mechanics: { repulsion: number; adhesion: number; maxAdhesionDistance: number };
  behaviours: Record<BehaviourName, CompiledBehaviour>;
  volumeGrowthRate: number;
}

export interface CompiledCargo {
  name: string;
  type: 'miRNA' | 'label';
  basalLoading: number;
  hifEnrichment: number;
  /** Field name (snake_case) used in outputs. */
  column: string;
}

export interface CompiledDose {
  atMin: number;
  vesiclesPerCell: number;
  source: 'normoxic' | 'hypoxic';
  /** HIF-1α activity of the donor cells at the conditioning O2 (steady state of the donor's HIF ODE). */
  donorHif: number;
  /** Copies of each cargo per dosed vesicle. */
  cargoPerVesicle: number[];
}

export interface CompiledModel {
  scenario: Scenario;
  values: Readonly<Record<string, number>>;
  cellTypes: CompiledCellType[];
  cargos: CompiledCargo[];
  /** Signal names in the per-cell signal vector: oxygen, vesicles, hif, intracellular <miRNA>…, <target>… */
  signals: string[];
  oxygen: { diffusion: number; decay: number; initial: number; boundary: number; vessel: number };
  vesicles: { diffusion: number; decay: number; initial: number; boundary: number };
  doses: CompiledDose[];
}

/** O2 partial pressures of the standard culture conditions (1 % O2 ≈ 7.6 mmHg, MODEL.md units). */
export const MMHG_PER_PERCENT_O2 = 7.6;
export const NORMOXIA_MMHG = 21 * MMHG_PER_PERCENT_O2;
export const HYPOXIA_MMHG = 1 * MMHG_PER_PERCENT_O2;

/** PHD hydroxylation activity φ(O2) = (O2/K)^n / (1 + (O2/K)^n). */
export function phdActivity(o2: number, half: number, hill: number): number {
  if (!(o2 > 0)) return 0;
  const x = Math.pow(o2 / half, hill);
  return x / (1 + x);
}

/** Fraction of target left unrepressed, R(m), in the target's form (MODEL.md §2). */
export function repressionLevel(t: CompiledTarget, m: number): number {
  if (!(m > 0)) return 1;
  if (t.form === 'titration') {
    // m + M ⇌ C at quasi-equilibrium: C = ((m + M + K) − √((m + M + K)² − 4mM)) / 2, written in the
    // cancellation-free form 2mM / ((m + M + K) + √(…)).
    const M = t.mrnaCopies;
    const s = m + M + t.dissociation;
    const C = (2 * m * M) / (s + Math.sqrt(Math.max(0, s * s - 4 * m * M)));
    return 1 - (t.maxRepression * C) / M;
  }
  const xn = Math.pow(m / t.halfMax, t.hillPower);
  return 1 - (t.maxRepression * xn) / (1 + xn);
}

/** Steady state of dh/dt = k_syn(1 − h) − k_deg·φ(O2)·h. */
export function hifSteadyState(ct: CompiledCellType, o2: number): number {
  const { synthesis, degradation, o2Half, o2Hill } = ct.hif;
  return synthesis / (synthesis + degradation * phdActivity(o2, o2Half, o2Hill));
}

export function snake(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Volume recovery after division when a cell type declares no `growth` (PhysiCell cytoplasmic biomass change rate, 1/min). */
const DEFAULT_VOLUME_GROWTH_RATE = 0.0045;

export function compileModel(loaded: LoadedScenario): CompiledModel {
  const { scenario, model } = loaded;
  const f: ModelFile = model.file;
  const v = model.values;
  const val = (ref: string): number => {
    const x = v[ref];
    if (x === undefined) throw new Error(`compileModel: parameter "${ref}" has no value`);
    return x;
  };
  const cargoNames = Object.keys(f.cargos);
  const cargos: CompiledCargo[] = cargoNames.map((name) => {
    const c = f.cargos[name]!;
    return { name, type: c.type, basalLoading: val(c.basalLoading), hifEnrichment: val(c.hifEnrichment), column: snake(name) };
  });
  const typeNames = Object.keys(f.cellTypes);
  // One signal vector shared by all types: the union of every type's signals.
  const signals = ['oxygen', 'vesicles', 'hif'];
  for (const ct of Object.values(f.cellTypes)) {
    for (const m of Object.keys(ct.mirnas)) if (!signals.includes(`intracellular ${m}`)) signals.push(`intracellular ${m}`);
    for (const t of Object.keys(ct.targets)) if (!signals.includes(t)) signals.push(t);
  }
  const ivs = scenario.interventions;
  const appliesTo = (cells: string | undefined, type: string): boolean => cells === undefined || cells === type;
  const cellTypes: CompiledCellType[] = typeNames.map((name, index) => {
    const ct = f.cellTypes[name]!;
    let releaseFactor = 1;
    let uptakeFactor = 1;
    for (const iv of ivs) {
      if (iv.kind === 'gw4869' && appliesTo(iv.cells, name)) releaseFactor *= 1 - iv.inhibition;
      if (iv.kind === 'rab27a-knockdown' && appliesTo(iv.cells, name)) releaseFactor *= iv.remaining;
      if (iv.kind === 'aspirin' && appliesTo(iv.cells, name)) releaseFactor *= iv.releaseFactor;
      if (iv.kind === 'heparin') uptakeFactor *= iv.uptakeFactor;
    }
    const mirNames = Object.keys(ct.mirnas);
    const mirnas: CompiledMirna[] = mirNames.map((m) => {
      const spec = ct.mirnas[m]!;
      let mimicCopies = 0;
      let kept = 1;
      for (const iv of ivs) {
        if (iv.kind === 'mimic' && iv.mirna === m) mimicCopies += iv.copies;
        if (iv.kind === 'inhibitor' && iv.mirna === m) kept *= 1 - iv.fraction;
      }
      return { name: m, cargo: cargoNames.indexOf(m), decay: val(spec.decay), endogenousSynthesis: val(spec.endogenousSynthesis), mimicCopies, inhibited: 1 - kept };
    });
    const targets: CompiledTarget[] = Object.entries(ct.targets).map(([t, spec]) => {
      let heldAt = Number.NaN;
      for (const iv of ivs) if (iv.kind === 're-expression' && iv.target === t) heldAt = iv.level;
      return {
        name: t,
        mirna: mirNames.indexOf(spec.repressedBy),
        halfMax: val(spec.halfMax),
        hillPower: val(spec.hillPower),
        maxRepression: val(spec.maxRepression),
        turnover: val(spec.turnover),
        heldAt,
        form: spec.form,
        mrnaCopies: spec.mrnaCopies !== undefined ? val(spec.mrnaCopies) : Number.NaN,
        dissociation: spec.dissociation !== undefined ? val(spec.dissociation) : Number.NaN,
      };
    });
    const behaviours = {} as Record<BehaviourName, CompiledBehaviour>;
    for (const b of BEHAVIORS) behaviours[b] = { base: val(ct.behaviors[b]), up: [], down: [] };
    for (const r of f.rules) {
      if (r.cellType !== name) continue;
      const b = behaviours[r.behavior as BehaviourName];
      const rule: CompiledRule = {
        signal: signals.indexOf(r.signal),
        signalName: r.signal,
        halfMax: val(r.halfMax),
        hillPower: val(r.hillPower),
        saturation: val(r.saturation),
        appliesToDead: r.appliesToDead,
        atlas: r.atlas,
      };
      (r.direction === 'increases' ? b.up : b.down).push(rule);
    }
    return {
      name,
      index,
      volumeUm3: val(ct.volume),
      radiusUm: val(ct.radius),
      o2Uptake: val(ct.oxygenUptake),
      hif: { synthesis: val(ct.hif.synthesis), degradation: val(ct.hif.degradation), o2Half: val(ct.hif.o2HalfActivity), o2Hill: val(ct.hif.o2HillPower) },
      release: { basal: val(ct.release.basal), hifGain: val(ct.release.hifGain), factor: releaseFactor },
      uptake: { rate: val(ct.uptake.rate), hifGain: val(ct.uptake.hifGain), endosomalEscape: val(ct.uptake.endosomalEscape), factor: uptakeFactor },
      mirnas,
      targets,
      persistenceMin: val(ct.motility.persistence),
      bias: val(ct.motility.bias),
      mechanics: { repulsion: val(ct.mechanics.repulsion), adhesion: val(ct.mechanics.adhesion), maxAdhesionDistance: val(ct.mechanics.maxAdhesionDistance) },
      behaviours,
      volumeGrowthRate: ct.growth !== undefined ? val(ct.growth) : DEFAULT_VOLUME_GROWTH_RATE,
    };
  });
  const o2 = f.substrates.oxygen;
  const ev = f.substrates.vesicles;
  const oxygen = {
    diffusion: val(o2.diffusion),
    decay: val(o2.decay),
    initial: val(o2.initial),
    boundary: o2.boundary !== undefined ? val(o2.boundary) : val(o2.initial),
    vessel: o2.vessel !== undefined ? val(o2.vessel) : val(o2.boundary ?? o2.initial),
  };
  // Vesicles leave through Dirichlet faces (held at the model's boundary value, 0 by default: the
  // tissue beyond the slice clears them).
  const vesicles = { diffusion: val(ev.diffusion), decay: val(ev.decay), initial: val(ev.initial), boundary: ev.boundary !== undefined ? val(ev.boundary) : 0 };
  const donor = cellTypes[0]!;
  const doses: CompiledDose[] = [];
  for (const iv of ivs) {
    if (iv.kind !== 'exosome-dose') continue;
    const donorHif = hifSteadyState(donor, iv.source === 'hypoxic' ? HYPOXIA_MMHG : NORMOXIA_MMHG);
    doses.push({
      atMin: iv.at,
      vesiclesPerCell: iv.vesiclesPerCell,
      source: iv.source,
      donorHif,
      cargoPerVesicle: cargos.map((c) => c.basalLoading * (1 + c.hifEnrichment * donorHif)),
    });
  }
  return { scenario, values: v, cellTypes, cargos, signals, oxygen, vesicles, doses };
}
