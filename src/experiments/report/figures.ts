/**
 * One figure per assay readout in the style of the seed paper's panels: bars at the mean with the
 * replicates as dots and ± SD whiskers (brackets with stars against the control when there are few
 * arms), time courses (uptake, wound closure, tumour invasion) and tissue snapshots.
 */
import { armPalette, barChartSpec, OKABE_ITO, timeCourseSpec, type ArmPalette, type VegaLiteSpec } from '../../report/index.ts';
import type { AssayResult } from '../analysis.ts';
import { valuesByArm } from '../analysis.ts';
import { snapshotSpec } from './snapshot-spec.ts';

export interface FigureSpec {
  id: string;
  title: string;
  caption: string;
  spec: VegaLiteSpec;
}

const MAX_BRACKETS = 4;

/**
 * Every arm name under its bar: src/report's bar chart lets vega drop labels that overlap, which with
 * ten long arm names leaves most bars unnamed; tilt them further and keep them all.
 */
function labelEveryArm(spec: VegaLiteSpec, arms: number): VegaLiteSpec {
  if (arms <= MAX_BRACKETS) return spec;
  const layers = spec.layer as { encoding?: { x?: { axis?: Record<string, unknown> } } }[];
  const axis = layers[0]?.encoding?.x?.axis;
  if (axis !== undefined) Object.assign(axis, { labelOverlap: false, labelAngle: -40, labelAlign: 'right', labelBaseline: 'middle', labelLimit: 280 });
  return spec;
}

/** Readouts each assay draws as bars (in order); the first is the assay's main panel. */
const BARS: Record<string, string[]> = {
  production: ['vesicles_per_cell', 'mir1246_per_1000', 'mir10b_per_1000', 'release_per_cell_h'],
  uptake: ['internalized_24h'],
  recipients: ['mir1246_per_cell', 'mir10b_per_cell', 'frk', 'tfap2a'],
  'transwell-migration': ['migrated_cells'],
  'matrigel-invasion': ['invaded_cells'],
  'wound-healing': ['closure_24h', 'closure_48h'],
  orthotopic: ['infiltration_um', 'rim_invaded_fraction', 'rim_frk', 'rim_tfap2a'],
};

/** Time courses: series key → axis title and scale factor. */
const COURSES: Record<string, { key: string; title: string; factor: number }[]> = {
  uptake: [
    { key: 'labelled_fraction', title: 'Labelled recipient cells (%)', factor: 100 },
    { key: 'internalized', title: 'Internalized labelled vesicles per cell', factor: 1 },
  ],
  'wound-healing': [{ key: 'closure', title: 'Wound closure (%)', factor: 1 }],
  orthotopic: [
    { key: 'infiltration_um', title: 'Infiltration beyond the compact border (µm)', factor: 1 },
    { key: 'rim_invaded_fraction', title: 'Invaded fraction of the normoxic rim', factor: 1 },
    { key: 'hypoxic_fraction', title: 'Hypoxic fraction of the tumour', factor: 1 },
  ],
};

function methodLine(a: AssayResult, key: string): string {
  const s = a.stats[key];
  if (s === undefined) return '';
  if (!s.ok) return `Not testable: ${s.reason}`;
  const omni = s.result.omnibus !== null ? ` (ANOVA F(${s.result.omnibus.df1}, ${s.result.omnibus.df2}) = ${s.result.omnibus.F.toPrecision(3)}, p = ${s.result.omnibus.p.toPrecision(2)})` : '';
  return `${s.result.method}${omni}; stars: vs ${a.control}, * p < 0.05, ** < 0.01, *** < 0.001.`;
}

export function assayFigures(a: AssayResult, palette: ArmPalette): FigureSpec[] {
  const out: FigureSpec[] = [];
  for (const key of BARS[a.assay] ?? [a.primary]) {
    const ro = a.readouts.find((r) => r.key === key);
    if (ro === undefined) continue;
    const values = valuesByArm(a.results, a.arms, key);
    if (a.arms.some((arm) => (values[arm] ?? []).length === 0)) continue;
    const s = a.stats[key];
    const comparisons = s?.ok === true && a.arms.length <= MAX_BRACKETS ? s.result.vsControl.map((c) => ({ arm: c.arm, versus: c.control, p: c.p })) : [];
    out.push({
      id: `${a.assay}-${key}`.replace(/[^a-z0-9-]/gi, '-'),
      title: `${a.title}: ${ro.label}`,
      caption: `${ro.description}. Bars: mean ± SD of n = ${a.replicates} replicates (dots). ${methodLine(a, key)} ${a.figure}.`,
      spec: labelEveryArm(barChartSpec({ arms: a.arms.map((arm) => ({ arm, values: values[arm]! })), yTitle: `${ro.label} (${ro.unit})`, comparisons, palette, width: Math.max(260, 48 * a.arms.length), height: 260 }), a.arms.length),
    });
  }
  for (const c of COURSES[a.assay] ?? []) {
    const series = a.arms.map((arm) => {
      const runs = a.results.filter((r) => r.arm === arm && r.series[c.key] !== undefined);
      const t = runs[0]?.series[c.key]?.t ?? [];
      return { arm, points: t.map((time, k) => ({ time, values: runs.map((r) => c.factor * r.series[c.key]!.v[k]!) })) };
    }).filter((s) => s.points.length > 0);
    if (series.length === 0) continue;
    const tMax = Math.max(...series.flatMap((s) => s.points.map((p) => p.time)));
    out.push({
      id: `${a.assay}-${c.key}-course`.replace(/[^a-z0-9-]/gi, '-'),
      title: `${a.title}: ${c.title.toLowerCase()} over time`,
      caption: `Line: mean of n = ${a.replicates} replicates; band: ± SD. ${a.figure}.`,
      spec: timeCourseSpec({ series, yTitle: c.title, xDomain: [0, tMax], palette, width: 380, height: 260 }),
    });
  }
  const snaps = a.results.filter((r) => r.snapshot !== undefined);
  for (const arm of a.arms) {
    const r = snaps.find((x) => x.arm === arm);
    if (r?.snapshot === undefined) continue;
    out.push({
      id: `${a.assay}-${arm}-snapshot`.replace(/[^a-z0-9-]/gi, '-'),
      title: `${a.title}: ${arm}, replicate 1 at the end`,
      caption: `Cells of one replicate as circles of their radius, coloured by ${r.snapshot.valueName} (1 = unrepressed); dashed and shaded: ${r.snapshot.marks.map((m) => m.label).join(', ')}.`,
      spec: snapshotSpec(r.snapshot, arm),
    });
  }
  return out;
}

export function allFigures(assays: readonly AssayResult[]): FigureSpec[] {
  const controls = [...new Set(assays.map((a) => a.control))];
  const others = [...new Set(assays.flatMap((a) => a.arms))].filter((x) => !controls.includes(x));
  // Controls grey (Okabe–Ito's first colour), every other arm its own colour in every figure.
  // (Okabe–Ito has 7 colours besides grey: with more arms, colours repeat, but grey stays the control's.)
  const colours: Record<string, string> = {};
  for (const c of controls) colours[c] = OKABE_ITO[0]!;
  others.forEach((o, i) => (colours[o] = OKABE_ITO[1 + (i % (OKABE_ITO.length - 1))]!));
  const palette = armPalette([...controls, ...others], colours);
  return assays.flatMap((a) => assayFigures(a, palette));
}
