import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../common/errors.ts';
import { ishigamiSpec, sweepFromText, tempDir } from './test-helpers/index.ts';

const dir = tempDir();
afterAll(() => { dir.remove(); });

async function problems(text: string): Promise<string> {
  try {
    await sweepFromText(dir.path, text, 'bad');
  } catch (e) {
    if (e instanceof UserError) return e.describe();
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('loading sweep files', () => {
  it('loads the Ishigami example with distributions, metrics and a stable evaluation key', async () => {
    const a = await sweepFromText(dir.path, ishigamiSpec(), 'a');
    expect(a.names).toEqual(['x1', 'x2', 'x3']);
    expect(a.distributions.x1).toEqual({ kind: 'uniform', lo: -Math.PI, hi: Math.PI });
    expect(a.evaluator).toEqual({ name: 'ishigami', options: { a: 7, b: 0.1, noise: 0, sleepMs: 0, failFirstAttempt: false }, metrics: [{ name: 'y', column: 'y' }] });
    expect(a.sampling).toBe('sobol');
    const b = await sweepFromText(dir.path, ishigamiSpec({ samples: 64, seed: 9 }), 'b');
    expect(b.evalKey).toBe(a.evalKey); // the design does not change what a point computes
    const c = await sweepFromText(dir.path, ishigamiSpec({ evaluator: 'a: 6' }), 'c');
    expect(c.evalKey).not.toBe(a.evalKey);
  });

  it('names file:line:column and suggests the key meant', async () => {
    const msg = await problems(ishigamiSpec().replace('replicates:', 'replicate:'));
    expect(msg).toMatch(/bad\.yaml:10:1 replicate: unknown key "replicate"; did you mean "replicates"\?/);
  });

  it('suggests evaluator and parameter names', async () => {
    expect(await problems(ishigamiSpec().replace('name: ishigami', 'name: ishigam'))).toMatch(/bad\.yaml:3:\d+ evaluator\.name: unknown evaluator "ishigam".*did you mean "ishigami"/);
    expect(await problems(ishigamiSpec().replace('  x3:', '  x4:'))).toMatch(/bad\.yaml:7:\d+ parameters\.x4: unknown parameter "x4" of the ishigami evaluator; did you mean "x1"/);
  });

  it('checks evaluator options with positions', async () => {
    expect(await problems(ishigamiSpec({ evaluator: 'bb: 2' }))).toMatch(/bad\.yaml:3:\d+ evaluator\.bb: unknown key "bb"; did you mean "b"\?/);
    expect(await problems(ishigamiSpec({ evaluator: 'a: "seven"' }))).toMatch(/evaluator\.a: .*number/);
  });

  it('requires exactly one distribution per parameter', async () => {
    expect(await problems(ishigamiSpec().replace('x1: { range: [-3.141592653589793, 3.141592653589793] }', 'x1: { range: [0, 1], values: [1] }'))).toMatch(/parameters\.x1: give only one of values, range/);
    expect(await problems(ishigamiSpec().replace('x1: { range: [-3.141592653589793, 3.141592653589793] }', 'x1: { scale: log }'))).toMatch(/parameters\.x1: give one of values, range, normal, lognormal, triangular/);
    expect(await problems(ishigamiSpec().replace('x1: { range: [-3.141592653589793, 3.141592653589793] }', 'x1: { range: [2, 1] }'))).toMatch(/parameters\.x1\.range: range must be \[low, high\] with low < high/);
  });

  it('checks design compatibility: grids need levels, Morris needs bounded parameters', async () => {
    const grid = ishigamiSpec().replace('design: { kind: sobol, samples: 16, bootstrap: 100 }', 'design: { kind: grid }');
    expect(await problems(grid)).toMatch(/parameters\.x1: a grid needs levels for "x1"/);
    const morrisNormal = ishigamiSpec()
      .replace('x1: { range: [-3.141592653589793, 3.141592653589793] }', 'x1: { normal: { mean: 0, sd: 1 } }')
      .replace('design: { kind: sobol, samples: 16, bootstrap: 100 }', 'design: { kind: morris, trajectories: 4 }');
    expect(await problems(morrisNormal)).toMatch(/parameters\.x1: Morris designs need bounded parameters/);
    expect(await problems(ishigamiSpec().replace('kind: sobol, samples: 16', 'kind: morris, trajectories: 4, levels: 5'))).toMatch(/design\.levels: levels must be even/);
  });

  it('keeps table columns unique and claims pointing at metrics', async () => {
    expect(await problems(ishigamiSpec().replace('metrics: [y]', 'metrics: [y, { name: seed, column: y }]'))).toMatch(/metrics\.1: "seed" is a column of the results table itself/);
    expect(await problems(ishigamiSpec().replace('metric: y,', 'metric: yy,'))).toMatch(/claims\.0\.metric: "yy" is not one of the metrics; did you mean "y"\?/);
    expect(await problems(ishigamiSpec().replace('name: y_positive', 'name: x1'))).toMatch(/claims\.0\.name: "x1" is already used by parameter x1/);
  });

  it('rejects metrics the evaluator does not produce', async () => {
    expect(await problems(ishigamiSpec().replace('metrics: [y]', 'metrics: [z]').replace('metric: y,', 'metric: z,'))).toMatch(/metrics\.0: the ishigami evaluator has one output, "y"/);
  });

  it('switches Sobol\' designs with more than 16 parameters to random sampling unless told otherwise', async () => {
    const params = Array.from({ length: 17 }, (_, i) => `  p${i}: { range: [0, 1] }`).join('\n');
    const coef = Array.from({ length: 17 }, (_, i) => `p${i}: 1`).join(', ');
    const text = `version: 1\nname: many\nevaluator: { name: linear, coefficients: { ${coef} } }\nparameters:\n${params}\ndesign: { kind: sobol, samples: 4 }\nmetrics: [y]\n`;
    expect((await sweepFromText(dir.path, text, 'many')).sampling).toBe('random');
    expect(await problems(text.replace('samples: 4', 'samples: 4, sampling: sobol'))).toMatch(/design\.sampling: the Sobol' sequence supports at most 16 parameters/);
  });
});
