import { describe, expect, it } from 'vitest';
import { cellSnapshotPath, checkColumnNames, fieldSnapshotPath, parseTimeTag, runLayout, snapshotFileName, timeTag } from './layout.ts';

describe('run-directory layout', () => {
  it('names every file under the run directory', () => {
    const l = runLayout('/runs/a');
    expect(l).toEqual({
      dir: '/runs/a',
      summary: '/runs/a/summary.json',
      timeseries: '/runs/a/timeseries.parquet',
      columns: '/runs/a/columns.json',
      cellsDir: '/runs/a/cells',
      fieldsDir: '/runs/a/fields',
      checkpointDir: '/runs/a/checkpoint',
      figuresDir: '/runs/a/figures',
    });
    expect(cellSnapshotPath('/runs/a', 1440)).toBe('/runs/a/cells/t-0001440.parquet');
    expect(fieldSnapshotPath('/runs/a', 0)).toBe('/runs/a/fields/t-0000000.parquet');
  });

  it('time tags are zero-padded to 7 digits, keep fractions, and parse back', () => {
    expect(timeTag(60)).toBe('t-0000060');
    expect(timeTag(90.5)).toBe('t-0000090.5');
    expect(timeTag(9_999_999)).toBe('t-9999999');
    for (const t of [0, 1, 60, 90.5, 1440, 0.25, 123456.125]) expect(parseTimeTag(snapshotFileName(t))).toBe(t);
    expect(parseTimeTag('t-60.parquet')).toBeUndefined();
    expect(parseTimeTag('.t-0000060.parquet.123-abcdef01.tmp')).toBeUndefined();
    expect(parseTimeTag('t-0000060.parquet.bak')).toBeUndefined();
    // names sort by time
    const names = [1440, 60, 600, 0, 90.5].map(snapshotFileName).sort();
    expect(names.map(parseTimeTag)).toEqual([0, 60, 90.5, 600, 1440]);
  });

  it('rejects times that cannot be named', () => {
    for (const t of [-1, Number.NaN, Infinity, 1e7]) expect(() => timeTag(t)).toThrow(RangeError);
  });

  it('column names must be SQL identifiers, unique regardless of case', () => {
    expect(() => { checkColumnNames(['id', 'o2_mmHg', 'mir_1246', '_x'], 'cells'); }).not.toThrow();
    expect(() => { checkColumnNames(['miR-1246'], 'cells'); }).toThrow('ASCII identifier');
    expect(() => { checkColumnNames(['1x'], 'cells'); }).toThrow('ASCII identifier');
    expect(() => { checkColumnNames(['hif', 'HIF'], 'cells'); }).toThrow('differ only in case');
  });
});
