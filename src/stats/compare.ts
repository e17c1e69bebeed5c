/**
 * `compareArms`: the one call a virtual assay makes with its replicate readouts per arm.
 *
 *  - 2 arms: Welch's two-sample t-test of arm vs control.
 *  - > 2 arms: one-way ANOVA, then every arm vs control by Tukey HSD (default; all pairs are reported
 *    too) or by Welch t-tests with Holm's adjustment (`posthoc: 'welch-holm'`, for arms whose
 *    variances differ a lot — Tukey assumes one common variance).
 *  - Always: per-arm n, mean, SD, SEM, t-interval; Cohen's d and Hedges' g of each arm vs control
 *    (pooled SD of the two arms); fold change mean(arm)/mean(control).
 *
 * The result is plain JSON (no Infinity, no NaN, no class instances). Inputs that cannot be tested
 * throw a `StatsError` instead of returning NaN:
 *  - `bad-design`: fewer than 2 arms, `control` not an arm, `alpha` outside (0, 1);
 *  - `non-finite`: a replicate value is NaN or ±Infinity (message names arm and replicate);
 *  - `too-few-values`: an arm has fewer than 2 replicates;
 *  - `zero-variance`: every arm has zero variance (deterministic readouts: no sampling
 *    distribution exists; the assay should say "no variation" rather than claim a p-value).
 * One arm with zero variance is allowed (Welch's df then comes from the other arm) and noted.
 * Arm order is the object's key order (integer-like keys such as "1" would be reordered by
 * JavaScript — use names).
 */
import { holm } from './adjust.ts';
import { oneWayAnova } from './anova.ts';
import { checkSample, summarize, type SampleSummary } from './descriptive.ts';
import { effectSize } from './effect-size.ts';
import { StatsError } from './stats-error.ts';
import { welchTTest } from './t-test.ts';
import { tukeyHsd } from './tukey-hsd.ts';

export type Posthoc = 'tukey' | 'welch-holm';
/** Checked at run time too: the assays may pass options parsed from a scenario file. */
const POSTHOCS: readonly string[] = ['tukey', 'welch-holm'];

export interface CompareOptions {
  /** The reference arm; default the first arm. */
  control?: string;
  /** Significance level for the `significant` flags; intervals are at 1 − alpha. Default 0.05. */
  alpha?: number;
  /** Post-hoc procedure for > 2 arms. Default 'tukey'. */
  posthoc?: Posthoc;
}

export interface ArmSummary extends SampleSummary {
  arm: string;
}

export interface ArmComparison {
  arm: string;
  control: string;
  /** mean(arm) − mean(control) */
  difference: number;
  /** Interval of the difference at 1 − alpha (Tukey: family-wise; Welch: per comparison). */
  ci: [number, number];
  /** mean(arm)/mean(control); null when the control mean is 0. */
  foldChange: number | null;
  statistic: { name: 't' | 'q'; value: number; df: number };
  /** Two-sided p-value, adjusted for the number of comparisons as `adjustment` says. */
  p: number;
  adjustment: 'none' | 'tukey' | 'holm';
  significant: boolean;
  /** Standardized by the two arms' pooled SD; null when both have zero variance. */
  cohensD: number | null;
  hedgesG: number | null;
}

export interface PairComparison {
  a: string;
  b: string;
  /** mean(b) − mean(a) */
  difference: number;
  ci: [number, number];
  p: number;
  adjustment: 'none' | 'tukey' | 'holm';
  significant: boolean;
}

export interface OmnibusTest {
  method: 'one-way ANOVA';
  F: number;
  df1: number;
  df2: number;
  p: number;
  etaSquared: number;
  omegaSquared: number;
  significant: boolean;
}

export interface ArmComparisonResult {
  /** Human-readable, for a methods line: e.g. "one-way ANOVA + Tukey HSD". */
  method: string;
  alpha: number;
  confidenceLevel: number;
  control: string;
  arms: ArmSummary[];
  omnibus: OmnibusTest | null;
  vsControl: ArmComparison[];
  /** All pairs for Tukey; the vs-control pairs otherwise. */
  pairs: PairComparison[];
  /** Caveats worth printing next to the result (zero-variance arms, unequal spreads, …). */
  notes: string[];
}

/** Above this ratio of largest to smallest SD the common-variance assumption of Tukey is doubtful. */
const SD_RATIO_WARNING = 3;

