import { describe, expect, it } from 'vitest';
import { saltelliSample, sobolIndices, type SaltelliSampling } from './saltelli.ts';
import { ishigami, ishigamiIndices } from './test-functions.ts';

const truth = ishigamiIndices(7, 0.1);
const u2x = (u: number): number => -Math.PI + 2 * Math.PI * u;

function ishigamiRun(n: number, seed: number, sampling: SaltelliSampling, secondOrder = false) {
  const d = saltelliSample(n, 3, seed, sampling, secondOrder);
  const y = d.points.map((p) => ishigami(u2x(p[0]!), u2x(p[1]!), u2x(p[2]!)));
  return sobolIndices(d, y, { resamples: 500, confidence: 0.95, seed: 11 });
}

describe('Ishigami analytic indices', () => {
  it('are the published values for a = 7, b = 0.1', () => {
    expect(truth.first[0]).toBeCloseTo(0.3139, 4);
    expect(truth.first[1]).toBeCloseTo(0.4424, 4);
    expect(truth.total[0]).toBeCloseTo(0.5576, 4);
    expect(truth.total[1]).toBeCloseTo(0.4424, 4);
    expect(truth.total[2]).toBeCloseTo(0.2437, 4);
    expect(truth.second.s13).toBeCloseTo(0.2437, 4); // x3 acts only with x1
    expect(truth.second.s12).toBe(0);
    expect(truth.second.s23).toBe(0);
  });
});

describe('saltelliSample', () => {
  it('lays out blocks [A, A_B^(1..k), B]: A_B^(i) is A with column i from B', () => {
    const k = 4;
    const d = saltelliSample(16, k, 5);
    expect(d.points).toHaveLength(16 * (k + 2));
    for (let j = 0; j < 16; j++) {
      const a = d.points[j * (k + 2)]!;
      const b = d.points[j * (k + 2) + k + 1]!;
      for (let i = 0; i < k; i++) {
        const ab = d.points[j * (k + 2) + 1 + i]!;
        for (let c = 0; c < k; c++) expect(ab[c]).toBe(c === i ? b[c] : a[c]);
      }
    }
  });
  it('with second order, adds B_A^(i) — B with column i from A — after the A_B rows: [A, A_B^(1..k), B_A^(1..k), B]', () => {
    const k = 3;
    const d = saltelliSample(8, k, 5, 'sobol', true);
    expect(d.points).toHaveLength(8 * (2 * k + 2));
    const plain = saltelliSample(8, k, 5, 'sobol');
    for (let j = 0; j < 8; j++) {
      const block = d.points.slice(j * (2 * k + 2), (j + 1) * (2 * k + 2));
      const a = block[0]!;
      const b = block[2 * k + 1]!;
      // The same A, A_B and B as the first-order design with this seed.
      expect([...block.slice(0, k + 1), b]).toEqual(plain.points.slice(j * (k + 2), (j + 1) * (k + 2)));
      for (let i = 0; i < k; i++) {
        const ba = block[k + 1 + i]!;
        for (let c = 0; c < k; c++) expect(ba[c]).toBe(c === i ? a[c] : b[c]);
      }
    }
  });
  it('is deterministic for a seed; the seed changes the digital shift', () => {
    expect(saltelliSample(8, 2, 1)).toEqual(saltelliSample(8, 2, 1));
    expect(saltelliSample(8, 2, 1).points).not.toEqual(saltelliSample(8, 2, 2).points);
  });
  it('refuses more factors than the Sobol\' base supports, but random sampling takes any k', () => {
    expect(() => saltelliSample(8, 17, 1, 'sobol')).toThrow(/at most 16 factors/);
    expect(saltelliSample(8, 17, 1, 'random').points).toHaveLength(8 * 19);
  });
});

