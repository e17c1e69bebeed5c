/**
 * A tissue snapshot: a field as a heat map (the middle z-slice in 3D) with the cells drawn as circles
 * of their true size, coloured by one cell column; a colour bar for each, a scale bar in µm, and the
 * time in the title. x and y use the same µm-per-pixel, so circles stay round and sizes true.
 *
 * In 3D a cell is drawn when its sphere cuts the slice plane, with the radius of that cut. Fields
 * wider than 200 voxels are shown as block means (stated in the subtitle) to keep the SVG small.
 */
import type { CellSnapshot, FieldSnapshot } from '../results/types.ts';
import { FIGURE_CONFIG, formatTime } from './style.ts';
import { renderVegaLite, type RenderedFigure } from './render.ts';

export interface TissueFigureInput {
  timeMin: number;
  cells?: { snapshot: CellSnapshot; color: string };
  field?: { snapshot: FieldSnapshot; name: string };
  title?: string;
  /** Longer side of the plot area in pixels (default 560). */
  sizePx?: number;
}

const MAX_BLOCKS = 200;
const DEFAULT_RADIUS_UM = 5;
/** Int32 columns with at most this many distinct values are drawn as categories (type, phase). */
const MAX_CATEGORIES = 12;
/** Above this many cells the per-cell SVG labels (aria) are left out: they would double the file. */
const MAX_ARIA_CELLS = 2000;

/** 1, 2 or 5 × 10^k closest below `x` (at least a fifth of it). */
export function niceLength(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [5, 2, 1]) if (m * p <= x) return m * p;
  return p;
}

interface Box { x0: number; x1: number; y0: number; y1: number }

function fieldLayer(field: NonNullable<TissueFigureInput['field']>): { rows: { x: number; x2: number; y: number; y2: number; v: number }[]; box: Box; sliceZ?: number; block: number } {
  const { mesh, fields } = field.snapshot;
  const values = fields[field.name]!;
  const { nx, ny, nz, dxUm, originUm } = mesh;
  const k = Math.floor(nz / 2);
  const block = Math.max(1, Math.ceil(Math.max(nx, ny) / MAX_BLOCKS));
  const rows: { x: number; x2: number; y: number; y2: number; v: number }[] = [];
  for (let bj = 0; bj < ny; bj += block) {
    for (let bi = 0; bi < nx; bi += block) {
      let sum = 0, count = 0;
      for (let j = bj; j < Math.min(ny, bj + block); j++) {
        for (let i = bi; i < Math.min(nx, bi + block); i++) {
          const v = values[i + nx * (j + ny * k)]!;
          if (Number.isFinite(v)) { sum += v; count++; }
        }
      }
      if (count === 0) continue;
      rows.push({ x: originUm[0] + bi * dxUm, x2: originUm[0] + Math.min(nx, bi + block) * dxUm, y: originUm[1] + bj * dxUm, y2: originUm[1] + Math.min(ny, bj + block) * dxUm, v: sum / count });
    }
  }
  const box = { x0: originUm[0], x1: originUm[0] + nx * dxUm, y0: originUm[1], y1: originUm[1] + ny * dxUm };
  return { rows, box, block, ...(nz > 1 ? { sliceZ: originUm[2] + (k + 0.5) * dxUm } : {}) };
}

function cellRows(cells: NonNullable<TissueFigureInput['cells']>, sliceZ: number | undefined, sliceHalfUm: number): { x: number; y: number; r: number; c: number }[] {
  const { columns } = cells.snapshot;
  const x = columns.x_um, y = columns.y_um, z = columns.z_um, radius = columns.radius_um, color = columns[cells.color]!;
  if (x === undefined || y === undefined) throw new Error('tissue figure: the cell snapshot needs x_um and y_um columns');
  const out: { x: number; y: number; r: number; c: number }[] = [];
  for (let n = 0; n < x.length; n++) {
    let r = radius === undefined ? DEFAULT_RADIUS_UM : radius[n]!;
    if (sliceZ !== undefined && z !== undefined) {
      const dz = Math.abs(z[n]! - sliceZ);
      const reach = radius === undefined ? sliceHalfUm : r;
      if (dz >= reach) continue;
      if (radius !== undefined) r = Math.sqrt(r * r - dz * dz);
    }
    out.push({ x: x[n]!, y: y[n]!, r, c: color[n]! });
  }
  return out;
}

function isCategorical(values: Float64Array | Int32Array): boolean {
  if (!(values instanceof Int32Array)) return false;
  const seen = new Set<number>();
  for (const v of values) {
    seen.add(v);
    if (seen.size > MAX_CATEGORIES) return false;
  }
  return true;
}

