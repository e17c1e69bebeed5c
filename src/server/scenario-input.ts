/**
 * Scenarios sent to the API: the packaged examples, and submitted text (YAML, or JSON — JSON is
 * YAML too, so positions work for both) parsed by the same loader as `exoscape scenario validate`.
 * Problems come back as 400 with each issue's field path, line and column in the submitted text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { parse as parseYamlText } from 'yaml';
import { UserError } from '../common/errors.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { parseScenario, type LoadedScenario } from '../scenario/load-scenario.ts';
import { ApiError, issuesOf, type ApiIssue } from './errors.ts';
import { closestName } from '../common/suggest.ts';

export function packagedScenarioDir(): string {
  return fileURLToPath(new URL('../../scenarios/', import.meta.url));
}

export interface ExampleScenario {
  name: string;
  description: string;
  file: string;
  text: string;
}

/** The example scenarios in `dir` (`*.yaml`), sorted by name. */
export function listExamples(dir: string): ExampleScenario[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const doc: unknown = parseYamlText(text);
    const rec = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
    return {
      name: typeof rec.name === 'string' ? rec.name : file.replace(/\.yaml$/, ''),
      description: typeof rec.description === 'string' ? rec.description : '',
      file,
      text,
    };
  });
}

/** What a POST carries: scenario text plus run options. */
export interface ScenarioRequest {
  text: string;
  /** Display name for messages (`submitted.yaml`, or the example's file name). */
  file: string;
  seed?: number;
  threads?: number;
}

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

/**
 * Read a scenario request: `application/json` `{ scenario: text | object } | { example: name }`
 * (+ `seed`, `threads` when `runOptions`), or the scenario text itself as YAML.
 */
export async function readScenarioRequest(c: Context, examplesDir: string, runOptions: boolean): Promise<ScenarioRequest> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (YAML_TYPES.includes(type)) return { text: await c.req.text(), file: 'submitted.yaml' };
  if (type !== 'application/json') {
    throw new ApiError(415, `send the scenario as application/json ({"scenario": …}) or as YAML (application/yaml); got "${type || 'no content type'}"`, [{ path: 'headers.content-type', message: 'unsupported media type' }]);
  }
  let body: unknown;
  const raw = await c.req.text();
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new ApiError(400, 'the request body is not valid JSON', [{ path: 'body', message: e instanceof Error ? e.message : String(e) }]);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'expected a JSON object', [{ path: 'body', message: 'expected an object such as {"scenario": "…"} or {"example": "hypoxic-glioma-quick"}' }]);
  const rec = body as Record<string, unknown>;
  const keys = runOptions ? ['scenario', 'example', 'seed', 'threads'] : ['scenario', 'example'];
  const issues: ApiIssue[] = [];
  for (const k of Object.keys(rec)) {
    if (!keys.includes(k)) {
      const near = closestName(k, keys);
      issues.push({ path: `body.${k}`, message: `unknown key "${k}"${near !== undefined ? `; did you mean "${near}"?` : `; expected ${keys.join(', ')}`}` });
    }
  }
  const hasScenario = rec.scenario !== undefined;
  const hasExample = rec.example !== undefined;
  if (hasScenario === hasExample) issues.push({ path: 'body', message: 'give exactly one of "scenario" (YAML or JSON text, or an object) and "example" (an example scenario name)' });
  const intIn = (k: string, min: number, max: number): number | undefined => {
    const v = rec[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      issues.push({ path: `body.${k}`, message: `must be an integer from ${min} to ${max} (found ${JSON.stringify(v)})` });
      return undefined;
    }
    return v;
  };
  const seed = runOptions ? intIn('seed', 0, 2 ** 32 - 1) : undefined;
  const threads = runOptions ? intIn('threads', 1, 64) : undefined;
  let text = '';
  let file = 'submitted.yaml';
  if (hasScenario) {
    const s = rec.scenario;
    if (typeof s === 'string') text = s;
    else if (s !== null && typeof s === 'object' && !Array.isArray(s)) {
      text = JSON.stringify(s, null, 2);
      file = 'submitted.json';
    } else issues.push({ path: 'body.scenario', message: 'must be the scenario text (YAML or JSON) or a scenario object' });
  } else if (hasExample) {
    const name = rec.example;
    const examples = listExamples(examplesDir);
    const hit = examples.find((e) => e.name === name || e.file === name);
    if (hit === undefined) {
      const near = typeof name === 'string' ? closestName(name, examples.map((e) => e.name)) : undefined;
      issues.push({ path: 'body.example', message: `no example scenario ${JSON.stringify(name)}${near !== undefined ? `; did you mean "${near}"?` : `; examples: ${examples.map((e) => e.name).join(', ')}`}` });
    } else {
      text = hit.text;
      file = hit.file;
    }
  }
  if (issues.length > 0) throw new ApiError(400, 'invalid request', issues);
  return { text, file, ...(seed !== undefined ? { seed } : {}), ...(threads !== undefined ? { threads } : {}) };
}

/** Parse and check scenario text as the CLI does; 400 with positioned issues when it is invalid. */
export function parseSubmitted(req: ScenarioRequest, examplesDir: string, atlas: Atlas): LoadedScenario {
  try {
    return parseScenario(join(examplesDir, req.file), req.text, { atlas, displayRoot: examplesDir });
  } catch (e) {
    if (e instanceof UserError) throw new ApiError(400, e.message, issuesOf(e, 'scenario'));
    throw e;
  }
}
