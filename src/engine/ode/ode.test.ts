import { describe, expect, it } from 'vitest';
import { AgentStore } from '../agents/store.ts';
import { BatchDopri5 } from './dopri5.ts';
import type { BatchRhs } from './dopri5.ts';
import { relaxLinear } from './exponential.ts';

describe('BatchDopri5', () => {
  it('integrates logistic growth with a different rate per cell (state in an AgentStore)', () => {
    const n = 200;
    const store = new AgentStore({ dims: 2, stateNames: ['other', 'y'] });
    const rate = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      store.add({ x: 0, y: 0, state: { y: 0.1 } });
      rate[i] = 0.05 + (2 * i) / n; // 0.05 … 2.05 /min
    }
    const K = 10;
    const rhs: BatchRhs = (_t, y, dy, _stride, rows, cellOf) => {
      for (let r = 0; r < rows; r++) dy[r] = rate[cellOf[r]!]! * y[r]! * (1 - y[r]! / K);
    };
    const ode = new BatchDopri5({ rtol: 1e-9, atol: 1e-12 });
    const col = [store.stateColumn('y')];
    let maxSub = 0;
    // Ten global steps of 1 min, as a simulation would call it.
    for (let k = 0; k < 10; k++) maxSub = Math.max(maxSub, ode.integrate(rhs, store.state, store.capacity, col, 0, n, k, 1).maxCellSubsteps);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const exact = K / (1 + (K / 0.1 - 1) * Math.exp(-rate[i]! * 10));
      worst = Math.max(worst, Math.abs(store.getState(i, 'y') - exact) / exact);
    }
    // rtol 1e-9 per step with ~10–40 steps; global error stays within 1e-7 (generous ×100 margin over
    // the local tolerance for error accumulation along the trajectory).
    expect(worst).toBeLessThan(1e-7);
    // Untouched columns stay untouched.
    expect(store.getState(5, 'other')).toBe(0);
    expect(maxSub).toBeGreaterThan(1);
  });

  it('adapts per cell: decay rates over four decades, each cell to rtol', () => {
    const n = 5;
    const k = Float64Array.from([0.01, 0.1, 1, 10, 100]);
    const y = new Float64Array(n).fill(1);
    const ode = new BatchDopri5({ rtol: 1e-8, atol: 1e-14 });
    const subs: number[] = [];
    const rhs: BatchRhs = (_t, yy, dy, _s, rows, cellOf) => {
      for (let r = 0; r < rows; r++) dy[r] = -k[cellOf[r]!]! * yy[r]!;
    };
    // One cell at a time to read each one's substep count, then all together for the result.
    for (let c = 0; c < n; c++) {
      const yc = Float64Array.of(1);
      const kc = k[c]!;
      subs.push(
        ode.integrate((_t, yy, dy, _s, rows) => {
          for (let r = 0; r < rows; r++) dy[r] = -kc * yy[r]!;
        }, yc, 1, [0], 0, 1, 0, 0.5).maxCellSubsteps,
      );
    }
    const stats = ode.integrate(rhs, y, n, [0], 0, n, 0, 0.5);
    for (let c = 0; c < n; c++) {
      const exact = Math.exp(-k[c]! * 0.5);
      // Relative error bound 1e-6 = 100·rtol; for k = 100 the answer is e^{−50} ≈ 2e-22, so atol 1e-14
      // makes the absolute error the meaningful one there.
      if (exact > 1e-10) expect(Math.abs(y[c]! - exact) / exact).toBeLessThan(1e-6);
      else expect(Math.abs(y[c]!)).toBeLessThan(1e-13);
    }
    // Slow cells take one or two steps; the fast one many — and the batch costs no more per cell than that.
    expect(subs[0]).toBeLessThanOrEqual(2);
    expect(subs[4]).toBeGreaterThan(20);
    expect(stats.maxCellSubsteps).toBe(Math.max(...subs));
  });

  it('solves a two-species linear chain y1 → y2 → ∅ against the closed form', () => {
    const k1 = 0.7;
    const k2 = 0.2;
    // Column-major, stride 3: three cells with different initial conditions.
    const st = Float64Array.from([1, 2, 0.5, /* y2: */ 0, 1, 3]);
    const rhs: BatchRhs = (_t, y, dy, s, rows) => {
      for (let r = 0; r < rows; r++) {
        dy[r] = -k1 * y[r]!;
        dy[s + r] = k1 * y[r]! - k2 * y[s + r]!;
      }
    };
    const ode = new BatchDopri5({ rtol: 1e-10, atol: 1e-13 });
    ode.integrate(rhs, st, 3, [0, 1], 0, 3, 0, 4);
    ode.integrate(rhs, st, 3, [0, 1], 0, 3, 4, 4);
    const init = [[1, 0], [2, 1], [0.5, 3]] as const;
    const t = 8;
    init.forEach(([a0, b0], c) => {
      const y1 = a0 * Math.exp(-k1 * t);
      const y2 = ((k1 * a0) / (k2 - k1)) * (Math.exp(-k1 * t) - Math.exp(-k2 * t)) + b0 * Math.exp(-k2 * t);
      // rtol 1e-10 locally; 1e-8 relative globally leaves a ×100 accumulation margin.
      expect(Math.abs(st[c]! - y1) / y1).toBeLessThan(1e-8);
      expect(Math.abs(st[3 + c]! - y2) / y2).toBeLessThan(1e-8);
    });
  });

  it('error scales with the tolerance (the controller is doing its job)', () => {
    const errs: number[] = [];
    for (const rtol of [1e-4, 1e-7]) {
      const y = Float64Array.of(0.1);
      const rhs: BatchRhs = (_t, yy, dy) => {
        dy[0] = 1.5 * yy[0]! * (1 - yy[0]!);
      };
      new BatchDopri5({ rtol, atol: rtol * 1e-3 }).integrate(rhs, y, 1, [0], 0, 1, 0, 6);
      const exact = 1 / (1 + 9 * Math.exp(-9));
      errs.push(Math.abs(y[0]! - exact) / exact);
    }
    // Global error within ~10× the tolerance, and 1000× tighter tolerance gives a much smaller error.
    expect(errs[0]!).toBeLessThan(1e-3);
    expect(errs[1]!).toBeLessThan(1e-6);
    expect(errs[1]!).toBeLessThan(errs[0]! / 50);
  });

  it('with per-cell hints, any split of the cell range gives byte-identical results', () => {
    const n = 50;
    const rate = Float64Array.from({ length: n }, (_, i) => 0.1 + i * 0.2);
    const rhs: BatchRhs = (_t, y, dy, _s, rows, cellOf) => {
      for (let r = 0; r < rows; r++) dy[r] = -rate[cellOf[r]!]! * y[r]! * y[r]!;
    };
    const whole = new Float64Array(n).fill(1);
    const split = new Float64Array(n).fill(1);
    const h1 = new Float64Array(n);
    const h2 = new Float64Array(n);
    const a = new BatchDopri5();
    const b = new BatchDopri5();
    for (let k = 0; k < 5; k++) {
      a.integrate(rhs, whole, n, [0], 0, n, k, 1, h1);
      // Different split every step, and a shared integrator for both parts.
      const cut = 7 + 9 * k;
      b.integrate(rhs, split, n, [0], 0, cut, k, 1, h2);
      b.integrate(rhs, split, n, [0], cut, n, k, 1, h2);
    }
    expect(Buffer.from(split.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
    expect(Buffer.from(h2.buffer).equals(Buffer.from(h1.buffer))).toBe(true);
  });

  it('reports a collapsing step size with the offending cell', () => {
    const y = Float64Array.of(1, 1);
    const rhs: BatchRhs = (_t, yy, dy, _s, rows, cellOf) => {
      for (let r = 0; r < rows; r++) dy[r] = cellOf[r] === 1 ? Number.NaN : -yy[r]!;
    };
    expect(() => new BatchDopri5().integrate(rhs, y, 2, [0], 0, 2, 0, 1)).toThrow(/cell index 1/);
  });
});

