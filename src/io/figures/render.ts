/**
 * Server-side figures: a Vega-Lite spec → SVG (vega's View with renderer 'none', no DOM) → PNG
 * (@napi-rs/canvas draws the SVG). vega's own toCanvas() needs node-canvas, so everything goes
 * through SVG, which also keeps the SVG and PNG identical in content.
 *
 * General on purpose: the run figures (plot) and, later, reports use it with any Vega-Lite spec.
 */
import { createCanvas, Image } from '@napi-rs/canvas';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RenderOptions {
  /** PNG pixels per SVG pixel (default 2, for print-quality figures). */
  pngScale?: number;
}

export interface RenderedFigure {
  svg: string;
  png: Uint8Array;
  /** SVG size in CSS pixels; the PNG is `pngScale` times larger. */
  width: number;
  height: number;
}

/** Rasterise an SVG document; throws when the SVG cannot be decoded. */
export async function svgToPng(svg: string, scale = 2): Promise<{ png: Uint8Array; width: number; height: number }> {
  const img = new Image();
  img.src = Buffer.from(svg, 'utf8');
  if (!(img.width > 0 && img.height > 0)) throw new Error(`svgToPng: could not decode the SVG (starts with ${JSON.stringify(svg.slice(0, 40))})`);
  const canvas = createCanvas(Math.ceil(img.width * scale), Math.ceil(img.height * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale); // vector scaling: the SVG is drawn at the final resolution
  ctx.drawImage(img, 0, 0);
  return { png: new Uint8Array(await canvas.encode('png')), width: img.width, height: img.height };
}

/** Render a Vega-Lite spec (inline data only) to SVG and PNG. */
export async function renderVegaLite(spec: object, options: RenderOptions = {}): Promise<RenderedFigure> {
  const vega = compile(spec as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const { png, width, height } = await svgToPng(svg, options.pngScale ?? 2);
    return { svg, png, width, height };
  } finally {
    view.finalize();
  }
}
