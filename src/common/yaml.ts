/**
 * YAML documents that remember where every value came from, so that schema errors can name
 * file:line:column. Used by the atlas and (later) scenario loaders.
 */
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError, type Issue } from './errors.ts';

export interface SourcedDocument {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export function parseYaml(file: string, text: string): SourcedDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, path: '', message: `YAML syntax: ${e.message.split('\n')[0] ?? e.message}` };
    });
    throw new UserError(`${file}: not valid YAML`, issues);
  }
  return { file, doc, lines };
}

/** Position of the value at `path`, falling back to the nearest ancestor that exists. */
export function positionOf(src: SourcedDocument, path: readonly PropertyKey[]): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = src.doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = src.lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

/** Position of the key `key` inside the mapping at `path` (for "unknown key" errors). */
export function keyPositionOf(src: SourcedDocument, path: readonly PropertyKey[], key: string): { line: number; column: number } {
  const node: unknown = src.doc.getIn(path as unknown[], true);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        const pos = src.lines.linePos(pair.key.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  return positionOf(src, [...path, key]);
}

export function issueAt(src: SourcedDocument, path: readonly PropertyKey[], message: string): Issue {
  const pos = positionOf(src, path);
  return { file: src.file, line: pos.line, column: pos.column, path: path.map(String).join('.'), message };
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** Validate a parsed document against a zod schema; throw a UserError listing every issue with its position. */
export function validateDocument<S extends z.ZodType>(src: SourcedDocument, schema: S, suggest?: (key: string, path: readonly PropertyKey[]) => string | undefined): z.infer<S> {
  const raw: unknown = src.doc.toJS();
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues: Issue[] = [];
  for (const zi of result.error.issues) {
    const path = zi.path;
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        const hint = suggest?.(key, path);
        const pos = keyPositionOf(src, path, key);
        issues.push({ file: src.file, line: pos.line, column: pos.column, path: [...path, key].map(String).join('.'), message: `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ''}` });
      }
      continue;
    }
    const found = describeFound(valueAt(raw, path));
    issues.push(issueAt(src, path, `${zi.message} (found ${found})`));
  }
  throw new UserError(`${src.file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}
