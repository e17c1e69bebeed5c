import { describe, expect, it } from 'vitest';
import { saltelliSample, sobolIndices, type SaltelliSampling } from './saltelli.ts';
import { ishigami, ishigamiIndices } from './test-functions.ts';

const truth = ishigamiIndices(7, 0.1);
const u2x = (u: number): number => -Math.PI + 2 * Math.PI * u;

function ishigamiRun(n: number, seed: number, sampling: SaltelliSampling) {
  const d = saltelliSample(n, 3, seed, sampling);
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
});
