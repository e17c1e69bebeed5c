/** Redis URLs for the queue backend: validated up front, checked for reachability with a clear error. */
import { Redis } from 'ioredis';
import { UserError } from '../../common/errors.ts';

export const DEFAULT_QUEUE_NAME = 'exoscape-sweeps';

export function checkRedisUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`--queue expects a Redis URL such as redis://127.0.0.1:6379 (found "${url}")`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new UserError(`--queue expects a redis:// or rediss:// URL (found "${url}")`);
  return url;
}

/** A plain client (BullMQ's settings: no per-request retry limit); rejects if Redis cannot be reached. */
export async function connectRedis(url: string, timeoutMs = 5000): Promise<Redis> {
  checkRedisUrl(url);
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, connectTimeout: timeoutMs, retryStrategy: (n) => (n > 3 ? null : 200) });
  client.on('error', () => {
    // Reported through connect() below, or by the commands that fail; avoid unhandled 'error' events.
  });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new UserError(`cannot reach Redis at ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return client;
}

/** Where a sweep's evaluator definition lives, so workers can look it up by evaluation key. */
export function definitionKey(queueName: string, evalKey: string): string {
  return `exoscape:${queueName}:definition:${evalKey}`;
}

/** The queue job id of a task: evaluation key prefix + point id (re-adding it is a no-op). */
export function jobIdOf(evalKey: string, pointId: string): string {
  return `${evalKey.slice(0, 16)}-${pointId}`;
}

export interface JobData {
  evalKey: string;
  id: string;
  params: Record<string, number>;
  seed: number;
  replicate: number;
}

export interface JobResult {
  metrics: Record<string, number | boolean | string>;
  ms: number;
  worker: string;
  attempt: number;
}
