import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel, defaultModelPath } from '../model/load-model.ts';
import { repressionLevel, type CompiledTarget } from './compile.ts';
import { Simulation } from './simulation.ts';
import { testScenario } from './test-scenarios.ts';

const target = (o: Partial<CompiledTarget>): CompiledTarget => ({
  name: 'T', mirna: 0, halfMax: 5, hillPower: 1, maxRepression: 0.6, turnover: 1e-3, heldAt: Number.NaN, form: 'titration', mrnaCopies: 100, dissociation: 1, ...o,
});

describe('titration form of repression', () => {
  it('matches the quasi-equilibrium complex and its limits', () => {
    const t = target({});
    // exact complex for m = 30, M = 100, K = 1
    const s = 30 + 100 + 1;
    const C = (s - Math.sqrt(s * s - 4 * 30 * 100)) / 2;
    expect(repressionLevel(t, 30)).toBeCloseTo(1 - (0.6 * C) / 100, 12);
    // tight binding: the miRNA titrates the target almost one for one below M, then saturates
    expect(repressionLevel(t, 50)).toBeCloseTo(1 - 0.6 * 0.5, 1);
    expect(repressionLevel(t, 1e6)).toBeCloseTo(0.4, 5);
    expect(repressionLevel(t, 0)).toBe(1);
    // weak binding: linear in m with slope ρ_max/(K + M)
    const weak = target({ dissociation: 1e6 });
    expect((1 - repressionLevel(weak, 1)) / (0.6 / (1e6 + 100))).toBeCloseTo(1, 5);
    // monotone
    let prev = 1;
    for (let m = 0; m <= 400; m += 10) {
      const r = repressionLevel(t, m);
      expect(r).toBeLessThanOrEqual(prev + 1e-15);
      prev = r;
    }
  });

  it('is chosen in the model file and needs its two parameters', () => {
    const text = readFileSync(defaultModelPath(), 'utf8');
    const withTitration = text
      .replace('  target_turnover:', '  frk_mrna_copies: { value: 100, unit: copies, status: assumed, description: "FRK mRNA copies per cell" }\n  frk_kd: { value: 1, unit: copies, status: assumed, description: "miR-1246–FRK mRNA dissociation constant" }\n  target_turnover:')
      .replace('FRK: { repressedBy: miR-1246,', 'FRK: { repressedBy: miR-1246, form: titration, mrnaCopies: frk_mrna_copies, dissociation: frk_kd,');
    const m = parseModel(defaultModelPath(), withTitration);
    expect(m.file.cellTypes.glioma!.targets.FRK!.form).toBe('titration');
    expect(m.file.cellTypes.glioma!.targets.TFAP2A!.form).toBe('hill');
    const broken = text.replace('FRK: { repressedBy: miR-1246,', 'FRK: { repressedBy: miR-1246, form: titration,');
    let message = '';
    try {
      parseModel(defaultModelPath(), broken);
    } catch (e) {
      message = (e as { describe(): string }).describe();
    }
    expect(message).toMatch(/hypoxic-glioma\.yaml:\d+:\d+ cellTypes\.glioma\.targets\.FRK\.form: the titration form needs mrnaCopies and dissociation/);
  });
});

describe('interstitial flow', () => {
  it('carries vesicles downstream and keeps the books closed', async () => {
    const centroidX = (sim: Simulation): number => {
      const u = sim.ev.data[0]!;
      let w = 0, xw = 0;
      for (let v = 0; v < u.length; v++) {
        const x = ((v % sim.mesh.nx) + 0.5) * sim.mesh.dxUm;
        w += u[v]!;
        xw += u[v]! * x;
      }
      return xw / w;
    };
    const still = await Simulation.create(testScenario({ duration: 120 }));
    const flowing = await Simulation.create(testScenario({ duration: 120, extra: 'flow: { velocity: [1, 0, 0] }' }));
    for (const s of [still, flowing]) await s.advance(1200);
    expect(centroidX(flowing)).toBeGreaterThan(centroidX(still) + 10);
    for (const b of flowing.massBalance()) expect(b.relativeError, b.field).toBeLessThan(1e-11);
    still.dispose();
    flowing.dispose();
  });
});
