import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './test-helpers.ts';

describe('exoscape model', () => {
  it('validate reports the packaged model OK', async () => {
    const r = await runCli(['model', 'validate', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, model: 'hypoxic-glioma', rules: 4 });
  });

  it('explain prints each rule in English with the quotes it rests on, and every parameter with its source', async () => {
    const r = await runCli(['model', 'explain']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1. In glioma, FRK decreases migration speed from 0.5 towards 0.05');
    expect(r.out).toContain('[qian2021-015, in-vitro]');
    expect(r.out).toMatch(/ev_uptake_rate\s+0\.01\s+1\/min\s+assumed\s+assumed/);
    const j = JSON.parse((await runCli(['model', 'explain', '--json', '--set', 'ev_uptake_rate=0.02'])).out) as { parameters: { name: string; value: number; overridden: boolean }[] };
    expect(j.parameters.find((p) => p.name === 'ev_uptake_rate')).toMatchObject({ value: 0.02, overridden: true });
  });

  it('rejects a bad --set with a clear message and exit 2', async () => {
    const r = await runCli(['model', 'explain', '--set', 'ev_uptake=0.02']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown parameter "ev_uptake"; did you mean "ev_uptake_rate"?');
    expect((await runCli(['model', 'explain', '--set', 'ev_uptake_rate=fast'])).code).toBe(2);
  });

  it('exports the rules as PhysiCell CSV v3 and imports a CSV into a new, valid model', async () => {
    const csv = (await runCli(['model', 'rules'])).out;
    expect(csv).toContain('glioma,FRK,decreases,migration speed,0.05,0.6,4,0');
    const dir = mkdtempSync(join(tmpdir(), 'exoscape-rules-'));
    writeFileSync(join(dir, 'extra.csv'), '// atlas: qian2021-004\nglioma,hif,increases,invasiveness,1,0.5,2,0\n');
    const r = await runCli(['model', 'import-rules', 'extra.csv', '--out', 'model.yaml'], dir);
    expect(r.code, r.err).toBe(0);
    const written = readFileSync(join(dir, 'model.yaml'), 'utf8');
    expect(written).toContain('glioma_hif_invasiveness_half_max');
    const v = await runCli(['model', 'validate', join(dir, 'model.yaml'), '--json']);
    expect(JSON.parse(v.out)).toMatchObject({ ok: true, rules: 5 });
  });

  it('refuses to write an imported model that would be invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exoscape-rules-'));
    writeFileSync(join(dir, 'bad.csv'), 'glioma,hif,increases,invasiveness,1,0.5,2,0\n');
    const r = await runCli(['model', 'import-rules', 'bad.csv', '--out', 'model.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('a rule must cite atlas relations');
    expect(existsSync(join(dir, 'model.yaml'))).toBe(false);
  });
});
