/**
 * An example report: the shape of what the assays will produce, for reviewing the layout and as a
 * test fixture. The replicate numbers are ILLUSTRATIVE (typed in, shaped like the seed paper's
 * panels) and the report says so in its title; the statistics on them are real (`compareArms`), and
 * the rules and parameters are the real default model with its atlas evidence.
 */
import type { Atlas } from '../atlas/atlas.ts';
import type { Model } from '../model/load-model.ts';
import { explainModel } from '../model/explain.ts';
import { compareArms, type ArmComparisonResult } from '../stats/index.ts';
import type { ClaimRow, FigureBlock, ParameterRow, ReportInput, RuleRow } from './html.ts';
import { renderSvg } from './render.ts';
import { armPalette, barChartSpec, timeCourseSpec, tornadoSpec } from './specs.ts';

/** Illustrative replicates (n = 5 per arm), shaped like seed 000 Fig. 2 (transwell, 24 h). */
export const EXAMPLE_MIGRATION: Readonly<Record<string, readonly number[]>> = {
  PBS: [52, 61, 48, 57, 55],
  'N-GDE': [71, 80, 66, 75, 78],
  'H-GDE': [118, 131, 109, 124, 140],
};

/** Illustrative labelled-recipient percentages (3 replicates) at 0, 3, 6, 12, 24 h. */
export const EXAMPLE_UPTAKE: Readonly<Record<string, readonly (readonly number[])[]>> = {
  'N-GDE': [[0, 0.4, 0.2], [21, 24, 19], [35, 31, 37], [49, 53, 47], [60, 63, 58]],
  'H-GDE': [[0, 0.3, 0.6], [41, 46, 39], [63, 60, 67], [81, 78, 85], [88, 92, 85]],
};
const UPTAKE_TIMES = [0, 3, 6, 12, 24];

function claimFrom(id: string, statement: string, result: ArmComparisonResult, arm: string, expectIncrease: boolean): ClaimRow {
  const c = result.vsControl.find((x) => x.arm === arm)!;
  const holds = c.significant && (c.difference > 0) === expectIncrease;
  return {
    id,
    statement,
    arms: [result.control, arm],
    values: result.arms.filter((a) => a.arm === arm || a.arm === result.control).map((a) => ({ arm: a.arm, mean: a.mean, sd: a.sd, n: a.n })),
    effect: c.hedgesG === null ? null : { name: "Hedges' g", value: c.hedgesG },
    p: c.p,
    holds,
    note: `${result.method}; ${c.adjustment === 'none' ? 'unadjusted' : `${c.adjustment}-adjusted`} p; fold change ${c.foldChange?.toFixed(2) ?? '—'}`,
  };
}

function shortCitation(citation: string): string {
  const author = citation.split(/[ ,]/)[0] ?? citation;
  const year = /\((\d{4})\)/.exec(citation)?.[1] ?? /\b(19|20)\d{2}\b/.exec(citation)?.[0] ?? '';
  return `${author} et al. ${year}`.trim();
}

