import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { Metrics } from './evaluator.ts';
import { planSweep } from './plan.ts';
import { writeTable } from './table.ts';
import { readTable, sweepFromText, tempDir } from './test-helpers/index.ts';

const dir = tempDir();
afterAll(() => { dir.remove(); });

const spec = `version: 1
name: t
evaluator: { name: linear, coefficients: { a: 1, b: 1 } }
parameters:
  a: { values: [1, 2, 3] }
  b: { values: [0.5] }
design: { kind: grid }
replicates: 2
metrics: [y]
claims: [{ name: big, metric: y, op: '>=', value: 3 }]
`;

describe('the results table', () => {
  it('has a row per finished run in design order, typed columns, claims, and reads back in DuckDB', async () => {
    const s = await sweepFromText(dir.path, spec);
    const p = planSweep(s);
    // Finished out of order, one run missing, one NaN.
    const results = new Map<string, Metrics>();
    for (const t of [...p.tasks].reverse().slice(1)) results.set(t.id, { y: t.params.a === 2 && t.replicate === 1 ? NaN : t.params.a! + t.params.b! });
    const path = join(dir.path, 'sweep.parquet');
    expect(writeTable(path, s, p, results)).toBe(5);
    const rows = await readTable(path);
    expect(rows.map((r) => r.point_id)).toEqual(p.tasks.slice(0, 5).map((t) => t.id));
    expect(rows[0]).toEqual({ point_id: p.tasks[0]!.id, replicate: 0, seed: 1n, a: 1, b: 0.5, y: 1.5, big: false });
    expect(Number.isNaN(rows[3]!.y)).toBe(true);
    expect(rows[3]!.big).toBeNull();
    expect(rows[4]!.big).toBe(true);

    const db = await DuckDBInstance.create();
    const con = await db.connect();
    const r = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT point_id)::INTEGER AS u, sum(CASE WHEN big THEN 1 ELSE 0 END)::INTEGER AS holds, typeof(seed) AS t FROM read_parquet('${path}') GROUP BY ALL`);
    expect(r.getRowObjectsJson()).toEqual([{ n: 5, u: 5, holds: 1, t: 'BIGINT' }]);
    con.closeSync();
    db.closeSync();
  });
});
