import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';
import { defaultScenarioPath } from './start-command.ts';

describe('exoscape start', () => {
  it('runs a scenario, draws figures and writes a report with what emerged and the evidence chains', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'exoscape-start-')), 'run');
    const quick = resolve('scenarios/hypoxic-glioma-quick.yaml');
    const r = await runCli(['start', '--scenario', quick, '--out', out, '--threads', '1']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Report: .*report\.md/);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/\| hypoxic cells \(HIF-1α > 0\.5\) \| 0\.0 % \| \d+\.\d %/);
    expect(md).toMatch(/hypoxia → miR-1246 → FRK → invasion/);
    expect(md).toMatch(/\| vesicles \| [0-9.e+]+ \| 0 \|/);
    expect(existsSync(join(out, 'figures', 'timeseries.png'))).toBe(true);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  }, 120_000);

  it('the embedded default scenario exists and is the 1.5 mm slice', () => {
    expect(readFileSync(defaultScenarioPath(), 'utf8')).toMatch(/size: \[1500, 1500, 20\]/);
  });
});
