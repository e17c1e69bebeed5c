import { describe, expect, it } from 'vitest';
import { Image } from '@napi-rs/canvas';
import { renderSvg, svgToPng } from './render.ts';
import { barChartSpec } from './specs.ts';

describe('renderSvg / svgToPng', () => {
  it('renders a spec to SVG and rasterises it to a PNG of scale × its size', async () => {
    const svg = await renderSvg(barChartSpec({ yTitle: 'y (u)', arms: [{ arm: 'a', values: [1, 2] }, { arm: 'b', values: [3, 4] }] }));
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = svgToPng(svg, 2);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const back = new Image();
    back.src = png;
    expect([back.width, back.height]).toEqual([2 * width, 2 * height]);
  });

  it('throws on something that is not an SVG', () => {
    expect(() => svgToPng('not an svg')).toThrow();
  });

  it('throws on an invalid spec instead of rendering nothing', async () => {
    await expect(renderSvg({ $schema: 'x', mark: 'no-such-mark' })).rejects.toThrow();
  });
});
