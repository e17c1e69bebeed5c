/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979) on the unit cube: each of the k
 * coordinates is cut into n equal strata and every stratum holds exactly one of the n points; the
 * strata are paired across coordinates by independent random permutations, and each point sits at
 * a uniform random position inside its stratum.
 */
import { PURPOSE, permutation, uniforms } from './random.ts';

export function latinHypercube(n: number, k: number, seed: number): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latinHypercube: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`latinHypercube: k must be a positive integer, got ${k}`);
  const next = uniforms(seed, PURPOSE.lhs);
  const rows = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const perm = permutation(next, n);
    for (let i = 0; i < n; i++) rows[i]![j] = (perm[i]! + next()) / n;
  }
  return rows;
}
