/**
 * Holm's step-down adjustment (Holm 1979), as R's `p.adjust(p, "holm")`: sort p ascending, multiply
 * the i-th smallest by (m − i + 1), make the sequence non-decreasing, cap at 1. Controls the
 * family-wise error rate under any dependence, and is uniformly more powerful than Bonferroni.
 */
import { StatsError } from './stats-error.ts';

/** Adjusted p-values in the input order. */
export function holm(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new StatsError('domain', `p-value #${i + 1} is ${p}; p-values must lie in [0, 1]`);
  });
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m).fill(0);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
