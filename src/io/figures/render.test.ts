import { describe, expect, it } from 'vitest';
import { renderVegaLite, svgToPng } from './render.ts';
import { pngSize } from './png-info.ts';

describe('renderVegaLite', () => {
  it('renders a spec to an SVG document and a PNG twice its size', async () => {
    const spec = {
      width: 200,
      height: 100,
      data: { values: [{ a: 1, b: 2 }, { a: 2, b: 5 }, { a: 3, b: 3 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'ordinal' }, y: { field: 'b', type: 'quantitative' } },
    };
    const fig = await renderVegaLite(spec);
    expect(fig.svg.startsWith('<svg')).toBe(true);
    expect(fig.svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(fig.svg.match(/<path[^>]*aria-roledescription="bar"/g) ?? []).toHaveLength(3);
    const size = pngSize(fig.png);
    expect(size).toEqual({ width: Math.ceil(fig.width * 2), height: Math.ceil(fig.height * 2) });
    // the plot area plus axes: somewhat larger than the 200×100 data rectangle
    expect(fig.width).toBeGreaterThan(200);
    expect(fig.width).toBeLessThan(320);
    expect(fig.height).toBeGreaterThan(100);
    expect(fig.height).toBeLessThan(200);
  });

  it('rejects an invalid spec and an undecodable SVG', async () => {
    await expect(renderVegaLite({ mark: 'nonsense' })).rejects.toThrow();
    await expect(svgToPng('<svg nonsense')).rejects.toThrow('could not decode the SVG');
  });

  it('pngSize refuses bytes that are not a PNG', () => {
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeUndefined();
  });
});
