import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadAtlas } from '../atlas/load.ts';
import { UserError } from '../common/errors.ts';
import { loadScenario, parseScenario } from './load-scenario.ts';
import { scenarioJsonSchema, scenarioReferenceMarkdown } from './json-schema.ts';

const atlas = loadAtlas();
const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const quickPath = join(dir, 'hypoxic-glioma-quick.yaml');
const quick = readFileSync(quickPath, 'utf8');

function problems(text: string): string[] {
  try {
    parseScenario(quickPath, text, { atlas, displayRoot: dir });
  } catch (e) {
    if (e instanceof UserError) return e.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

const lineOf = (needle: string): number => quick.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('shipped scenarios', () => {
  it('all validate against the schema, their model and their domain', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files).toEqual(expect.arrayContaining(['hypoxic-glioma.yaml', 'hypoxic-glioma-quick.yaml', 'hypoxic-glioma-3d.yaml']));
    for (const f of files) {
      const s = loadScenario(join(dir, f), { atlas });
      expect(s.model.file.name).toBe('hypoxic-glioma');
    }
  });

  it('fills defaults (time steps, outputs, seed) from the schema', () => {
    const s = parseScenario(quickPath, quick, { atlas }).scenario;
    expect(s.time).toMatchObject({ diffusion: 0.01, mechanics: 0.1, phenotype: 6 });
    expect(s.outputs.checkpoints).toBe(true);
    expect(s.interventions).toEqual([]);
  });
});

describe('scenario errors name file:line:column, the field, what was found and what was expected', () => {
  it('an unknown key, with a did-you-mean suggestion', () => {
    const p = problems(quick.replace('  duration: 720', '  duraton: 720'));
    expect(p).toContain(`hypoxic-glioma-quick.yaml:${lineOf('duration: 720')}:3 time.duraton: unknown key "duraton"; did you mean "duration"?`);
  });

  it('a wrong type, saying what was found', () => {
    const p = problems(quick.replace('voxel: 20', 'voxel: twenty'));
    expect(p.some((x) => x.startsWith(`hypoxic-glioma-quick.yaml:${lineOf('voxel: 20')}:10 domain.voxel:`) && x.includes('found "twenty"'))).toBe(true);
  });

  it('an unknown shape lists the shapes it expects', () => {
    const p = problems(quick.replace('shape: disc', 'shape: blob'));
    expect(p.some((x) => x.includes('cells.0.shape') && x.includes("'disc'") && x.includes("'sphere'") && x.includes('found "blob"'))).toBe(true);
  });

  it('inconsistent time steps', () => {
    const p = problems(quick.replace('  output: 120', '  output: 120\n  mechanics: 10'));
    expect(p.some((x) => x.includes('time.mechanics: steps must satisfy diffusion ≤ mechanics ≤ phenotype'))).toBe(true);
  });

  it('a cell type, miRNA or target the model does not have', () => {
    const p = problems(
      quick.replace('type: glioma', 'type: astrocyte') +
        'interventions:\n  - { kind: mimic, mirna: miR-21, copies: 10 }\n  - { kind: re-expression, target: PTEN, level: 1 }\n',
    );
    expect(p.some((x) => x.includes('cells.0.type: unknown cell type "astrocyte"; the model has glioma'))).toBe(true);
    expect(p.some((x) => x.includes('interventions.0.mirna: "miR-21" is not a miRNA of the model (miR-1246, miR-10b-5p)'))).toBe(true);
    expect(p.some((x) => x.includes('interventions.1.target: "PTEN" is not a target of the model (FRK, TFAP2A)'))).toBe(true);
  });

  it('cells or vessels outside the domain, and a sphere in 2D', () => {
    const p = problems(quick.replace('center: [250, 250, 0]', 'center: [900, 250, 0]').replace('at: [350, 250, 0]', 'at: [350, 950, 0]').replace('shape: disc', 'shape: sphere'));
    expect(p.some((x) => x.includes('cells.0.center: centre [900, 250, 0] lies outside the domain'))).toBe(true);
    expect(p.some((x) => x.includes('vessels.1.at: vessel at [350, 950, 0] lies outside the domain'))).toBe(true);
    expect(p.some((x) => x.includes('a sphere needs a 3D domain'))).toBe(true);
  });

  it('an unknown parameter override, with a suggestion', () => {
    const p = problems(quick.replace('  file: hypoxic-glioma', '  file: hypoxic-glioma\n  parameters: { ev_uptake: 0.02 }'));
    expect(p.some((x) => x.includes('model.parameters.ev_uptake: unknown parameter "ev_uptake" of model hypoxic-glioma; did you mean "ev_uptake_rate"?'))).toBe(true);
  });

  it('a YAML syntax error', () => {
    const p = problems(quick.replace('size: [500, 500, 20]', 'size: [500, 500, 20'));
    expect(p[0]).toMatch(/^hypoxic-glioma-quick\.yaml:\d+:\d+ : YAML syntax/);
  });
});

describe('scenario documentation and JSON Schema', () => {
  it('docs/scenarios.md is in sync with the schema', () => {
    expect(readFileSync(new URL('../../docs/scenarios.md', import.meta.url), 'utf8')).toBe(scenarioReferenceMarkdown());
  });

  it('schemas/scenario-v1.json is in sync with the schema and documents every key', () => {
    const published = JSON.parse(readFileSync(new URL('../../schemas/scenario-v1.json', import.meta.url), 'utf8')) as unknown;
    expect(published).toEqual(scenarioJsonSchema());
    const doc = scenarioReferenceMarkdown();
    for (const key of ['domain.size', 'time.duration', 'model.parameters', 'vessels[].at', 'seed', 'outputs.checkpoints']) expect(doc).toContain(`\`${key}\``);
  });
});
