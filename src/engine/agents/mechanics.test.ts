import { describe, expect, it } from 'vitest';
import { CounterStream, rngKey } from '../rng/stream.ts';
import { AgentDynamics } from './dynamics.ts';
import { equilibriumDistanceUm, mechanicsTable } from './mechanics.ts';
import { AgentStore } from './store.ts';

const R_UM = 8.412;
// Walls far from every cell. (The grid costs O(bins) per step, so 3D tests keep the box modest.)
const WIDE = { xmin: -1000, xmax: 1000, ymin: -1000, ymax: 1000, zmin: -200, zmax: 200 };

describe('mechanicsTable', () => {
  it('uses geometric means of the per-type strengths and affinities', () => {
    const t = mechanicsTable([{ repulsionUmPerMin: 4, adhesionUmPerMin: 1, adhesionAffinity: [1, 0.5] }, { repulsionUmPerMin: 9, adhesionUmPerMin: 2 }]);
    expect(t.repulsion[1]).toBeCloseTo(6, 14);
    expect(t.adhesion[1]).toBeCloseTo(Math.sqrt(1 * 0.5 * 2 * 1), 14);
    expect(t.adhesion[2]).toBeCloseTo(Math.sqrt(2 * 1 * 1 * 0.5), 14);
    expect(() => mechanicsTable([{ repulsionUmPerMin: -1 }])).toThrow(/repulsionUmPerMin/);
  });

  it('a cell whose type is outside the table is reported by id', () => {
    const store = new AgentStore({ dims: 2 });
    store.add({ x: 0, y: 0 });
    store.add({ x: 10, y: 0, type: 2 });
    const dyn = new AgentDynamics(store, { domain: WIDE, dtMin: 0.1, seed: 1, mechanics: mechanicsTable([{}, {}]) });
    expect(() => { dyn.stepSync(); }).toThrow(/cell 1 has type 2, the mechanics table has 2 types/);
  });
});

describe('two cells', () => {
  for (const [dims, startDistance] of [[2, 9], [2, 19], [3, 12]] as const) {
    it(`relax from ${startDistance} µm to the distance where repulsion balances adhesion (${dims}D)`, () => {
      const store = new AgentStore({ dims });
      // Along a diagonal so all axes take part.
      const u = dims === 2 ? [Math.SQRT1_2, Math.SQRT1_2, 0] : [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)];
      const h = startDistance / 2;
      store.add({ x: -h * u[0]!, y: -h * u[1]!, z: -h * u[2]!, radius: R_UM });
      store.add({ x: h * u[0]!, y: h * u[1]!, z: h * u[2]!, radius: R_UM });
      const dyn = new AgentDynamics(store, { domain: WIDE, dtMin: 0.1, seed: 1, mechanics: mechanicsTable([{}]) });
      // Linearised relaxation rate at equilibrium is ≈ 0.095 /min (time constant ≈ 10.5 min); 300 min
      // is ~28 time constants, so the remaining error is far below the tolerance.
      for (let k = 0; k < 3000; k++) dyn.stepSync();
      const d = Math.hypot(store.x[1]! - store.x[0]!, store.y[1]! - store.y[0]!, store.z[1]! - store.z[0]!);
      const dEq = equilibriumDistanceUm(R_UM);
      expect(dEq).toBeCloseTo(1.9047619 * R_UM, 5);
      // AB2's fixed point is exactly the zero-force distance; 1e-6 relative covers round-off.
      expect(Math.abs(d - dEq) / dEq).toBeLessThan(1e-6);
      // Equal and opposite forces: the centre of mass stays put (to round-off, µm).
      expect(Math.abs(store.x[0]! + store.x[1]!)).toBeLessThan(1e-9);
    });
  }
});

describe('domain walls', () => {
  it('push a cell out to one radius from the wall and keep fast cells inside', () => {
    const domain = { xmin: 0, xmax: 200, ymin: 0, ymax: 200, zmin: 0, zmax: 0 };
    const store = new AgentStore({ dims: 2 });
    store.add({ x: 2, y: 100, radius: R_UM });
    store.add({ x: 100, y: 100, radius: R_UM, speed: 500, persistence: 1e9, bias: 1 });
    store.bx[1] = 1;
    store.mx[1] = 500;
    const dyn = new AgentDynamics(store, { domain, dtMin: 0.1, seed: 1, mechanics: null });
    for (let k = 0; k < 200; k++) dyn.stepSync();
    // Approach to d = r is algebraic: d(r − d)/dt = −100 (r − d)²/r², so after 20 min r − d ≈ r²/(100·20)
    // ≈ 0.035 µm; 0.1 µm bounds it with margin.
    expect(store.x[0]!).toBeLessThanOrEqual(R_UM + 1e-12);
    expect(store.x[0]!).toBeGreaterThan(R_UM - 0.1);
    // 500 µm/min towards xmax: the clamp keeps the cell on the boundary.
    expect(store.x[1]!).toBeLessThanOrEqual(200);
    expect(store.x[1]!).toBeGreaterThan(190);
  });
});

