/**
 * The self-contained HTML report of a virtual-experiment run: one file with inline CSS and inline
 * SVG figures, no scripts and no external requests, so it opens offline, archives as one file and
 * prints. Sections, in order: title and run metadata; the claims table (does each finding of the
 * seed paper hold in the model?); figures with captions; the rules the model applied with their
 * evidence; every parameter with its value, unit and provenance.
 *
 * Everything the caller passes is data: strings are escaped (`escape.ts`), SVG is checked and its
 * ids scoped (`svg-inline.ts`). The report never reads the clock or the environment — the date and
 * code version come in `metadata` — so the same inputs give the same bytes.
 */
import type { ParameterStatus } from '../model/model-file.ts';
import { escapeHtml, html, type Html } from './escape.ts';
import { REPORT_CSS } from './report-css.ts';
import { formatP } from './spec-style.ts';
import { inlineSvg } from './svg-inline.ts';

export interface ReportMetadata {
  title: string;
  /** `codeVersion()` of the run, e.g. "0.1.0+3f2a9c1d0b7e". */
  codeVersion: string;
  seed: number | string;
  /** When the run was made (ISO 8601); passed in so that the report is reproducible. */
  date: string;
  /** Further lines, e.g. scenario file and hash, model file, replicates per arm. */
  extra?: readonly { label: string; value: string }[];
}

/** One arm's value as the claims table prints it: mean ± SD (n). */
export interface ArmValue {
  arm: string;
  mean: number;
  sd: number;
  n: number;
}

export interface ClaimRow {
  /** e.g. "F4" for MODEL.md §5 finding 4. */
  id: string;
  /** The finding in words, e.g. "H-GDEs raise migration above N-GDEs". */
  statement: string;
  /** The arms compared, in the order the statement names them. */
  arms: readonly string[];
  values: readonly ArmValue[];
  /** e.g. { name: "Hedges' g", value: 2.4 } or { name: 'fold change', value: 1.9 }. */
  effect?: { name: string; value: number } | null;
  /** The (adjusted) p-value of the test behind the claim; null when none applies. */
  p?: number | null;
  /** true: holds; false: does not hold; null: not evaluated (e.g. the assay did not run). */
  holds: boolean | null;
  /** Why it does or does not hold, the test used, caveats. */
  note?: string;
}

export interface FigureBlock {
  /** Unique per report: letters, digits and '-' (it scopes the SVG's ids). */
  id: string;
  title: string;
  /** An SVG document, e.g. from `renderSvg(spec)`. */
  svg: string;
  caption: string;
}

export interface RuleRow {
  /** The rule as the model states it, e.g. "miR-1246 decreases FRK (Hill, half-max 40 copies)". */
  rule: string;
  atlasIds: readonly string[];
  /** The verbatim sentence from the paper that supports it; '' for standard physiology cited by `reference` alone. */
  quote: string;
  /** Short citation, e.g. "Qian et al. 2021, Oncogene". */
  reference: string;
}

export interface ParameterRow {
  name: string;
  value: number;
  unit: string;
  status: ParameterStatus;
  /** Required unless `status` is 'assumed' (as in the model file). */
  source?: string;
  /** For derived values: how. */
  derivation?: string;
}

export interface ReportInput {
  metadata: ReportMetadata;
  /** A paragraph under the title, e.g. what was run and how to read the claims. */
  summary?: string;
  /** One line on the statistics, e.g. "n = 6 replicates per arm; Welch t-test (2 arms) …". */
  methods?: string;
  claims: readonly ClaimRow[];
  figures: readonly FigureBlock[];
  rules: readonly RuleRow[];
  parameters: readonly ParameterRow[];
}

/** Three significant digits below 100, whole numbers from 100 to 1e5, exponents outside [1e-3, 1e5). */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e5) return x.toExponential(2);
  return a >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

function verdict(holds: boolean | null): Html {
  if (holds === true) return html`<span class="verdict holds" title="holds">✓ holds</span>`;
  if (holds === false) return html`<span class="verdict fails" title="does not hold">✗ does not hold</span>`;
  return html`<span class="verdict untested" title="not evaluated">— not evaluated</span>`;
}

function metadataSection(m: ReportMetadata): Html {
  const rows: [string, string][] = [['Code version', m.codeVersion], ['Seed', String(m.seed)], ['Date', m.date], ...(m.extra ?? []).map((e): [string, string] => [e.label, e.value])];
  return html`<table class="meta">${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td><code>${v}</code></td></tr>`)}</table>`;
}

function claimsSection(claims: readonly ClaimRow[]): Html {
  const held = claims.filter((c) => c.holds === true).length;
  const failed = claims.filter((c) => c.holds === false).length;
  const rows = claims.map(
    (c) => html`<tr class="${c.holds === true ? 'row-holds' : c.holds === false ? 'row-fails' : 'row-untested'}">
