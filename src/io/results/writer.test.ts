import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { readTimeSeries, writeCellSnapshot, writeFieldSnapshot, writeTimeSeries, type ColumnInfo } from './writer.ts';
import { readCellSnapshot, readFieldSnapshot } from './reader.ts';
import type { ColumnInfo as LayoutColumnInfo } from './layout.ts';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'exoscape-writer-'));

/** Doubles that trip careless encoders: signed zero, subnormals, extremes, infinities, NaN, and random bit patterns. */
function awkwardDoubles(n: number): Float64Array {
  const special = [0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, Number.NaN, 0.1 + 0.2, 1 / 3, Math.PI];
  const out = new Float64Array(n);
  const bits = new Uint32Array(out.buffer);
  let s = 12345;
  for (let i = 0; i < bits.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    bits[i] = s;
  }
  special.forEach((v, i) => { out[i] = v; });
  // random bit patterns include NaNs with payloads; Parquet readers in JS hand NaN back as the canonical NaN
  for (let i = special.length; i < n; i++) if (Number.isNaN(out[i]!)) out[i] = i;
  return out;
}

function bytesOf(a: Float64Array | Int32Array): number[] {
  return [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];
}

describe('writeCellSnapshot / readCellSnapshot', () => {
  it('round-trips Float64 columns bit for bit and Int32 columns exactly, adding time_min', async () => {
    const dir = scratch();
    const n = 2500;
    const id = Int32Array.from({ length: n }, (_, i) => (i === 0 ? -2147483648 : i === 1 ? 2147483647 : i * 7));
    const type = Int32Array.from({ length: n }, (_, i) => i % 3);
    const x = awkwardDoubles(n);
    const hif = Float64Array.from({ length: n }, (_, i) => Math.sin(i) ** 2);
    const path = await writeCellSnapshot(dir, { timeMin: 90.5, columns: { id, type, x_um: x, hif } });
    expect(path).toBe(join(dir, 'cells', 't-0000090.5.parquet'));
    const back = await readCellSnapshot(path);
    expect(back.timeMin).toBe(90.5);
    expect(Object.keys(back.columns)).toEqual(['id', 'type', 'x_um', 'hif']);
    expect(back.columns.id).toBeInstanceOf(Int32Array);
    expect(back.columns.x_um).toBeInstanceOf(Float64Array);
    expect(bytesOf(back.columns.id!)).toEqual(bytesOf(id));
    expect(bytesOf(back.columns.type!)).toEqual(bytesOf(type));
    expect(bytesOf(back.columns.x_um!)).toEqual(bytesOf(x));
    expect(bytesOf(back.columns.hif!)).toEqual(bytesOf(hif));
    // an independent reader sees the same file, with the time column first
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path), rowStart: 0, rowEnd: 3 });
    expect(rows[2]).toEqual({ time_min: 90.5, id: 14, type: 2, x_um: x[2], hif: hif[2] });
  });

  it('keeps NaN as NaN', async () => {
    const dir = scratch();
    const v = new Float64Array([Number.NaN, 1, -0]);
    const back = await readCellSnapshot(await writeCellSnapshot(dir, { timeMin: 0, columns: { v } }));
    expect(Number.isNaN(back.columns.v![0]!)).toBe(true);
    expect(Object.is(back.columns.v![2], -0)).toBe(true);
  });

  it('writes an empty snapshot (all cells dead) that reads back empty', async () => {
    const dir = scratch();
    const back = await readCellSnapshot(await writeCellSnapshot(dir, { timeMin: 60, columns: { id: new Int32Array(0), hif: new Float64Array(0) } }));
    expect(back.columns.id).toHaveLength(0);
    expect(back.columns.hif).toBeInstanceOf(Float64Array);
  });

  it('rejects ragged columns, bad names, a time_min column and other array types', async () => {
    const dir = scratch();
    await expect(writeCellSnapshot(dir, { timeMin: 0, columns: { id: new Int32Array(3), hif: new Float64Array(2) } })).rejects.toThrow('column hif has 2 values, id has 3');
    await expect(writeCellSnapshot(dir, { timeMin: 0, columns: { 'miR-1246': new Float64Array(2) } })).rejects.toThrow('ASCII identifier');
    await expect(writeCellSnapshot(dir, { timeMin: 0, columns: { time_min: new Float64Array(2) } })).rejects.toThrow('added by the writer');
    await expect(writeCellSnapshot(dir, { timeMin: 0, columns: { v: new Float32Array(2) as unknown as Float64Array } })).rejects.toThrow('Float64Array or Int32Array');
    await expect(writeCellSnapshot(dir, { timeMin: -5, columns: {} })).rejects.toThrow(RangeError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeFieldSnapshot / readFieldSnapshot', () => {
  const mesh = { nx: 4, ny: 3, nz: 2, dxUm: 20, originUm: [-40, -30, -20] as const };
  const count = 24;

  it('round-trips fields bit for bit and stores voxel indices and centres in flat order', async () => {
    const dir = scratch();
    const o2 = awkwardDoubles(count);
    const ev = Float64Array.from({ length: count }, (_, i) => i * 1e-3);
    const path = await writeFieldSnapshot(dir, { timeMin: 1440, mesh, fields: { o2_mmHg: o2, ev } });
    expect(path).toBe(join(dir, 'fields', 't-0001440.parquet'));
    const back = await readFieldSnapshot(path);
    expect(back.timeMin).toBe(1440);
    expect(back.mesh).toEqual({ nx: 4, ny: 3, nz: 2, dxUm: 20, originUm: [-40, -30, -20] });
    expect(Object.keys(back.fields)).toEqual(['o2_mmHg', 'ev']);
    expect(bytesOf(back.fields.o2_mmHg!)).toEqual(bytesOf(o2));
    expect(bytesOf(back.fields.ev!)).toEqual(bytesOf(ev));
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path) });
    // flat index 17 = i + 4*(j + 3*k) with i=1, j=1, k=1
    expect(rows[17]).toMatchObject({ time_min: 1440, i: 1, j: 1, k: 1, x_um: -10, y_um: 0, z_um: 10, ev: ev[17] });
    expect(Object.keys(rows[0]!)).toEqual(['time_min', 'i', 'j', 'k', 'x_um', 'y_um', 'z_um', 'o2_mmHg', 'ev']);
  });

  it('rejects fields that do not fit the mesh and names that clash with the grid columns', async () => {
    const dir = scratch();
    await expect(writeFieldSnapshot(dir, { timeMin: 0, mesh, fields: { o2: new Float64Array(23) } })).rejects.toThrow('has 23 values; the 4×3×2 mesh has 24');
    await expect(writeFieldSnapshot(dir, { timeMin: 0, mesh, fields: { X_um: new Float64Array(count) } })).rejects.toThrow('differ only in case');
    await expect(writeFieldSnapshot(dir, { timeMin: 0, mesh: { ...mesh, nx: 0 }, fields: {} })).rejects.toThrow('mesh.nx');
  });
});

