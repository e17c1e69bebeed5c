import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadAtlas } from '../atlas/load.ts';
import { UserError } from '../common/errors.ts';
import { defaultModelPath, loadModel, parseModel } from './load-model.ts';
import { explainModel } from './explain.ts';

const atlas = loadAtlas();
const text = readFileSync(defaultModelPath(), 'utf8');

function problems(t: string): string[] {
  try {
    parseModel('m.yaml', t, { atlas });
  } catch (e) {
    if (e instanceof UserError) return e.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('the packaged hypoxic-glioma model', () => {
  const model = loadModel(undefined, { atlas });
  const v = model.values;
  const phi = (o2: number): number => {
    const x = Math.pow(o2 / v.hif_o2_half_activity!, v.hif_o2_hill_power!);
    return x / (1 + x);
  };
  const hStar = (o2: number): number => v.hif_synthesis! / (v.hif_synthesis! + v.hif_degradation! * phi(o2));

  it('loads, with every parameter used and every cited atlas id present', () => {
    expect(model.file.rules).toHaveLength(4);
    expect(Object.keys(model.file.parameters).length).toBeGreaterThan(40);
  });

  it('calibrates HIF-1α as MODEL.md asks: half-maximal at 1.7 % O2, saturating at 0.5 %, normoxic half-life 6.5 min', () => {
    // Printed parameters carry 6 significant digits, so the derived targets hold to ~1e-5.
    expect(hStar(13)).toBeCloseTo(0.5, 4);
    expect(hStar(3.8)).toBeGreaterThan(0.9);
    expect(hStar(160)).toBeLessThan(0.2);
    const relaxation = v.hif_synthesis! + v.hif_degradation! * phi(38);
    expect(Math.LN2 / relaxation).toBeCloseTo(6.5, 3);
  });

  it('has derived values that match their stated derivations', () => {
    expect(v.mir_decay).toBeCloseTo(Math.LN2 / (22 * 60), 6);
    expect(v.target_turnover).toBeCloseTo(Math.LN2 / (36 * 60), 6);
    expect(v.cell_radius).toBeCloseTo(Math.cbrt((3 * v.cell_volume!) / (4 * Math.PI)), 3);
  });

  it('explains each rule in English with its quotes, and each parameter with a source or "assumed"', () => {
    const x = explainModel(model, atlas);
    expect(x.rules[0]!.english).toBe('In glioma, FRK decreases migration speed from 0.5 towards 0.05 with a Hill response: half-max 0.6, Hill power 4.');
    expect(x.rules[0]!.evidence.map((e) => e.id)).toEqual(['qian2021-015', 'qian2021-021', 'qian2021-040']);
    expect(x.rules[0]!.evidence[0]!.quote).toContain('FRK');
    for (const p of x.parameters) expect(p.source.length, p.name).toBeGreaterThan(0);
    expect(x.parameters.find((p) => p.name === 'ev_uptake_rate')!.source).toBe('assumed');
  });

  it('applies overrides and rejects unknown parameter names with a suggestion', () => {
    expect(loadModel(undefined, { atlas, overrides: { ev_uptake_rate: 0.02 } }).values.ev_uptake_rate).toBe(0.02);
    expect(() => loadModel(undefined, { atlas, overrides: { ev_uptake: 0.02 } })).toThrow(/unknown parameter "ev_uptake"; did you mean "ev_uptake_rate"\?/);
  });
});

describe('model file errors point at file:line:column', () => {
  it('an undeclared parameter reference, with a suggestion', () => {
    const p = problems(text.replace('decay: o2_decay', 'decay: o2_decy'));
    expect(p.some((x) => /^\d+:\d+ substrates\.oxygen\.decay: parameter "o2_decy" is not declared under "parameters"; did you mean "o2_decay"\?/.test(x))).toBe(true);
    // …and the parameter it should have used is now unused
    expect(p.some((x) => x.includes('parameter "o2_decay" is declared but never used'))).toBe(true);
  });

  it('an unknown key, with a did-you-mean derived from the schema', () => {
    const p = problems(text.replace('    hifGain: ev_release_hif_gain', '    hifGian: ev_release_hif_gain'));
    expect(p.some((x) => x.endsWith('cellTypes.glioma.release.hifGian: unknown key "hifGian"; did you mean "hifGain"?'))).toBe(true);
  });

  it('an atlas id that does not exist', () => {
    const p = problems(text.replace('atlas: [qian2021-015, qian2021-021, qian2021-040]', 'atlas: [qian2021-015, qian2021-999]'));
    expect(p.some((x) => x.endsWith('rules.0.atlas.1: atlas relation "qian2021-999" does not exist'))).toBe(true);
  });

  it('an unknown signal or behaviour, with the known ones', () => {
    const p = problems(text.replace('signal: FRK', 'signal: FRKK').replace('behavior: invasiveness\n    saturation', 'behavior: invasivness\n    saturation'));
    expect(p.some((x) => x.includes('rules.0.signal: unknown signal "FRKK"; did you mean "FRK"?'))).toBe(true);
    expect(p.some((x) => x.includes('rules.1.behavior: unknown behavior "invasivness"; did you mean "invasiveness"?'))).toBe(true);
  });

  it('a sourced parameter without a source, and a value outside its range', () => {
    const p = problems(text.replace('status: sourced, source: "Chevillet', 'status: sourced, note: "Chevillet').replace('value: 50, unit: µm²/min', 'value: 500, unit: µm²/min'));
    expect(p.some((x) => x.includes('parameters.mir_basal_loading'))).toBe(true);
    expect(p.some((x) => x.includes('parameters.ev_diffusion.range: value must lie inside its range'))).toBe(true);
  });

  it('a rule without atlas ids or a source', () => {
    const p = problems(text.replace('    source: "PhysiCell rules sample (oxygen increases cycle entry)"\n', ''));
    expect(p.some((x) => x.includes('rules.2.atlas: a rule must cite atlas relations or, for standard physiology, a source'))).toBe(true);
  });
});
