/**
 * Sensitivity indices and claim shares from a sweep's results, per design:
 *   sobol   first-order and total Sobol' indices (Saltelli 2010 / Jansen), and with secondOrder the
 *           second-order indices of every pair (Saltelli 2002), bootstrap CIs
 *   morris  μ, μ*, σ of the elementary effects, bootstrap CIs
 *   lhs     partial rank correlation coefficients, bootstrap CIs
 *   grid    main effects: the mean of the metric at each level of each parameter, and their range
 * A design row's value is the mean over its replicates (booleans count as 0/1). Indices need every
 * run of the design; with runs missing, a metric's analysis says so instead of guessing.
 * A boolean metric (a claim an evaluator decides, e.g. qian2021's F4d) in a Morris design also gets
 * its flip share per parameter: the mean over trajectories of |change of the row's holds-share| when
 * that parameter moves (1 = every move of the parameter flipped the claim), i.e. μ*·Δ of the 0/1 output.
 * Claims (the spec's thresholds, and boolean metrics) get the share of runs where they hold, over
 * the rows that sample the parameter distribution (grid: all points; Sobol': the A and B rows).
 */
import type { Estimate } from '../sensitivity/bootstrap.ts';
import { morrisIndices } from '../sensitivity/morris.ts';
import { prcc } from '../sensitivity/prcc.ts';
import { sobolIndices } from '../sensitivity/saltelli.ts';
import { evaluateClaim, wilsonShare, type Share } from './claims.ts';
import type { Metrics } from './evaluator.ts';
import type { LoadedSweep } from './load-spec.ts';
import type { SweepPlan } from './plan.ts';

export type MetricAnalysis =
  | { method: 'sobol'; parameters: Record<string, { first: Estimate; total: Estimate }>; second?: { a: string; b: string; index: Estimate }[]; variance: number }
  | { method: 'morris'; parameters: Record<string, { mu: Estimate; muStar: Estimate; sigma: Estimate }> }
  | { method: 'morris-flips'; parameters: Record<string, { flips: Estimate }> }
  | { method: 'prcc'; parameters: Record<string, { prcc: Estimate }> }
  | { method: 'main-effects'; parameters: Record<string, { levels: number[]; means: number[]; range: number }> }
  | { method: 'incomplete'; missingRuns: number };

export interface Analysis {
  metrics: Record<string, MetricAnalysis>;
  claims: Record<string, Share>;
}

function bootstrapOf(sweep: LoadedSweep): { resamples: number; confidence: number; seed: number } {
  const d = sweep.spec.design;
  return d.kind === 'grid' ? { resamples: 0, confidence: 0.95, seed: sweep.spec.seed } : { resamples: d.bootstrap, confidence: d.confidence, seed: sweep.spec.seed };
}

/** Per design row, the mean of metric `name` over its replicates (NaN if any run is missing or not numeric). */
export function rowMeans(plan: SweepPlan, results: ReadonlyMap<string, Metrics>, name: string): Float64Array {
  return Float64Array.from(plan.rowTasks, (ids) => {
    let s = 0;
    for (const id of ids) {
      const v = results.get(id)?.[name];
      if (typeof v === 'number') s += v;
      else if (typeof v === 'boolean') s += v ? 1 : 0;
      else return NaN;
    }
    return s / ids.length;
  });
}

function byName<T>(names: readonly string[], values: readonly T[]): Record<string, T> {
  return Object.fromEntries(names.map((n, i) => [n, values[i]!]));
}