describe('writeTimeSeries / readTimeSeries', () => {
  const columns: ColumnInfo[] = [
    { name: 'cells_total', unit: 'cells', group: 'population', description: 'live cells' },
    { name: 'hif_mean', unit: '1', group: 'hypoxia', description: 'mean HIF-1α activity' },
    { name: 'o2_min', unit: 'mmHg', group: 'hypoxia', description: 'lowest O2' },
  ];

  it('round-trips rows and column descriptions, adds time_min, stores missing values as NULL', async () => {
    const dir = scratch();
    const rows: Record<string, number>[] = [
      { time_min: 0, cells_total: 300, hif_mean: 0.1 + 0.2, o2_min: 38 },
      { time_min: 60, cells_total: 305, hif_mean: 5e-324, o2_min: -0 },
      { time_min: 120, cells_total: 311, o2_min: 1 / 3 },
    ];
    await writeTimeSeries(dir, rows, columns);
    const back = await readTimeSeries(dir);
    expect(back.rows).toEqual(rows);
    expect(Object.is(back.rows[1]!.o2_min, -0)).toBe(true);
    expect(back.columns.map((c) => c.name)).toEqual(['time_min', 'cells_total', 'hif_mean', 'o2_min']);
    expect(back.columns[0]).toEqual({ name: 'time_min', unit: 'min', group: 'time', description: 'simulated time' });
    expect(back.columns[2]).toEqual(columns[1]);
    const json = JSON.parse(readFileSync(join(dir, 'columns.json'), 'utf8')) as LayoutColumnInfo[];
    expect(json).toEqual(back.columns);
  });

  it('rewrites the whole file on each call (the run appends rows and calls it again)', async () => {
    const dir = scratch();
    await writeTimeSeries(dir, [{ time_min: 0, cells_total: 1 }], columns);
    await writeTimeSeries(dir, [{ time_min: 0, cells_total: 1 }, { time_min: 10, cells_total: 2 }], columns);
    expect((await readTimeSeries(dir)).rows).toEqual([{ time_min: 0, cells_total: 1 }, { time_min: 10, cells_total: 2 }]);
    expect(readdirSync(dir).sort()).toEqual(['columns.json', 'timeseries.parquet']);
  });

  it('rejects undescribed keys and rows without time', async () => {
    const dir = scratch();
    await expect(writeTimeSeries(dir, [{ time_min: 0, nope: 1 }], columns)).rejects.toThrow('column "nope" is not described');
    await expect(writeTimeSeries(dir, [{ cells_total: 1 }], columns)).rejects.toThrow('time_min is required');
  });
});
