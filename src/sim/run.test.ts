import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTimeSeries } from '../io/results/reader.ts';
import { queryRun } from '../io/query.ts';
import { loadRecordedScenario, runScenario, type RunSummary } from './run.ts';
import { testScenario } from './test-scenarios.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'exoscape-run-'));

describe('runScenario', () => {
  it('writes time series, snapshots, a checkpoint and a complete summary.json', async () => {
    const dir = tmp();
    const frames: number[] = [];
    const progress: number[] = [];
    const s = await runScenario(testScenario({ duration: 120, output: 60, parameters: { ev_uptake_rate: 0.02 } }), {
      outDir: dir,
      onFrame: (f) => frames.push(f.timeMin),
      onProgress: (p) => progress.push(p.timeMin),
    });
    expect(s.status).toBe('finished');
    expect(frames).toEqual([0, 60, 120]);
    expect(progress.at(-1)).toBe(120);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.stateDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.seed).toBe(1);
    expect(summary.codeVersion).toBe(s.codeVersion);
    expect(summary.maxMassBalanceError).toBeLessThan(1e-11);
    expect(summary.parameters.ev_uptake_rate).toMatchObject({ value: 0.02, overridden: true, status: 'assumed' });
    expect(summary.parameters.o2_diffusion).toMatchObject({ value: 100000, overridden: false, status: 'default' });
    expect(readdirSync(join(dir, 'cells')).sort()).toEqual(['t-0000000.parquet', 't-0000060.parquet', 't-0000120.parquet']);
    expect(readdirSync(join(dir, 'fields')).length).toBe(3);
    expect(existsSync(join(dir, 'checkpoint', 'latest.ckpt'))).toBe(true);
    expect(readFileSync(join(dir, 'scenario.yaml'), 'utf8')).toContain('name: test-slice');
    const ts = await readTimeSeries(dir);
    expect(ts.rows.map((r) => r.time_min)).toEqual([0, 60, 120]);
    expect(ts.rows[2]!.vesicles_released).toBeGreaterThan(0);
    const q = await queryRun(dir, 'SELECT count(*) AS n, max(time_min) AS t FROM cells');
    expect(Number(q.rows[0]![1])).toBe(120);
  }, 60_000);

  it('refuses to overwrite a run unless forced, so nothing written is lost', async () => {
    const dir = tmp();
    await runScenario(testScenario({ duration: 60, output: 60 }), { outDir: dir });
    await expect(runScenario(testScenario({ duration: 60, output: 60 }), { outDir: dir })).rejects.toThrow(/already holds a run/);
    const again = await runScenario(testScenario({ duration: 60, output: 60 }), { outDir: dir, force: true });
    expect(again.status).toBe('finished');
  }, 60_000);

  it('a run stopped mid-way resumes from its checkpoint to the same stateDigest as an uninterrupted run', async () => {
    const o = { duration: 240, output: 60 };
    const full = await runScenario(testScenario(o), { outDir: tmp() });
    const dir = tmp();
    const controller = new AbortController();
    const stopped = await runScenario(testScenario(o), {
      outDir: dir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.timeMin >= 150) controller.abort();
      },
    });
    expect(stopped.status).toBe('cancelled');
    expect(existsSync(join(dir, 'summary.json'))).toBe(false); // no complete-looking summary
    expect(existsSync(join(dir, 'cancelled.json'))).toBe(true);
    const { loaded, seed } = loadRecordedScenario(dir);
    const resumed = await runScenario(loaded, { outDir: dir, resume: true, seed });
    expect(resumed.resumedFromMin).toBe(120);
    expect(resumed.stateDigest).toBe(full.stateDigest);
    expect((await readTimeSeries(dir)).rows.map((r) => r.time_min)).toEqual([0, 60, 120, 180, 240]);
    expect(existsSync(join(dir, 'cancelled.json'))).toBe(false);
  }, 60_000);

  it('resume refuses a directory without a checkpoint and one whose model changed', async () => {
    await expect(runScenario(testScenario(), { outDir: tmp(), resume: true })).rejects.toThrow(/nothing to resume/);
    const dir = tmp();
    await runScenario(testScenario({ duration: 60, output: 60 }), { outDir: dir });
    writeFileSync(join(dir, 'model.yaml'), 'changed');
    expect(() => loadRecordedScenario(dir)).toThrow(/model file .* changed/);
  }, 60_000);
});
