/**
 * Run a set of assays, each with its arms, for n replicates: one job per (arm, replicate) carrying
 * every assay that uses the arm (so recipients are pre-treated once and re-seeded into each assay),
 * spread over worker threads, then the statistics per assay and readout.
 */
import { UserError } from '../common/errors.ts';
import { codeVersion } from '../version.ts';
import { analyzeAssay, type AssayResult } from './analysis.ts';
import { armByName } from './arms.ts';
import type { JobSpec } from './job.ts';
import { runJobs } from './parallel/run-jobs.ts';
import { assayByName } from './registry.ts';
import type { AssayOptions, ReplicateResult } from './types.ts';

export interface AssayPlan {
  assay: string;
  arms: string[];
  /** Default: the assay's control when it is among the arms, else the first arm. */
  control?: string;
}

export interface ExperimentSettings {
  replicates: number;
  seed: number;
  workers: number;
  options: AssayOptions;
  onProgress?: (done: number, total: number) => void;
}

export interface ExperimentResult {
  assays: AssayResult[];
  replicates: number;
  seed: number;
  workers: number;
  options: AssayOptions;
  codeVersion: string;
  wallSeconds: number;
  /** CPU seconds of this process and its worker threads. */
  cpuSeconds: number;
  /** Sum of the replicates' simulation wall times (what one core would need, roughly). */
  simulationSeconds: number;
}

/** Relative cost of one replicate of each assay (for scheduling the longest jobs first). */
const COST: Record<string, number> = { orthotopic: 10, 'wound-healing': 1.5, 'matrigel-invasion': 1, 'transwell-migration': 1, production: 1, uptake: 1, recipients: 2 };

export function checkPlans(plans: readonly AssayPlan[]): { plan: AssayPlan; control: string }[] {
  return plans.map((plan) => {
    const def = assayByName(plan.assay);
    if (plan.arms.length < 2) throw new UserError(`${plan.assay}: give at least two arms (a comparison needs a control), e.g. --arms ${def.defaultArms.join(',')}`);
    const arms = plan.arms.map((a) => armByName(a, def.arms).name);
    if (new Set(arms).size !== arms.length) throw new UserError(`${plan.assay}: an arm is listed twice (${arms.join(', ')})`);
    const control = plan.control !== undefined ? armByName(plan.control, arms).name : arms.includes(def.control) ? def.control : arms[0]!;
    return { plan: { ...plan, arms }, control };
  });
}

export async function runExperiment(plans: readonly AssayPlan[], s: ExperimentSettings): Promise<ExperimentResult> {
  if (!Number.isInteger(s.replicates) || s.replicates < 2) throw new UserError(`replicates must be an integer ≥ 2 (a variance needs two), got ${s.replicates}`);
  const checked = checkPlans(plans);
  const armNames = [...new Set(checked.flatMap((c) => c.plan.arms))];
  const jobs: JobSpec[] = [];
  for (const arm of armNames) {
    const assays = checked.filter((c) => c.plan.arms.includes(arm)).map((c) => c.plan.assay);
    for (let r = 0; r < s.replicates; r++) jobs.push({ assays, arm, replicate: r, baseSeed: s.seed, options: s.options });
  }
  const cost = (j: JobSpec): number => j.assays.reduce((a, n) => a + (COST[n] ?? 1), 0);
  const order = jobs.map((_, i) => i).sort((a, b) => cost(jobs[b]!) - cost(jobs[a]!) || a - b);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const done = await runJobs(order.map((i) => jobs[i]!), { workers: s.workers, ...(s.onProgress !== undefined ? { onProgress: s.onProgress } : {}) });
  const cpu = process.cpuUsage(cpu0);
  const byJob = new Array<ReplicateResult[]>(jobs.length);
  let simulationSeconds = 0;
  order.forEach((jobIndex, k) => {
    const r = done[k]!;
    byJob[jobIndex] = r.results;
    simulationSeconds += r.pretreatmentSeconds + r.results.reduce((a, x) => a + (x.assay === 'recipients' ? 0 : x.seconds), 0);
  });
  const results = byJob.flat();
  return {
    assays: checked.map(({ plan, control }) => analyzeAssay(assayByName(plan.assay), plan.arms, control, results)),
    replicates: s.replicates,
    seed: s.seed,
    workers: s.workers,
    options: s.options,
    codeVersion: codeVersion(),
    wallSeconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    simulationSeconds,
  };
}
