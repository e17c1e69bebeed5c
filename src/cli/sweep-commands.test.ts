import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';
import { readTable, tempDir } from '../sweep/test-helpers/index.ts';

const repo = resolve(import.meta.dirname, '../..');
const dir = tempDir();
afterAll(() => { dir.remove(); });

describe('exoscape sweep', () => {
  it('runs the linear Morris example and prints μ* = |coefficient| × width as JSON', async () => {
    const out = join(dir.path, 'morris');
    const r = await runCli(['sweep', 'sweeps/linear-morris.yaml', '--out', out, '--threads', '2', '--json'], repo);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { runs: { finished: number; planned: number }; metrics: { y: { method: string; parameters: Record<string, { muStar: { estimate: number }; sigma: { estimate: number } }> } } };
    expect(s.runs.finished).toBe(s.runs.planned);
    expect(s.metrics.y.method).toBe('morris');
    const expected: Record<string, number> = { a: 2, b: 6, c: 2, d: 0 };
    for (const [p, v] of Object.entries(expected)) {
      expect(s.metrics.y.parameters[p]!.muStar.estimate).toBeCloseTo(v, 9);
      expect(s.metrics.y.parameters[p]!.sigma.estimate).toBeLessThan(1e-9);
    }
    const rows = await readTable(join(out, 'sweep.parquet'));
    expect(rows).toHaveLength(s.runs.planned);
    expect(Object.keys(rows[0]!)).toEqual(['point_id', 'replicate', 'seed', 'a', 'b', 'c', 'd', 'y']);
  });

  it('prints second-order indices for a Sobol\' design with secondOrder, and query lists them', async () => {
    const spec = join(dir.path, 'second.yaml');
    writeFileSync(spec, ['version: 1', 'name: second', 'evaluator: ishigami', 'parameters:', ...['x1', 'x2', 'x3'].map((x) => `  ${x}: { range: [-3.141592653589793, 3.141592653589793] }`), 'design: { kind: sobol, samples: 256, secondOrder: true, bootstrap: 50 }', 'metrics: [y]', ''].join('\n'));
    const out = join(dir.path, 'second');
    const r = await runCli(['sweep', spec, '--out', out, '--threads', '1', '--no-figures'], repo);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/second: 2048\/2048 runs finished/); // 256 × (2·3 + 2)
    expect(r.out).toMatch(/pair\s+second-order S_ij \[CI\]\n-+\s+-+\nx1 × x3\s+0\.2/); // S13 = 0.2437, the largest
    const q = await runCli(['query', out, "SELECT parameter FROM indices WHERE statistic = 'second' ORDER BY estimate DESC LIMIT 1", '--csv'], repo);
    expect(q.out).toBe('parameter\r\nx1:x3\r\n');
  });

  it('prints a readable summary, refuses to overwrite, and resumes without rerunning', async () => {
    const out = join(dir.path, 'sobol');
    const first = await runCli(['sweep', 'sweeps/ishigami-sobol.yaml', '--out', out, '--threads', '2'], repo);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/ishigami-sobol: 5120\/5120 runs finished \(5120 new, 0 from the journal\) on the local backend/);
    expect(first.out).toMatch(/x1 +0\.\d{3} \[0\.\d{3}, 0\.\d{3}\] +0\.5\d{2} \[/);
    expect(first.out).toMatch(/y_positive +0\.8\d{2} \[/);
    const again = await runCli(['sweep', 'sweeps/ishigami-sobol.yaml', '--out', out], repo);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds a sweep; use --resume/);
    const resumed = await runCli(['sweep', 'sweeps/ishigami-sobol.yaml', '--out', out, '--resume', '--json'], repo);
    expect(resumed.code).toBe(0);
    expect((JSON.parse(resumed.out) as { runs: { new: number; reused: number } }).runs).toMatchObject({ new: 0, reused: 5120 });
  });

  it('reports a bad sweep file with file:line:column and exit code 2', async () => {
    const r = await runCli(['sweep', 'src/sweep/testdata/bad-design.yaml', '--out', join(dir.path, 'bad')], repo);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/src\/sweep\/testdata\/bad-design\.yaml:8:\d+ design\.trajectorys: unknown key "trajectorys"; did you mean "trajectories"\?/);
    expect(existsSync(join(dir.path, 'bad'))).toBe(false);
  });

  it('exits 1 and names the failure when runs fail for good, keeping the others in the table', async () => {
    const out = join(dir.path, 'failing');
    const r = await runCli(['sweep', 'src/sweep/testdata/failing.yaml', '--out', out, '--threads', '2'], repo);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/4 run\(s\) failed after 1 attempt\(s\), e\.g\. failFirstAttempt: this point fails on its first attempt/);
    expect(r.out).toMatch(/not computed: 4 run\(s\) of the design missing/);
  });

  it('has --help', async () => {
    const r = await runCli(['sweep', '--help'], repo);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--resume/);
    expect(r.out).toMatch(/sweep\.parquet/);
  });
});
