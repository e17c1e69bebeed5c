import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../common/errors.ts';
import { queryRun } from './query.ts';
import { readCellSnapshot } from './results/reader.ts';
import { cellSnapshotPath } from './results/layout.ts';
import { writeCellSnapshot } from './results/writer.ts';
import { writeSyntheticRun } from './testing/synthetic-run.ts';

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exoscape-query-'));
  await writeSyntheticRun(dir);
});

describe('queryRun views', () => {
  it('timeseries: one row per output time', async () => {
    const r = await queryRun(dir, 'SELECT count(*) AS n, max(time_min) AS t, min(o2_min_mmHg) AS o2 FROM timeseries');
    expect(r.columns).toEqual(['n', 't', 'o2']);
    expect(r.rows[0]![0]).toBe(3); // BIGINT comes back as a plain number
    expect(r.rows[0]![1]).toBe(120);
    expect(r.rows[0]![2]).toBeLessThan(10);
  });

  it('cells: all snapshots, grouped by time; aggregates agree with the time series', async () => {
    const r = await queryRun(dir, 'SELECT c.time_min, count(*) AS n, avg(c.hif) AS hif, any_value(t.hif_mean) AS ts FROM cells c JOIN timeseries t USING (time_min) GROUP BY 1 ORDER BY 1');
    expect(r.rows.map((row) => row.slice(0, 2))).toEqual([[0, 300], [60, 300], [120, 300]]);
    for (const [, , hif, ts] of r.rows) expect(hif as number).toBeCloseTo(ts as number, 12);
  });

  it('cells: DuckDB reads the exact doubles the writer stored', async () => {
    const snap = await readCellSnapshot(cellSnapshotPath(dir, 60));
    const r = await queryRun(dir, 'SELECT x_um, o2_mmHg, type FROM cells WHERE id = 7 AND time_min = 60');
    expect(r.rows).toEqual([[snap.columns.x_um![7], snap.columns.o2_mmHg![7], snap.columns.type![7]]]);
  });

  it('fields: one row per voxel per time with voxel centres', async () => {
    const r = await queryRun(dir, 'SELECT count(*), min(x_um), max(y_um), count(DISTINCT time_min) FROM fields');
    expect(r.rows).toEqual([[40 * 40 * 3, -390, 390, 3]]);
    const o2 = await queryRun(dir, 'SELECT time_min, min(o2_mmHg) FROM fields GROUP BY 1 ORDER BY 1');
    const mins = o2.rows.map((row) => row[1] as number);
    expect(mins[0]!).toBeGreaterThan(mins[2]!); // the made-up core deepens with time
  });

  it('summary and columns', async () => {
    expect((await queryRun(dir, 'SELECT scenario, cells.final, synthetic FROM summary')).rows).toEqual([['synthetic-disc', 300, true]]);
    const c = await queryRun(dir, `SELECT name, unit FROM columns WHERE "group" = 'hypoxia' ORDER BY name`);
    expect(c.rows).toEqual([['hif_mean', '1'], ['o2_min_mmHg', 'mmHg']]);
  });

  it('runs several statements and returns the last result; repeated names are made unique', async () => {
    const r = await queryRun(dir, 'CREATE TEMP TABLE hyp AS SELECT * FROM cells WHERE hif > 0.5; SELECT count(*) AS n, count(*) AS n FROM hyp');
    expect(r.columns).toHaveLength(2);
    expect(new Set(r.columns).size).toBe(2);
    expect(r.rows[0]![0]).toBeGreaterThan(0);
  });

  it('a column added part-way through a run reads as NULL before it existed', async () => {
    const d = mkdtempSync(join(tmpdir(), 'exoscape-query-union-'));
    await writeSyntheticRun(d, { times: [0, 60], noFields: true });
    await writeCellSnapshot(d, { timeMin: 120, columns: { id: new Int32Array([1, 2]), hif: new Float64Array([0.5, 0.7]), mir_10b_5p: new Float64Array([3, 4]) } });
    const r = await queryRun(d, 'SELECT time_min, count(*), count(mir_10b_5p), sum(mir_10b_5p) FROM cells GROUP BY 1 ORDER BY 1');
    expect(r.rows).toEqual([[0, 300, 0, null], [60, 300, 0, null], [120, 2, 2, 7]]);
  });

  it('handles a run directory whose name has quotes and glob characters', async () => {
    const d = join(mkdtempSync(join(tmpdir(), 'exoscape-query-')), "it's [run] *1*");
    await writeSyntheticRun(d, { times: [0, 30] });
    expect((await queryRun(d, 'SELECT count(*) FROM cells')).rows).toEqual([[600]]);
    expect((await queryRun(d, 'SELECT count(DISTINCT time_min) FROM fields')).rows).toEqual([[2]]);
  });
});