describe('relaxLinear', () => {
  it('is exact for dy/dt = a − k y, per cell, including k = 0 and very stiff k', () => {
    const y = Float64Array.from([9, 5, 2, 1, 0]);
    const a = Float64Array.from([1, 0, 3, 0.5, 2]);
    const k = Float64Array.from([0.5, 2, 0, 1e6, 1e-12]);
    const dt = 0.3;
    const y0 = Float64Array.from(y);
    relaxLinear(y, 0, a, k, dt, 0, 5);
    for (let i = 0; i < 5; i++) {
      const ki = k[i]!;
      const exact = ki === 0 ? y0[i]! + a[i]! * dt : y0[i]! * Math.exp(-ki * dt) + (a[i]! / ki) * (1 - Math.exp(-ki * dt));
      // Round-off only (a few ulps); for k = 1e-12 the naive (1 − e^{−kΔt})/k in `exact` is itself off
      // by ~1e-5 relative, so compare with a·Δt there.
      if (i === 4) expect(y[i]).toBeCloseTo(y0[i]! + a[i]! * dt, 10);
      else expect(Math.abs(y[i]! - exact)).toBeLessThan(1e-14 * Math.max(1, Math.abs(exact)));
    }
    // kΔt = 3e5: lands exactly on the steady state a/k, no overflow, non-negative.
    expect(y[3]).toBeCloseTo(0.5e-6, 20);
  });

  it('composes: n steps of Δt equal one step of nΔt (constant coefficients)', () => {
    const y1 = Float64Array.of(4);
    const y2 = Float64Array.of(4);
    for (let s = 0; s < 10; s++) relaxLinear(y1, 0, 0.7, 0.9, 0.1, 0, 1);
    relaxLinear(y2, 0, 0.7, 0.9, 1, 0, 1);
    expect(Math.abs(y1[0]! - y2[0]!)).toBeLessThan(1e-14);
  });
});
