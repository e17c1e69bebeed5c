/**
 * Small scenarios for tests (not shipped as examples): a 2D disc of glioma cells in a 300 µm slice.
 * `extra` is YAML appended to the scenario (interventions, matrix, overrides …).
 */
import { fileURLToPath } from 'node:url';
import { parseScenario, type LoadedScenario } from '../scenario/load-scenario.ts';

const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface TestScenarioOptions {
  duration?: number;
  output?: number;
  boundary?: 'dirichlet' | 'no-flux';
  radius?: number;
  parameters?: Record<string, number>;
  extra?: string;
  seed?: number;
  size?: number;
}

export function testScenarioText(o: TestScenarioOptions = {}): string {
  const size = o.size ?? 300;
  const params = Object.entries(o.parameters ?? {}).map(([k, v]) => `    ${k}: ${v}`).join('\n');
  return `version: 1
name: test-slice
domain: { dimensions: 2, size: [${size}, ${size}, 20], voxel: 20, boundary: ${o.boundary ?? 'no-flux'} }
time: { duration: ${o.duration ?? 120}, output: ${o.output ?? 60} }
model:
  file: hypoxic-glioma
${params ? `  parameters:\n${params}\n` : ''}cells:
  - { shape: disc, center: [${size / 2}, ${size / 2}, 0], radius: ${o.radius ?? 100}, type: glioma }
vessels:
  - { at: [${size / 2}, ${size / 2}, 0], radius: 10 }
seed: ${o.seed ?? 1}
${o.extra ?? ''}
`;
}

export function testScenario(o: TestScenarioOptions = {}): LoadedScenario {
  return parseScenario(`${SCENARIO_DIR}test-slice.yaml`, testScenarioText(o));
}