/** The Vega-Lite spec of a tissue snapshot. */
export function tissueSpec(input: TissueFigureInput): object {
  if (input.cells === undefined && input.field === undefined) throw new Error('tissueSpec: give cells, a field, or both');
  if (input.field !== undefined && input.field.snapshot.fields[input.field.name] === undefined) throw new Error(`tissueSpec: no field ${input.field.name}`);
  if (input.cells !== undefined && input.cells.snapshot.columns[input.cells.color] === undefined) throw new Error(`tissueSpec: no cell column ${input.cells.color}`);
  const heat = input.field === undefined ? undefined : fieldLayer(input.field);
  const dx = input.field?.snapshot.mesh.dxUm ?? 2 * DEFAULT_RADIUS_UM;
  const cells = input.cells === undefined ? [] : cellRows(input.cells, heat?.sliceZ, dx / 2);
  let box: Box;
  if (heat !== undefined) box = heat.box;
  else {
    // loops, not Math.min(...xs): spreading 10⁵ arguments overflows the stack
    let rMax = DEFAULT_RADIUS_UM, xLo = Infinity, xHi = -Infinity, yLo = Infinity, yHi = -Infinity;
    for (const c of cells) {
      rMax = Math.max(rMax, c.r);
      xLo = Math.min(xLo, c.x); xHi = Math.max(xHi, c.x);
      yLo = Math.min(yLo, c.y); yHi = Math.max(yHi, c.y);
    }
    const pad = (lo: number, hi: number): [number, number] => { const m = 0.05 * (hi - lo) + rMax; return [lo - m, hi + m]; };
    const [x0, x1] = cells.length === 0 ? [-50, 50] : pad(xLo, xHi);
    const [y0, y1] = cells.length === 0 ? [-50, 50] : pad(yLo, yHi);
    box = { x0, x1, y0, y1 };
  }
  const wUm = box.x1 - box.x0, hUm = box.y1 - box.y0;
  const size = input.sizePx ?? 560;
  const pxPerUm = size / Math.max(wUm, hUm);
  const width = Math.max(40, Math.round(wUm * pxPerUm)), height = Math.max(40, Math.round(hUm * pxPerUm));
  const axis = (px: number): object => ({ tickCount: Math.max(2, Math.floor(px / 70)), labelOverlap: true });
  const x = { field: 'x', type: 'quantitative', scale: { domain: [box.x0, box.x1], nice: false, zero: false }, title: 'x (µm)', axis: axis(width) };
  const y = { field: 'y', type: 'quantitative', scale: { domain: [box.y0, box.y1], nice: false, zero: false }, title: 'y (µm)', axis: axis(height) };
  const layers: object[] = [];
  if (heat !== undefined && input.field !== undefined) {
    layers.push({
      data: { values: heat.rows },
      mark: { type: 'rect', strokeWidth: 0, aria: false },
      encoding: { x, x2: { field: 'x2' }, y, y2: { field: 'y2' }, color: { field: 'v', type: 'quantitative', scale: { scheme: { name: 'blues', extent: [0.05, 0.75] } }, title: input.field.name, legend: { orient: 'right', gradientLength: Math.min(220, height / 2) } } },
    });
  }
  if (input.cells !== undefined) {
    const categorical = isCategorical(input.cells.snapshot.columns[input.cells.color]!);
    const rPx = cells.map((c) => c.r * pxPerUm).sort((a, b) => a - b);
    const stroke = (rPx[Math.floor(rPx.length / 2)] ?? 0) >= 2;
    layers.push({
      data: { values: cells.map((c) => ({ x: c.x, y: c.y, c: c.c, s: (2 * c.r * pxPerUm) ** 2 })) },
      mark: { type: 'point', shape: 'circle', filled: true, opacity: 1, aria: cells.length <= MAX_ARIA_CELLS, ...(stroke ? { stroke: '#222', strokeWidth: 0.4 } : { strokeWidth: 0 }) },
      encoding: {
        x,
        y,
        size: { field: 's', type: 'quantitative', scale: null },
        color: categorical
          ? { field: 'c', type: 'nominal', scale: { scheme: 'tableau10' }, title: input.cells.color, legend: { orient: 'right' } }
          : { field: 'c', type: 'quantitative', scale: { scheme: 'inferno' }, title: input.cells.color, legend: { orient: 'right', gradientLength: Math.min(220, height / 2) } },
      },
    });
  }
  // scale bar, on a white label box in the lower-left corner
  const bar = niceLength(wUm / 5);
  const bx = box.x0 + 0.05 * wUm, by = box.y0 + 0.06 * hUm;
  const labelY = by + 14 / pxPerUm;
  layers.push(
    { data: { values: [{ x: box.x0 + 0.03 * wUm, x2: bx + bar + 0.02 * wUm, y: box.y0 + 0.025 * hUm, y2: labelY + 12 / pxPerUm }] }, mark: { type: 'rect', fill: 'white', opacity: 0.8 }, encoding: { x, x2: { field: 'x2' }, y, y2: { field: 'y2' } } },
    { data: { values: [{ x: bx, x2: bx + bar, y: by }] }, mark: { type: 'rule', color: 'black', strokeWidth: 3 }, encoding: { x, x2: { field: 'x2' }, y } },
    { data: { values: [{ x: bx + bar / 2, y: labelY, label: `${bar} µm` }] }, mark: { type: 'text', fontSize: 11, baseline: 'middle' }, encoding: { x, y, text: { field: 'label' } } },
  );
  const what: string[] = [];
  if (input.cells !== undefined) what.push(`${cells.length.toLocaleString('en-US')} cells coloured by ${input.cells.color}${heat?.sliceZ !== undefined ? ' (those cut by the slice)' : ''}`);
  if (heat !== undefined && input.field !== undefined) {
    const slice = heat.sliceZ === undefined ? '' : `, slice z = ${heat.sliceZ} µm`;
    what.push(`field ${input.field.name}${slice}${heat.block > 1 ? `, ${heat.block}×${heat.block}-voxel means` : ''}`);
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title ?? `t = ${formatTime(input.timeMin)}`, subtitle: what.join(' · ') },
    config: FIGURE_CONFIG,
    width,
    height,
    layer: layers,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  };
}

export async function renderTissue(input: TissueFigureInput): Promise<RenderedFigure> {
  return renderVegaLite(tissueSpec(input));
}
