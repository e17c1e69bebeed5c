import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './test-helpers.ts';
import { makeFixture } from '../atlas/test-helpers/fixture.ts';

const data = makeFixture();

describe('exoscape CLI', () => {
  it('prints help for the program and for every command, exit 0', async () => {
    for (const args of [['--help'], ['atlas', '--help'], ['atlas', 'search', '--help'], ['atlas', 'path', '--help'], ['atlas', 'export', '--help'], ['start', '--help']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: exoscape/);
    }
  });

  it('exits 2 on an unknown command or option, without a stack trace', async () => {
    const r = await runCli(['atlsa']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command 'atlsa'");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect((await runCli(['atlas', 'search', '--bogus'])).code).toBe(2);
  });

  it('exits 2 with one clear message for a user mistake (unknown id, bad filter, bad number)', async () => {
    const r = await runCli(['--data', data, 'atlas', 'show', 'fix-999']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('exoscape: no relation with id "fix-999"; ids look like fix-001, fix-002, fix-003\n');
    const f = await runCli(['--data', data, 'atlas', 'search', '--phenotype', 'invason']);
    expect(f.code).toBe(2);
    expect(f.err).toContain('did you mean "invasion"');
    expect((await runCli(['--data', data, 'atlas', 'search', '--limit', 'ten'])).code).toBe(2);
  });

  it('exits 2 and lists file:line:column problems for a broken data directory', async () => {
    const bad = makeFixture(readFileSync(join(data, 'atlas', 'fixture.yaml'), 'utf8').replace('phenotype: invasion', 'phenotype: invasio'));
    const r = await runCli(['--data', bad, 'atlas', 'validate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/atlas\/fixture\.yaml:\d+:16 relations\.1\.phenotype: unknown phenotype "invasio"/);
  });

  it('search --json prints the total and relation records', async () => {
    const r = await runCli(['--data', data, 'atlas', 'search', 'miR-1246', '--cancer', 'glioma', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { total: number; relations: { id: string }[] };
    expect(j.total).toBe(2);
    expect(j.relations.map((x) => x.id).sort()).toEqual(['fix-002', 'fix-003']);
  });

  it('show prints the quote and reference text; stats and vocab print JSON', async () => {
    const r = await runCli(['--data', data, 'atlas', 'show', 'fix-001']);
    expect(r.out).toContain('"Hypoxia increases exosome release through HIF-1α in glioma cells"');
    expect(r.out).toContain('ref 1:');
    const s = JSON.parse((await runCli(['--data', data, 'atlas', 'stats', '--json'])).out) as { relations: number };
    expect(s.relations).toBe(4);
    const v = JSON.parse((await runCli(['--data', data, 'atlas', 'vocab', 'genes', '--json'])).out) as { genes: { id: string }[] };
    expect(v.genes.map((g) => g.id)).toEqual(['FRK', 'HIF1A']);
  });

  it('path prints each step with its evidence, and --json the same as data', async () => {
    const r = await runCli(['--data', data, 'atlas', 'path', 'hypoxia', 'invasion', '--cancer', 'glioma']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('hypoxia → miR-1246 ⊣ FRK ↓ invasion');
    const j = JSON.parse((await runCli(['--data', data, 'atlas', 'path', 'hypoxia', 'invasion', '--json'])).out) as { paths: { steps: { relations: { quote: string }[] }[] }[] };
    expect(j.paths[0]!.steps[1]!.relations[0]!.quote).toContain('represses FRK');
    const none = await runCli(['--data', data, 'atlas', 'path', 'hypoxia', 'zebrafish']);
    expect(none.code).toBe(2);
  });

  it('export writes atomically to a file in every format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exoscape-export-'));
    for (const f of ['jsonl', 'csv', 'graphml', 'sif']) {
      const r = await runCli(['--data', data, 'atlas', 'export', '--format', f, '--out', `atlas.${f}`], dir);
      expect(r.code).toBe(0);
      expect(existsSync(join(dir, `atlas.${f}`))).toBe(true);
    }
    expect(readFileSync(join(dir, 'atlas.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(4);
    const bad = await runCli(['--data', data, 'atlas', 'export', '--format', 'xlsx']);
    expect(bad.code).toBe(2);
  });
});
