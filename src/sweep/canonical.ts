/** Canonical JSON (object keys sorted, recursively) and short content hashes for ids and keys. */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(o[k])]),
    );
  }
  return v;
}

/** Hex SHA-256 of a string, cut to `chars` characters. */
export function sha256(text: string, chars = 64): string {
  return createHash('sha256').update(text).digest('hex').slice(0, chars);
}
