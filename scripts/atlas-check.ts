// Validate the atlas and print a per-file count, or every problem with file:line:column.
// Usage: npx tsx scripts/atlas-check.ts [PREFIX ...]
//   PREFIX: check only data/atlas and data/vocab files whose names start with it (plus vocab/core.yaml).
import { loadAtlas } from '../src/atlas/load.ts';
import { UserError } from '../src/common/errors.ts';

try {
  const only = process.argv.slice(2);
  const atlas = loadAtlas(only.length > 0 ? { only } : {});
  const perFile = new Map<string, number>();
  for (const r of atlas.relations) perFile.set(r.file, (perFile.get(r.file) ?? 0) + 1);
  for (const [f, n] of perFile) console.log(`${f}: ${n} relations`);
  console.log(`OK: ${atlas.relations.length} relations`);
} catch (e) {
  if (e instanceof UserError) {
    console.error(e.describe(200));
    process.exit(2);
  }
  throw e;
}
