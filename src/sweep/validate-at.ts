/** Validate one value of a sourced document (not the whole document) and position its issues. */
import type { z } from 'zod';
import type { Issue } from '../common/errors.ts';
import { issueAt, keyPositionOf, type SourcedDocument } from '../common/yaml.ts';
import { closestName } from '../common/suggest.ts';
import { schemaKeys } from '../common/schema-keys.ts';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Validate `value`, found at `path` in `src`, against `schema`; unknown keys get "did you mean". */
export function validateAt<S extends z.ZodType>(src: SourcedDocument, path: readonly PropertyKey[], schema: S, value: unknown): ValidationResult<z.infer<S>> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const keys = schemaKeys(schema);
  const issues: Issue[] = [];
  for (const zi of r.error.issues) {
    const at = [...path, ...zi.path];
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        const near = closestName(key, keys);
        const pos = keyPositionOf(src, at, key);
        issues.push({ file: src.file, line: pos.line, column: pos.column, path: [...at, key].map(String).join('.'), message: `unknown key "${key}"${near ? `; did you mean "${near}"?` : ''}` });
      }
    } else issues.push(issueAt(src, at, zi.message));
  }
  return { ok: false, issues };
}
