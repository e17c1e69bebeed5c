/** Plain-text rendering of a sweep summary: indices with intervals per metric, claim shares. */
import type { Estimate } from '../sensitivity/bootstrap.ts';
import type { MetricAnalysis } from './analyze.ts';
import type { SweepSummary } from './run-sweep.ts';

type Table = (header: readonly string[], rows: readonly (readonly string[])[]) => string;

const num = (x: number): string => (Number.isNaN(x) ? '—' : Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : x.toFixed(3));
const est = (e: Estimate): string => (e.low === e.high ? num(e.estimate) : `${num(e.estimate)} [${num(e.low)}, ${num(e.high)}]`);

function metricTable(a: MetricAnalysis, table: Table): string {
  switch (a.method) {
    case 'incomplete':
      return `  not computed: ${a.missingRuns} run(s) of the design missing\n`;
    case 'sobol': {
      const rows = Object.entries(a.parameters).sort((x, y) => y[1].total.estimate - x[1].total.estimate);
      const main = table(['parameter', 'first-order S1 [CI]', 'total ST [CI]'], rows.map(([n, v]) => [n, est(v.first), est(v.total)]));
      if (a.second === undefined) return main;
      const pairs = [...a.second].sort((x, y) => y.index.estimate - x.index.estimate);
      return `${main}\n${table(['pair', 'second-order S_ij [CI]'], pairs.map((p) => [`${p.a} × ${p.b}`, est(p.index)]))}`;
    }
    case 'morris': {
      const rows = Object.entries(a.parameters).sort((x, y) => y[1].muStar.estimate - x[1].muStar.estimate);
      return table(['parameter', 'μ* [CI]', 'μ', 'σ [CI]'], rows.map(([n, v]) => [n, est(v.muStar), num(v.mu.estimate), est(v.sigma)]));
    }
    case 'morris-flips': {
      const rows = Object.entries(a.parameters).sort((x, y) => y[1].flips.estimate - x[1].flips.estimate);
      return table(['parameter', 'share of its moves that flip it [CI]'], rows.map(([n, v]) => [n, est(v.flips)]));
    }
    case 'prcc': {
      const rows = Object.entries(a.parameters).sort((x, y) => Math.abs(y[1].prcc.estimate) - Math.abs(x[1].prcc.estimate));
      return table(['parameter', 'PRCC [CI]'], rows.map(([n, v]) => [n, est(v.prcc)]));
    }
    case 'main-effects': {
      const rows = Object.entries(a.parameters).sort((x, y) => y[1].range - x[1].range);
      return table(['parameter', 'range of level means', 'level means'], rows.map(([n, v]) => [n, num(v.range), v.levels.map((l, i) => `${num(l)}: ${num(v.means[i]!)}`).join(', ')]));
    }
  }
}

export function formatSummary(s: SweepSummary, table: Table, where: string): string {
  const lines: string[] = [];
  const r = s.runs;
  lines.push(`${s.sweep}: ${r.finished}/${r.planned} runs finished (${r.new} new, ${r.reused} from the journal${r.failed > 0 ? `, ${r.failed} FAILED` : ''}) on the ${s.backend} backend in ${s.elapsedSeconds.toFixed(1)} s`);
  lines.push(`design ${String(s.design.kind)}: ${r.designRows} design rows × ${s.replicates} replicate(s)`);
  lines.push('');
  for (const [name, a] of Object.entries(s.metrics)) {
    lines.push(`${name} (${a.method === 'main-effects' ? 'main effects' : a.method === 'morris-flips' ? 'boolean: Morris flips' : a.method === 'prcc' ? 'partial rank correlation' : a.method === 'incomplete' ? 'incomplete' : `${a.method} indices`}):`);
    lines.push(metricTable(a, table));
  }
  const claims = Object.entries(s.claims);
  if (claims.length > 0) {
    lines.push(table(['claim', 'holds in (share of runs) [CI]', 'runs'], claims.map(([n, c]) => [n, `${num(c.share)} [${num(c.low)}, ${num(c.high)}]`, String(c.runs)])));
  }
  lines.push(`table ${where}/${s.table}, summary ${where}/summary.json`);
  return `${lines.join('\n')}\n`;
}
