/**
 * Claims: a finding of the seed study written as planned comparisons between arms of an assay
 * ("H-GDE above N-GDE and above PBS in transwell migration"), evaluated on replicate values with
 * src/stats (Welch's t for two arms, ANOVA + Tukey HSD for three or more) and, where the finding is
 * about a shape (a time course that rises and saturates), an explicit check.
 *
 * Each claim also names the links of the model's chain it runs through (alternatives: any one
 * intact path suffices). Cutting one link in the model (e.g. frk_max_repression = 0) must make exactly
 * the claims that need it fail and leave those that do not need it holding; claims that have another
 * path left are reported but not predicted (whether the remaining path is strong enough is a
 * question of effect size, not of logic).
 */
import { compareArms, effectSize, isStatsError } from '../stats/index.ts';
import type { AssayResult } from './analysis.ts';
import { valuesByArm } from './analysis.ts';

/** Links of the chain (MODEL.md §1) and the model parameters that cut each. */
export const LINKS = {
  'HIF→release': { ev_release_hif_gain: 0 },
  'HIF→loading': { mir1246_hif_enrichment: 0, mir10b_hif_enrichment: 0 },
  'miR-1246⊣FRK': { frk_max_repression: 0 },
  'miR-10b-5p⊣TFAP2A': { tfap2a_max_repression: 0 },
} as const satisfies Record<string, Record<string, number>>;
export type Link = keyof typeof LINKS;

export interface Expectation {
  arm: string;
  than: string;
  direction: 'higher' | 'lower';
}

export interface ClaimTest {
  assay: string;
  readout: string;
  /** Arms compared together (first = control of the test). */
  arms: string[];
  expect: Expectation[];
}

export interface ClaimSpec {
  id: string;
  /** MODEL.md §5 finding number. */
  finding: number;
  statement: string;
  /** How "holds" is decided, in words. */
  criterion: string;
  figure: string;
  tests: ClaimTest[];
  /** Alternatives of links; the claim's mechanism is intact when one alternative is fully intact. [] = needs none of LINKS. */
  requires: Link[][];
  /** A shape check on the assay results (time courses), beyond the comparisons. */
  check?: (assays: readonly AssayResult[]) => { ok: boolean; detail: string };
}

export interface ComparisonOutcome {
  assay: string;
  readout: string;
  arm: string;
  than: string;
  direction: 'higher' | 'lower';
  difference: number;
  foldChange: number | null;
  hedgesG: number | null;
  p: number;
  method: string;
  ok: boolean;
}

export interface ClaimResult {
  id: string;
  finding: number;
  statement: string;
  criterion: string;
  figure: string;
  holds: boolean;
  /** Hedges' g of the first comparison (arm vs than). */
  effect: number | null;
  foldChange: number | null;
  /** The largest p-value among the comparisons (all must be significant). */
  pValue: number | null;
  arms: string[];
  /** Mean readout per arm (first test), and of later tests as "readout: arm". */
  values: Record<string, number>;
  comparisons: ComparisonOutcome[];
  checkDetail: string | null;
  requires: Link[][];
  /** Why a claim could not be evaluated (missing assay, no variation). */
  problem: string | null;
}

const ALPHA = 0.05;

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

/** Evaluate one claim on the assays of a run. */
export function evaluateClaim(spec: ClaimSpec, assays: readonly AssayResult[]): ClaimResult {
  const comparisons: ComparisonOutcome[] = [];
  const values: Record<string, number> = {};
  let problem: string | null = null;
  for (const [ti, t] of spec.tests.entries()) {
    const a = assays.find((x) => x.assay === t.assay);
    if (a === undefined) {
      problem ??= `assay ${t.assay} was not run`;
      continue;
    }
    const v = valuesByArm(a.results, t.arms, t.readout);
    for (const arm of t.arms) values[ti === 0 ? arm : `${t.readout}: ${arm}`] = mean(v[arm] ?? []);
    let result;
    try {
      result = compareArms(v, { control: t.arms[0]! });
    } catch (e) {
      if (!isStatsError(e)) throw e;
      problem ??= `${t.assay}/${t.readout}: ${e.message}`;
      continue;
    }
    for (const x of t.expect) {
      const pair = result.pairs.find((p) => (p.a === x.than && p.b === x.arm) || (p.a === x.arm && p.b === x.than));
      if (pair === undefined) throw new Error(`claim ${spec.id}: no comparison ${x.arm} vs ${x.than}`);
      const difference = pair.a === x.than ? pair.difference : -pair.difference;
      const es = effectSize(v[x.arm]!, v[x.than]!);
      const base = mean(v[x.than]!);
      const signOk = x.direction === 'higher' ? difference > 0 : difference < 0;
      comparisons.push({
        assay: t.assay,
        readout: t.readout,
        arm: x.arm,
        than: x.than,
        direction: x.direction,
        difference,
        foldChange: base === 0 ? null : mean(v[x.arm]!) / base,
        hedgesG: es.hedgesG,
        p: pair.p,
        method: result.method,
        ok: signOk && pair.p < ALPHA,
      });
    }
  }
  const check = problem === null && spec.check !== undefined ? spec.check(assays) : null;
  const first = comparisons[0];
  const holds = problem === null && comparisons.length > 0 && comparisons.every((c) => c.ok) && (check?.ok ?? true);
  return {
    id: spec.id,
    finding: spec.finding,
    statement: spec.statement,
    criterion: spec.criterion,
    figure: spec.figure,
    holds,
    effect: first?.hedgesG ?? null,
    foldChange: first?.foldChange ?? null,
    pValue: comparisons.length > 0 ? Math.max(...comparisons.map((c) => c.p)) : null,
    arms: [...new Set(spec.tests.flatMap((t) => t.arms))],
    values,
    comparisons,
    checkDetail: check?.detail ?? null,
    requires: spec.requires,
    problem,
  };
}

/** What cutting `link` predicts for a claim: it must fail, must still hold, or either (another path is left). */
export function predictionUnderCut(requires: readonly (readonly Link[])[], link: Link): 'fails' | 'holds' | 'open' {
  if (requires.length === 0) return 'holds';
  const cut = requires.map((alt) => alt.includes(link));
  if (cut.every(Boolean)) return 'fails';
  if (cut.some(Boolean)) return 'open';
  return 'holds';
}
