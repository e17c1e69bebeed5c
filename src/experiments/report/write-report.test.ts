import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../atlas/load.ts';
import { loadModel } from '../../model/load-model.ts';
import { QIAN2021_CLAIMS, reproduceQian2021 } from '../qian2021.ts';
import { repeatClaims } from '../repeats.ts';
import { DEFAULT_OPTIONS } from '../types.ts';
import { writeReproductionReport } from './write-report.ts';

const dir = mkdtempSync(join(tmpdir(), 'exoscape-report-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('reproduce --report', () => {
  it('writes a self-contained HTML report with the claims, figures as SVG and PNG, rules, parameters and JSON', async () => {
    // two cheap claims (production and uptake at a tenth of their protocol time), with snapshots off
    const claims = QIAN2021_CLAIMS.filter((c) => c.id === 'F1' || c.id === 'F3b');
    const rep = await reproduceQian2021({ replicates: 2, seed: 3, workers: 1, options: { ...DEFAULT_OPTIONS, timeScale: 0.1, parameters: { frk_max_repression: 0.5 } } }, claims);
    const atlas = loadAtlas();
    const files = await writeReproductionReport(dir, rep, { model: loadModel(undefined, { atlas }), atlas, date: '2026-01-01T00:00:00Z' });
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|src="http/);
    expect(html).toContain('F1');
    expect(html).toContain('Heparin (HSPG blockade) lowers the internalization of H-GDEs.');
    expect(html).toContain('<svg');
    // rules with their evidence, model parameters with provenance, the override, protocol numbers
    expect(html).toContain('qian2021-015');
    expect(html).toContain('hif_degradation');
    expect(html).toContain('frk_max_repression (set to 0.5 for this run)');
    expect(html).toContain('protocol: pretreatment.dose');
    expect(html).toContain(rep.experiment.codeVersion);
    const figs = readdirSync(join(dir, 'figures'));
    expect(figs).toContain('production-vesicles-per-cell.svg');
    expect(figs).toContain('production-vesicles-per-cell.png');
    expect(figs).toContain('uptake-labelled-fraction-course.svg');
    const png = readFileSync(join(dir, 'figures', 'production-vesicles-per-cell.png'));
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const json = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as { claims: { id: string; statement: string; holds: boolean; effect: number | null; pValue: number | null; arms: string[]; values: Record<string, number> }[] };
    expect(json.claims.map((c) => c.id)).toEqual(['F1', 'F3b']);
    for (const c of json.claims) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'statement', 'holds', 'effect', 'pValue', 'arms', 'values']));
    expect(existsSync(join(dir, 'results.json'))).toBe(true);
    expect(files.length).toBe(figs.length + 3);
  }, 120_000);

  it('with repeats at several seeds, gives each claim\'s verdict over every seed and every seed\'s p', async () => {
    const claims = QIAN2021_CLAIMS.filter((c) => c.id === 'F1');
    const options = { ...DEFAULT_OPTIONS, timeScale: 0.1 };
    const reps = [await reproduceQian2021({ replicates: 2, seed: 5, workers: 1, options }, claims), await reproduceQian2021({ replicates: 2, seed: 6, workers: 1, options }, claims)];
    const repeats = repeatClaims([5, 6], reps.map((r) => r.claims));
    const atlas = loadAtlas();
    const out = join(dir, 'repeats');
    await writeReproductionReport(out, reps[0]!, { model: loadModel(undefined, { atlas }), atlas, date: '2026-01-01T00:00:00Z', repeats, wallSeconds: 12, cpuSeconds: 20 });
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const c = repeats[0]!;
    expect(html).toContain(`Repeats: holds at ${c.heldAt} of 2 seeds (seed 5: ${c.repeats[0]!.holds ? 'holds' : 'does not hold'}, p = ${c.repeats[0]!.pValue!.toPrecision(2)}; seed 6:`);
    expect(html).toContain(`${c.holds ? 1 : 0} of 1 claims hold at every one of seeds 5, 6`);
    expect(html).toContain('--seeds 5,6');
    expect(html).toContain('12 s wall');
    const json = JSON.parse(readFileSync(join(out, 'claims.json'), 'utf8')) as { claims: { id: string; holds: boolean; heldAt: number; repeats: { seed: number }[] }[] };
    expect(json.claims[0]).toMatchObject({ id: 'F1', holds: c.holds, heldAt: c.heldAt });
    expect(json.claims[0]!.repeats.map((r) => r.seed)).toEqual([5, 6]);
  }, 120_000);
});