describe('confluent disc', () => {
  function hexDisc(dims: 2 | 3, spacing: number, radiusUm: number, jitter: number): AgentStore {
    const store = new AgentStore({ dims });
    const rng = new CounterStream(rngKey(5), 0);
    const rows = Math.ceil(radiusUm / (spacing * 0.866)) + 1;
    for (let j = -rows; j <= rows; j++) {
      for (let i = -rows - 1; i <= rows + 1; i++) {
        const x = (i + (j & 1 ? 0.5 : 0)) * spacing;
        const y = j * spacing * 0.8660254037844386;
        if (x * x + y * y <= radiusUm * radiusUm) {
          store.add({ x: x + jitter * (rng.uniform() - 0.5), y: y + jitter * (rng.uniform() - 0.5), radius: R_UM });
        }
      }
    }
    return store;
  }

  it('of ~500 cells at the equilibrium spacing stays put over 1000 steps', () => {
    const dEq = equilibriumDistanceUm(R_UM);
    const store = hexDisc(2, dEq, 12 * dEq, 0.5);
    expect(store.count).toBeGreaterThan(450);
    expect(store.count).toBeLessThan(600);
    const x0 = Float64Array.from(store.x.subarray(0, store.count));
    const y0 = Float64Array.from(store.y.subarray(0, store.count));
    const ids = Int32Array.from(store.id.subarray(0, store.count));
    const dyn = new AgentDynamics(store, { domain: WIDE, dtMin: 0.1, seed: 3, mechanics: mechanicsTable([{}]) });
    for (let k = 0; k < 1000; k++) dyn.stepSync();
    let maxDisp = 0;
    for (let k = 0; k < ids.length; k++) {
      const i = store.indexOf(ids[k]!);
      const d = Math.hypot(store.x[i]! - x0[k]!, store.y[i]! - y0[k]!);
      expect(Number.isFinite(d)).toBe(true);
      maxDisp = Math.max(maxDisp, d);
    }
    // Jitter is ±0.25 µm per axis; relaxing it moves no cell by more than about that. 1 µm (0.06 of a
    // spacing) would already mean the lattice is drifting or breathing.
    expect(maxDisp).toBeLessThan(1);
  });

  it('compressed to 80 % spacing, expands smoothly and stays bounded (no explosion, no overlap collapse)', () => {
    const dEq = equilibriumDistanceUm(R_UM);
    const store = hexDisc(2, 0.8 * dEq, 9.6 * dEq, 0.5);
    const n = store.count;
    const dyn = new AgentDynamics(store, { domain: WIDE, dtMin: 0.1, seed: 3, mechanics: mechanicsTable([{}]) });
    let prevRg = 0;
    for (let k = 0; k < 2000; k++) {
      dyn.stepSync();
      if (k % 100 === 99) {
        let rg = 0;
        for (let i = 0; i < n; i++) rg += store.x[i]! ** 2 + store.y[i]! ** 2;
        rg = Math.sqrt(rg / n);
        // Monotone expansion (to 1e-6 relative): an unstable integrator would oscillate or blow up.
        expect(rg).toBeGreaterThanOrEqual(prevRg * (1 - 1e-6));
        prevRg = rg;
      }
    }
    // Fully relaxed the disc would be 1/0.8 = 1.25× wider; it must not exceed that by more than the
    // boundary layer (cells at the rim have fewer neighbours): a 1.3× bound on the radius of gyration.
    let rg0 = 0;
    const probe = hexDisc(2, 0.8 * dEq, 9.6 * dEq, 0);
    for (let i = 0; i < n; i++) rg0 += probe.x[i]! ** 2 + probe.y[i]! ** 2;
    rg0 = Math.sqrt(rg0 / n);
    expect(prevRg / rg0).toBeGreaterThan(1.1);
    expect(prevRg / rg0).toBeLessThan(1.3);
    // Expansion is slow (the disc is still ~1.14× of its 1.25× relaxed width after 200 min), so the
    // check is that no pair ever ends closer than it started: the compressed spacing less the jitter.
    let minD = Infinity;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) minD = Math.min(minD, Math.hypot(store.x[i]! - store.x[j]!, store.y[i]! - store.y[j]!));
    }
    expect(minD).toBeGreaterThan(0.8 * dEq - 0.5);
  });
});
