/**
 * Independent repeats of a whole reproduction (`reproduce --seeds 1,2,3`): the same experiment at
 * several base seeds, as a lab repeats an experiment on other days. A claim is reproduced when it
 * holds at every seed; the counts show which claims are robust and which hold only at some seeds
 * (a small effect that n replicates per arm resolve only sometimes).
 */
import type { ClaimResult } from './claims.ts';
import { claimRecord } from './claims-format.ts';
import { num, pValue } from './format.ts';

export interface RepeatOutcome {
  seed: number;
  holds: boolean;
  pValue: number | null;
  effect: number | null;
  values: Record<string, number>;
  problem: string | null;
}

export interface RepeatedClaim {
  id: string;
  /** Every seed's run of the claim, in the order of the seeds. */
  repeats: RepeatOutcome[];
  /** How many seeds it holds at. */
  heldAt: number;
  /** It holds at every seed. */
  holds: boolean;
  /** The claim as evaluated at its weakest seed: where it was not evaluated, else failed, else the largest p. */
  weakest: ClaimResult;
  weakestSeed: number;
}

function weakness(c: ClaimResult): number {
  if (c.problem !== null || c.pValue === null) return Number.POSITIVE_INFINITY;
  return c.holds ? c.pValue : 1 + c.pValue;
}

/**
 * Per claim, its outcome at each seed. `runs[k]` are the claims of the run at `seeds[k]`; every run
 * must have evaluated the same claims in the same order.
 */
export function repeatClaims(seeds: readonly number[], runs: readonly (readonly ClaimResult[])[]): RepeatedClaim[] {
  if (runs.length === 0 || runs.length !== seeds.length) throw new RangeError(`repeatClaims: ${runs.length} runs for ${seeds.length} seeds`);
  const ids = runs[0]!.map((c) => c.id);
  for (const [k, r] of runs.entries()) {
    if (r.length !== ids.length || r.some((c, i) => c.id !== ids[i])) throw new RangeError(`repeatClaims: the run at seed ${seeds[k]} evaluated other claims`);
  }
  return ids.map((id, i) => {
    const per = runs.map((r) => r[i]!);
    const repeats = per.map((c, k) => ({ seed: seeds[k]!, holds: c.holds, pValue: c.pValue, effect: c.effect, values: c.values, problem: c.problem }));
    const heldAt = repeats.filter((r) => r.holds).length;
    let w = 0;
    for (let k = 1; k < per.length; k++) if (weakness(per[k]!) > weakness(per[w]!)) w = k;
    return { id, repeats, heldAt, holds: heldAt === per.length, weakest: per[w]!, weakestSeed: seeds[w]! };
  });
}

/**
 * `reproduce --seeds … --json`: per claim the record of its weakest seed (so holds, effect, pValue,
 * arms and values describe the repeat that came closest to failing) with `holds` true only when
 * it held at every seed, plus `heldAt` and every seed's outcome.
 */
export function repeatsJson(claims: readonly RepeatedClaim[]) {
  return {
    claims: claims.map((c) => ({ ...claimRecord(c.weakest), holds: c.holds, heldAt: c.heldAt, seeds: c.repeats.length, weakestSeed: c.weakestSeed, repeats: c.repeats })),
  };
}

/** The terminal table: one line per claim, its count and each seed's p. */
export function formatRepeats(claims: readonly RepeatedClaim[]): string {
  const seeds = claims[0]?.repeats.map((r) => r.seed) ?? [];
  const robust = claims.filter((c) => c.holds).length;
  const out = [`Claims holding at every seed (${seeds.join(', ')}): ${robust} of ${claims.length}`, ''];
  for (const c of claims) {
    const verdict = c.holds ? 'HOLDS' : c.heldAt === 0 ? 'DOES NOT HOLD' : 'NOT ROBUST';
    const per = c.repeats.map((r) => `${r.seed}: ${r.problem !== null ? 'not evaluated' : `${r.holds ? '✓' : '✗'} p ${pValue(r.pValue ?? Number.NaN)}${r.effect === null ? '' : ` g ${num(r.effect)}`}`}`).join(' · ');
    out.push(`${c.id.padEnd(4)} ${verdict.padEnd(13)} ${String(c.heldAt)}/${String(c.repeats.length)}  ${per}`);
  }
  out.push('', 'A claim holds when it holds at every seed; each seed is the whole reproduction with its own replicates.', '');
  return out.join('\n');
}
