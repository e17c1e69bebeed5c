/**
 * The figures of docs/screening-qian2021.md from a qian2021 Morris sweep's summary.json:
 *   npx tsx scripts/screening-figures.ts results/sweeps/qian2021-morris docs/screening-qian2021
 * writes (SVG + PNG) diff-mu-star (parameters × claims: Morris μ* of each claim's difference of means),
 * flips (the share of each parameter's moves that flip each claim), one μ*–σ plot per claim named
 * with --scatter (default F4d, F7), and a tornado of claims_held. The sweep's own report.md has a
 * figure for every output; these are the few the screening's write-up needs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderVegaLite } from '../src/io/figures/render.ts';
import type { VegaLiteSpec } from '../src/report/spec-style.ts';
import { tornadoSpec } from '../src/report/tornado-spec.ts';
import type { MetricAnalysis } from '../src/sweep/analyze.ts';
import { morrisScatterSpec, overviews } from '../src/sweep/figures.ts';
import type { SweepSummary } from '../src/sweep/run-sweep.ts';

const [dir, out, ...rest] = process.argv.slice(2);
if (dir === undefined || out === undefined) {
  console.error('usage: npx tsx scripts/screening-figures.ts SWEEP_DIR OUT_DIR [--scatter F4d,F7]');
  process.exit(2);
}
const at = rest.indexOf('--scatter');
const scatter = at >= 0 ? (rest[at + 1] ?? '').split(',') : ['F4d', 'F7'];
const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as SweepSummary;
const names = Object.keys(summary.parameters);
const only = (keep: (metric: string, a: MetricAnalysis) => boolean): SweepSummary => ({
  ...summary,
  metrics: Object.fromEntries(Object.entries(summary.metrics).filter(([m, a]) => keep(m, a)).map(([m, a]) => [m.replace(/_diff$/, ''), a])),
});

const figures: { name: string; spec: VegaLiteSpec }[] = [];
const diff = overviews(only((m, a) => m.endsWith('_diff') && a.method === 'morris'), names).find((f) => f.name === 'overview-mu-star');
if (diff !== undefined) figures.push({ name: 'diff-mu-star', spec: { ...diff.spec, title: 'Morris μ* of each claim\'s difference of means' } });
const flips = overviews(only((_, a) => a.method === 'morris-flips'), names).find((f) => f.name === 'overview-flips');
if (flips !== undefined) figures.push({ name: 'flips', spec: { ...flips.spec, title: 'Moves of a parameter that flip the claim (share)' } });
for (const c of scatter) {
  const a = summary.metrics[`${c}_diff`];
  if (a?.method === 'morris') figures.push({ name: `${c}-diff-morris`, spec: morrisScatterSpec(`${c} difference of means`, a) });
}
const held = summary.metrics.claims_held;
if (held?.method === 'morris') {
  const bars = Object.entries(held.parameters).map(([label, v]) => ({ label, value: v.muStar.estimate, low: v.muStar.low, high: v.muStar.high }));
  figures.push({ name: 'claims-held-tornado', spec: tornadoSpec({ title: 'Number of claims that hold', bars, xTitle: 'Morris μ* of claims_held (claims gained or lost over a parameter\'s range, 95 % CI)' }) });
}

mkdirSync(out, { recursive: true });
for (const f of figures) {
  const r = await renderVegaLite(f.spec);
  writeFileSync(join(out, `${f.name}.svg`), r.svg);
  writeFileSync(join(out, `${f.name}.png`), r.png);
  console.log(`${out}/${f.name}.svg, .png`);
}
