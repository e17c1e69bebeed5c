import { describe, expect, it } from 'vitest';
import { morrisIndices, morrisSample } from './morris.ts';
import { linear } from './test-functions.ts';

const opts = { resamples: 500, confidence: 0.95, seed: 3 };

describe('morrisSample', () => {
  it('builds trajectories of k + 1 grid points, each step moving one factor by ±Δ inside [0, 1]', () => {
    const d = morrisSample(30, 5, 4, 9);
    expect(d.delta).toBeCloseTo(2 / 3, 15);
    expect(d.points).toHaveLength(30 * 6);
    for (let t = 0; t < 30; t++) {
      const moved = new Set<number>();
      for (let m = 1; m <= 5; m++) {
        const a = d.points[t * 6 + m - 1]!;
        const b = d.points[t * 6 + m]!;
        const diff = a.map((v, i) => b[i]! - v);
        const changed = diff.flatMap((v, i) => (v !== 0 ? [i] : []));
        expect(changed).toHaveLength(1);
        const i = changed[0]!;
        expect(i).toBe(d.order[t]![m - 1]);
        expect(diff[i]).toBeCloseTo(d.sign[t]![i]! * d.delta, 12);
        moved.add(i);
      }
      expect(moved.size).toBe(5);
      for (const p of d.points.slice(t * 6, t * 6 + 6)) {
        for (const v of p) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(Math.abs(v * 3 - Math.round(v * 3))).toBeLessThan(1e-12);
        }
      }
    }
  });
  it('uses every grid level about equally often', () => {
    const d = morrisSample(400, 3, 4, 1);
    const counts = [0, 0, 0, 0];
    for (const p of d.points) for (const v of p) counts[Math.round(v * 3)]!++;
    const expected = (400 * 4 * 3) / 4;
    for (const c of counts) expect(Math.abs(c - expected) / expected).toBeLessThan(0.1);
  });
  it('rejects an odd number of levels', () => {
    expect(() => morrisSample(4, 2, 5, 1)).toThrow(/even/);
  });
});

describe('morrisIndices', () => {
  it('recovers |b_i|·(hi − lo) as μ* with σ = 0 for a linear function on physical ranges', () => {
    const b = [2, -3, 0.5, 0];
    const lo = [0, 10, -1, 5];
    const hi = [1, 12, 3, 6];
    const d = morrisSample(20, 4, 4, 42);
    const y = d.points.map((u) => linear(u.map((v, i) => lo[i]! + v * (hi[i]! - lo[i]!)), b, 7));
    const r = morrisIndices(d, y, opts);
    for (let i = 0; i < 4; i++) {
      const effect = b[i]! * (hi[i]! - lo[i]!);
      expect(r.muStar[i]!.estimate).toBeCloseTo(Math.abs(effect), 10);
      expect(r.mu[i]!.estimate).toBeCloseTo(effect, 10);
      expect(r.sigma[i]!.estimate).toBeLessThan(1e-9);
      expect(r.muStar[i]!.high - r.muStar[i]!.low).toBeLessThan(1e-9);
    }
  });
  it('reports σ > 0 for a non-linear factor and μ ≈ 0 < μ* for a non-monotone one', () => {
    const d = morrisSample(60, 2, 6, 4);
    const y = d.points.map((u) => (u[0]! - 0.5) ** 2 + u[1]!);
    const r = morrisIndices(d, y, opts);
    expect(r.sigma[0]!.estimate).toBeGreaterThan(0.1);
    // 6 levels, Δ = 0.6: EE = 2(x − 0.5) ± 0.6 takes |EE| ∈ {0.4, 0, 0.4}, so μ* = 0.267 in expectation.
    expect(r.muStar[0]!.estimate).toBeGreaterThan(0.2);
    expect(r.muStar[0]!.estimate).toBeLessThan(0.34);
    expect(Math.abs(r.mu[0]!.estimate)).toBeLessThan(r.muStar[0]!.estimate / 3);
    expect(r.sigma[1]!.estimate).toBeLessThan(1e-12);
    expect(r.muStar[0]!.low).toBeLessThan(r.muStar[0]!.estimate);
    expect(r.muStar[0]!.high).toBeGreaterThan(r.muStar[0]!.estimate);
  });
  it('is deterministic for a seed', () => {
    expect(morrisSample(5, 3, 4, 1)).toEqual(morrisSample(5, 3, 4, 1));
    expect(morrisSample(5, 3, 4, 1).points).not.toEqual(morrisSample(5, 3, 4, 2).points);
  });
});