describe('sobolIndices on the Ishigami function', () => {
  // Quasi-random base, N = 4096 (20 480 runs): the error falls roughly as 1/N rather than 1/√N;
  // measured errors for seeds 1–3 are ≤ 0.0025, so 0.006 leaves room without hiding a wrong estimator
  // (a wrong estimator is off by ≥ 0.05, e.g. ST3 computed as S3 would be off by 0.24).
  it.each([1, 2, 3])('recovers S1 and ST within 0.006 with the Sobol\' base, N = 4096 (seed %i)', (seed) => {
    const r = ishigamiRun(4096, seed, 'sobol');
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i]!.estimate - truth.first[i]!)).toBeLessThan(0.006);
      expect(Math.abs(r.total[i]!.estimate - truth.total[i]!)).toBeLessThan(0.006);
      expect(r.first[i]!.low).toBeLessThanOrEqual(truth.first[i]!);
      expect(r.first[i]!.high).toBeGreaterThanOrEqual(truth.first[i]!);
      expect(r.total[i]!.low).toBeLessThanOrEqual(truth.total[i]!);
      expect(r.total[i]!.high).toBeGreaterThanOrEqual(truth.total[i]!);
    }
    expect(r.variance).toBeCloseTo(truth.variance, 1);
  });

  // Pseudo-random base, N = 8192: Monte Carlo error ~ 1/√N; the bootstrap standard error estimates
  // it (≈ 0.015 for S1, ≈ 0.005–0.015 for ST here), and every estimate must lie within 3 of them.
  it.each([1, 2, 3])('recovers S1 and ST within 3 bootstrap standard errors with a random base, N = 8192 (seed %i)', (seed) => {
    const r = ishigamiRun(8192, seed, 'random');
    for (let i = 0; i < 3; i++) {
      for (const [e, t] of [[r.first[i]!, truth.first[i]!], [r.total[i]!, truth.total[i]!]] as const) {
        expect(e.se).toBeLessThan(0.02);
        expect(Math.abs(e.estimate - t)).toBeLessThan(3 * e.se);
      }
    }
  });

  it('narrows the interval as N grows (≈ 1/√N)', () => {
    const small = ishigamiRun(1024, 1, 'sobol');
    const large = ishigamiRun(8192, 1, 'sobol');
    const ratio = small.first[0]!.se / large.first[0]!.se;
    expect(ratio).toBeGreaterThan(2.2);
    expect(ratio).toBeLessThan(3.6);
  });

  it('gives exactly zero indices for a factor the output ignores, and S = ST = 1 for the only one', () => {
    const d = saltelliSample(256, 2, 3);
    const r = sobolIndices(d, d.points.map((p) => 3 * p[0]! + 1), { resamples: 0, confidence: 0.95, seed: 1 });
    expect(r.first[1]!.estimate).toBe(0);
    expect(r.total[1]!.estimate).toBe(0);
    expect(r.first[0]!.estimate).toBeCloseTo(1, 1);
    expect(r.total[0]!.estimate).toBeCloseTo(1, 1);
  });

  it('first-order and total indices do not change when the design also has B_A rows', () => {
    const f = (p: number[]): number => ishigami(u2x(p[0]!), u2x(p[1]!), u2x(p[2]!));
    const plain = saltelliSample(256, 3, 4);
    const both = saltelliSample(256, 3, 4, 'sobol', true);
    const o = { resamples: 50, confidence: 0.95, seed: 3 };
    const a = sobolIndices(plain, plain.points.map(f), o);
    const b = sobolIndices(both, both.points.map(f), o);
    expect(b.first.map((e) => e.estimate)).toEqual(a.first.map((e) => e.estimate));
    expect(b.total.map((e) => e.estimate)).toEqual(a.total.map((e) => e.estimate));
    expect(a.second).toEqual([]);
    expect(b.second.map((s) => [s.i, s.l])).toEqual([[0, 1], [0, 2], [1, 2]]);
  });
});

describe('second-order Sobol\' indices on the Ishigami function (Saltelli 2002)', () => {
  const exact = [truth.second.s12, truth.second.s13, truth.second.s23];
  // Sobol' base, N = 4096 (32 768 runs): measured errors for seeds 1–3 are ≤ 0.0023 (S13) and
  // ≤ 0.001 (S12, S23). Forgetting to subtract S_i + S_l would put S13 at ≈ 0.56 and S12 at ≈ 0.76.
  it.each([1, 2, 3])('recovers S12 = 0, S13 = 0.2437, S23 = 0 within 0.006 with the Sobol\' base, N = 4096 (seed %i)', (seed) => {
    const r = ishigamiRun(4096, seed, 'sobol', true);
    r.second.forEach((s, p) => {
      expect(Math.abs(s.index.estimate - exact[p]!)).toBeLessThan(0.006);
      expect(s.index.low).toBeLessThanOrEqual(exact[p]!);
      expect(s.index.high).toBeGreaterThanOrEqual(exact[p]!);
    });
  });

  // Pseudo-random base, N = 8192: the Saltelli 2002 estimator is noisier than S1 (bootstrap SE ≈ 0.025);
  // every estimate must lie within 3 of them.
  it.each([1, 2, 3])('recovers them within 3 bootstrap standard errors with a random base, N = 8192 (seed %i)', (seed) => {
    const r = ishigamiRun(8192, seed, 'random', true);
    r.second.forEach((s, p) => {
      expect(s.index.se).toBeLessThan(0.04);
      expect(Math.abs(s.index.estimate - exact[p]!)).toBeLessThan(3 * s.index.se);
    });
  });
});
