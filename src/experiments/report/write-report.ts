/**
 * `reproduce --report DIR`: a self-contained HTML report (src/report) of a reproduction — the claims
 * table, one figure per assay readout (also as SVG and PNG files), the model's rules and mechanisms
 * with their atlas evidence, every model parameter with its source or "assumed", the protocol numbers
 * (assumed), the seed and the code version — plus claims.json and results.json. With repeats
 * (`reproduce --seeds`), the claims table gives each claim's verdict over every seed (it holds when it
 * holds at each) and every seed's p; figures and results.json are of the first seed's run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Atlas } from '../../atlas/atlas.ts';
import { writeFileAtomicSync } from '../../io/atomic.ts';
import { explainModel } from '../../model/explain.ts';
import type { Model } from '../../model/load-model.ts';
import { renderReport, renderSvg, svgToPng, type ClaimRow, type FigureBlock, type ParameterRow, type RuleRow } from '../../report/index.ts';
import { valuesByArm } from '../analysis.ts';
import { claimsJson } from '../claims-format.ts';
import { protocolParameters } from '../protocol-table.ts';
import type { Reproduction } from '../qian2021.ts';
import { repeatsJson, type RepeatedClaim } from '../repeats.ts';
import { allFigures } from './figures.ts';

function shortCitation(citation: string): string {
  const author = citation.split(/[ ,]/)[0] ?? citation;
  const year = /\((\d{4})\)/.exec(citation)?.[1] ?? /\b(19|20)\d{2}\b/.exec(citation)?.[0] ?? '';
  return `${author} et al. ${year}`.trim();
}

function sd(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)) : 0;
}

function claimRows(rep: Reproduction): ClaimRow[] {
  return rep.claims.map((c) => {
    const first = c.comparisons[0];
    const assay = rep.experiment.assays.find((a) => a.assay === first?.assay);
    const arms = c.arms;
    const values = assay === undefined || first === undefined ? [] : arms.map((arm) => {
      const v = valuesByArm(assay.results, [arm], first.readout)[arm] ?? [];
      return { arm, mean: v.reduce((a, b) => a + b, 0) / Math.max(1, v.length), sd: sd(v), n: v.length };
    }).filter((v) => v.n > 0);
    const comps = c.comparisons.map((x) => `${x.arm} ${x.direction === 'higher' ? '>' : '<'} ${x.than} (${x.readout}): p = ${x.p.toPrecision(2)}${x.ok ? '' : ' ✗'}`).join('; ');
    return {
      id: c.id,
      statement: c.statement,
      arms,
      values,
      effect: c.effect === null ? null : { name: "Hedges' g", value: c.effect },
      p: c.pValue,
      holds: c.problem !== null ? null : c.holds,
      note: `${c.criterion}. ${comps}.${c.checkDetail !== null ? ` Shape: ${c.checkDetail}.` : ''}${c.problem !== null ? ` Not evaluated: ${c.problem}.` : ''} ${c.figure}.`,
    };
  });
}

export interface ReportContext {
  model: Model;
  atlas: Atlas;
  /** ISO date of the run (passed in: the report never reads the clock). */
  date: string;
  /** The same reproduction repeated at other seeds (the first is `rep`), and the time all took. */
  repeats?: readonly RepeatedClaim[];
  wallSeconds?: number;
  cpuSeconds?: number;
}

function repeatNote(c: RepeatedClaim): string {
  const per = c.repeats.map((r) => `seed ${r.seed}: ${r.problem !== null ? 'not evaluated' : `${r.holds ? 'holds' : 'does not hold'}, p = ${r.pValue === null ? '—' : r.pValue.toPrecision(2)}`}`).join('; ');
  return `Repeats: holds at ${c.heldAt} of ${c.repeats.length} seeds (${per}).`;
}

/** The first seed's rows, with each claim's verdict over every seed. */
function repeatedRows(rows: readonly ClaimRow[], repeats: readonly RepeatedClaim[]): ClaimRow[] {
  return rows.map((row, i) => {
    const c = repeats[i]!;
    if (c.id !== row.id) throw new RangeError(`report: claim ${row.id} has no repeats`);
    // fails if it failed at an evaluated seed; not evaluated if it held wherever it was evaluated but not everywhere
    const failed = c.repeats.some((r) => r.problem === null && !r.holds);
    const holds = failed ? false : c.repeats.every((r) => r.problem === null) ? c.holds : null;
    return { ...row, holds, note: `${repeatNote(c)} Values, effect and p in this row are seed ${c.repeats[0]!.seed}'s. ${row.note ?? ''}` };
  });
}

