/**
 * Load the atlas from a data directory (default: the package's own `data/`): vocabularies,
 * curated relation files and seed texts; validate structure and semantics; return an `Atlas`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, type Issue } from '../common/errors.ts';
import { parseYaml, validateDocument } from '../common/yaml.ts';
import { Vocabulary } from './vocab.ts';
import { keySuggester } from '../common/schema-keys.ts';
import { atlasFileSchema, vocabFileSchema, type AtlasFile } from './schema.ts';
import { checkAtlas, normalizeWhitespace, type CheckInput, type SeedText } from './validate.ts';
import { Atlas, type AtlasRelation } from './atlas.ts';

/** The package's `data/` directory (works from `src/atlas` and from `dist/atlas`). */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../data/', import.meta.url));
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

/** "Did you mean" for unknown keys, over every key of both file formats. */
const suggestKey = keySuggester(atlasFileSchema, vocabFileSchema);

export interface LoadOptions {
  dataDir?: string;
  /** Directory whose relative paths are used in messages (default: the data dir's parent). */
  displayRoot?: string;
  /**
   * Load only atlas and vocabulary files whose names start with one of these prefixes (plus
   * `vocab/core.yaml`); for curators checking their own files while others are being edited.
   */
  only?: readonly string[];
}

function selected(path: string, only: readonly string[] | undefined): boolean {
  if (only === undefined) return true;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === 'core.yaml' || only.some((p) => base.startsWith(p));
}

export function loadSeeds(dataDir: string): Map<string, SeedText & { raw: string }> {
  const dir = join(dataDir, 'seeds');
  const seeds = new Map<string, SeedText & { raw: string }>();
  if (!existsSync(dir)) return seeds;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const raw = readFileSync(join(dir, f), 'utf8');
    seeds.set(f, { raw, normalized: normalizeWhitespace(raw) });
  }
  return seeds;
}

export function loadVocabulary(dataDir: string, displayRoot: string, only?: readonly string[]): Vocabulary {
  const issues: Issue[] = [];
  const sources = [];
  for (const path of yamlFiles(join(dataDir, 'vocab')).filter((p) => selected(p, only))) {
    const name = relative(displayRoot, path);
    try {
      const src = parseYaml(name, readFileSync(path, 'utf8'));
      sources.push({ file: name, content: validateDocument(src, vocabFileSchema, suggestKey) });
    } catch (e) {
      if (e instanceof UserError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new UserError(`vocabulary files: ${issues.length} problem(s)`, issues);
  return Vocabulary.fromSources(sources);
}

/** Load and fully validate the atlas. Throws a UserError listing every problem found. */
export function loadAtlas(options: LoadOptions = {}): Atlas {
  const dataDir = options.dataDir ?? defaultDataDir();
  const displayRoot = options.displayRoot ?? join(dataDir, '..');
  const vocab = loadVocabulary(dataDir, displayRoot, options.only);
  const seeds = loadSeeds(dataDir);
  const inputs: CheckInput[] = [];
  const issues: Issue[] = [];
  for (const path of yamlFiles(join(dataDir, 'atlas')).filter((p) => selected(p, options.only))) {
    const name = relative(displayRoot, path);
    try {
      const src = parseYaml(name, readFileSync(path, 'utf8'));
      const file: AtlasFile = validateDocument(src, atlasFileSchema, suggestKey);
      inputs.push({ src, file });
    } catch (e) {
      if (e instanceof UserError) issues.push(...e.issues);
      else throw e;
    }
  }
  issues.push(...checkAtlas(inputs, vocab, seeds));
  if (issues.length > 0) throw new UserError(`atlas: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  const relations: AtlasRelation[] = [];
  for (const { src, file } of inputs) {
    for (const r of file.relations) {
      relations.push({
        ...r,
        seed: file.seed,
        file: src.file,
        source: file.source,
        referenceTexts: Object.fromEntries(r.refs.filter((x) => x in file.references).map((x) => [x, file.references[x]!.text])),
      });
    }
  }
  return new Atlas(relations, vocab);
}
