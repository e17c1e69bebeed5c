/**
 * The scenario form edits the YAML text in place (comments and layout are kept): each field is a
 * path into the document.
 */
import { parseDocument } from 'yaml';

export interface FormField {
  key: string;
  path: (string | number)[];
  label: string;
  kind: 'text' | 'number' | 'select';
  options?: string[];
}

export const FORM_FIELDS: readonly FormField[] = [
  { key: 'name', path: ['name'], label: 'Name', kind: 'text' },
  { key: 'duration', path: ['time', 'duration'], label: 'Duration (min)', kind: 'number' },
  { key: 'output', path: ['time', 'output'], label: 'Output every (min)', kind: 'number' },
  { key: 'sizeX', path: ['domain', 'size', 0], label: 'Width x (µm)', kind: 'number' },
  { key: 'sizeY', path: ['domain', 'size', 1], label: 'Height y (µm)', kind: 'number' },
  { key: 'voxel', path: ['domain', 'voxel'], label: 'Voxel (µm)', kind: 'number' },
  { key: 'boundary', path: ['domain', 'boundary'], label: 'Boundary', kind: 'select', options: ['dirichlet', 'no-flux'] },
  { key: 'seed', path: ['seed'], label: 'Seed', kind: 'number' },
];

/** The form's values from the text, or null when the text is not a YAML mapping. */
export function readForm(text: string): Record<string, string> | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || doc.contents === null) return null;
  const out: Record<string, string> = {};
  for (const f of FORM_FIELDS) {
    const v: unknown = doc.getIn(f.path);
    out[f.key] = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  }
  return out;
}

/** The text with one form field set (numbers stay numbers; an empty value removes the key). */
export function writeField(text: string, key: string, value: string): string {
  const f = FORM_FIELDS.find((x) => x.key === key);
  if (f === undefined) return text;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  if (value.trim() === '') {
    if (typeof f.path[f.path.length - 1] !== 'number') doc.deleteIn(f.path);
  } else {
    const n = Number(value);
    doc.setIn(f.path, f.kind === 'number' && value.trim() !== '' && Number.isFinite(n) ? n : value);
  }
  return doc.toString();
}
