/**
 * The records /api/assays and /api/experiments return: the server's own declarations
 * (src/server/experiments/api-types.ts), imported as types only, so page and API cannot drift.
 */
import type { ExperimentStatus } from '../../../src/server/experiments/api-types.ts';

export type { AssayCatalog, AssayView, ClaimView, ExperimentProgress, ExperimentRecord, ExperimentRequest, ExperimentStatus, ExperimentView, FigureView, ReadoutView } from '../../../src/server/experiments/api-types.ts';

/** Statuses after which nothing more happens (as the server's FINAL_EXPERIMENT_STATUSES). */
export const FINAL: ReadonlySet<ExperimentStatus> = new Set(['finished', 'cancelled', 'failed', 'interrupted']);
