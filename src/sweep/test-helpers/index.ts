/** Helpers for the sweep tests: sweep files from text, temp directories, reading the table back. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { parseSweep, type LoadedSweep } from '../load-spec.ts';

export function tempDir(prefix = 'exoscape-sweep-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => { rmSync(path, { recursive: true, force: true }); } };
}

/** Write `text` as `name`.yaml into `dir` and load it. */
export async function sweepFromText(dir: string, text: string, name = 'sweep'): Promise<LoadedSweep> {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, text);
  return parseSweep(path, text, { displayRoot: dir });
}

/** An Ishigami Sobol' sweep of N base samples (N·5 runs) with extra evaluator options. */
export function ishigamiSpec(opts: { samples?: number; seed?: number; replicates?: number; evaluator?: string; retry?: string } = {}): string {
  return [
    'version: 1',
    'name: test-ishigami',
    `evaluator: { name: ishigami${opts.evaluator !== undefined ? `, ${opts.evaluator}` : ''} }`,
    'parameters:',
    '  x1: { range: [-3.141592653589793, 3.141592653589793] }',
    '  x2: { range: [-3.141592653589793, 3.141592653589793] }',
    '  x3: { range: [-3.141592653589793, 3.141592653589793] }',
    `design: { kind: sobol, samples: ${opts.samples ?? 16}, bootstrap: 100 }`,
    `seed: ${opts.seed ?? 1}`,
    `replicates: ${opts.replicates ?? 1}`,
    'metrics: [y]',
    'claims: [{ name: y_positive, metric: y, op: ">", value: 0 }]',
    ...(opts.retry !== undefined ? [`retry: ${opts.retry}`] : []),
    '',
  ].join('\n');
}

export async function readTable(path: string): Promise<Record<string, unknown>[]> {
  const b = readFileSync(path);
  const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  return (await parquetReadObjects({ file })) as Record<string, unknown>[];
}
