/**
 * `exoscape start` — the main job on embedded defaults (what `npm start` runs). Until the
 * simulator's default scenario exists, it summarises the atlas and shows the causal chains from
 * hypoxia to invasion in glioma, each step with its evidence.
 */
import { Command } from 'commander';
import { loadAtlas } from '../atlas/load.ts';
import { atlasStats } from '../atlas/stats.ts';
import { buildGraph, findPaths, resolveNode } from '../atlas/graph.ts';
import { filterRelations } from '../atlas/query.ts';
import { printJson, type Io } from './io.ts';
import { codeVersion } from '../version.ts';

export function startCommand(io: Io, dataDir: () => string | undefined): Command {
  return new Command('start')
    .description("exoscape's main job on its embedded defaults (an atlas summary and the hypoxia → invasion chains in glioma)")
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const d = dataDir();
      const atlas = loadAtlas(d !== undefined ? { dataDir: d } : {});
      const stats = atlasStats(atlas);
      const glioma = filterRelations(atlas, { cancerType: 'glioma' });
      const g = buildGraph(glioma);
      const from = resolveNode(atlas, g, 'hypoxia');
      const to = resolveNode(atlas, g, 'invasion');
      const paths = from !== undefined && to !== undefined ? findPaths(atlas, g, from, to, { maxLength: 3, limit: 100 }) : [];
      const withTargets = paths.filter((p) => p.steps.length === 3).slice(0, 8);
      if (opts.json) {
        printJson(io, {
          version: codeVersion(),
          atlas: { relations: stats.relations, bySeed: stats.bySeed, byEvidence: stats.byEvidence, distinct: stats.distinct },
          chains: withTargets.map((p) => ({ nodes: p.nodes.map((n) => n.label), relations: p.steps.map((s) => s.relations.map((r) => r.id)) })),
        });
        return;
      }
      io.out(`exoscape ${codeVersion()}\n\n`);
      io.out(`Atlas: ${stats.relations} evidence-linked relations from ${Object.keys(stats.bySeed).length} papers\n`);
      for (const [seed, n] of Object.entries(stats.bySeed)) io.out(`  ${String(n).padStart(4)}  ${seed}\n`);
      io.out(`  ${stats.distinct.cargos} cargos, ${stats.distinct.targets} molecular targets, ${stats.distinct.cellTypes} cell types, ${stats.distinct.phenotypes} phenotypes\n`);
      io.out(`  evidence: ${Object.entries(stats.byEvidence).map(([k, v]) => `${k} ${v}`).join(', ')}\n\n`);
      io.out('Hypoxia → cargo → target → invasion in glioma:\n');
      for (const p of withTargets) {
        const ids = [...new Set(p.steps.flatMap((s) => s.relations.map((r) => r.id)))];
        io.out(`  ${p.nodes.map((n) => n.label).join(' → ')}   (${ids.length} relations, e.g. ${p.steps[p.steps.length - 1]!.relations[0]!.id})\n`);
      }
      if (withTargets.length === 0) io.out('  (none found)\n');
      io.out('\nNext: `exoscape atlas path hypoxia invasion --cancer glioma` for every step with its quote; `exoscape --help` for all commands.\n');
    });
}
