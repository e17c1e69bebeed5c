/**
 * The tissue view, free of the UI framework: deck.gl holds the view (orthographic, y up, in µm;
 * pan and zoom with mouse, touch or keyboard — arrows, +/-) and draws the field as a BitmapLayer;
 * the cells are WebGL2 point sprites on a canvas laid over it (cell-points.ts: positions, radii and
 * colours as typed arrays, 10^5 cells in one upload and one draw call), redrawn from deck's
 * viewport after each of its frames.
 */
import { Deck, OrthographicView, type OrthographicViewState } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';
import { createCellPoints, maxZoomFor, pointTransform } from './cell-points.ts';
import { blues, rangeOf, viridis } from './colormap.ts';

export interface CellsData {
  /** x, y, radius, value, state — each `count` long, one after another (the /cells format). */
  data: Float32Array;
  count: number;
}

export interface FieldData {
  nx: number;
  ny: number;
  dxUm: number;
  data: Float32Array;
}

export interface TissueView {
  setDomain(width: number, height: number): void;
  /** Draw cells coloured by their value; returns the value range used for colour. */
  setCells(cells: CellsData | null): [number, number] | null;
  /** Draw a field under the cells; returns its value range. */
  setField(field: FieldData | null): [number, number] | null;
  destroy(): void;
}

const DEAD: [number, number, number] = [150, 150, 150];

function fieldCanvas(f: FieldData): { canvas: HTMLCanvasElement; range: [number, number] } {
  const range = rangeOf(f.data, 0, f.data.length);
  const span = range[1] - range[0] || 1;
  const canvas = document.createElement('canvas');
  canvas.width = f.nx;
  canvas.height = f.ny;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(f.nx, f.ny);
  for (let j = 0; j < f.ny; j++) {
    const row = f.ny - 1 - j; // image row 0 is the top of the domain (largest y)
    for (let i = 0; i < f.nx; i++) {
      const [r, g, b] = blues((f.data[i + f.nx * j]! - range[0]) / span);
      const o = 4 * (i + f.nx * row);
      img.data[o] = r;
      img.data[o + 1] = g;
      img.data[o + 2] = b;
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return { canvas, range };
}

export function createTissueView(container: HTMLDivElement): TissueView {
  let width = 1;
  let height = 1;
  let fieldLayer: BitmapLayer | null = null;
  let fieldSize: [number, number] = [1, 1];
  // Instrumentation read by the scale test: frames drawn (data-frames) and, per cell update, the
  // time from handing the arrays to the renderer to the end of the next drawn frame
  // (performance measure "exoscape:cells-drawn").
  let frames = 0;
  let pendingDraw = false;
  const overlay = document.createElement('canvas');
  overlay.className = 'tissue-cells';
  overlay.setAttribute('aria-hidden', 'true');
  overlay.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none;z-index:1';
  const points = createCellPoints(overlay);
  const dpr = (): number => window.devicePixelRatio || 1;
  // Cells grow to about 12 µm in radius; beyond the zoom where one would exceed the largest point
  // size, points would be clamped (drawn smaller than the cell), so the view stops zooming there.
  const MAX_CELL_RADIUS_UM = 12;
  const fitView = (): OrthographicViewState => {
    const w = container.clientWidth || 400;
    const h = container.clientHeight || 400;
    const zoom = Math.log2(Math.min(w / width, h / height) * 0.95);
    const cap = maxZoomFor(MAX_CELL_RADIUS_UM, points.maxPointPx, dpr());
    return { target: [width / 2, height / 2, 0], zoom, minZoom: zoom - 2, maxZoom: Math.max(zoom, Math.min(zoom + 6, cap)) };
  };
  let deckRef: Deck<OrthographicView> | null = null;
  const drawCells = (): void => {
    const viewport = deckRef?.getViewports()[0];
    if (!viewport) return;
    const w = container.clientWidth || viewport.width;
    const h = container.clientHeight || viewport.height;
    points.resize(w, h, dpr());
    points.draw(pointTransform(viewport.project([0, 0]), viewport.project([1, 1]), viewport.width, viewport.height, dpr()));
  };
  const deck = new Deck<OrthographicView>({
    parent: container,
    views: new OrthographicView({ id: 'tissue', flipY: false, controller: { keyboard: true, doubleClickZoom: true } }),
    initialViewState: fitView(),
    layers: [],
    getCursor: ({ isDragging }) => (isDragging ? 'grabbing' : 'grab'),
    onAfterRender: () => {
      drawCells();
      frames++;
      container.dataset.frames = String(frames);
      if (pendingDraw) {
        pendingDraw = false;
        performance.measure('exoscape:cells-drawn', 'exoscape:cells-set');
      }
    },
  });
  deckRef = deck;
  container.appendChild(overlay);
  const redraw = (): void => {
    deck.setProps({ layers: fieldLayer === null ? [] : [fieldLayer] });
    deck.redraw('tissue data');
  };
  return {
    setDomain(w, h) {
      if (w === width && h === height) return;
      width = w;
      height = h;
      deck.setProps({ initialViewState: fitView() });
    },
    setCells(cells) {
      if (cells === null) {
        points.setCells(new Float32Array(0), new Float32Array(0), new Uint8Array(0), 0);
        redraw();
        return null;
      }
      const { data, count: n } = cells;
      const live = (i: number): boolean => data[4 * n + i] === 0;
      const range = rangeOf(data, 3 * n, n, live);
      const span = range[1] - range[0] || 1;
      const positions = new Float32Array(2 * n);
      const colours = new Uint8Array(4 * n);
      for (let i = 0; i < n; i++) {
        positions[2 * i] = data[i]!;
        positions[2 * i + 1] = data[n + i]!;
        const [r, g, b] = live(i) ? viridis((data[3 * n + i]! - range[0]) / span) : DEAD;
        colours[4 * i] = r;
        colours[4 * i + 1] = g;
        colours[4 * i + 2] = b;
        colours[4 * i + 3] = 235;
      }
      performance.mark('exoscape:cells-set');
      pendingDraw = true;
      points.setCells(positions, data.subarray(2 * n, 3 * n), colours, n);
      redraw();
      return range;
    },
    setField(field) {
      if (field === null || field.data.length === 0) {
        fieldLayer = null;
        redraw();
        return null;
      }
      const { canvas, range } = fieldCanvas(field);
      fieldSize = [field.nx * field.dxUm, field.ny * field.dxUm];
      fieldLayer = new BitmapLayer({ id: 'field', image: canvas, bounds: [0, 0, fieldSize[0], fieldSize[1]], opacity: 0.85, textureParameters: { minFilter: 'nearest', magFilter: 'nearest' } });
      redraw();
      return range;
    },
    destroy() {
      points.destroy();
      overlay.remove();
      deck.finalize();
    },
  };
}
