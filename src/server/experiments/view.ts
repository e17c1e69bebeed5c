/**
 * A finished experiment as the API returns it (api-types.ts): per assay and readout the replicate
 * values of every arm with the statistics the library computed, the claims table of a reproduction
 * (the JSON of `exoscape reproduce --json`), and the Vega-Lite figures of the HTML report (built by
 * src/experiments/report/figures.ts from the same result, so the page and the report draw alike).
 */
import { valuesByArm } from '../../experiments/analysis.ts';
import type { ClaimResult } from '../../experiments/claims.ts';
import { claimRecord } from '../../experiments/claims-format.ts';
import { allFigures, type FigureSpec } from '../../experiments/report/figures.ts';
import type { ClaimView, ExperimentView } from './api-types.ts';
import type { StoredExperiment } from './worker-protocol.ts';

/** One claim as `reproduce --json` writes it (claimRecord), checked against the API's declared type. */
export function claimView(c: ClaimResult): ClaimView {
  return claimRecord(c);
}

export function experimentView(stored: StoredExperiment): ExperimentView {
  const e = stored.experiment;
  const figures = allFigures(e.assays);
  // figure ids start with their assay's name (figures.ts)
  const byAssay = (assay: string): FigureSpec[] => figures.filter((f) => f.id.startsWith(`${assay}-`));
  return {
    kind: stored.kind,
    assays: e.assays.map((a) => ({
      assay: a.assay,
      title: a.title,
      figure: a.figure,
      protocol: a.protocol,
      arms: a.arms,
      control: a.control,
      replicates: a.replicates,
      primary: a.primary,
      readouts: a.readouts.map((ro) => ({ ...ro, values: valuesByArm(a.results, a.arms, ro.key), stats: a.stats[ro.key] ?? null })),
      figures: byAssay(a.assay).map((f) => f.id),
    })),
    claims: stored.claims === null ? null : stored.claims.map(claimView),
    figures: e.assays.flatMap((a) => byAssay(a.assay).map((f) => ({ ...f, assay: a.assay }))),
    run: { replicates: e.replicates, seed: e.seed, workers: e.workers, wallSeconds: e.wallSeconds, cpuSeconds: e.cpuSeconds, simulationSeconds: e.simulationSeconds, codeVersion: e.codeVersion, options: e.options },
  };
}
