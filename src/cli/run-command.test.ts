import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';
import { testScenarioText } from '../sim/test-scenarios.ts';

function scenarioFile(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'exoscape-cli-run-'));
  const file = join(dir, 'slice.yaml');
  writeFileSync(file, text);
  return { dir, file };
}

describe('exoscape run', () => {
  it('runs a scenario, prints a summary and the next steps; --json prints the summary object', async () => {
    const { dir, file } = scenarioFile(testScenarioText({ duration: 60, output: 30 }));
    const r = await runCli(['run', file, '--out', join(dir, 'out')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Finished test-slice: 60 of 60 simulated min/);
    expect(r.out).toMatch(/mass balance: largest relative residual/);
    expect(r.out).toMatch(/exoscape plot/);
    const j = await runCli(['run', file, '--out', join(dir, 'out2'), '--json', '--seed', '3']);
    expect(j.code, j.err).toBe(0);
    const s = JSON.parse(j.out) as { seed: number; status: string; stateDigest: string };
    expect(s).toMatchObject({ seed: 3, status: 'finished' });
  }, 60_000);

  it('bad scenario files get file:line:column errors and exit 2', async () => {
    const { file } = scenarioFile(testScenarioText().replace('duration: 120', 'duraton: 120'));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/slice\.yaml:\d+:\d+/);
    expect(r.err).toMatch(/did you mean "duration"/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('usage mistakes exit 2 with a message', async () => {
    expect((await runCli(['run'])).err).toMatch(/give a scenario file, or --resume DIR/);
    expect((await runCli(['run', 'x.yaml', '--threads', 'two'])).code).toBe(2);
    const missing = await runCli(['run', 'no-such-file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read scenario file/);
  });
});
