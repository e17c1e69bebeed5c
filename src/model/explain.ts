/**
 * The model in plain English with its evidence: each rule rendered in PhysiCell's grammar, with
 * the atlas relations it implements (quote and seed); each mechanism block with its citations;
 * every parameter with its value, unit, status and source.
 */
import type { Atlas } from '../atlas/atlas.ts';
import type { Model } from './load-model.ts';
import { ruleToEnglish, type Rule } from './rules/rule.ts';

export interface Evidence {
  id: string;
  seed: string;
  evidence: string[];
  quote: string;
}

export interface RuleExplanation {
  english: string;
  rule: Rule;
  base: number;
  rationale: string;
  source: string | null;
  evidence: Evidence[];
}

export interface MechanismExplanation {
  name: string;
  english: string;
  evidence: Evidence[];
}

export interface ParameterRow {
  name: string;
  value: number;
  unit: string;
  status: string;
  source: string;
  description: string;
  overridden: boolean;
}

export interface ModelExplanation {
  name: string;
  title: string;
  rules: RuleExplanation[];
  mechanisms: MechanismExplanation[];
  parameters: ParameterRow[];
}

/** A model rule with its parameter references replaced by values. */
export function resolvedRules(model: Model): Rule[] {
  const v = model.values;
  return model.file.rules.map((r) => ({
    cellType: r.cellType,
    signal: r.signal,
    direction: r.direction,
    behavior: r.behavior,
    saturation: v[r.saturation]!,
    halfMax: v[r.halfMax]!,
    hillPower: v[r.hillPower]!,
    appliesToDead: r.appliesToDead,
    atlas: r.atlas,
  }));
}

export function explainModel(model: Model, atlas: Atlas): ModelExplanation {
  const v = model.values;
  const ev = (ids: readonly string[]): Evidence[] =>
    ids.map((id) => {
      const r = atlas.get(id)!;
      return { id, seed: r.seed, evidence: r.evidence, quote: r.quote };
    });
  const f = model.file;
  const rules = resolvedRules(model).map((rule, i) => {
    const mr = f.rules[i]!;
    const ct = f.cellTypes[mr.cellType]!;
    const base = v[ct.behaviors[mr.behavior as keyof typeof ct.behaviors]]!;
    return { english: ruleToEnglish(rule, base), rule, base, rationale: mr.rationale, source: mr.source ?? null, evidence: ev(mr.atlas) };
  });
  const mechanisms: MechanismExplanation[] = [];
  const o2 = f.substrates.oxygen;
  mechanisms.push({
    name: 'oxygen',
    english: `Oxygen diffuses (D = ${v[o2.diffusion]} µm²/min), decays at ${v[o2.decay]}/min, is held at ${v[o2.vessel ?? o2.boundary ?? o2.initial]} mmHg in vessels and consumed by cells; hypoxic regions emerge from consumption.`,
    evidence: ev(o2.atlas),
  });
  const ves = f.substrates.vesicles;
  mechanisms.push({
    name: 'vesicle transport',
    english: `Vesicles and every cargo they carry diffuse together (D = ${v[ves.diffusion]} µm²/min) and are cleared at ${v[ves.decay]}/min.`,
    evidence: ev(ves.atlas),
  });
  for (const [name, ct] of Object.entries(f.cellTypes)) {
    mechanisms.push({
      name: `${name}: HIF-1α`,
      english: `In ${name}, HIF-1α activity h follows dh/dt = k_syn·(1 − h) − k_deg·φ(O2)·h with φ(O2) = (O2/${v[ct.hif.o2HalfActivity]})^${v[ct.hif.o2HillPower]} / (1 + (O2/${v[ct.hif.o2HalfActivity]})^${v[ct.hif.o2HillPower]}), k_syn = ${v[ct.hif.synthesis]}/min, k_deg = ${v[ct.hif.degradation]}/min.`,
      evidence: ev(ct.hif.atlas),
    });
    mechanisms.push({
      name: `${name}: exosome release`,
      english: `Each ${name} cell releases r0·(1 + a·h)·(1 − GW4869)·Rab27a vesicles/min, r0 = ${v[ct.release.basal]}, a = ${v[ct.release.hifGain]}.`,
      evidence: ev(ct.release.atlas),
    });
    mechanisms.push({
      name: `${name}: uptake`,
      english: `${name} cells take up local vesicles at ${v[ct.uptake.rate]}/min × (1 + ${v[ct.uptake.hifGain]}·h) (scaled by cell/voxel volume), cargo in proportion; ${v[ct.uptake.endosomalEscape]} of internalized miRNA becomes functional.`,
      evidence: ev(ct.uptake.atlas),
    });
    for (const [m, spec] of Object.entries(ct.mirnas)) {
      mechanisms.push({ name: `${name}: ${m} pool`, english: `Functional ${m} decays at ${v[spec.decay]}/min (half-life ${(Math.LN2 / v[spec.decay]! / 60).toFixed(1)} h).`, evidence: ev(spec.atlas) });
    }
    for (const [t, spec] of Object.entries(ct.targets)) {
      mechanisms.push({
        name: `${name}: ${t}`,
        english: `${spec.repressedBy} represses ${t}: dT/dt = δ·(R(m) − T), R(m) = 1 − ${v[spec.maxRepression]}·m^${v[spec.hillPower]}/(${v[spec.halfMax]}^${v[spec.hillPower]} + m^${v[spec.hillPower]}), δ = ${v[spec.turnover]}/min.`,
        evidence: ev(spec.atlas),
      });
    }
  }
  for (const [name, c] of Object.entries(f.cargos)) {
    mechanisms.push({
      name: `cargo ${name}`,
      english: `Each vesicle carries ${v[c.basalLoading]}·(1 + ${v[c.hifEnrichment]}·h_donor) copies of ${name}.`,
      evidence: ev(c.atlas),
    });
  }
  const parameters = Object.entries(f.parameters).map(([name, p]) => ({
    name,
    value: v[name]!,
    unit: p.unit,
    status: p.status,
    source: p.status === 'assumed' ? 'assumed' : `${p.source ?? ''}${p.derivation ? `; ${p.derivation}` : ''}`,
    description: p.description,
    overridden: v[name] !== p.value,
  }));
  return { name: f.name, title: f.title, rules, mechanisms, parameters };
}
