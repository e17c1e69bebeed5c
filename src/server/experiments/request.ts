/**
 * What `POST /api/experiments` accepts: `{kind: "assay", assay, arms?, replicates?, seed?}` or
 * `{kind: "reproduce", study: "qian2021", replicates?, seed?}`. Every problem is reported at once
 * with its field path (`body.arms[1]`) and a "did you mean"; replicates above the server's limit
 * are 422 (the request is valid, the server will not run that much).
 */
import type { Context } from 'hono';
import { closestName } from '../../common/suggest.ts';
import type { AssayPlan } from '../../experiments/experiment.ts';
import { qian2021Plans } from '../../experiments/qian2021.ts';
import { ASSAYS } from '../../experiments/registry.ts';
import { ApiError, type ApiIssue } from '../errors.ts';
import type { ExperimentRequest } from './api-types.ts';

export type { ExperimentRequest };

export const STUDIES = ['qian2021'] as const satisfies readonly Extract<ExperimentRequest, { kind: 'reproduce' }>['study'][];

/** As `exoscape assay` / `exoscape reproduce`: 4 replicates, seed 1. */
export const DEFAULT_REPLICATES = 4;
export const DEFAULT_SEED = 1;

const KEYS = { assay: ['kind', 'assay', 'arms', 'replicates', 'seed'], reproduce: ['kind', 'study', 'replicates', 'seed'] } as const;

function unknownKeys(rec: Record<string, unknown>, allowed: readonly string[], issues: ApiIssue[], kind: string): void {
  for (const k of Object.keys(rec)) {
    if (allowed.includes(k)) continue;
    const near = closestName(k, allowed);
    issues.push({ path: `body.${k}`, message: `unknown key "${k}" for kind "${kind}"${near !== undefined ? `; did you mean "${near}"?` : `; expected ${allowed.join(', ')}`}` });
  }
}

function intIn(rec: Record<string, unknown>, key: string, min: number, max: number, def: number, issues: ApiIssue[]): number {
  const v = rec[key];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    issues.push({ path: `body.${key}`, message: `must be an integer from ${min} to ${max} (found ${JSON.stringify(v)})` });
    return def;
  }
  return v;
}

function checkArms(raw: unknown, assay: (typeof ASSAYS)[number], issues: ApiIssue[]): string[] {
  if (raw === undefined) return [...assay.defaultArms];
  if (!Array.isArray(raw)) {
    issues.push({ path: 'body.arms', message: `must be a list of arm names, e.g. ${JSON.stringify(assay.defaultArms)}` });
    return [];
  }
  const arms: string[] = [];
  raw.forEach((a: unknown, i) => {
    const path = `body.arms[${i}]`;
    if (typeof a !== 'string') {
      issues.push({ path, message: `must be an arm name (found ${JSON.stringify(a)})` });
      return;
    }
    const hit = assay.arms.find((x) => x.toLowerCase() === a.trim().toLowerCase());
    if (hit === undefined) {
      const near = closestName(a, assay.arms);
      issues.push({ path, message: `${assay.name} has no arm "${a}"${near !== undefined ? `; did you mean "${near}"?` : ''} (arms: ${assay.arms.join(', ')})` });
    } else if (arms.includes(hit)) issues.push({ path, message: `arm "${hit}" is listed twice` });
    else arms.push(hit);
  });
  if (raw.length < 2) issues.push({ path: 'body.arms', message: `give at least two arms (a comparison needs a control), e.g. ${JSON.stringify(assay.defaultArms)}` });
  return arms;
}

