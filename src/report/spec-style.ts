/**
 * What every figure shares: the look (fonts, sizes readable at 400×300), the arm colours and the
 * way a p-value is written on a panel.
 *
 * Colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable
 * with the common colour-vision deficiencies; the first arm — by convention the control — is grey.
 * Build one palette for a whole report with `armPalette(allArms)` and pass it to every figure, so
 * that "H-GDE" has the same colour in the bar chart and in the time course.
 */
import type { Config } from 'vega-lite';

/** Okabe–Ito, control grey first, then blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow. */
export const OKABE_ITO: readonly string[] = ['#7f7f7f', '#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442'];

/**
 * A Vega-Lite specification as plain JSON. The builders' output is checked where it matters — the
 * tests compile every spec with vega-lite and render it with vega — rather than against vega-lite's
 * TypeScript types, whose public entry point covers only the top level.
 */
export interface VegaLiteSpec {
  $schema: string;
  [key: string]: unknown;
}

/** Arm name → colour. */
export type ArmPalette = Readonly<Record<string, string>>;

/** Colours for arms in order (cycling past eight arms), with optional per-arm overrides. */
export function armPalette(arms: readonly string[], overrides: ArmPalette = {}): ArmPalette {
  const palette: Record<string, string> = {};
  arms.forEach((arm, i) => {
    palette[arm] = overrides[arm] ?? OKABE_ITO[i % OKABE_ITO.length]!;
  });
  return palette;
}

/** The colour scale for `arms`, taking colours from `palette` and filling gaps in order. */
export function colorScale(arms: readonly string[], palette?: ArmPalette): { domain: string[]; range: string[] } {
  const full = armPalette(arms, palette);
  return { domain: [...arms], range: arms.map((a) => full[a]!) };
}

export type SignificanceStyle = 'stars' | 'p';

/**
 * How a p-value is written on a panel: stars (* < 0.05, ** < 0.01, *** < 0.001, "ns" otherwise —
 * the convention of the seed paper's figures) or the value ("p = 0.012", "p < 0.001").
 */
export function significanceLabel(p: number, style: SignificanceStyle = 'stars'): string {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a p-value must lie in [0, 1], got ${p}`);
  if (style === 'stars') return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : 'ns';
  return formatP(p);
}

/** "p < 0.001" below 0.001, else two significant digits ("p = 0.012", "p = 0.40"). */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toPrecision(2)}`;
}

export const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/** Shared Vega-Lite config: 12–13 px labels and titles, no frame, light grid on the value axis only. */
export function baseConfig(): Config {
  return {
    font: FONT,
    background: 'white',
    view: { stroke: null },
    title: { fontSize: 14, fontWeight: 'bold', anchor: 'start', offset: 8 },
    axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', domainColor: '#333333', tickColor: '#333333', labelColor: '#222222', titleColor: '#222222', gridColor: '#e6e6e6' },
    legend: { labelFontSize: 12, titleFontSize: 12, symbolSize: 120 },
    text: { fontSize: 12 },
  };
}
