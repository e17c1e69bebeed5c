/**
 * Exports for network biologists and scripts: JSON Lines (one relation per line), CSV (one
 * relation per row, lists joined with ";"), GraphML and SIF (the causal graph of graph.ts, with
 * cell types as nodes).
 */
import type { AtlasRelation } from './atlas.ts';
import { buildGraph } from './graph.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'graphml', 'sif'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The public record of a relation (stable field order; what `--json` and JSONL print). */
export function relationRecord(r: AtlasRelation): Record<string, unknown> {
  return {
    id: r.id,
    seed: r.seed,
    refs: r.refs,
    donor: r.donor,
    donorLine: r.donorLine,
    donorCondition: r.donorCondition,
    cancerType: r.cancerType,
    cargo: r.cargo === null ? null : { name: r.cargo.name, type: r.cargo.type },
    recipient: r.recipient,
    recipientLine: r.recipientLine,
    recipientCondition: r.recipientCondition,
    targets: r.targets.map((t) => ({ symbol: t.symbol, effect: t.effect })),
    phenotype: r.phenotype,
    direction: r.direction,
    evidence: r.evidence,
    quote: r.quote,
    location: r.location,
    measures: r.measures,
    flags: r.flags,
    related: r.related,
    note: r.note ?? null,
    source: r.source.citation,
    referenceTexts: r.referenceTexts,
  };
}

export function toJsonl(relations: readonly AtlasRelation[]): string {
  return relations.map((r) => JSON.stringify(relationRecord(r))).join('\n') + (relations.length > 0 ? '\n' : '');
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const CSV_COLUMNS = [
  'id', 'seed', 'refs', 'donor', 'donorLine', 'donorCondition', 'cancerType', 'cargo', 'cargoType', 'recipient',
  'recipientLine', 'recipientCondition', 'targets', 'phenotype', 'direction', 'evidence', 'measures', 'flags', 'related',
  'location', 'quote',
] as const;

export function toCsv(relations: readonly AtlasRelation[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const r of relations) {
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: r.id,
      seed: r.seed,
      refs: r.refs.join(';'),
      donor: r.donor,
      donorLine: r.donorLine ?? '',
      donorCondition: r.donorCondition,
      cancerType: r.cancerType,
      cargo: r.cargo?.name ?? '',
      cargoType: r.cargo?.type ?? 'vesicle',
      recipient: r.recipient ?? '',
      recipientLine: r.recipientLine ?? '',
      recipientCondition: r.recipientCondition ?? '',
      targets: r.targets.map((t) => `${t.symbol}:${t.effect}`).join(';'),
      phenotype: r.phenotype,
      direction: r.direction,
      evidence: r.evidence.join(';'),
      measures: r.measures.map((m) => `${m.name}=${m.value}${m.unit ?? ''}`).join(';'),
      flags: r.flags.join(';'),
      related: r.related.join(';'),
      location: r.location,
      quote: r.quote,
    };
    rows.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return rows.join('\n') + '\n';
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function toGraphml(relations: readonly AtlasRelation[]): string {
  const g = buildGraph(relations, { cells: true });
  const byId = new Map(relations.map((r) => [r.id, r]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="interaction" for="edge" attr.name="interaction" attr.type="string"/>',
    '  <key id="relations" for="edge" attr.name="relations" attr.type="string"/>',
    '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
    '  <key id="cancerTypes" for="edge" attr.name="cancerTypes" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <graph id="exoscape-atlas" edgedefault="directed">',
  ];
  for (const n of g.nodes.values()) {
    lines.push(`    <node id="${xml(n.key)}"><data key="label">${xml(n.label)}</data><data key="kind">${n.kind}</data></node>`);
  }
  let i = 0;
  for (const e of g.edges.values()) {
    const rels = e.relations.map((id) => byId.get(id)!);
    const evidence = [...new Set(rels.flatMap((r) => r.evidence))].join(';');
    const cancers = [...new Set(rels.map((r) => r.cancerType))].join(';');
    lines.push(
      `    <edge id="e${i++}" source="${xml(e.from)}" target="${xml(e.to)}"><data key="interaction">${e.interaction}</data>` +
        `<data key="relations">${xml(e.relations.join(';'))}</data><data key="evidence">${xml(evidence)}</data>` +
        `<data key="cancerTypes">${xml(cancers)}</data><data key="weight">${e.relations.length}</data></edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

/** SIF: `source<TAB>interaction<TAB>target`, node names are the labels (tabs keep spaces in names intact). */
export function toSif(relations: readonly AtlasRelation[]): string {
  const g = buildGraph(relations, { cells: true });
  const out: string[] = [];
  for (const e of g.edges.values()) {
    out.push(`${g.nodes.get(e.from)!.label}\t${e.interaction}\t${g.nodes.get(e.to)!.label}`);
  }
  return out.join('\n') + '\n';
}

export function exportRelations(relations: readonly AtlasRelation[], format: ExportFormat): string {
  switch (format) {
    case 'jsonl':
      return toJsonl(relations);
    case 'csv':
      return toCsv(relations);
    case 'graphml':
      return toGraphml(relations);
    case 'sif':
      return toSif(relations);
  }
}