/** Check a parsed body; throws 400 with every issue, or 422 when it asks for more replicates than `maxReplicates`. */
export function checkExperimentRequest(body: unknown, maxReplicates: number): ExperimentRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'expected a JSON object', [{ path: 'body', message: 'expected an object such as {"kind": "assay", "assay": "uptake"} or {"kind": "reproduce", "study": "qian2021"}' }]);
  const rec = body as Record<string, unknown>;
  const issues: ApiIssue[] = [];
  const kind = rec.kind;
  if (kind !== 'assay' && kind !== 'reproduce') {
    const near = typeof kind === 'string' ? closestName(kind, ['assay', 'reproduce']) : undefined;
    throw new ApiError(400, 'invalid request', [{ path: 'body.kind', message: `must be "assay" or "reproduce" (found ${JSON.stringify(kind)})${near !== undefined ? `; did you mean "${near}"?` : ''}` }]);
  }
  unknownKeys(rec, KEYS[kind], issues, kind);
  // Replicates: below 2 is a bad request (no variance); above the server's limit is refused (422).
  const replicates = intIn(rec, 'replicates', 2, Number.MAX_SAFE_INTEGER, DEFAULT_REPLICATES, issues);
  const seed = intIn(rec, 'seed', 0, 2 ** 32 - 1, DEFAULT_SEED, issues);
  let request: ExperimentRequest;
  if (kind === 'assay') {
    const name = rec.assay;
    const def = typeof name === 'string' ? ASSAYS.find((a) => a.name === name.trim().toLowerCase()) : undefined;
    if (def === undefined) {
      const near = typeof name === 'string' ? closestName(name, ASSAYS.map((a) => a.name)) : undefined;
      issues.push({ path: 'body.assay', message: `${name === undefined ? 'required' : `no assay ${JSON.stringify(name)}`}${near !== undefined ? `; did you mean "${near}"?` : ''} (assays: ${ASSAYS.map((a) => a.name).join(', ')})` });
    }
    const arms = def !== undefined ? checkArms(rec.arms, def, issues) : [];
    request = { kind, assay: def?.name ?? '', arms, replicates, seed };
  } else {
    const study = rec.study;
    const hit = STUDIES.find((s) => s === study);
    if (hit === undefined) {
      const near = typeof study === 'string' ? closestName(study, STUDIES) : undefined;
      issues.push({ path: 'body.study', message: `${study === undefined ? 'required' : `no study ${JSON.stringify(study)}`}${near !== undefined ? `; did you mean "${near}"?` : ''} (studies: ${STUDIES.join(', ')})` });
    }
    request = { kind, study: hit ?? 'qian2021', replicates, seed };
  }
  if (issues.length > 0) throw new ApiError(400, 'invalid request', issues);
  if (replicates > maxReplicates) throw new ApiError(422, 'more replicates than this server runs', [{ path: 'body.replicates', message: `${replicates} replicates per arm; this server runs at most ${maxReplicates} (exoscape serve --max-replicates)` }]);
  return request;
}

/** Read `POST /api/experiments`: JSON only (415 otherwise), then `checkExperimentRequest`. */
export async function readExperimentRequest(c: Context, maxReplicates: number): Promise<ExperimentRequest> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(415, `send the experiment as application/json; got "${type || 'no content type'}"`, [{ path: 'headers.content-type', message: 'unsupported media type' }]);
  const raw = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ApiError(400, 'the request body is not valid JSON', [{ path: 'body', message: e instanceof Error ? e.message : String(e) }]);
  }
  return checkExperimentRequest(body, maxReplicates);
}

/** The assays and arms an experiment runs. */
export function plansOf(request: ExperimentRequest): AssayPlan[] {
  return request.kind === 'assay' ? [{ assay: request.assay, arms: [...request.arms] }] : qian2021Plans();
}

/** Arm × replicate jobs (what progress counts): each arm is one job per replicate, whatever assays use it. */
export function jobCount(request: ExperimentRequest): number {
  return new Set(plansOf(request).flatMap((p) => p.arms)).size * request.replicates;
}

/** A short title for lists: "uptake: PBS, H-GDE · n = 2" or "Reproduce Qian et al. 2021 · n = 4". */
export function experimentTitle(request: ExperimentRequest): string {
  if (request.kind === 'assay') return `${request.assay}: ${request.arms.join(', ')} · n = ${request.replicates}`;
  return `Reproduce Qian et al. 2021 · n = ${request.replicates}`;
}
