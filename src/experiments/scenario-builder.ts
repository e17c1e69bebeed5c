/**
 * Assays describe their wells, chambers and tissues as ordinary scenarios (the same schema, the same
 * validation as a user's file), built here from a plain object. The YAML text is kept with the
 * scenario, so a report can show exactly what each assay ran.
 */
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { parseScenario, type LoadedScenario } from '../scenario/load-scenario.ts';

/** Scenario files built by assays "live" in the packaged scenarios folder (model names resolve there). */
const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface ScenarioSpec {
  name: string;
  description: string;
  domain: { size: [number, number]; boundary: 'no-flux' | 'dirichlet'; voxel?: number };
  /** Minutes. `diffusion` defaults to the scenario default (0.01 min); in-vitro wells hold O2 fixed and use the mechanics step. */
  time: { duration: number; output?: number; diffusion?: number; mechanics?: number; phenotype?: number };
  parameters: Record<string, number>;
  cells: Record<string, unknown>[];
  vessels?: { at: [number, number, number]; radius?: number }[];
  matrix?: Record<string, unknown>[];
  chemotaxis?: { direction: [number, number, number] };
  interventions?: Record<string, unknown>[];
  seed: number;
}

/** The scenario YAML of a spec (2D; every number as given). */
export function scenarioText(spec: ScenarioSpec): string {
  const doc: Record<string, unknown> = {
    version: 1,
    name: spec.name,
    description: spec.description,
    domain: { dimensions: 2, size: [spec.domain.size[0], spec.domain.size[1], spec.domain.voxel ?? 20], voxel: spec.domain.voxel ?? 20, boundary: spec.domain.boundary },
    time: { output: spec.time.output ?? spec.time.duration, ...spec.time },
    model: { file: 'hypoxic-glioma', parameters: spec.parameters },
    cells: spec.cells,
    ...(spec.vessels !== undefined && spec.vessels.length > 0 ? { vessels: spec.vessels } : {}),
    ...(spec.matrix !== undefined && spec.matrix.length > 0 ? { matrix: spec.matrix } : {}),
    ...(spec.chemotaxis !== undefined ? { chemotaxis: spec.chemotaxis } : {}),
    ...(spec.interventions !== undefined && spec.interventions.length > 0 ? { interventions: spec.interventions } : {}),
    outputs: { timeSeries: false, cells: false, fields: false, checkpoints: false },
    seed: spec.seed,
  };
  return stringify(doc, { lineWidth: 0 });
}

/** Validate and load a spec exactly as a scenario file would be (errors name the assay's field). */
export function buildScenario(spec: ScenarioSpec): LoadedScenario {
  return parseScenario(`${SCENARIO_DIR}assay-${spec.name}.yaml`, scenarioText(spec));
}
