/** The API client: typed GET/POST over fetch; failures carry the server's `{error, issues}`. */

export interface ApiIssue {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export class ApiFailure extends Error {
  readonly status: number;
  readonly issues: readonly ApiIssue[];

  constructor(status: number, message: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.issues = issues;
  }
}

export type Params = Record<string, string | number | boolean | undefined>;

export function withQuery(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? path : `${path}?${s}`;
}

async function failure(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: string; issues?: ApiIssue[] };
    return new ApiFailure(res.status, body.error ?? res.statusText, body.issues ?? []);
  } catch {
    return new ApiFailure(res.status, `${res.status} ${res.statusText}`);
  }
}

export async function getJson<T>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  const res = await fetch(withQuery(path, params), { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** One line for a failure, with its issues. */
export function describeFailure(e: unknown): string {
  if (e instanceof ApiFailure) {
    const issues = e.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`);
    return issues.length > 0 && !(issues.length === 1 && e.issues[0]!.message === e.message) ? `${e.message} — ${issues.join('; ')}` : e.message;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

// ---- atlas types (the records /api/atlas returns) ----

export interface Relation {
  id: string;
  seed: string;
  refs: string[];
  donor: string;
  donorLine: string | null;
  donorCondition: string;
  cancerType: string;
  cargo: { name: string; type: string } | null;
  recipient: string | null;
  recipientLine: string | null;
  recipientCondition: string | null;
  targets: { symbol: string; effect: string }[];
  phenotype: string;
  direction: 'increases' | 'decreases';
  evidence: string[];
  quote: string;
  location: string;
  measures: { name: string; value: number | string; unit?: string; context?: string }[];
  flags: string[];
  related: string[];
  note: string | null;
  source: string;
  referenceTexts: Record<string, string>;
}

export interface GraphNode {
  id: string;
  kind: 'condition' | 'cell' | 'molecule' | 'vesicles' | 'phenotype';
  role: string;
  label: string;
  degree: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  interaction: string;
  sign: 'activation' | 'inhibition';
  relations: string[];
  evidence: string[];
}

export interface AtlasGraph {
  relations: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface PathStep {
  from: string;
  to: string;
  interaction: string;
  sign: 'activation' | 'inhibition';
  relations: { id: string; seed: string; evidence: string[]; refs: string[]; quote: string }[];
}

export interface CausalPath {
  nodes: { key: string; kind: string; label: string }[];
  steps: PathStep[];
}

export interface PathResult {
  from: string;
  to: string;
  paths: CausalPath[];
}

export interface VocabTerm {
  id: string;
  parent: string | null;
  detail: string | null;
  synonyms: string[];
}

/** A binary response (Float32, little-endian) with its headers. */
export async function getFloat32(path: string, params?: Params): Promise<{ data: Float32Array; headers: Headers }> {
  const res = await fetch(withQuery(path, params));
  if (!res.ok) throw await failure(res);
  return { data: new Float32Array(await res.arrayBuffer()), headers: res.headers };
}

export async function postText<T>(path: string, text: string, type: string): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body: text });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}
