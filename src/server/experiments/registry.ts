/**
 * The server's experiments: `<experiments dir>/experiments.json` (../json-registry.ts) holds each
 * experiment's record; a finished experiment's result is `<experiments dir>/<id>/result.json`.
 */
import { join } from 'node:path';
import { JsonRegistry } from '../json-registry.ts';
import type { ExperimentRecord, ExperimentStatus } from './api-types.ts';

export type { ExperimentProgress, ExperimentRecord, ExperimentStatus, ExperimentSummary } from './api-types.ts';

/** Statuses after which nothing more happens to an experiment (an interrupted one is submitted again: its values depend only on its seed). */
export const FINAL_EXPERIMENT_STATUSES: ReadonlySet<ExperimentStatus> = new Set(['finished', 'cancelled', 'failed', 'interrupted']);

export class ExperimentRegistry extends JsonRegistry<ExperimentRecord> {
  static open(dir: string): ExperimentRegistry {
    return new ExperimentRegistry(dir, 'experiments.json', 'experiments', 'experiment registry');
  }

  resultFile(id: string): string {
    return join(this.dir, id, 'result.json');
  }
}
