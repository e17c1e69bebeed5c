import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../common/errors.ts';
import { createLocalBackend } from './local/local-backend.ts';
import { isSweepDir, querySweep } from './query.ts';
import { runSweep, type SweepSummary } from './run-sweep.ts';
import { sweepFromText, tempDir } from './test-helpers/index.ts';

const dir = tempDir();
let out = '';
let summary: SweepSummary;

beforeAll(async () => {
  const sweep = await sweepFromText(
    dir.path,
    `version: 1\nname: q\nevaluator: { name: linear, coefficients: { a: 2, b: -1 } }\nparameters:\n  a: { range: [0, 3] }\n  b: { range: [1, 2] }\ndesign: { kind: morris, trajectories: 4 }\nmetrics: [y]\nclaims: [{ name: y_big, metric: y, op: '>', value: 2 }]\n`,
  );
  out = join(dir.path, 'out');
  const backend = createLocalBackend({ threads: 1 });
  try {
    summary = (await runSweep(sweep, backend, { outDir: out })).summary!;
  } finally {
    await backend.close();
  }
});
afterAll(() => { dir.remove(); });

describe('querySweep', () => {
  it('recognizes a sweep directory by its table', () => {
    expect(isSweepDir(out)).toBe(true);
    expect(isSweepDir(dir.path)).toBe(false);
  });

  it('reads the table: one row per run with parameters, metrics and claims', async () => {
    const r = await querySweep(out, 'SELECT count(*) AS n, bool_and(y = 2 * a - b) AS exact, bool_and(y_big = (y > 2)) AS claim FROM sweep');
    expect(r.rows).toEqual([[summary.runs.planned, true, true]]);
  });

  it('lists the indices of summary.json, one row per metric × parameter × statistic, exactly', async () => {
    const r = await querySweep(out, "SELECT parameter, statistic, estimate, low, high FROM indices WHERE metric = 'y' ORDER BY parameter, statistic");
    expect(r.rows).toHaveLength(6);
    const m = summary.metrics.y!;
    if (m.method !== 'morris') throw new Error('expected morris');
    expect(r.rows).toContainEqual(['a', 'mu_star', m.parameters.a!.muStar.estimate, m.parameters.a!.muStar.low, m.parameters.a!.muStar.high]);
    expect(r.rows.find((x) => x[0] === 'a' && x[1] === 'mu_star')![2]).toBeCloseTo(6, 12); // |2| × width 3
    expect(r.rows.find((x) => x[0] === 'b' && x[1] === 'mu')![2]).toBeCloseTo(-1, 12);
  });

  it('gives claim shares and per-run timings', async () => {
    const c = await querySweep(out, 'SELECT claim, share, low, high, holds, runs FROM claims');
    const s = summary.claims.y_big!;
    expect(c.rows).toEqual([['y_big', s.share, s.low, s.high, s.holds, s.runs]]);
    const r = await querySweep(out, 'SELECT count(*), min(attempts), bool_and(ms >= 0), min(worker) FROM runs');
    expect(r.rows).toEqual([[summary.runs.planned, 1, true, 'local/0']]);
    const j = await querySweep(out, 'SELECT sweep, runs.planned FROM summary');
    expect(j.rows).toEqual([['q', summary.runs.planned]]);
  });

  it('keeps NaN estimates as NaN and empty tables typed', async () => {
    const copy = join(dir.path, 'copy');
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { metrics: { y: { parameters: { a: { sigma: { estimate: number | null } } } } }; claims: object };
    s.metrics.y.parameters.a.sigma.estimate = null; // what JSON makes of NaN
    s.claims = {};
    mkdirSync(copy);
    copyFileSync(join(out, 'sweep.parquet'), join(copy, 'sweep.parquet'));
    writeFileSync(join(copy, 'summary.json'), JSON.stringify(s));
    const r = await querySweep(copy, "SELECT estimate IS NULL FROM indices WHERE parameter = 'a' AND statistic = 'sigma'");
    expect(r.rows).toEqual([[true]]);
    const c = await querySweep(copy, 'SELECT count(*) FROM claims');
    expect(c.rows).toEqual([[0]]);
    expect((await querySweep(copy, 'DESCRIBE runs').catch((e: unknown) => e)) instanceof UserError).toBe(true); // no journal, no view
  });

  it('is sandboxed to the directory and names a missing directory clearly', async () => {
    await expect(querySweep(out, `SELECT * FROM read_text('${join(dir.path, 'q.yaml')}')`)).rejects.toThrow(/query failed/);
    await expect(querySweep(dir.path, 'SELECT 1')).rejects.toThrow(/not a sweep directory; expected sweep\.parquet in it/);
  });
});
