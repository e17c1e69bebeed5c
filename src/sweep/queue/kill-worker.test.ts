/**
 * Integration: a real redis-server, two `exoscape worker` processes, one SIGKILLed while it is
 * running points. The sweep must still finish with a complete table — every point once, no
 * duplicates — byte-identical to the same sweep on the local backend.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/test-helpers.ts';
import { spawnCli, type CliProcess } from '../test-helpers/cli-process.ts';
import { readTable, tempDir } from '../test-helpers/index.ts';
import { startRedisServer, type RedisServer } from '../test-helpers/redis-server.ts';
import { readJournal } from '../journal.ts';

const repo = resolve(import.meta.dirname, '../../..');
const dir = tempDir();
let redis: RedisServer;
const workers: CliProcess[] = [];

// 16 × 5 = 80 points of 250 ms each, with seeded noise so that seeds matter.
const spec = `version: 1
name: kill-test
evaluator: { name: ishigami, noise: 0.25, sleepMs: 250 }
parameters:
  x1: { range: [-3.141592653589793, 3.141592653589793] }
  x2: { range: [-3.141592653589793, 3.141592653589793] }
  x3: { range: [-3.141592653589793, 3.141592653589793] }
design: { kind: sobol, samples: 16, bootstrap: 200 }
metrics: [y]
claims: [{ name: y_positive, metric: y, op: '>', value: 0 }]
retry: { attempts: 3, backoff: 200 }
`;

beforeAll(async () => {
  redis = await startRedisServer();
  writeFileSync(join(dir.path, 'kill.yaml'), spec);
});
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await redis.stop();
  dir.remove();
});

describe('queue backend with worker processes', () => {
  it('survives a worker killed mid-run: complete table, no duplicates, identical to the local run', async () => {
    const workerArgs = (name: string): string[] => ['worker', '--queue', redis.url, '--threads', '2', '--lock-duration', '2000', '--stalled-interval', '1000', '--work-dir', join(dir.path, `work-${name}`)];
    const a = spawnCli(workerArgs('a'), repo);
    const b = spawnCli(workerArgs('b'), repo);
    workers.push(a, b);
    await Promise.all([a.waitFor(/waiting for jobs/), b.waitFor(/waiting for jobs/)]);

    const queueOut = join(dir.path, 'queue-out');
    const sweep = runCli(['sweep', join(dir.path, 'kill.yaml'), '--queue', redis.url, '--out', queueOut, '--json'], repo);
    // Kill worker a while it is running a point: after a few results, at a moment its log shows a
    // point started and not finished (each takes 250 ms, so it is still running when the signal lands).
    await a.waitForCount(/^finished /, 2);
    const inFlight = (): number => a.lines.filter((l) => l.startsWith('started ')).length - a.lines.filter((l) => l.startsWith('finished ')).length;
    const deadline = Date.now() + 30_000;
    while (inFlight() === 0) {
      if (a.child.exitCode !== null || Date.now() > deadline) throw new Error(`worker a never had a point in flight; its log: ${a.lines.slice(-5).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull();
    const startedA = a.lines.filter((l) => l.startsWith('started ')).map((l) => l.slice(8));
    const finishedA = new Set(a.lines.filter((l) => l.startsWith('finished ')).map((l) => l.split(' ')[1]!));
    const lostInA = startedA.filter((id) => !finishedA.has(id));
    expect(lostInA.length).toBeGreaterThan(0);

    const r = await sweep;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { runs: { planned: number; finished: number; failed: number } };
    expect(summary.runs).toMatchObject({ planned: 80, finished: 80, failed: 0 });

    // Worker b ran the points a lost, on a later attempt.
    const journal = readJournal(join(queueOut, 'journal.jsonl'));
    expect(journal.results.size).toBe(80);
    for (const id of lostInA) {
      const rec = journal.results.get(id)!;
      expect(rec.attempts).toBeGreaterThanOrEqual(2);
      expect(b.lines).toContain(`started ${id}`);
    }
    const lines = readFileSync(join(queueOut, 'journal.jsonl'), 'utf8').trim().split('\n').slice(1);
    const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);

    // The same sweep on the local backend gives the same table, byte for byte.
    const localOut = join(dir.path, 'local-out');
    const local = await runCli(['sweep', join(dir.path, 'kill.yaml'), '--threads', '4', '--out', localOut, '--json'], repo);
    expect(local.code).toBe(0);
    const queueTable = await readTable(join(queueOut, 'sweep.parquet'));
    const localTable = await readTable(join(localOut, 'sweep.parquet'));
    expect(queueTable).toHaveLength(80);
    expect(new Set(queueTable.map((row) => row.point_id)).size).toBe(80);
    expect(queueTable).toEqual(localTable);
    expect(readFileSync(join(queueOut, 'sweep.parquet'))).toEqual(readFileSync(join(localOut, 'sweep.parquet')));
  }, 120_000);
});