export function compareArms(arms: Readonly<Record<string, readonly number[]>>, opts: CompareOptions = {}): ArmComparisonResult {
  const names = Object.keys(arms);
  if (names.length < 2) throw new StatsError('bad-design', `compareArms needs at least 2 arms, got ${names.length}${names.length ? ` (${names.join(', ')})` : ''}`);
  const control = opts.control ?? names[0]!;
  if (!names.includes(control)) throw new StatsError('bad-design', `control arm '${control}' is not one of the arms: ${names.join(', ')}`);
  const alpha = opts.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new StatsError('bad-design', `alpha must be in (0, 1), got ${alpha}`);
  const posthoc = opts.posthoc ?? 'tukey';
  if (!POSTHOCS.includes(posthoc)) throw new StatsError('bad-design', `posthoc must be 'tukey' or 'welch-holm', got '${posthoc}'`);
  for (const name of names) checkSample(`arm '${name}'`, arms[name]!);

  const level = 1 - alpha;
  const values = (name: string): readonly number[] => arms[name]!;
  const summaries: ArmSummary[] = names.map((arm) => ({ arm, ...summarize(values(arm), level, `arm '${arm}'`) }));
  const notes = varianceNotes(summaries, names.length > 2 && posthoc === 'tukey');
  if (summaries.every((s) => s.sd === 0)) {
    throw new StatsError('zero-variance', `every arm has zero variance (${summaries.map((s) => `${s.arm} = ${s.mean}`).join(', ')}): the readout does not vary between replicates, so no test is possible`);
  }
  const controlMean = summaries[names.indexOf(control)]!.mean;
  const others = names.filter((n) => n !== control);
  const effect = (arm: string): Pick<ArmComparison, 'cohensD' | 'hedgesG' | 'foldChange'> => {
    const e = effectSize(values(arm), values(control));
    const m = summaries[names.indexOf(arm)]!.mean;
    return { cohensD: e.cohensD, hedgesG: e.hedgesG, foldChange: controlMean === 0 ? null : m / controlMean };
  };

  if (names.length === 2 || posthoc === 'welch-holm') {
    const tests = others.map((arm) => ({ arm, t: welchTTest(values(arm), values(control), level) }));
    const adjusted = names.length === 2 ? tests.map((x) => x.t.p) : holm(tests.map((x) => x.t.p));
    const adjustment = names.length === 2 ? 'none' : 'holm';
    const vsControl: ArmComparison[] = tests.map(({ arm, t }, i) => ({
      arm,
      control,
      difference: t.difference,
      ci: t.ci,
      ...effect(arm),
      statistic: { name: 't', value: t.t, df: t.df },
      p: adjusted[i]!,
      adjustment,
      significant: adjusted[i]! < alpha,
    }));
    if (names.length > 2) notes.push('intervals are per comparison (Welch), not adjusted for multiplicity; p-values are Holm-adjusted');
    return {
      method: names.length === 2 ? 'Welch two-sample t-test' : 'one-way ANOVA + Welch t-tests vs control (Holm-adjusted)',
      alpha,
      confidenceLevel: level,
      control,
      arms: summaries,
      omnibus: names.length === 2 ? null : omnibus(names, values, alpha),
      vsControl,
      pairs: vsControl.map(toPair),
      notes,
    };
  }

  const tukey = tukeyHsd(names.map(values), names, level);
  const pairs: PairComparison[] = tukey.pairs.map((p) => ({ a: p.a, b: p.b, difference: p.difference, ci: p.ci, p: p.p, adjustment: 'tukey', significant: p.p < alpha }));
  const vsControl: ArmComparison[] = others.map((arm) => {
    const pair = tukey.pairs.find((p) => (p.a === control && p.b === arm) || (p.a === arm && p.b === control))!;
    // Tukey reports later − earlier; turn it into arm − control.
    const sign = pair.b === arm ? 1 : -1;
    const ci: [number, number] = sign === 1 ? pair.ci : [-pair.ci[1], -pair.ci[0]];
    return {
      arm,
      control,
      difference: sign * pair.difference,
      ci,
      ...effect(arm),
      statistic: { name: 'q', value: pair.q, df: tukey.df },
      p: pair.p,
      adjustment: 'tukey',
      significant: pair.p < alpha,
    };
  });
  return {
    method: 'one-way ANOVA + Tukey HSD',
    alpha,
    confidenceLevel: level,
    control,
    arms: summaries,
    omnibus: toOmnibus(tukey.anova, alpha),
    vsControl,
    pairs,
    notes,
  };
}

function toPair(c: ArmComparison): PairComparison {
  return { a: c.control, b: c.arm, difference: c.difference, ci: c.ci, p: c.p, adjustment: c.adjustment, significant: c.significant };
}

function omnibus(names: readonly string[], values: (n: string) => readonly number[], alpha: number): OmnibusTest {
  return toOmnibus(oneWayAnova(names.map(values), names), alpha);
}

function toOmnibus(a: ReturnType<typeof oneWayAnova>, alpha: number): OmnibusTest {
  return { method: a.method, F: a.F, df1: a.df1, df2: a.df2, p: a.p, etaSquared: a.etaSquared, omegaSquared: a.omegaSquared, significant: a.p < alpha };
}

function varianceNotes(summaries: readonly ArmSummary[], commonVarianceAssumed: boolean): string[] {
  const notes: string[] = [];
  const constant = summaries.filter((s) => s.sd === 0).map((s) => s.arm);
  if (constant.length > 0 && constant.length < summaries.length) {
    notes.push(`zero variance (identical replicates) in: ${constant.join(', ')}`);
  }
  const sds = summaries.map((s) => s.sd).filter((sd) => sd > 0);
  if (commonVarianceAssumed && sds.length > 1) {
    const ratio = Math.max(...sds) / Math.min(...sds);
    if (ratio > SD_RATIO_WARNING) {
      notes.push(`largest/smallest SD = ${ratio.toPrecision(3)} > ${SD_RATIO_WARNING}: Tukey HSD assumes a common variance; consider posthoc 'welch-holm'`);
    }
  }
  return notes;
}
