import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';
import { writeSyntheticRun } from '../io/testing/synthetic-run.ts';

let dir = '';
beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'exoscape-cli-query-')), 'run');
  await writeSyntheticRun(dir);
});

describe('exoscape query', () => {
  it('--help lists the views and examples', async () => {
    const r = await runCli(['query', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: exoscape query [options] <dir> <sql>');
    for (const v of ['timeseries', 'cells', 'fields', 'summary', 'columns', 'sweep', 'indices', 'claims', 'runs']) expect(r.out).toContain(`  ${v} `);
  });

  it('prints a table by default, with a row count', async () => {
    const r = await runCli(['query', dir, 'SELECT time_min, count(*) AS n, avg(hif) AS hif FROM cells GROUP BY 1 ORDER BY 1']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^time_min\s+n\s+hif$/);
    expect(lines[1]).toMatch(/^-+\s+-+\s+-+$/);
    expect(lines[2]).toMatch(/^0\s+300\s+0\.0\d{6}$/); // rounded to 6 significant digits
    expect(lines.at(-1)).toBe('(3 rows)');
  });

  it('the table shows at most 1000 rows and says so; --csv prints them all', async () => {
    const sql = 'SELECT time_min, i, j FROM fields ORDER BY 1, 2, 3';
    const r = await runCli(['query', dir, sql]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 1000 + 1);
    expect(lines.at(-1)).toBe('(4800 rows; showing the first 1000 — add LIMIT, or use --json or --csv for all)');
    const csv = await runCli(['query', dir, sql, '--csv']);
    expect(csv.out.trimEnd().split('\r\n')).toHaveLength(1 + 4800);
  });

  it('--json prints row objects with exact numbers', async () => {
    const r = await runCli(['query', dir, 'SELECT time_min, hif_mean, NULL AS nothing FROM timeseries ORDER BY time_min', '--json']);
    expect(r.code, r.err).toBe(0);
    const rows = JSON.parse(r.out) as { time_min: number; hif_mean: number; nothing: null }[];
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({ time_min: 60, hif_mean: expect.any(Number) as number, nothing: null });
    const exact = await runCli(['query', dir, 'SELECT hif_mean FROM timeseries WHERE time_min = 60', '--csv']);
    expect(Number(exact.out.split('\r\n')[1])).toBe(rows[1]!.hif_mean);
  });

  it('--csv prints RFC 4180 CSV; --csv with --json is a usage error', async () => {
    const r = await runCli(['query', dir, "SELECT name, description FROM columns WHERE name = 'hif_mean'", '--csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('name,description\r\nhif_mean,mean HIF-1α activity\r\n');
    expect((await runCli(['query', dir, 'SELECT 1', '--csv', '--json'])).code).toBe(2);
  });

  it('resolves DIR against the working directory', async () => {
    const r = await runCli(['query', basename(dir), 'SELECT count(*) AS n FROM fields', '--json'], dirname(dir));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual([{ n: 4800 }]);
  });

  it('exit 2 with one message (no stack) for a missing run directory and for SQL errors', async () => {
    const missing = await runCli(['query', join(dir, 'nope'), 'SELECT 1']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`exoscape: ${join(dir, 'nope')}: no such directory; expected a run directory (with summary.json or timeseries.parquet)\n`);
    const notRun = await runCli(['query', join(dir, 'cells'), 'SELECT 1']);
    expect(notRun.code).toBe(2);
    expect(notRun.err).toContain('not a run directory; expected summary.json or timeseries.parquet');
    const bad = await runCli(['query', dir, 'SELECT hif FROM celss']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^exoscape: query failed: Catalog Error: Table with name celss does not exist!/);
    expect(bad.err).toContain('Did you mean "cells"');
    expect(bad.err).not.toMatch(/\n\s+at /);
  });

  it('queries a sweep directory: the table, the indices and the claim shares', async () => {
    const root = dirname(dir);
    writeFileSync(join(root, 'lin.yaml'), `version: 1\nname: lin\nevaluator: { name: linear, coefficients: { a: 2, b: -1 } }\nparameters:\n  a: { range: [0, 3] }\n  b: { range: [1, 2] }\ndesign: { kind: morris, trajectories: 3 }\nmetrics: [y]\nclaims: [{ name: y_big, metric: y, op: '>', value: 2 }]\n`);
    const sweep = await runCli(['sweep', 'lin.yaml', '--out', 'lin-out', '--threads', '1', '--no-figures', '--json'], root);
    expect(sweep.code, sweep.err).toBe(0);
    const t = await runCli(['query', 'lin-out', 'SELECT count(*) AS n, bool_and(y = 2 * a - b) AS exact FROM sweep', '--json'], root);
    expect(t.code, t.err).toBe(0);
    expect(JSON.parse(t.out)).toEqual([{ n: 7, exact: true }]); // 9 design rows, two revisits of a grid point run once
    const i = await runCli(['query', 'lin-out', "SELECT parameter, round(estimate, 9) AS mu_star FROM indices WHERE statistic = 'mu_star' ORDER BY 2 DESC"], root);
    expect(i.out).toMatch(/^parameter\s+mu_star\n-+\s+-+\na\s+6\nb\s+1\n\(2 rows\)\n$/);
    const c = await runCli(['query', 'lin-out', 'SELECT claim, runs FROM claims', '--csv'], root);
    expect(c.out).toBe('claim,runs\r\ny_big,9\r\n');
    const bad = await runCli(['query', 'lin-out', 'SELECT * FROM indice'], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/views in .*lin-out:\n {2}sweep +.*sweep\.parquet\n {2}indices /);
  });
});
