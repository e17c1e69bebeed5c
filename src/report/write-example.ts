/**
 * Writes the example report and a PNG of each figure (for a look without a browser).
 * Usage: npx tsx src/report/write-example.ts [DIR]   (default /tmp/report-example)
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAtlas } from '../atlas/load.ts';
import { loadModel } from '../model/load-model.ts';
import { codeVersion } from '../version.ts';
import { exampleReportInput } from './example.ts';
import { renderReport } from './html.ts';
import { svgToPng } from './render.ts';

/** temp file in the same directory, fsync, rename: a reader never sees half a file */
function writeAtomic(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

const dir = resolve(process.argv[2] ?? '/tmp/report-example');
mkdirSync(dir, { recursive: true });
const input = await exampleReportInput(loadModel(), loadAtlas(), { codeVersion: codeVersion(), date: new Date().toISOString(), seed: 20211 });
writeAtomic(join(dir, 'index.html'), renderReport(input));
for (const f of input.figures) writeAtomic(join(dir, `${f.id}.png`), svgToPng(f.svg));
console.log(`wrote ${join(dir, 'index.html')} and ${input.figures.length} PNGs`);
