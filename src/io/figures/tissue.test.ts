import { describe, expect, it } from 'vitest';
import { niceLength, renderTissue, tissueSpec } from './tissue.ts';
import { pngSize } from './png-info.ts';
import type { CellSnapshot, FieldSnapshot } from '../results/types.ts';

interface Layer { data: { values: Record<string, number | string>[] }; mark: { type: string }; encoding: { color?: { type: string; title: string } } }
interface Spec { width: number; height: number; title: { text: string; subtitle: string }; layer: Layer[] }

const field2d = (nx: number, ny: number, dx = 20): FieldSnapshot => ({
  timeMin: 60,
  mesh: { nx, ny, nz: 1, dxUm: dx, originUm: [0, 0, -dx / 2] },
  fields: { o2: Float64Array.from({ length: nx * ny }, (_, i) => i), ev: new Float64Array(nx * ny).fill(1) },
});

const cells = (over: Record<string, Float64Array | Int32Array> = {}): CellSnapshot => ({
  timeMin: 60,
  columns: {
    id: new Int32Array([0, 1, 2]),
    type: new Int32Array([0, 1, 0]),
    x_um: new Float64Array([100, 200, 300]),
    y_um: new Float64Array([100, 100, 150]),
    z_um: new Float64Array([0, 0, 0]),
    radius_um: new Float64Array([10, 8, 5]),
    hif: new Float64Array([0.1, 0.5, 0.9]),
    ...over,
  },
});

describe('tissue figure spec', () => {
  it('keeps µm-per-pixel equal on both axes and draws circles at their true size', () => {
    const spec = tissueSpec({ timeMin: 60, cells: { snapshot: cells(), color: 'hif' }, field: { snapshot: field2d(40, 20), name: 'o2' } }) as Spec;
    expect(spec.width).toBe(560);
    expect(spec.height).toBe(280);
    const pts = spec.layer.find((l) => l.mark.type === 'point')!;
    const pxPerUm = 560 / 800;
    // vega's circle of size s has diameter √s
    expect(pts.data.values.map((v) => Math.sqrt(v.s as number))).toEqual([20 * pxPerUm, 16 * pxPerUm, 10 * pxPerUm].map((d) => expect.closeTo(d, 9) as number));
    expect(pts.encoding.color).toMatchObject({ type: 'quantitative', title: 'hif' });
    expect(spec.title.text).toBe('t = 60 min');
    expect(spec.title.subtitle).toBe('3 cells coloured by hif · field o2');
  });

  it('shows one rect per voxel up to 200 per side, block means beyond', () => {
    const small = tissueSpec({ timeMin: 60, field: { snapshot: field2d(10, 10), name: 'o2' } }) as Spec;
    const rects = small.layer.find((l) => l.mark.type === 'rect')!.data.values;
    expect(rects).toHaveLength(100);
    expect(rects[11]).toEqual({ x: 20, x2: 40, y: 20, y2: 40, v: 11 });
    const big = tissueSpec({ timeMin: 60, field: { snapshot: field2d(401, 3, 1), name: 'o2' } }) as Spec;
    const blocks = big.layer.find((l) => l.mark.type === 'rect')!.data.values;
    expect(blocks).toHaveLength(Math.ceil(401 / 3)); // 3×3 blocks, one row of them
    expect(blocks[0]!.v).toBe((0 + 1 + 2 + 401 + 402 + 403 + 802 + 803 + 804) / 9);
    expect(blocks.at(-1)).toMatchObject({ x: 399, x2: 401, v: (399 + 400 + 800 + 801 + 1201 + 1202) / 6 });
    expect(big.title.subtitle).toContain('3×3-voxel means');
  });

  it('in 3D draws the middle z-slice and the cells it cuts, at the radius of the cut', () => {
    const nx = 5, ny = 5, nz = 3;
    const field: FieldSnapshot = { timeMin: 0, mesh: { nx, ny, nz, dxUm: 20, originUm: [0, 0, 0] }, fields: { o2: Float64Array.from({ length: 75 }, (_, i) => Math.floor(i / 25)) } };
    const snap = cells({ z_um: new Float64Array([30, 36, 45]) }); // slice centre z = 30
    const spec = tissueSpec({ timeMin: 0, cells: { snapshot: snap, color: 'hif' }, field: { snapshot: field, name: 'o2' } }) as Spec;
    const rects = spec.layer.find((l) => l.mark.type === 'rect')!.data.values;
    expect(new Set(rects.map((r) => r.v))).toEqual(new Set([1])); // only k = 1
    const pts = spec.layer.find((l) => l.mark.type === 'point')!.data.values;
    expect(pts.map((p) => p.c)).toEqual([0.1, 0.5]); // the third cell (dz 15 > r 5) is not cut
    const pxPerUm = 560 / 100;
    expect(Math.sqrt(pts[1]!.s as number)).toBeCloseTo(2 * Math.sqrt(8 * 8 - 6 * 6) * pxPerUm, 9);
    expect(spec.title.subtitle).toContain('slice z = 30 µm');
  });

  it('colours by categories for small integer columns; frames the cells when there is no field', () => {
    const spec = tissueSpec({ timeMin: 0, cells: { snapshot: cells(), color: 'type' } }) as Spec;
    expect(spec.layer.find((l) => l.mark.type === 'point')!.encoding.color).toMatchObject({ type: 'nominal', title: 'type' });
    expect(spec.layer.some((l) => l.mark.type === 'rect' && l.encoding.color !== undefined)).toBe(false);
    expect(spec.width).toBe(560); // x spans more than y
    expect(spec.height).toBeLessThan(560);
  });

  it('frames 1.5×10⁵ cells without a field (no argument-spreading limits)', () => {
    const n = 150_000;
    const snap: CellSnapshot = { timeMin: 0, columns: { x_um: Float64Array.from({ length: n }, (_, i) => i % 1000), y_um: Float64Array.from({ length: n }, (_, i) => Math.floor(i / 1000)), hif: new Float64Array(n) } };
    const spec = tissueSpec({ timeMin: 0, cells: { snapshot: snap, color: 'hif' } }) as Spec;
    expect(spec.layer.find((l) => l.mark.type === 'point')!.data.values).toHaveLength(n);
    expect(spec.title.subtitle).toBe('150,000 cells coloured by hif');
  });

  it('a scale bar of a round length', () => {
    expect([niceLength(160), niceLength(99), niceLength(1000), niceLength(3)]).toEqual([100, 50, 1000, 2]);
    const spec = tissueSpec({ timeMin: 0, field: { snapshot: field2d(40, 40), name: 'o2' } }) as Spec;
    expect(spec.layer.find((l) => l.mark.type === 'text')!.data.values[0]!.label).toBe('100 µm');
  });

  it('renders to SVG and PNG', async () => {
    const fig = await renderTissue({ timeMin: 60, cells: { snapshot: cells(), color: 'hif' }, field: { snapshot: field2d(20, 20), name: 'o2' } });
    expect(fig.svg.startsWith('<svg')).toBe(true);
    expect(fig.svg).toContain('>50 µm<'); // 400 µm wide → a 50 µm bar
    expect(pngSize(fig.png)?.width).toBeGreaterThan(1000);
  });
});
