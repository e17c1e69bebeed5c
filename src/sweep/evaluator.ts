/**
 * What one sweep point computes. The sweep machinery never knows: it hands a point (parameter
 * values + seed) to an `Evaluator` and gets named metrics back (numbers, or booleans for claims).
 *
 * An evaluator module is selected by name from the sweep file and loaded by URL inside whatever
 * process runs the point (a worker thread of the local backend, a `exoscape worker` on another
 * machine), so its definition — name, options, metrics — is plain JSON and travels with the job.
 *
 *   prepare  (where the sweep file is loaded) validates the options, reports the parameter names
 *            and outputs it knows (for "did you mean"), and fingerprints its inputs (file hashes),
 *            which become part of the evaluation key;
 *   create   (in the process that runs points) builds the evaluator once per sweep.
 */
import type { Issue } from '../common/errors.ts';
import type { SourcedDocument } from '../common/yaml.ts';

export type MetricValue = number | boolean;
export type Metrics = Record<string, MetricValue>;

export interface SweepPoint {
  params: Record<string, number>;
  seed: number;
}

export interface EvaluateContext {
  /** A directory path unique to this point (and stable across its attempts); create it if you need it. */
  workDir: string;
  signal?: AbortSignal;
}

export interface Evaluator {
  evaluate(point: SweepPoint, ctx: EvaluateContext): Promise<Metrics>;
  close?(): Promise<void>;
}

/** A metric request after normalization: the output name in the table, what to read, and when. */
export interface MetricRequest {
  name: string;
  column: string;
  /** Minutes, or undefined for the last row. */
  at?: number;
}

/** JSON-safe description of what every point of a sweep computes. */
export interface EvaluatorDefinition {
  name: string;
  options: Record<string, unknown>;
  metrics: MetricRequest[];
}

export interface PrepareInput {
  /** The evaluator's options from the sweep file (everything but `name`). */
  options: Record<string, unknown>;
  metrics: MetricRequest[];
  /** The sweep file, for positions: options live under ['evaluator']. */
  src: SourcedDocument;
  /** Absolute path of the sweep file (relative paths in options are relative to it). */
  specPath: string;
}

export interface Prepared {
  /** Normalized options (JSON) handed to `create`. */
  options: Record<string, unknown>;
  /** Parameter names this evaluator accepts, or undefined for any. */
  parameters?: readonly string[];
  /** Ranges known for parameters (for `range: model`). */
  ranges?: Readonly<Record<string, readonly [number, number]>>;
  /** The type of each metric (by table name) when the evaluator knows it; claims are checked against it. */
  metricTypes?: Readonly<Record<string, 'number' | 'boolean'>>;
  /** Content hash of the evaluator's inputs (files it reads), part of the evaluation key. */
  fingerprint: string;
  /** Problems found, with positions in the sweep file. */
  issues: Issue[];
}

export interface EvaluatorModule {
  readonly name: string;
  readonly description: string;
  prepare(input: PrepareInput): Prepared | Promise<Prepared>;
  create(definition: EvaluatorDefinition): Promise<Evaluator>;
}
