/**
 * Query-string checks shared by the routes: unknown keys are 400 with a "did you mean", repeated
 * keys are 400, numbers must be integers within bounds. Paths in issues are `query.<key>`.
 */
import type { Context } from 'hono';
import { closestName } from '../common/suggest.ts';
import { ApiError, type ApiIssue } from './errors.ts';

/** The query as single values; throws 400 listing every unknown or repeated key. */
export function queryOf(c: Context, allowed: readonly string[]): Record<string, string> {
  const all = c.req.queries();
  const issues: ApiIssue[] = [];
  const out: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    if (!allowed.includes(key)) {
      const near = closestName(key, allowed);
      issues.push({ path: `query.${key}`, message: `unknown query parameter "${key}"${near !== undefined ? `; did you mean "${near}"?` : `; expected one of ${allowed.join(', ')}`}` });
    } else if (values.length > 1) {
      issues.push({ path: `query.${key}`, message: `"${key}" given ${values.length} times; give it once` });
    } else if (values[0] !== undefined) out[key] = values[0];
  }
  if (issues.length > 0) throw new ApiError(400, 'invalid query', issues);
  return out;
}

/** An integer in [min, max] from the query, or the default when absent. */
export function intParam(q: Record<string, string>, key: string, def: number, min: number, max: number): number {
  const raw = q[key];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ApiError(400, 'invalid query', [{ path: `query.${key}`, message: `must be an integer from ${min} to ${max} (found "${raw}")` }]);
  }
  return n;
}

/** One of a fixed set of words, or the default when absent. */
export function choiceParam<T extends string>(q: Record<string, string>, key: string, choices: readonly T[], def: T): T {
  const raw = q[key];
  if (raw === undefined || raw === '') return def;
  const hit = choices.find((c) => c === raw);
  if (hit === undefined) throw new ApiError(400, 'invalid query', [{ path: `query.${key}`, message: `must be one of ${choices.join(', ')} (found "${raw}")` }]);
  return hit;
}

export function boolParam(q: Record<string, string>, key: string, def: boolean): boolean {
  const raw = q[key];
  if (raw === undefined || raw === '') return def;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ApiError(400, 'invalid query', [{ path: `query.${key}`, message: `must be true or false (found "${raw}")` }]);
}