describe('queryRun errors', () => {
  const userError = async (p: Promise<unknown>): Promise<string> => {
    const e: unknown = await p.then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).message;
  };

  it('a missing directory or one that is not a run', async () => {
    expect(await userError(queryRun(join(dir, 'nope'), 'SELECT 1'))).toMatch(/nope: no such directory; expected a run directory \(with summary.json or timeseries.parquet\)/);
    const empty = mkdtempSync(join(tmpdir(), 'exoscape-query-empty-'));
    mkdirSync(join(empty, 'cells'));
    expect(await userError(queryRun(empty, 'SELECT 1'))).toContain('not a run directory; expected summary.json or timeseries.parquet');
    const file = join(empty, 'x.txt');
    writeFileSync(file, '');
    expect(await userError(queryRun(file, 'SELECT 1'))).toContain('is a file');
  });

  it("SQL errors carry DuckDB's message", async () => {
    expect(await userError(queryRun(dir, 'SELEC 1'))).toMatch(/^query failed: Parser Error: syntax error at or near "SELEC"/);
    expect(await userError(queryRun(dir, 'SELECT nope FROM cells'))).toContain('Referenced column "nope" not found');
    expect(await userError(queryRun(dir, ' '))).toContain('the SQL is empty');
  });

  it('an unknown table lists the views the run has', async () => {
    const d = mkdtempSync(join(tmpdir(), 'exoscape-query-nofields-'));
    await writeSyntheticRun(d, { times: [0], noFields: true });
    const m = await userError(queryRun(d, 'SELECT * FROM fields'));
    expect(m).toContain('Table with name fields does not exist');
    expect(m).toContain(`views in ${d}:\n  timeseries  ${d}/timeseries.parquet\n  cells       ${d}/cells/t-*.parquet (1 snapshot)\n  summary     ${d}/summary.json\n  columns     ${d}/columns.json`);
  });

  it('a broken summary.json only disables the summary view, and says why when it is used', async () => {
    const d = mkdtempSync(join(tmpdir(), 'exoscape-query-badsummary-'));
    await writeSyntheticRun(d, { times: [0], noFields: true });
    writeFileSync(join(d, 'summary.json'), '{ not json');
    expect((await queryRun(d, 'SELECT count(*) FROM cells')).rows).toEqual([[300]]);
    expect(await userError(queryRun(d, 'SELECT * FROM summary'))).toMatch(/view summary could not be made from .*summary\.json: /);
  });

  it('queries cannot read or write outside the run directory', async () => {
    expect(await userError(queryRun(dir, "SELECT * FROM read_csv('/etc/hostname')"))).toContain('Permission Error');
    const outside = join(tmpdir(), `exoscape-escape-${process.pid}.csv`);
    expect(await userError(queryRun(dir, `COPY (SELECT 1) TO '${outside}'`))).toContain('Permission Error');
    expect(await userError(queryRun(dir, 'SET enable_external_access = true'))).toContain('locked');
  });
});
