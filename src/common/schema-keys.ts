/** Every property name a zod schema knows, for "did you mean" hints on unknown keys. */
import { z } from 'zod';
import { closestName } from './suggest.ts';

interface Node {
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node | Node[];
  prefixItems?: Node[];
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
}

export function schemaKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const walk = (s: Node): void => {
    for (const [k, p] of Object.entries(s.properties ?? {})) {
      keys.add(k);
      walk(p);
    }
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties);
    if (s.items !== undefined) for (const it of Array.isArray(s.items) ? s.items : [s.items]) walk(it);
    for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ...(s.prefixItems ?? [])]) walk(v);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node);
  return [...keys];
}

/** A "did you mean" function over the keys of one or more schemas. */
export function keySuggester(...schemas: z.ZodType[]): (key: string) => string | undefined {
  const keys = [...new Set(schemas.flatMap(schemaKeys))];
  return (key) => closestName(key, keys);
}
