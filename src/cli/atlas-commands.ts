/** `exoscape atlas …`: search, show, stats, path, export, validate, vocab. */
import { Command, Option } from 'commander';
import { UserError } from '../common/errors.ts';
import { loadAtlas } from '../atlas/load.ts';
import type { Atlas, AtlasRelation } from '../atlas/atlas.ts';
import { filterRelations, searchRelations, FILTER_KEYS, type RelationFilter } from '../atlas/query.ts';
import { buildGraph, findPaths, resolveNode, type CausalPath } from '../atlas/graph.ts';
import { EXPORT_FORMATS, exportRelations, relationRecord, type ExportFormat } from '../atlas/export.ts';
import { atlasStats } from '../atlas/stats.ts';
import { VOCAB_CATEGORIES, type VocabCategory } from '../atlas/schema.ts';
import { vocabularyMarkdown } from '../atlas/vocab-doc.ts';
import { formatTable, printJson, writeFileAtomic, type Io } from './io.ts';

/** The filter flags: RelationFilter's fields, with `--cancer` for cancerType. */
type FilterFlags = Omit<RelationFilter, 'cancerType'> & { cancer?: string };

function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--cargo <name>', 'cargo name (synonyms accepted: hsa-miR-1246, PD-L1)')
    .option('--cargo-type <type>', 'miRNA, lncRNA, circRNA, mRNA, protein, DNA, lipid, metabolite, drug, or vesicle')
    .option('--donor <cell>', 'donor cell type or cell line (includes narrower types)')
    .option('--condition <condition>', 'donor or recipient condition, e.g. hypoxia')
    .option('--recipient <cell>', 'recipient cell type or cell line (includes narrower types)')
    .option('--target <symbol>', 'molecular target (HGNC symbol or alias)')
    .option('--phenotype <term>', 'phenotype, e.g. invasion')
    .option('--direction <dir>', 'increases or decreases')
    .option('--cancer <type>', 'cancer type (includes subtypes: glioma includes glioblastoma)')
    .option('--evidence <class>', 'in-vitro, in-vivo, clinical, review-claim or proposed')
    .option('--seed <seed>', 'seed file name or its number (000, 002, 003, 004)');
}

function toFilter(f: FilterFlags): RelationFilter {
  const { cancer, ...rest } = f;
  const out: RelationFilter = {};
  for (const k of FILTER_KEYS) {
    const v = k === 'cancerType' ? cancer : rest[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`${name} must be a positive integer (found "${v}")`);
    return n;
  };
}

/** One line per relation: id, cargo → recipient ⊣ targets, phenotype. */
export function relationLine(r: AtlasRelation): string[] {
  const cargo = r.cargo ? r.cargo.name : 'exosomes';
  const donor = `${r.donorCondition !== 'unspecified' ? `${r.donorCondition} ` : ''}${r.donorLine ?? r.donor}`;
  const targets = r.targets.map((t) => `${t.effect === 'represses' ? '⊣' : '→'}${t.symbol}`).join(' ');
  const effect = `${r.phenotype} ${r.direction === 'increases' ? '↑' : '↓'}`;
  return [r.id, donor, cargo, r.recipientLine ?? r.recipient ?? '—', targets, effect, r.cancerType, r.evidence.join(',')];
}

const LINE_HEADER = ['id', 'donor', 'cargo', 'recipient', 'targets', 'phenotype', 'cancer', 'evidence'];