<td><strong>${c.id}</strong></td><td>${c.statement}${c.note ? html`<div class="note">${c.note}</div>` : html``}</td>
<td>${c.arms.join(' vs ')}</td>
<td>${c.values.map((v) => html`<div class="value"><span class="arm">${v.arm}</span> ${formatNumber(v.mean)} ± ${formatNumber(v.sd)} <span class="n">(n = ${v.n})</span></div>`)}</td>
<td>${c.effect ? html`${c.effect.name} = ${formatNumber(c.effect.value)}` : html`—`}</td>
<td class="p">${c.p === undefined || c.p === null ? '—' : formatP(c.p)}</td>
<td>${verdict(c.holds)}</td></tr>`,
  );
  return html`<section id="claims"><h2>Claims</h2>
<p class="tally">${String(held)} of ${String(claims.length)} hold · ${String(failed)} do not hold · ${String(claims.length - held - failed)} not evaluated</p>
<table class="claims"><thead><tr><th>Id</th><th>Claim</th><th>Arms</th><th>Values (mean ± SD)</th><th>Effect</th><th>p</th><th>Holds</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function figuresSection(figures: readonly FigureBlock[]): Html {
  const ids = new Set<string>();
  const blocks = figures.map((f, i) => {
    if (ids.has(f.id)) throw new RangeError(`figure id '${f.id}' is used twice`);
    ids.add(f.id);
    const svg: Html = { html: inlineSvg(f.svg, `fig-${f.id}`) };
    return html`<figure id="${`figure-${f.id}`}">${svg}<figcaption><strong>Figure ${String(i + 1)}. ${f.title}.</strong> ${f.caption}</figcaption></figure>`;
  });
  return html`<section id="figures"><h2>Figures</h2><div class="figures">${blocks}</div></section>`;
}

function rulesSection(rules: readonly RuleRow[]): Html {
  const rows = rules.map(
    (r) => html`<tr><td>${r.rule}</td><td>${r.atlasIds.map((id) => html`<code>${id}</code> `)}</td><td>${r.quote === '' ? html`—` : html`<blockquote>${r.quote}</blockquote>`}</td><td>${r.reference}</td></tr>`,
  );
  return html`<section id="rules"><h2>Rules and their evidence</h2>
<table class="rules"><thead><tr><th>Rule</th><th>Atlas ids</th><th>Quote</th><th>Reference</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const STATUS_ORDER: readonly ParameterStatus[] = ['sourced', 'derived', 'default', 'assumed'];

function parametersSection(parameters: readonly ParameterRow[]): Html {
  const counts = STATUS_ORDER.map((s) => `${String(parameters.filter((p) => p.status === s).length)} ${s}`).join(' · ');
  const rows = parameters.map(
    (p) => html`<tr><td><code>${p.name}</code></td><td class="num">${formatNumber(p.value)}</td><td>${p.unit}</td>
<td><span class="${`status status-${p.status}`}">${p.status}</span></td>
<td>${p.source ?? (p.status === 'assumed' ? '(assumed: no source)' : '')}${p.derivation ? html`<div class="note">${p.derivation}</div>` : html``}</td></tr>`,
  );
  return html`<section id="parameters"><h2>Parameters</h2><p class="tally">${counts}</p>
<table class="parameters"><thead><tr><th>Name</th><th>Value</th><th>Unit</th><th>Status</th><th>Source</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The complete report as one HTML document. Throws RangeError on a rejected SVG or duplicate figure id. */
export function renderReport(input: ReportInput): string {
  const m = input.metadata;
  const body = html`<header><h1>${m.title}</h1>${metadataSection(m)}${input.summary ? html`<p class="summary">${input.summary}</p>` : html``}${
    input.methods ? html`<p class="methods"><strong>Statistics.</strong> ${input.methods}</p>` : html``
  }</header>
${claimsSection(input.claims)}
${figuresSection(input.figures)}
${rulesSection(input.rules)}
${parametersSection(input.parameters)}
<footer>exoscape ${m.codeVersion} · seed ${String(m.seed)} · ${m.date}</footer>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`exoscape ${m.codeVersion}`)}">
<title>${escapeHtml(m.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body.html}
</body>
</html>
`;
}
