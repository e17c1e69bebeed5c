import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { armPalette, barChartSpec, formatP, OKABE_ITO, significanceLabel, timeCourseSpec, tornadoSpec, type VegaLiteSpec } from './specs.ts';
import { renderSvg } from './render.ts';
import { countMarks, markGroups, texts } from './test-helpers/svg.ts';

/** The brief's check, spelled out: vega-lite compiles it and vega renders it headless. */
async function compileAndRender(spec: VegaLiteSpec): Promise<string> {
  const compiled = compile(spec as unknown as TopLevelSpec);
  const svg = await new View(parse(compiled.spec), { renderer: 'none' }).toSVG();
  expect(svg.startsWith('<svg')).toBe(true);
  return svg;
}

const migration = [
  { arm: 'PBS', values: [52, 61, 48, 57, 55] },
  { arm: 'N-GDE', values: [71, 80, 66, 75, 78] },
  { arm: 'H-GDE', values: [118, 131, 109, 124, 140] },
];

describe('barChartSpec', () => {
  it('draws one bar per arm, one dot per replicate, whiskers with caps, and axis titles with units', async () => {
    const svg = await compileAndRender(barChartSpec({ title: 'Migration', yTitle: 'Migrated cells per field (count)', arms: migration }));
    expect(countMarks(svg, 'rect')).toBe(3);
    expect(countMarks(svg, 'symbol')).toBe(15);
    expect(countMarks(svg, 'rule')).toBe(9); // 3 whiskers + 3 upper caps + 3 lower caps
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['PBS', 'N-GDE', 'H-GDE', 'Migrated cells per field (count)', 'Migration']));
  });

  it('puts bars at the mean and whiskers at mean ± SD', async () => {
    const spec = barChartSpec({ yTitle: 'y (u)', arms: [{ arm: 'a', values: [1, 2, 3] }] });
    const svg = await compileAndRender(spec);
    // the rect layer's data carries mean 2, sd 1 → whisker from 1 to 3
    const layer = (spec.layer as { data: { values: { mean: number; lo: number; hi: number }[] } }[])[0]!;
    expect(layer.data.values[0]).toMatchObject({ mean: 2, lo: 1, hi: 3 });
    expect(svg).toContain('mean: 2');
  });

  it('annotates each comparison with a bracket and stars or p text', async () => {
    const comparisons = [{ arm: 'N-GDE', versus: 'PBS', p: 0.004 }, { arm: 'H-GDE', versus: 'PBS', p: 0.2 }];
    const stars = await compileAndRender(barChartSpec({ yTitle: 'y (u)', arms: migration, comparisons }));
    expect(markGroups(stars, 'text').join('')).toMatch(/>\*\*<.*>ns</s);
    expect(countMarks(stars, 'rule')).toBe(9 + 3 * 2);
    const p = await compileAndRender(barChartSpec({ yTitle: 'y (u)', arms: migration, comparisons, significance: 'p' }));
    expect(texts(p)).toEqual(expect.arrayContaining(['p = 0.0040', 'p = 0.20']));
  });

  it('is deterministic and keeps arm colours from the palette', async () => {
    const palette = armPalette(['PBS', 'N-GDE', 'H-GDE'], { 'H-GDE': '#aa0000' });
    const a = await renderSvg(barChartSpec({ yTitle: 'y (u)', arms: migration, palette }));
    const b = await renderSvg(barChartSpec({ yTitle: 'y (u)', arms: migration, palette }));
    expect(a).toBe(b);
    expect(a).toContain('fill="#aa0000"');
    expect(a).toContain(`fill="${OKABE_ITO[0]!}"`);
  });

  it('rejects empty, duplicate or non-finite arms and comparisons to unknown arms', () => {
    expect(() => barChartSpec({ yTitle: 'y', arms: [] })).toThrow(/at least one arm/);
    expect(() => barChartSpec({ yTitle: 'y', arms: [{ arm: 'a', values: [1] }, { arm: 'a', values: [2] }] })).toThrow(/unique/);
    expect(() => barChartSpec({ yTitle: 'y', arms: [{ arm: 'a', values: [Number.NaN] }] })).toThrow(/finite/);
    expect(() => barChartSpec({ yTitle: 'y', arms: migration, comparisons: [{ arm: 'X', versus: 'PBS', p: 0.1 }] })).toThrow(/not in the chart/);
  });

  it('survives arm names with quotes and markup (labels are data, escaped by vega)', async () => {
    const svg = await compileAndRender(barChartSpec({ yTitle: 'y', arms: [{ arm: `<b>"x"</b>'`, values: [1, 2] }, { arm: 'b\\c', values: [2, 3] }] }));
    expect(texts(svg)).toEqual(expect.arrayContaining([`<b>"x"</b>'`, 'b\\c']));
    expect(svg).not.toContain('<b>');
  });
});