function analyzeMetric(sweep: LoadedSweep, plan: SweepPlan, y: Float64Array): MetricAnalysis {
  const missing = plan.rowTasks.reduce((n, ids, r) => n + (Number.isNaN(y[r]!) ? ids.length : 0), 0);
  if (missing > 0) return { method: 'incomplete', missingRuns: missing };
  const opts = bootstrapOf(sweep);
  const names = sweep.names;
  const s = plan.structure;
  switch (s.kind) {
    case 'sobol': {
      const r = sobolIndices(s.design, y, opts);
      const second = s.design.secondOrder ? { second: r.second.map((x) => ({ a: names[x.i]!, b: names[x.l]!, index: x.index })) } : {};
      return { method: 'sobol', parameters: byName(names, names.map((_, i) => ({ first: r.first[i]!, total: r.total[i]! }))), ...second, variance: r.variance };
    }
    case 'morris': {
      const r = morrisIndices(s.design, y, opts);
      return { method: 'morris', parameters: byName(names, names.map((_, i) => ({ mu: r.mu[i]!, muStar: r.muStar[i]!, sigma: r.sigma[i]! }))) };
    }
    case 'lhs': {
      const r = prcc(plan.rows, y, opts);
      return { method: 'prcc', parameters: byName(names, r.map((e) => ({ prcc: e }))) };
    }
    case 'grid': {
      const effects = names.map((_, i) => {
        const levels = s.levels[i]!;
        const means = levels.map((lv) => {
          let sum = 0;
          let n = 0;
          plan.rows.forEach((row, r) => {
            if (row[i] === lv) {
              sum += y[r]!;
              n++;
            }
          });
          return sum / n;
        });
        return { levels, means, range: Math.max(...means) - Math.min(...means) };
      });
      return { method: 'main-effects', parameters: byName(names, effects) };
    }
  }
}

/** Morris on a 0/1 output: the share of each parameter's moves that flip it (μ*·Δ), with its interval. */
function analyzeFlips(sweep: LoadedSweep, plan: SweepPlan, y: Float64Array): MetricAnalysis {
  const s = plan.structure;
  if (s.kind !== 'morris') throw new Error('flip shares need a Morris design');
  const missing = plan.rowTasks.reduce((n, ids, r) => n + (Number.isNaN(y[r]!) ? ids.length : 0), 0);
  if (missing > 0) return { method: 'incomplete', missingRuns: missing };
  const r = morrisIndices(s.design, y, bootstrapOf(sweep));
  const d = s.design.delta;
  const scale = (e: Estimate): Estimate => ({ estimate: e.estimate * d, low: e.low * d, high: e.high * d, se: e.se * d });
  return { method: 'morris-flips', parameters: byName(sweep.names, r.muStar.map((e) => ({ flips: scale(e) }))) };
}

export function analyze(sweep: LoadedSweep, plan: SweepPlan, results: ReadonlyMap<string, Metrics>): Analysis {
  const metrics: Record<string, MetricAnalysis> = {};
  const claimColumns: { name: string; test: (m: Metrics) => boolean | null }[] = [];
  for (const m of sweep.evaluator.metrics) {
    const sample = plan.tasks.map((t) => results.get(t.id)?.[m.name]).find((v) => v !== undefined);
    if (typeof sample === 'boolean') {
      claimColumns.push({ name: m.name, test: (r) => (typeof r[m.name] === 'boolean' ? (r[m.name] as boolean) : null) });
      if (plan.structure.kind === 'morris') metrics[m.name] = analyzeFlips(sweep, plan, rowMeans(plan, results, m.name));
    } else metrics[m.name] = analyzeMetric(sweep, plan, rowMeans(plan, results, m.name));
  }
  for (const c of sweep.claims) if (!claimColumns.some((x) => x.name === c.name)) claimColumns.push({ name: c.name, test: (r) => evaluateClaim(c, r) });
  const confidence = sweep.spec.design.kind === 'grid' ? 0.95 : sweep.spec.design.confidence;
  const claims: Record<string, Share> = {};
  for (const c of claimColumns) {
    let holds = 0;
    let runs = 0;
    for (const r of plan.sampleRows) {
      for (const id of plan.rowTasks[r]!) {
        const m = results.get(id);
        const v = m === undefined ? null : c.test(m);
        if (v === null) continue;
        runs++;
        if (v) holds++;
      }
    }
    claims[c.name] = wilsonShare(holds, runs, confidence);
  }
  return { metrics, claims };
}
