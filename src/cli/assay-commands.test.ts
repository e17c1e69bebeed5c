import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';

describe('exoscape assay', () => {
  it('lists the assays with their arms when no name is given', async () => {
    const r = await runCli(['assay']);
    expect(r.code).toBe(0);
    for (const name of ['production', 'uptake', 'recipients', 'transwell-migration', 'matrigel-invasion', 'wound-healing', 'orthotopic']) expect(r.out).toContain(name);
    expect(r.out).toContain('H-GDE+anti-miR-1246');
  });

  it('runs the production assay and prints JSON with per-arm statistics', async () => {
    const r = await runCli(['assay', 'production', '-n', '2', '--workers', '1', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { assays: { assay: string; arms: string[]; stats: Record<string, { ok: boolean; result: { method: string; arms: { arm: string; n: number; mean: number }[] } }> }[]; replicates: number };
    expect(j.replicates).toBe(2);
    const a = j.assays[0]!;
    expect(a.assay).toBe('production');
    expect(a.arms).toEqual(['21% O2', '5% O2', '1% O2']);
    const s = a.stats.release_per_cell_h!;
    expect(s.ok).toBe(true);
    expect(s.result.method).toBe('one-way ANOVA + Tukey HSD');
    const mean = (arm: string): number => s.result.arms.find((x) => x.arm === arm)!.mean;
    // release r0(1 + a·h): HIF-1α activity 0.14 at 21 % and 0.72 at 1 % O2 → 72.6 and 125 vesicles/cell/h
    expect(mean('21% O2')).toBeCloseTo(60 * (1 + 1.5 * 0.1407), 0);
    expect(mean('1% O2') / mean('21% O2')).toBeCloseTo((1 + 1.5 * 0.7239) / (1 + 1.5 * 0.1407), 2);
  }, 120_000);

  it('prints a readable table without --json', async () => {
    const r = await runCli(['assay', 'production', '--arms', '21% O2,1% O2', '-n', '2', '--workers', '1']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Welch two-sample t-test');
    expect(r.out).toMatch(/1% O2\s+2\s+[\d.]+ ± [\d.]+/);
  }, 120_000);

  it('rejects unknown assays, arms and parameters with exit code 2 and a suggestion', async () => {
    const a = await runCli(['assay', 'productoin']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('did you mean "production"');
    const b = await runCli(['assay', 'transwell-migration', '--arms', 'PBS,H-GDEs']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('unknown arm "H-GDEs"; did you mean "H-GDE"');
    const c = await runCli(['assay', 'production', '--set', 'frk_max_represion=0']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('did you mean "frk_max_repression"');
    const d = await runCli(['assay', 'production', '-n', '1']);
    expect(d.code).toBe(2);
    expect(d.err).toContain('--replicates must be an integer ≥ 2');
    const e = await runCli(['assay', 'production', '--arms', '21% O2']);
    expect(e.code).toBe(2);
    expect(e.err).toContain('at least two arms');
    const f = await runCli(['assay', 'uptake', '--arms', 'PBS,21% O2']);
    expect(f.code).toBe(2);
    expect(f.err).toContain('this assay takes: PBS, N-GDE, H-GDE, H-GDE+heparin');
  });
});

describe('exoscape reproduce', () => {
  it('has help and rejects an unknown study', async () => {
    const h = await runCli(['reproduce', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--report <dir>');
    const r = await runCli(['reproduce', 'qian2012']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "qian2021"');
  });

  it('rejects bad --seeds before running anything', async () => {
    expect((await runCli(['reproduce', '--help'])).out).toContain('--seeds <list>');
    const a = await runCli(['reproduce', 'qian2021', '--seeds', '1,x']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--seeds expects comma-separated integers ≥ 0 (e.g. 1,2,3), got "x"');
    const b = await runCli(['reproduce', 'qian2021', '--seeds', '1,2,1']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('a seed is listed twice');
    const c = await runCli(['reproduce', 'qian2021', '--seeds', '1,2', '--seed', '3']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('give either --seed or --seeds, not both');
  });
});
