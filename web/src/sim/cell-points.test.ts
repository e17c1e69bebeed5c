import { OrthographicView } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { maxZoomFor, pointTransform } from './cell-points.ts';

describe('cell points: world → clip transform from a deck.gl viewport', () => {
  it('puts every world point where deck.gl projects it', () => {
    const width = 800;
    const height = 500;
    const viewport = new OrthographicView({ id: 't', flipY: false }).makeViewport({ width, height, viewState: { target: [1200, 700, 0], zoom: -1.3 } })!;
    for (const dpr of [1, 2]) {
      const t = pointTransform(viewport.project([0, 0]), viewport.project([1, 1]), width, height, dpr);
      for (const [x, y] of [[0, 0], [1200, 700], [2500, 90], [-40, 1900]] as const) {
        const [px, py] = viewport.project([x, y]);
        // clip → CSS pixels (y down)
        expect(((x * t.scale[0] + t.offset[0] + 1) / 2) * width).toBeCloseTo(px!, 6);
        expect(((1 - (y * t.scale[1] + t.offset[1])) / 2) * height).toBeCloseTo(py!, 6);
      }
      expect(t.pixelsPerUm).toBeCloseTo(2 ** -1.3 * dpr, 9);
    }
  });

  it('caps the zoom where a cell reaches the largest point size', () => {
    const z = maxZoomFor(12, 1023, 2);
    expect(2 * 12 * 2 ** z * 2).toBeCloseTo(1023, 9);
    expect(maxZoomFor(6, 1023, 1)).toBeCloseTo(z + 2, 9);
  });
});
