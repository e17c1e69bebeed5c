import { describe, expect, it } from 'vitest';
import { decodeMetrics, encodeMetrics } from './metrics-json.ts';

describe('metrics through JSON', () => {
  it('round-trips every double exactly, −0, NaN and the infinities included', () => {
    const m = { held: true, zero: 0, negZero: -0, nan: NaN, inf: Infinity, ninf: -Infinity, tiny: 5e-324, third: 1 / 3, big: -1.7976931348623157e308 };
    const back = decodeMetrics(JSON.parse(JSON.stringify(encodeMetrics(m))));
    expect(Object.keys(back)).toEqual(Object.keys(m));
    for (const [k, v] of Object.entries(m)) expect(Object.is(back[k], v), k).toBe(true);
    expect(Object.is(back.zero, 0)).toBe(true);
  });

  it('refuses what is neither a number nor a boolean', () => {
    expect(() => decodeMetrics({ a: 'x' })).toThrow(/metric "a"/);
    expect(() => decodeMetrics([1])).toThrow(/object/);
  });
});
