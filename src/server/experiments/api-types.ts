/**
 * The JSON the experiment routes send and accept, as types only: the server builds these values and
 * the web app imports the same declarations (`import type`), so the two cannot drift apart. No
 * runtime imports here — only types of pure modules — so the browser build erases this file.
 */
import type { ArmComparisonResult } from '../../stats/compare.ts';
import type { VegaLiteSpec } from '../../report/spec-style.ts';

/** A checked request with its defaults filled in (what is stored and run). */
export type ExperimentRequest =
  | { kind: 'assay'; assay: string; arms: string[]; replicates: number; seed: number }
  | { kind: 'reproduce'; study: 'qian2021'; replicates: number; seed: number };

export type ExperimentStatus = 'queued' | 'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted';

export interface ExperimentProgress {
  /** Arm × replicate jobs finished, of `total`. */
  done: number;
  total: number;
  /** Seconds since the experiment started. */
  wallSeconds: number;
}

export interface ExperimentSummary {
  wallSeconds: number;
  cpuSeconds: number;
  /** Sum of the simulations' wall times (what one core would need, roughly). */
  simulationSeconds: number;
  codeVersion: string;
  assays: string[];
  /** Reproductions: claims that hold, of `claims`. */
  claimsHeld: number | null;
  claims: number | null;
}

export interface ExperimentRecord {
  id: string;
  status: ExperimentStatus;
  /** For lists: "uptake: PBS, H-GDE · n = 2". */
  title: string;
  request: ExperimentRequest;
  /** Threads the arm × replicate jobs use. */
  workers: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: ExperimentProgress | null;
  error: string | null;
  summary: ExperimentSummary | null;
}

export interface ReadoutInfo {
  key: string;
  label: string;
  unit: string;
  description: string;
}

/** Statistics of one readout (src/experiments/analysis.ts), or why it could not be tested. */
export type ReadoutStatsView = { ok: true; result: ArmComparisonResult } | { ok: false; reason: string };

export interface ReadoutView extends ReadoutInfo {
  /** Replicate values by arm, in the assay's arm order (replicates in order). */
  values: Record<string, number[]>;
  stats: ReadoutStatsView | null;
}

export interface AssayView {
  assay: string;
  title: string;
  figure: string;
  protocol: string[];
  arms: string[];
  control: string;
  replicates: number;
  primary: string;
  readouts: ReadoutView[];
  /** Ids of this assay's figures in `ExperimentView.figures`. */
  figures: string[];
}

/** One row of a reproduction's claims table (the JSON of `exoscape reproduce --json`). */
export interface ClaimView {
  id: string;
  statement: string;
  holds: boolean;
  /** Hedges' g of the first comparison. */
  effect: number | null;
  /** The largest p of the comparisons. */
  pValue: number | null;
  arms: string[];
  /** Mean readout per arm. */
  values: Record<string, number>;
  finding: number;
  figure: string;
  criterion: string;
  foldChange: number | null;
  comparisons: { assay: string; readout: string; arm: string; than: string; direction: 'higher' | 'lower'; difference: number; foldChange: number | null; hedgesG: number | null; p: number; method: string; ok: boolean }[];
  check: string | null;
  requires: string[][];
  /** Why a claim could not be evaluated. */
  problem: string | null;
}

export interface FigureView {
  id: string;
  assay: string;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
}

export interface ExperimentView {
  kind: ExperimentRequest['kind'];
  assays: AssayView[];
  /** A reproduction's claims table; null for a single assay. */
  claims: ClaimView[] | null;
  figures: FigureView[];
  run: { replicates: number; seed: number; workers: number; wallSeconds: number; cpuSeconds: number; simulationSeconds: number; codeVersion: string; options: { dose: number; uptakeDose: number; parameters: Record<string, number>; timeScale: number; snapshots: boolean } };
}

/** `GET /api/assays`. */
export interface AssayCatalog {
  assays: {
    name: string;
    title: string;
    figure: string;
    protocol: string[];
    readouts: ReadoutInfo[];
    primary: string;
    timeCourses: string[];
    arms: { name: string; description: string }[];
    defaultArms: string[];
    control: string;
  }[];
  studies: { id: 'qian2021'; title: string; plans: { assay: string; arms: string[] }[]; claims: { id: string; statement: string; criterion: string; figure: string }[] }[];
  replicates: { default: number; min: number; max: number };
  seed: number;
  protocolParameters: { name: string; value: number; unit: string; description: string }[];
}
