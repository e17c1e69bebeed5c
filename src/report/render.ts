/**
 * Vega-Lite spec → SVG string (headless: vega's `renderer: 'none'` needs no DOM) → PNG bytes
 * (@napi-rs/canvas draws the SVG). Fonts come from the system (DejaVu Sans on the project machines);
 * `FONT` in spec-style.ts lists fallbacks for other systems.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { createCanvas, Image } from '@napi-rs/canvas';
import type { VegaLiteSpec } from './spec-style.ts';

/** Compiles and renders a Vega-Lite spec to a standalone SVG document string. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  // vega-lite validates the structure at compile time and throws on an invalid spec
  const compiled = compile(spec as unknown as TopLevelSpec);
  const view = new View(parse(compiled.spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterises an SVG string to PNG at `scale` × its pixel size (2 = print-friendly). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const image = new Image();
  image.src = Buffer.from(svg, 'utf8');
  if (!(image.width > 0 && image.height > 0)) throw new Error('the SVG could not be decoded (no width/height)');
  const canvas = createCanvas(Math.ceil(image.width * scale), Math.ceil(image.height * scale));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toBuffer('image/png');
}