describe('timeCourseSpec', () => {
  const series = [
    { arm: 'N-GDE', points: [0, 6, 12, 24].map((time, i) => ({ time, values: [10 * i, 10 * i + 2, 10 * i + 4] })) },
    { arm: 'H-GDE', points: [0, 6, 12, 24].map((time, i) => ({ time, values: [20 * i, 20 * i + 3, 20 * i + 6] })) },
  ];

  it('draws a mean line with dots and a ±SD band per arm, a legend, and the time axis in hours', async () => {
    const svg = await compileAndRender(timeCourseSpec({ yTitle: 'Labelled recipient cells (%)', series, xDomain: [0, 24], yDomain: [0, 100], xTicks: [0, 6, 12, 18, 24] }));
    expect(countMarks(svg, 'area')).toBe(2);
    expect(countMarks(svg, 'line')).toBe(2);
    expect(countMarks(svg, 'symbol')).toBe(8);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['Time (h)', 'Labelled recipient cells (%)', 'N-GDE', 'H-GDE', '18', '24']));
    expect(svg).toContain('role-legend');
  });

  it('takes the wound-closure layout (0–48 h) and computes mean ± SD per time', async () => {
    const spec = timeCourseSpec({ yTitle: 'Wound closed (%)', xDomain: [0, 48], series: [{ arm: 'PBS', points: [{ time: 0, values: [0, 0] }, { time: 48, values: [40, 50] }] }] });
    await compileAndRender(spec);
    const rows = (spec.data as { values: { time: number; mean: number; sd: number }[] }).values;
    expect(rows[1]).toMatchObject({ time: 48, mean: 45 });
    expect(rows[1]!.sd).toBeCloseTo(Math.sqrt(50), 12);
  });

  it('rejects non-finite times or values', () => {
    expect(() => timeCourseSpec({ yTitle: 'y', series: [{ arm: 'a', points: [{ time: Number.NaN, values: [1] }] }] })).toThrow(/finite time/);
  });
});

describe('tornadoSpec', () => {
  const bars = [
    { label: 'uptake rate', value: 0.45, low: 0.3, high: 0.55 },
    { label: 'release gain under HIF-1α', value: 0.71, low: 0.6, high: 0.8 },
    { label: 'miRNA decay', value: -0.38, low: -0.5, high: -0.25 },
  ];

  it('sorts bars by |value|, colours by sign, draws intervals and a zero line', async () => {
    const svg = await compileAndRender(tornadoSpec({ xTitle: 'PRCC with invaded fraction', bars }));
    expect(countMarks(svg, 'rect')).toBe(3);
    expect(countMarks(svg, 'rule')).toBe(4);
    const labels = texts(svg).filter((t) => bars.some((b) => b.label === t));
    expect(labels).toEqual(['release gain under HIF-1α', 'uptake rate', 'miRNA decay']);
    expect(texts(svg)).toContain('PRCC with invaded fraction');
    expect(svg).toContain(`fill="${OKABE_ITO[2]!}"`);
    expect(svg).toContain(`fill="${OKABE_ITO[1]!}"`);
  });

  it('keeps the top n and works without intervals', async () => {
    const svg = await compileAndRender(tornadoSpec({ xTitle: 'S1', bars: bars.map(({ label, value }) => ({ label, value: Math.abs(value) })), top: 2 }));
    expect(countMarks(svg, 'rect')).toBe(2);
    expect(countMarks(svg, 'rule')).toBe(1);
  });
});

describe('significance labels', () => {
  it('follow the figure convention', () => {
    expect([0.0004, 0.004, 0.04, 0.05, 0.3].map((p) => significanceLabel(p))).toEqual(['***', '**', '*', 'ns', 'ns']);
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0.01234)).toBe('p = 0.012');
    expect(() => significanceLabel(Number.NaN)).toThrow(RangeError);
  });
});
