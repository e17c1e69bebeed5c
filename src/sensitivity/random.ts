/**
 * Seeded uniforms for the designs, on the project's counter-based Philox stream (src/engine/rng).
 * A design draws from its own address: key = the sweep seed, stream = a purpose constant below, so
 * the same seed gives the same design on any machine, and a design's draws never depend on what
 * another design (or the bootstrap) drew before it.
 */
import { CounterStream, rngKey } from '../engine/rng/index.ts';

/** Stream ids, one per use, so different uses of one seed never share random numbers. */
export const PURPOSE = {
  lhs: 1,
  morris: 2,
  saltelli: 3,
  sobolShift: 4,
  bootstrap: 5,
} as const;

/** A function returning uniforms in [0, 1) with 53-bit resolution, for (seed, purpose). */
export function uniforms(seed: number, purpose: number): () => number {
  const s = new CounterStream(rngKey(seed), purpose);
  return () => s.uniform();
}

/** An integer uniformly in [0, n) from a uniform in [0, 1). */
export function randomIndex(next: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(next() * n));
}

/** Fisher–Yates: a uniformly random permutation of 0..n−1. */
export function permutation(next: () => number, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(next, i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