function describeRelation(r: AtlasRelation): string {
  const lines = [
    `${r.id}  (${r.seed}, ${r.location})`,
    `  donor:      ${r.donor}${r.donorLine ? ` (${r.donorLine})` : ''}, ${r.donorCondition}`,
    `  cargo:      ${r.cargo ? `${r.cargo.name} [${r.cargo.type}]` : 'the vesicles themselves'}`,
    `  recipient:  ${r.recipient ?? '—'}${r.recipientLine ? ` (${r.recipientLine})` : ''}${r.recipientCondition ? `, ${r.recipientCondition}` : ''}`,
    `  targets:    ${r.targets.length > 0 ? r.targets.map((t) => `${t.symbol} (${t.effect})`).join(', ') : '—'}`,
    `  phenotype:  ${r.phenotype} ${r.direction}`,
    `  cancer:     ${r.cancerType}`,
    `  evidence:   ${r.evidence.join(', ')}`,
  ];
  if (r.measures.length > 0) lines.push(`  measures:   ${r.measures.map((m) => `${m.name} = ${m.value}${m.unit ? ` ${m.unit}` : ''}${m.context ? ` (${m.context})` : ''}`).join('; ')}`);
  if (r.flags.length > 0) lines.push(`  flags:      ${r.flags.join(', ')}`);
  if (r.related.length > 0) lines.push(`  related:    ${r.related.join(', ')}`);
  lines.push(`  quote:      "${r.quote}"`);
  lines.push(`  source:     ${r.source.citation}`);
  for (const ref of r.refs) lines.push(`  ref ${ref}:${' '.repeat(Math.max(1, 7 - ref.length))}${r.referenceTexts[ref] ?? (ref.startsWith('10.') ? `doi:${ref}` : '(the seed prints no reference list)')}`);
  if (r.note) lines.push(`  note:       ${r.note}`);
  return lines.join('\n') + '\n';
}

function pathRecord(p: CausalPath): unknown {
  return {
    nodes: p.nodes.map((n) => ({ kind: n.kind, label: n.label })),
    steps: p.steps.map((s) => ({
      from: s.from.label,
      to: s.to.label,
      interaction: s.interaction,
      relations: s.relations.map((r) => ({ id: r.id, seed: r.seed, evidence: r.evidence, refs: r.refs, quote: r.quote })),
    })),
  };
}

const ARROW: Record<string, string> = { induces: '→', represses: '⊣', activates: '→', increases: '↑', decreases: '↓', releases: '→', enters: '→' };

function describePath(p: CausalPath, i: number): string {
  const chain = p.nodes.map((n) => n.label).reduce((acc, label, j) => (j === 0 ? label : `${acc} ${ARROW[p.steps[j - 1]!.interaction] ?? '→'} ${label}`), '');
  const lines = [`${i + 1}. ${chain}`];
  for (const s of p.steps) {
    lines.push(`   ${s.from.label} ${s.interaction} ${s.to.label}  [${s.relations.map((r) => r.id).join(', ')}]`);
    const r = s.relations[0]!;
    lines.push(`     ${r.evidence.join(', ')}; "${r.quote.length > 160 ? `${r.quote.slice(0, 157)}...` : r.quote}"`);
  }
  return lines.join('\n');
}