/** Write the report into `dir`; returns the paths written. */
export async function writeReproductionReport(dir: string, rep: Reproduction, ctx: ReportContext): Promise<string[]> {
  const figDir = join(dir, 'figures');
  mkdirSync(figDir, { recursive: true });
  const written: string[] = [];
  const write = (path: string, content: string | Uint8Array): void => {
    writeFileAtomicSync(path, content);
    written.push(path);
  };
  const specs = allFigures(rep.experiment.assays);
  const figures: FigureBlock[] = [];
  for (const f of specs) {
    const svg = await renderSvg(f.spec);
    write(join(figDir, `${f.id}.svg`), svg);
    write(join(figDir, `${f.id}.png`), svgToPng(svg));
    write(join(figDir, `${f.id}.vl.json`), `${JSON.stringify(f.spec)}\n`);
    figures.push({ id: f.id, title: f.title, svg, caption: f.caption });
  }
  const ex = explainModel(ctx.model, ctx.atlas);
  const cite = (ids: readonly string[]): string => [...new Set(ids.map((id) => shortCitation(ctx.atlas.get(id)!.source.citation)))].join('; ');
  const rules: RuleRow[] = [
    ...ex.rules.map((r) => ({ rule: r.english, atlasIds: r.evidence.map((e) => e.id), quote: r.evidence[0]?.quote ?? '', reference: r.evidence.length > 0 ? cite(r.evidence.map((e) => e.id)) : (r.source ?? '') })),
    ...ex.mechanisms.map((m) => ({ rule: `${m.name}: ${m.english}`, atlasIds: m.evidence.map((e) => e.id), quote: m.evidence[0]?.quote ?? '', reference: m.evidence.length > 0 ? cite(m.evidence.map((e) => e.id)) : 'standard physiology / PhysiCell' })),
  ];
  const overrides = rep.experiment.options.parameters;
  const parameters: ParameterRow[] = [
    ...Object.entries(ctx.model.file.parameters).map(([name, p]) => {
      const over = overrides[name];
      return {
        name: over !== undefined ? `${name} (set to ${over} for this run)` : name,
        value: over ?? ctx.model.values[name]!,
        unit: p.unit,
        status: p.status,
        ...(p.source === undefined ? {} : { source: p.source }),
        ...(p.derivation === undefined ? {} : { derivation: p.derivation }),
      };
    }),
    ...protocolParameters(rep.experiment.options).map((r) => ({ name: `protocol: ${r.name}`, value: r.value, unit: r.unit, status: 'assumed' as const, derivation: `${r.description} (protocol choice, docs/experiments.md)` })),
  ];
  const e = rep.experiment;
  const repeats = ctx.repeats;
  const seeds = repeats?.[0]?.repeats.map((r) => r.seed) ?? [e.seed];
  const held = repeats !== undefined ? repeats.filter((c) => c.holds).length : rep.claims.filter((c) => c.holds).length;
  const heldText = repeats !== undefined ? `${held} of ${rep.claims.length} claims hold at every one of seeds ${seeds.join(', ')} (independent repeats of the whole reproduction; figures show seed ${e.seed})` : `${held} of ${rep.claims.length} claims hold`;
  const html = renderReport({
    metadata: {
      title: 'Qian et al. 2021 (Lab Invest) reproduced in exoscape: hypoxic glioma exosomes, miR-1246 / miR-10b-5p, migration and invasion',
      codeVersion: e.codeVersion,
      seed: e.seed,
      date: ctx.date,
      extra: [
        { label: 'Model', value: `${ctx.model.file.name} (${ctx.model.path})` },
        { label: 'Replicates', value: `n = ${e.replicates} per arm (independent seeds)` },
        ...(repeats !== undefined ? [{ label: 'Repeats', value: `the whole reproduction at seeds ${seeds.join(', ')}` }] : []),
        { label: 'Run time', value: `${(ctx.wallSeconds ?? e.wallSeconds).toFixed(0)} s wall on ${e.workers} worker(s), ${(ctx.cpuSeconds ?? e.cpuSeconds).toFixed(0)} s CPU` },
        { label: 'Doses', value: `${e.options.dose} GDEs/cell (pre-treatment), ${e.options.uptakeDose} labelled GDEs/cell (uptake)` },
        { label: 'Overrides', value: Object.keys(overrides).length === 0 ? 'none (default model)' : Object.entries(overrides).map(([k, v]) => `${k} = ${v}`).join(', ') },
        { label: 'Command', value: `exoscape reproduce qian2021 --replicates ${e.replicates} ${repeats !== undefined ? `--seeds ${seeds.join(',')}` : `--seed ${e.seed}`}${Object.entries(overrides).map(([k, v]) => ` --set ${k}=${v}`).join('')}` },
      ],
    },
    summary: `The assays behind figures 1–5 of the seed study, run on the default model: vesicle production by donors at 21/5/1 % O2, uptake of labelled GDEs, recipients' miRNA and targets after 48 h of treatment, transwell migration, Matrigel invasion, wound healing and an orthotopic tumour whose hypoxic side emerges from O2 consumption. Arms differ only in protocol switches; ${heldText}.`,
    methods: `Mean ± SD of n = ${e.replicates} independent replicates per arm. Each claim is a planned comparison: two arms — Welch two-sample t-test; three — one-way ANOVA then Tukey HSD; the claim holds when every comparison it names has p < 0.05 in the stated direction (and, for uptake, the time course rises and levels off). Effect: Hedges' g (small-sample corrected) of the first comparison. Readouts are Poisson counts around the simulated amounts; replicates vary by their seeds (motility, division, death), so they vary less than lab replicates and p-values are smaller.`,
    claims: repeats !== undefined ? repeatedRows(claimRows(rep), repeats) : claimRows(rep),
    figures,
    rules,
    parameters,
  });
  write(join(dir, 'index.html'), html);
  write(join(dir, 'claims.json'), `${JSON.stringify(repeats !== undefined ? repeatsJson(repeats) : claimsJson(rep.claims), null, 2)}\n`);
  write(join(dir, 'results.json'), `${JSON.stringify(rep)}\n`);
  return written;
}
