import { describe, expect, it } from 'vitest';
import { rngKey } from '../rng/stream.ts';
import { lifecycleStep } from './lifecycle.ts';
import type { CycleModel } from './lifecycle.ts';
import { AgentStore, FLAG_APOPTOTIC, FLAG_NECROTIC } from './store.ts';

const key = rngKey(31);
const ONE_PHASE_DIVIDING: CycleModel = { nextPhase: [0], dividesOnExit: [true] };

function population(n: number, dims: 2 | 3 = 2): AgentStore {
  const s = new AgentStore({ dims, stateNames: ['cargo'] });
  for (let k = 0; k < n; k++) s.add({ x: 20 * (k % 100), y: 20 * Math.floor(k / 100), radius: 8, speed: 1, state: { cargo: 10 } });
  return s;
}

describe('lifecycleStep', () => {
  it('exits a phase with probability 1 − exp(−rate·Δt)', () => {
    const n = 20_000;
    const s = population(n);
    const rate = new Float64Array(n).fill(0.05);
    const ev = lifecycleStep(s, { nextPhase: [1, 0], dividesOnExit: [false, false] }, { phaseExit: rate }, { dtMin: 6, step: 0, key });
    const p = 1 - Math.exp(-0.3);
    // Binomial(n, p): SE = √(p(1−p)/n) ≈ 0.0031; 4 SE bound.
    expect(Math.abs(ev.phaseExits.length / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    const moved = ev.phaseExits.map((id) => s.phase[s.indexOf(id)]);
    expect(new Set(moved)).toEqual(new Set([1]));
    // Cells that stayed accumulated phase age; those that moved restarted at 0.
    expect(s.phaseAge[s.indexOf(ev.phaseExits[0]!)]).toBe(0);
    expect(s.count).toBe(n);
  });

  it('grows a dividing population as E[N_k] = N_0 (1 + p)^k, conserving volume at each division', () => {
    const n0 = 2000;
    const s = population(n0);
    const lambda = 0.01; // 1/min
    const dt = 6;
    let volume = 0;
    for (let i = 0; i < s.count; i++) volume += s.volume[i]!;
    const v0 = volume;
    let rates = new Float64Array(0);
    for (let step = 0; step < 20; step++) {
      if (rates.length < s.count) rates = new Float64Array(2 * s.count).fill(lambda);
      const ev = lifecycleStep(s, ONE_PHASE_DIVIDING, { phaseExit: rates }, { dtMin: dt, step, key });
      volume = 0;
      for (let i = 0; i < s.count; i++) volume += s.volume[i]!;
      // Division halves volume between two cells and nothing else changes it: exact up to round-off.
      expect(Math.abs(volume - v0) / v0).toBeLessThan(1e-12);
      expect(ev.daughters.length).toBe(ev.divisions.length);
    }
    const p = 1 - Math.exp(-lambda * dt);
    const expected = n0 * (1 + p) ** 20;
    // Each founder's lineage size has CV ≈ 0.4 here; over 2000 founders the total has CV ≈ 1 %, so 5 %
    // is a ~5-sigma bound.
    expect(Math.abs(s.count / expected - 1)).toBeLessThan(0.05);
    // Ids stay unique and findable.
    const ids = new Set<number>();
    for (let i = 0; i < s.count; i++) {
      ids.add(s.id[i]!);
      expect(s.indexOf(s.id[i]!)).toBe(i);
    }
    expect(ids.size).toBe(s.count);
  });

  it('places parent and daughter ±(1 − 2^(−1/3))·r apart inside the old outline, and lets the model split state', () => {
    for (const dims of [2, 3] as const) {
      const s = population(1, dims);
      s.x[0] = 100;
      s.y[0] = 50;
      const ev = lifecycleStep(s, ONE_PHASE_DIVIDING, { phaseExit: Float64Array.of(1e9) }, {
        dtMin: 1,
        step: 5,
        key,
        onDivide: (p, d) => {
          const half = 0.5 * s.getState(p, 'cargo');
          s.setState(p, 'cargo', half);
          s.setState(d, 'cargo', half);
        },
      });
      expect(ev.divisions).toEqual([0]);
      const d = s.indexOf(ev.daughters[0]!);
      const sep = Math.hypot(s.x[d]! - s.x[0], s.y[d]! - s.y[0], s.z[d]! - s.z[0]!);
      expect(sep).toBeCloseTo(2 * (1 - Math.cbrt(0.5)) * 8, 12);
      expect((s.x[d]! + s.x[0]) / 2).toBeCloseTo(100, 12);
      expect(s.radius[0]).toBeCloseTo(8 * Math.cbrt(0.5), 12);
      expect(s.radius[d]).toBeCloseTo(8 * Math.cbrt(0.5), 12);
      expect(s.getState(0, 'cargo') + s.getState(d, 'cargo')).toBe(10);
    }
  });

  it('marks apoptosis, stops the cell, and removes it after the apoptosis duration', () => {
    const s = population(10);
    const apoptosis = new Float64Array(10);
    apoptosis[3] = 1e9;
    apoptosis[7] = 1e9;
    const necrosis = new Float64Array(10);
    necrosis[5] = 1e9;
    const cyc: CycleModel = { nextPhase: [0], dividesOnExit: [false] };
    const first = lifecycleStep(s, cyc, { apoptosis, necrosis }, { dtMin: 6, step: 0, key, apoptosisDurationMin: 60 });
    expect(first.apoptosisStarted.sort()).toEqual([3, 7]);
    expect(first.necrosisStarted).toEqual([5]);
    expect(s.flags[s.indexOf(3)]! & FLAG_APOPTOTIC).toBeTruthy();
    expect(s.flags[s.indexOf(5)]! & FLAG_NECROTIC).toBeTruthy();
    expect(s.speed[s.indexOf(3)]).toBe(0);
    // Death age reaches 60 min after 10 more steps of 6 min: removed in exactly that step.
    for (let step = 1; step <= 9; step++) {
      expect(lifecycleStep(s, cyc, {}, { dtMin: 6, step, key, apoptosisDurationMin: 60 }).removed).toEqual([]);
    }
    const last = lifecycleStep(s, cyc, {}, { dtMin: 6, step: 10, key, apoptosisDurationMin: 60 });
    expect(last.removed.sort()).toEqual([3, 7]);
    expect(s.count).toBe(8);
    expect(s.indexOf(3)).toBe(-1);
    // Necrotic cells stay (the model decides what happens to them).
    expect(s.indexOf(5)).toBeGreaterThanOrEqual(0);
  });

  it('draws events from (seed, id, step): the same cells fire whatever the store order', () => {
    const a = population(500);
    const b = population(500);
    // Reverse b's rows; ids follow their cells.
    b.permute(Int32Array.from({ length: 500 }, (_, k) => 499 - k));
    const rate = new Float64Array(500).fill(0.2);
    const ea = lifecycleStep(a, { nextPhase: [0], dividesOnExit: [false] }, { phaseExit: rate }, { dtMin: 1, step: 3, key });
    const eb = lifecycleStep(b, { nextPhase: [0], dividesOnExit: [false] }, { phaseExit: rate }, { dtMin: 1, step: 3, key });
    expect([...eb.phaseExits].sort((x, y) => x - y)).toEqual([...ea.phaseExits].sort((x, y) => x - y));
    expect(ea.phaseExits.length).toBeGreaterThan(50);
  });
});
