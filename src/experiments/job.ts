/**
 * One job = one arm and one replicate of one or more assays: the arm's recipients are pre-treated
 * once (when an assay needs them) and every assay of the job reuses them, as a lab re-seeds one
 * batch of treated cells into several assays. A job depends only on its spec (seeds are derived from
 * the base seed, the assay, the arm and the replicate), so results do not depend on how jobs are
 * spread over workers.
 */
import { armByName } from './arms.ts';
import { pretreat, type Pretreatment } from './pretreat.ts';
import { assayByName } from './registry.ts';
import { seedFor } from './seeds.ts';
import type { AssayContext, AssayOptions, ReplicateResult } from './types.ts';

export interface JobSpec {
  assays: string[];
  arm: string;
  replicate: number;
  baseSeed: number;
  options: AssayOptions;
}

export interface JobResult {
  results: ReplicateResult[];
  /** Wall seconds of the pre-treatment, when one ran. */
  pretreatmentSeconds: number;
}

export async function runJob(job: JobSpec): Promise<JobResult> {
  const arm = armByName(job.arm);
  let pre: Promise<Pretreatment> | undefined;
  const ctx: AssayContext = {
    options: job.options,
    pretreated: (a, replicate) => {
      if (a.name !== arm.name || replicate !== job.replicate) throw new Error(`job ${job.arm}#${job.replicate} asked for the pre-treatment of ${a.name}#${replicate}`);
      pre ??= pretreat(arm, job.replicate, job.baseSeed, job.options);
      return pre;
    },
  };
  const results: ReplicateResult[] = [];
  for (const name of job.assays) {
    const assay = assayByName(name);
    const r = await assay.run(ctx, arm, job.replicate, seedFor(job.baseSeed, name, arm.name, job.replicate));
    if (r.assay !== assay.name || r.arm !== arm.name) throw new Error(`assay ${assay.name} returned a result labelled ${r.assay}/${r.arm}`);
    results.push(r);
  }
  return { results, pretreatmentSeconds: pre !== undefined ? (await pre).seconds : 0 };
}