export function atlasCommand(io: Io, dataDir: () => string | undefined): Command {
  const atlas = new Command('atlas').description('the evidence atlas: search, show, stats, causal paths, export');
  let cached: Atlas | undefined;
  const load = (): Atlas => {
    const d = dataDir();
    cached ??= loadAtlas(d !== undefined ? { dataDir: d } : {});
    return cached;
  };

  addFilterOptions(
    atlas
      .command('search')
      .description('free-text search and filters over relations (no words: list everything that passes the filters)')
      .argument('[words...]', 'words that must all match (synonyms accepted)'),
  )
    .option('-n, --limit <n>', 'show at most n relations', positiveInt('--limit'), 50)
    .option('--json', 'print JSON: { total, relations: [...] }')
    .action((words: string[], opts: FilterFlags & { limit: number; json?: boolean }) => {
      const a = load();
      const pool = filterRelations(a, toFilter(opts));
      const hits = words.length > 0 ? searchRelations(a, words.join(' '), pool).map((h) => h.relation) : pool;
      const shown = hits.slice(0, opts.limit);
      if (opts.json) {
        printJson(io, { total: hits.length, relations: shown.map(relationRecord) });
        return;
      }
      if (hits.length === 0) {
        io.out('no relations match\n');
        return;
      }
      io.out(formatTable(LINE_HEADER, shown.map(relationLine), 40));
      io.out(`${hits.length} relation${hits.length === 1 ? '' : 's'}${hits.length > shown.length ? ` (showing ${shown.length}; --limit to see more)` : ''}\n`);
    });

  atlas
    .command('show')
    .description('one relation with its quote, references and evidence')
    .argument('<id...>', 'relation id(s), e.g. qian2021-001')
    .option('--json', 'print JSON')
    .action((ids: string[], opts: { json?: boolean }) => {
      const a = load();
      const rels = ids.map((id) => {
        const r = a.get(id);
        if (!r) {
          const near = a.relations.map((x) => x.id).filter((x) => x.startsWith(id.replace(/-\d*$/, ''))).slice(0, 3);
          throw new UserError(`no relation with id "${id}"${near.length > 0 ? `; ids look like ${near.join(', ')}` : ''}`);
        }
        return r;
      });
      if (opts.json) printJson(io, rels.length === 1 ? relationRecord(rels[0]!) : rels.map(relationRecord));
      else io.out(rels.map(describeRelation).join('\n'));
    });

  addFilterOptions(atlas.command('stats').description('counts by seed, evidence, cargo type, cancer type, phenotype'))
    .option('--json', 'print JSON')
    .action((opts: FilterFlags & { json?: boolean }) => {
      const a = load();
      const s = atlasStats(a, filterRelations(a, toFilter(opts)));
      if (opts.json) {
        printJson(io, s);
        return;
      }
      const block = (title: string, rec: Record<string, number> | [string, number][], n = 12): string => {
        const entries = Array.isArray(rec) ? rec : Object.entries(rec);
        return `${title}:\n${entries.slice(0, n).map(([k, v]) => `  ${String(v).padStart(5)}  ${k}`).join('\n')}\n`;
      };
      io.out(`${s.relations} relations; ${s.distinct.cargos} cargos, ${s.distinct.targets} targets, ${s.distinct.cellTypes} cell types, ${s.distinct.phenotypes} phenotypes, ${s.distinct.cancerTypes} cancer types, ${s.distinct.references} cited references; ${s.withMeasures} with reported numbers\n`);
      io.out(block('by seed', s.bySeed));
      io.out(block('by evidence', s.byEvidence));
      io.out(block('by cargo type', s.byCargoType));
      io.out(block('by cancer type', s.byCancerType, 8));
      io.out(block('by phenotype', s.byPhenotype, 10));
      io.out(block('top cargos', s.topCargos, 10));
      io.out(block('top targets', s.topTargets, 10));
      if (Object.keys(s.flagged).length > 0) io.out(block('flags', s.flagged));
    });

  addFilterOptions(
    atlas
      .command('path')
      .description('causal chains through the atlas graph, e.g. `atlas path hypoxia invasion --cancer glioma`')
      .argument('<from>', 'start: a condition (hypoxia), molecule (miR-1246, HIF-1α) or "exosomes"')
      .argument('<to>', 'end: a phenotype (invasion) or molecule'),
  )
    .option('--max-length <n>', 'at most n steps', positiveInt('--max-length'), 4)
    .option('-n, --limit <n>', 'at most n chains', positiveInt('--limit'), 25)
    .option('--via <name>', 'only chains through this node (e.g. FRK)')
    .option('--json', 'print JSON: { from, to, paths: [...] }')
    .action((from: string, to: string, opts: FilterFlags & { maxLength: number; limit: number; via?: string; json?: boolean }) => {
      const a = load();
      const rels = filterRelations(a, toFilter(opts));
      const g = buildGraph(rels);
      const f = resolveNode(a, g, from);
      if (f === undefined) throw new UserError(`"${from}" is not a node of the atlas graph${rels.length < a.relations.length ? ' under these filters' : ''} (try a condition such as hypoxia, a molecule, or "exosomes")`);
      const t = resolveNode(a, g, to);
      if (t === undefined) throw new UserError(`"${to}" is not a node of the atlas graph${rels.length < a.relations.length ? ' under these filters' : ''} (try a phenotype such as invasion, or a molecule)`);
      let paths = findPaths(a, g, f, t, { maxLength: opts.maxLength, limit: opts.via !== undefined ? 100_000 : opts.limit });
      if (opts.via !== undefined) {
        const via = resolveNode(a, g, opts.via);
        if (via === undefined) throw new UserError(`--via "${opts.via}" is not a node of the atlas graph`);
        paths = paths.filter((p) => p.nodes.some((n) => n.key === via)).slice(0, opts.limit);
      }
      if (opts.json) {
        printJson(io, { from: g.nodes.get(f)!.label, to: g.nodes.get(t)!.label, paths: paths.map(pathRecord) });
        return;
      }
      if (paths.length === 0) {
        io.out(`no chain from ${from} to ${to} within ${opts.maxLength} steps\n`);
        return;
      }
      io.out(paths.map(describePath).join('\n\n') + '\n');
      io.out(`\n${paths.length} chain${paths.length === 1 ? '' : 's'} (shortest first; chains one study shows end to end before stitched ones)\n`);
    });

  addFilterOptions(atlas.command('export').description('export relations as JSON Lines, CSV, GraphML or SIF'))
    .addOption(new Option('-f, --format <format>', 'output format').choices([...EXPORT_FORMATS]).default('jsonl'))
    .option('-o, --out <file>', 'write to a file (atomically) instead of standard output')
    .action((opts: FilterFlags & { format: ExportFormat; out?: string }) => {
      const a = load();
      const text = exportRelations(filterRelations(a, toFilter(opts)), opts.format);
      if (opts.out !== undefined) {
        const path = writeFileAtomic(io, opts.out, text);
        io.err(`wrote ${path}\n`);
      } else io.out(text);
    });

  atlas
    .command('validate')
    .description('check every atlas and vocabulary file: schema, known terms, verbatim quotes, unique ids, references')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const a = load();
      const s = atlasStats(a);
      if (opts.json) printJson(io, { ok: true, relations: s.relations, bySeed: s.bySeed });
      else io.out(`atlas OK: ${s.relations} relations from ${Object.keys(s.bySeed).length} seeds; every quote verbatim, every term known\n`);
    });

  atlas
    .command('vocab')
    .description('list the controlled vocabulary (all categories, or one)')
    .argument('[category]', `one of ${VOCAB_CATEGORIES.join(', ')}`)
    .option('--json', 'print JSON')
    .option('--markdown', 'print the documentation page (docs/vocabulary.md)')
    .action((category: string | undefined, opts: { json?: boolean; markdown?: boolean }) => {
      const a = load();
      if (opts.markdown) {
        io.out(vocabularyMarkdown(a.vocab));
        return;
      }
      if (category !== undefined && !VOCAB_CATEGORIES.includes(category as VocabCategory)) {
        throw new UserError(`unknown vocabulary category "${category}"; expected one of ${VOCAB_CATEGORIES.join(', ')}`);
      }
      const cats = category !== undefined ? [category as VocabCategory] : VOCAB_CATEGORIES;
      const data = Object.fromEntries(cats.map((c) => [c, a.vocab.all(c).map((t) => ({ id: t.id, parent: t.parent ?? null, detail: t.detail ?? null, synonyms: t.synonyms }))]));
      if (opts.json) {
        printJson(io, data);
        return;
      }
      for (const c of cats) {
        io.out(`${c} (${data[c]!.length}):\n`);
        for (const t of data[c]!) io.out(`  ${t.id}${t.parent ? ` < ${t.parent}` : ''}${t.detail ? ` [${t.detail}]` : ''}${t.synonyms.length > 0 ? ` — ${t.synonyms.join(', ')}` : ''}\n`);
      }
    });

  return atlas;
}