export async function exampleReportInput(model: Model, atlas: Atlas, meta: { codeVersion: string; date: string; seed: number }): Promise<ReportInput> {
  const migration = compareArms(EXAMPLE_MIGRATION, { control: 'PBS' });
  const hVsN = compareArms({ 'N-GDE': EXAMPLE_MIGRATION['N-GDE']!, 'H-GDE': EXAMPLE_MIGRATION['H-GDE']! });
  const uptake24 = compareArms({ 'N-GDE': EXAMPLE_UPTAKE['N-GDE']![4]!, 'H-GDE': EXAMPLE_UPTAKE['H-GDE']![4]! });
  const claims: ClaimRow[] = [
    claimFrom('F4a', 'H-GDEs raise transwell migration of normoxic cells above control', migration, 'H-GDE', true),
    claimFrom('F4b', 'H-GDEs raise migration above N-GDEs', hVsN, 'H-GDE', true),
    claimFrom('F3', 'Normoxic cells internalize more H-GDE than N-GDE label by 24 h', uptake24, 'H-GDE', true),
    { id: 'F7', statement: 'Blocking exosome release in the hypoxic tumor lowers invasion of its normoxic rim', arms: ['control', 'GW4869'], values: [], p: null, holds: null, note: 'tissue assay not run in this example' },
  ];

  const palette = armPalette(['PBS', 'N-GDE', 'H-GDE']);
  const bar = barChartSpec({
    title: 'Transwell migration, 24 h',
    yTitle: 'Migrated cells per field (count)',
    arms: Object.entries(EXAMPLE_MIGRATION).map(([arm, values]) => ({ arm, values })),
    comparisons: migration.vsControl.map((c) => ({ arm: c.arm, versus: c.control, p: c.p })),
    palette,
  });
  const course = timeCourseSpec({
    title: 'Uptake of labelled vesicles',
    yTitle: 'Labelled recipient cells (%)',
    xDomain: [0, 24],
    yDomain: [0, 100],
    xTicks: [0, 6, 12, 18, 24],
    palette,
    series: Object.entries(EXAMPLE_UPTAKE).map(([arm, reps]) => ({ arm, points: reps.map((values, i) => ({ time: UPTAKE_TIMES[i]!, values })) })),
  });
  const tornado = tornadoSpec({
    title: 'Sensitivity of the invaded fraction',
    xTitle: 'PRCC with invaded fraction',
    bars: [
      { label: 'release gain under HIF-1α', value: 0.71, low: 0.6, high: 0.8 },
      { label: 'EV uptake rate', value: 0.45, low: 0.3, high: 0.55 },
      { label: 'functional miRNA decay', value: -0.38, low: -0.5, high: -0.25 },
      { label: 'target turnover', value: -0.12, low: -0.25, high: 0.02 },
    ],
  });
  const figures: FigureBlock[] = [
    { id: 'migration', title: 'Transwell migration', svg: await renderSvg(bar), caption: `Bars: mean; whiskers: ± SD; dots: replicates (n = 5). ${migration.method}: stars give Tukey-adjusted p vs PBS (* < 0.05, ** < 0.01, *** < 0.001). Illustrative numbers.` },
    { id: 'uptake', title: 'Vesicle uptake over 24 h', svg: await renderSvg(course), caption: 'Lines: mean of 3 replicates; bands: ± SD. Illustrative numbers.' },
    { id: 'sensitivity', title: 'Parameter sensitivity', svg: await renderSvg(tornado), caption: 'Partial rank correlation with the invaded fraction; whiskers: 95 % bootstrap interval. Illustrative numbers (issue 7 will compute them).' },
  ];

  const explanation = explainModel(model, atlas);
  const rules: RuleRow[] = explanation.rules.map((r) => ({
    rule: r.english,
    atlasIds: r.evidence.map((e) => e.id),
    quote: r.evidence[0]?.quote ?? '',
    reference: r.evidence.length > 0 ? [...new Set(r.evidence.map((e) => shortCitation(atlas.get(e.id)!.source.citation)))].join('; ') : (r.source ?? ''),
  }));
  const parameters: ParameterRow[] = Object.entries(model.file.parameters).map(([name, p]) => ({
    name,
    value: model.values[name]!,
    unit: p.unit,
    status: p.status,
    ...(p.source === undefined ? {} : { source: p.source }),
    ...(p.derivation === undefined ? {} : { derivation: p.derivation }),
  }));

  return {
    metadata: {
      title: 'exoscape example report — illustrative numbers, not model output',
      codeVersion: meta.codeVersion,
      seed: meta.seed,
      date: meta.date,
      extra: [
        { label: 'Model', value: `${model.file.name} (${model.path})` },
        { label: 'Replicates', value: 'n = 5 (migration), n = 3 (uptake)' },
      ],
    },
    summary:
      'This page shows the layout of a virtual-experiment report. The replicate values are typed-in examples shaped like the panels of Qian et al. 2021; the statistics computed on them, the rules and the parameters (the default model with its evidence) are real.',
    methods: 'Mean ± SD of independent replicates. Two arms: Welch two-sample t-test. More arms: one-way ANOVA, then Tukey HSD against the control. Effect size: Hedges’ g (small-sample corrected). α = 0.05.',
    claims,
    figures,
    rules,
    parameters,
  };
}
