/**
 * The conformance suite every SweepBackend passes (local.test.ts and queue/queue-backend.test.ts
 * call it), in the style of Hono's router suite: one set of behaviours, one implementation each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ishigami } from '../../sensitivity/test-functions.ts';
import type { BackendEvent, SweepBackend, SweepJob } from '../backend.ts';
import { seededNormal } from '../evaluators/test-options.ts';
import type { LoadedSweep } from '../load-spec.ts';
import { planSweep, type SweepTask } from '../plan.ts';
import { runSweep } from '../run-sweep.ts';
import { ishigamiSpec, readTable, sweepFromText, tempDir } from './index.ts';

export interface BackendHarness {
  backend: SweepBackend;
  close(): Promise<void>;
}

function jobOf(sweep: LoadedSweep): SweepJob {
  return { evalKey: sweep.evalKey, evaluator: sweep.evaluator, retry: { attempts: sweep.spec.retry.attempts, backoffMs: sweep.spec.retry.backoff } };
}

async function collect(stream: AsyncIterable<BackendEvent>, onEvent?: (e: BackendEvent) => void): Promise<BackendEvent[]> {
  const out: BackendEvent[] = [];
  for await (const e of stream) {
    out.push(e);
    onEvent?.(e);
  }
  return out;
}

function expected(t: SweepTask, noise = 0): number {
  return ishigami(t.params.x1!, t.params.x2!, t.params.x3!, 7, 0.1) + (noise > 0 ? noise * seededNormal(t.seed) : 0);
}

/** Run the suite against backends made by `make` (one per test file; `make` may start servers). */
export function describeBackendConformance(label: string, make: (workDir: string) => Promise<BackendHarness>): void {
  describe(`SweepBackend conformance: ${label}`, () => {
    const dir = tempDir();
    let h: BackendHarness;
    beforeAll(async () => {
      h = await make(join(dir.path, 'work'));
    });
    afterAll(async () => {
      await h.close();
      dir.remove();
    });

    it('finishes every task exactly once, with the evaluator\'s metrics', async () => {
      const sweep = await sweepFromText(dir.path, ishigamiSpec({ samples: 16, seed: 101 }), 'once');
      const { tasks } = planSweep(sweep);
      const events = await collect(h.backend.run(jobOf(sweep), tasks));
      const finished = events.filter((e) => e.type === 'finished');
      expect(finished.map((e) => e.id).sort()).toEqual(tasks.map((t) => t.id).sort());
      expect(events.some((e) => e.type === 'failed')).toBe(false);
      const byId = new Map(tasks.map((t) => [t.id, t]));
      for (const e of finished) {
        expect(e.metrics.y).toBe(expected(byId.get(e.id)!));
        expect(e.attempts).toBe(1);
      }
    });

    it('gives identical results for the same seeds (seeded noise, replicates)', async () => {
      const sweep = await sweepFromText(dir.path, ishigamiSpec({ samples: 4, seed: 202, replicates: 3, evaluator: 'noise: 0.5' }), 'seeds');
      const { tasks } = planSweep(sweep);
      expect(new Set(tasks.map((t) => t.seed))).toEqual(new Set([202, 203, 204]));
      const events = await collect(h.backend.run(jobOf(sweep), tasks));
      const byId = new Map(tasks.map((t) => [t.id, t]));
      const finished = events.filter((e) => e.type === 'finished');
      expect(finished).toHaveLength(tasks.length);
      for (const e of finished) expect(e.metrics.y).toBe(expected(byId.get(e.id)!, 0.5));
    });

    it('retries a failed attempt with backoff and reports the attempts used', async () => {
      const sweep = await sweepFromText(dir.path, ishigamiSpec({ samples: 2, seed: 303, evaluator: 'failFirstAttempt: true', retry: '{ attempts: 3, backoff: 20 }' }), 'retry');
      const { tasks } = planSweep(sweep);
      const events = await collect(h.backend.run(jobOf(sweep), tasks));
      const finished = events.filter((e) => e.type === 'finished');
      expect(finished).toHaveLength(tasks.length);
      for (const e of finished) expect(e.attempts).toBe(2);
      const retrying = events.filter((e) => e.type === 'retrying');
      expect(retrying.map((e) => e.id).sort()).toEqual(tasks.map((t) => t.id).sort());
      for (const e of retrying) expect(e.error).toMatch(/fails on its first attempt/);
    });

    it('reports a task as failed after its last attempt', async () => {
      const sweep = await sweepFromText(dir.path, ishigamiSpec({ samples: 2, seed: 404, evaluator: 'failFirstAttempt: true', retry: '{ attempts: 1, backoff: 0 }' }), 'fail');
      const { tasks } = planSweep(sweep);
      const events = await collect(h.backend.run(jobOf(sweep), tasks));
      const failed = events.filter((e) => e.type === 'failed');
      expect(failed.map((e) => e.id).sort()).toEqual(tasks.map((t) => t.id).sort());
      for (const e of failed) {
        expect(e.attempts).toBe(1);
        expect(e.error).toMatch(/fails on its first attempt/);
      }
      expect(events.some((e) => e.type === 'finished')).toBe(false);
    });

    it('ends at once for no tasks', async () => {
      const sweep = await sweepFromText(dir.path, ishigamiSpec({ seed: 505 }), 'empty');
      expect(await collect(h.backend.run(jobOf(sweep), []))).toEqual([]);
    });

    it('stops streaming when cancelled, before running every task', async () => {
      const sweep = await sweepFromText(dir.path, ishigamiSpec({ samples: 12, seed: 606, evaluator: 'sleepMs: 40' }), 'cancel');
      const { tasks } = planSweep(sweep);
      const ac = new AbortController();
      const events = await collect(h.backend.run(jobOf(sweep), tasks, { signal: ac.signal }), (e) => {
        if (e.type === 'finished') ac.abort();
      });
      const finished = events.filter((e) => e.type === 'finished').length;
      expect(finished).toBeGreaterThanOrEqual(1);
      expect(finished).toBeLessThan(tasks.length / 2);
    });

    it('drives a whole sweep: table in design order, no duplicates, resumable without rerunning finished points', async () => {
      const out = join(dir.path, 'out-resume');
      // 40 runs of 25 ms on two threads: at least 0.5 s, so a cancel after 5 results leaves most undone.
      const sweep = await sweepFromText(dir.path, ishigamiSpec({ samples: 8, seed: 707, evaluator: 'sleepMs: 25' }), 'resume');
      const plan = planSweep(sweep);
      // First session: cancelled after 5 results.
      const ac = new AbortController();
      const first = await runSweep(sweep, h.backend, {
        outDir: out,
        signal: ac.signal,
        onProgress: (p) => {
          if (p.finished >= 5) ac.abort();
        },
      });
      expect(first.cancelled).toBe(true);
      const done1 = new Set(first.results.keys());
      expect(done1.size).toBeGreaterThanOrEqual(5);
      expect(done1.size).toBeLessThan(plan.tasks.length);
      // Second session: resume. Only the missing tasks are submitted.
      const submitted: string[] = [];
      const spy: SweepBackend = {
        name: h.backend.name,
        run: (job, tasks, o) => {
          submitted.push(...tasks.map((t) => t.id));
          return h.backend.run(job, tasks, o);
        },
        close: () => Promise.resolve(),
      };
      const second = await runSweep(sweep, spy, { outDir: out, resume: true });
      expect(second.failed).toEqual([]);
      for (const id of submitted) expect(done1.has(id)).toBe(false);
      expect(submitted.length + done1.size).toBe(plan.tasks.length);
      // The journal holds each point once; the table is complete, in design order, with the right values.
      const lines = readFileSync(join(out, 'journal.jsonl'), 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l) as { type: string; id: string });
      const ids = lines.filter((l) => l.type === 'result').map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(plan.tasks.length);
      const rows = await readTable(second.tablePath);
      expect(rows.map((r) => r.point_id)).toEqual(plan.tasks.map((t) => t.id));
      rows.forEach((r, i) => {
        const t = plan.tasks[i]!;
        expect(r.y).toBe(expected(t));
        expect(r.x1).toBe(t.params.x1);
        expect(r.seed).toBe(BigInt(t.seed));
        expect(r.y_positive).toBe(expected(t) > 0);
      });
      // A third session has nothing left to run.
      submitted.length = 0;
      const third = await runSweep(sweep, spy, { outDir: out, resume: true });
      expect(submitted).toEqual([]);
      expect(readFileSync(third.tablePath)).toEqual(readFileSync(second.tablePath));
    });
  });
}
