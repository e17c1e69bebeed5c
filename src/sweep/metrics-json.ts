/**
 * Metrics through JSON (journal lines, queue job results): NaN, ±Infinity and −0 become the strings
 * "NaN", "Infinity", "-Infinity" and "-0" and come back as numbers (JSON.stringify(-0) is "0": a
 * −log10(1) would otherwise come back as +0 from the queue but stay −0 in a local run, and the two
 * backends' tables would differ in bytes); other doubles round-trip exactly (JSON.stringify prints
 * the shortest representation that parses back to the same double).
 */
import type { Metrics } from './evaluator.ts';

export type EncodedMetrics = Record<string, number | boolean | string>;

export function encodeMetrics(m: Metrics): EncodedMetrics {
  const out: EncodedMetrics = {};
  for (const [k, v] of Object.entries(m)) out[k] = typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? (Object.is(v, -0) ? '-0' : String(v)) : v;
  return out;
}

export function decodeMetrics(m: unknown): Metrics {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new Error('metrics must be an object');
  const out: Metrics = {};
  for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
    if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (v === 'NaN' || v === 'Infinity' || v === '-Infinity' || v === '-0') out[k] = Number(v);
    else throw new Error(`metric "${k}" is neither a number nor a boolean`);
  }
  return out;
}
