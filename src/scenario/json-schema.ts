/**
 * The scenario JSON Schema (for editors: YAML language servers autocomplete and validate with it)
 * and the Markdown reference generated from the same source, so neither can drift from the code.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
};

export function scenarioJsonSchema(): JsonSchema {
  const s = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return { ...s, $id: 'https://exoscape.invalid/schemas/scenario-v1.json', title: 'exoscape scenario (version 1)' };
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' \\| ');
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    // Tagged unions (shape: disc | sphere …) read better as their tags.
    const tags = variants.map((v) => Object.entries(v.properties ?? {}).find(([, x]) => x.const !== undefined));
    if (tags.every((t) => t !== undefined)) return `mapping with ${tags[0]![0]}: ${tags.map((t) => JSON.stringify(t[1].const)).join(' \\| ')}`;
    return variants.map(typeOf).join(' \\| ');
  }
  if (s.prefixItems) return `[${s.prefixItems.map(typeOf).join(', ')}]`;
  if (s.type === 'array') return `list of ${s.items && !Array.isArray(s.items) ? typeOf(s.items) : 'items'}`;
  if (s.type === 'object' && s.properties === undefined) return 'mapping';
  if (s.type === 'object') return 'mapping';
  const t = Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
  const bounds: string[] = [];
  if (s.exclusiveMinimum !== undefined) bounds.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined) bounds.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) bounds.push(`≤ ${s.maximum}`);
  return bounds.length > 0 ? `${t} (${bounds.join(', ')})` : t;
}

interface Row {
  key: string;
  type: string;
  required: boolean;
  def: string;
  description: string;
}

function rows(s: JsonSchema, prefix: string, out: Row[]): void {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  for (const [k, p] of Object.entries(props)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    out.push({
      key,
      type: typeOf(p),
      required: required.has(k) && p.default === undefined,
      def: p.default === undefined ? '' : JSON.stringify(p.default),
      description: (p.description ?? '').replace(/\|/g, '\\|'),
    });
    if (p.properties) rows(p, key, out);
    const item = !Array.isArray(p.items) ? p.items : undefined;
    if (item?.properties) rows(item, `${key}[]`, out);
    const variants = item?.anyOf ?? item?.oneOf;
    if (variants) {
      for (const v of variants) {
        const tag = Object.entries(v.properties ?? {}).find(([, x]) => x.const !== undefined);
        rows(v, `${key}[] (${tag ? `${tag[0]}: ${String(tag[1].const)}` : 'variant'})`, out);
      }
    }
  }
}

export function scenarioReferenceMarkdown(): string {
  const all: Row[] = [];
  rows(scenarioJsonSchema(), '', all);
  const lines = [
    '# Scenario files',
    '',
    'A scenario says what to simulate. It is YAML, versioned (`version: 1`), and validated on load: every',
    'error names the file, line and column, the field, what was found and what was expected; unknown keys',
    'are errors with a "did you mean" suggestion. Editors can validate and autocomplete with the JSON',
    'Schema printed by `exoscape scenario schema` (also in `schemas/scenario-v1.json`).',
    '',
    'This reference is generated from the schema in `src/scenario/schema.ts` (a test keeps it in sync).',
    'Units: µm, minutes, mmHg.',
    '',
    '| key | type | required | default | meaning |',
    '|---|---|---|---|---|',
    ...all.map((r) => `| \`${r.key}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.def === '' ? '' : `\`${r.def}\``} | ${r.description} |`),
    '',
  ];
  return lines.join('\n');
}
