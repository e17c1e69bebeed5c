import { describe, expect, it } from 'vitest';
import { benchCells, benchResultsStore } from './benchmark.ts';

describe('results-store benchmark (smoke run, not a measurement)', () => {
  it('measures every step on a small run and cleans up', async () => {
    const r = await benchResultsStore({ cells: 500, snapshots: 3, repeats: 1, fieldSide: 6 });
    expect(r).toMatchObject({ cells: 500, columns: 15, snapshots: 3, fieldVoxels: 216 });
    for (const k of ['writeMs', 'fileMb', 'duckdbCopyMs', 'duckdbFileMb', 'readMs', 'queryMs', 'queryColdMs', 'fieldWriteMs', 'fieldFileMb'] as const) expect(r[k], k).toBeGreaterThan(0);
  });

  it('the benchmark cells have 15 columns of one length, 2 of them Int32', () => {
    const cols = benchCells(100);
    expect(Object.keys(cols)).toHaveLength(15);
    expect(Object.values(cols).filter((c) => c instanceof Int32Array)).toHaveLength(2);
    expect(new Set(Object.values(cols).map((c) => c.length))).toEqual(new Set([100]));
  });
});
