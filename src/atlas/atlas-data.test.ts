/**
 * The shipped atlas itself: it loads (so every quote is verbatim in its seed, every id unique,
 * every term known, every reference resolvable), covers every seed, answers the question the
 * simulator is built on, and the checks really fail when the data is tampered with.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, loadAtlas } from './load.ts';
import { buildGraph, findPaths, resolveNode } from './graph.ts';
import { filterRelations } from './query.ts';
import { vocabularyMarkdown } from './vocab-doc.ts';
import { copyData } from './test-helpers/fixture.ts';
import { UserError } from '../common/errors.ts';

const atlas = loadAtlas();
const dataDir = defaultDataDir();

function loadError(dir: string): UserError {
  try {
    loadAtlas({ dataDir: dir });
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected the tampered atlas to fail validation');
}

describe('the shipped atlas', () => {
  it('has several hundred relations and covers all four seeds', () => {
    expect(atlas.relations.length).toBeGreaterThanOrEqual(300);
    const seeds = readdirSync(join(dataDir, 'seeds'));
    const bySeed = new Map<string, number>();
    for (const r of atlas.relations) bySeed.set(r.seed, (bySeed.get(r.seed) ?? 0) + 1);
    for (const s of seeds) expect(bySeed.get(s) ?? 0, s).toBeGreaterThanOrEqual(20);
  });

  it('records the primary study chain: hypoxic glioma exosomes → miR-1246 ⊣ FRK and miR-10b-5p ⊣ TFAP2A → invasion', () => {
    const glioma = filterRelations(atlas, { cancerType: 'glioma' });
    const g = buildGraph(glioma);
    const from = resolveNode(atlas, g, 'hypoxia')!;
    const to = resolveNode(atlas, g, 'invasion')!;
    const paths = findPaths(atlas, g, from, to, { limit: 10_000 });
    const chains = paths.map((p) => p.nodes.map((n) => n.label).join(' > '));
    expect(chains).toContain('hypoxia > miR-1246 > FRK > invasion');
    expect(chains).toContain('hypoxia > miR-10b-5p > TFAP2A > invasion');
    const frk = paths.find((p) => p.nodes.map((n) => n.label).join(' > ') === 'hypoxia > miR-1246 > FRK > invasion')!;
    for (const step of frk.steps) {
      expect(step.relations.some((r) => r.seed.startsWith('000_'))).toBe(true);
      for (const r of step.relations) expect(r.quote.length).toBeGreaterThan(10);
    }
  });

  it('documents the vocabulary: docs/vocabulary.md is in sync with data/vocab', () => {
    const doc = readFileSync(new URL('../../docs/vocabulary.md', import.meta.url), 'utf8');
    expect(doc).toBe(vocabularyMarkdown(atlas.vocab));
  });
});

describe('the atlas checks fail on tampered data', () => {
  const files = readdirSync(join(dataDir, 'atlas')).filter((f) => f.endsWith('.yaml'));
  const victim = files.find((f) => f.startsWith('qian2021')) ?? files[0]!;

  it('fails when a quote is altered', () => {
    const dir = copyData(dataDir);
    const path = join(dir, 'atlas', victim);
    const text = readFileSync(path, 'utf8');
    // Insert one word after the first word of the first quote in the file.
    const tampered = text.replace(/(quote: ["']?[^\s"']+)/, '$1 not');
    expect(tampered).not.toBe(text);
    writeFileSync(path, tampered);
    const e = loadError(dir);
    expect(e.issues.some((i) => i.file.endsWith(victim) && i.message.startsWith('quote does not occur verbatim'))).toBe(true);
  });

  it('fails when an id is duplicated', () => {
    const dir = copyData(dataDir);
    const path = join(dir, 'atlas', victim);
    const ids = atlas.relations.filter((r) => r.file.endsWith(victim)).map((r) => r.id);
    writeFileSync(path, readFileSync(path, 'utf8').replace(`id: ${ids[1]!}\n`, `id: ${ids[0]!}\n`));
    expect(loadError(dir).issues.some((i) => i.message.startsWith(`duplicate id "${ids[0]!}"`))).toBe(true);
  });

  it('fails when a term is unknown', () => {
    const dir = copyData(dataDir);
    const path = join(dir, 'atlas', victim);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/phenotype: \S[^\n]*/, 'phenotype: telepathy'));
    expect(loadError(dir).issues.some((i) => i.message.startsWith('unknown phenotype "telepathy"'))).toBe(true);
  });
});
