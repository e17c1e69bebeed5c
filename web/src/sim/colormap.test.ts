import { describe, expect, it } from 'vitest';
import { blues, rangeOf, viridis } from './colormap.ts';

describe('colour scales', () => {
  it('run from the first to the last stop and clamp outside [0, 1]', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
    expect(blues(1)).toEqual([8, 48, 107]);
    const mid = viridis(0.0625); // halfway between the first two stops
    expect(mid[1]).toBeCloseTo(22.5, 6);
  });

  it('finds the range of the kept finite values', () => {
    const v = new Float32Array([9, 1, 5, Number.NaN, -2, 7]);
    expect(rangeOf(v, 1, 4)).toEqual([-2, 5]);
    expect(rangeOf(v, 0, 6, (i) => i !== 4)).toEqual([1, 9]);
    expect(rangeOf(v, 3, 1)).toEqual([0, 1]);
  });
});
