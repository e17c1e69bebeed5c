/**
 * Start a worker thread from a module URL. Mirrors src/engine/parallel/pool.ts: from TypeScript
 * sources (tests, tsx) a tiny eval'd bootstrap registers tsx's ESM loader and then imports the
 * module (on Node 20 `--import tsx` in a worker's execArgv does not install the hooks); from dist/
 * the .js module is started directly.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const IS_TS = import.meta.url.endsWith('.ts');

function tsxEsmApiUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  const entry = pkg.exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error(`cannot find tsx's ESM API entry in ${pkgPath}`);
  return new URL(entry, pathToFileURL(pkgPath)).href;
}

export function spawnModuleWorker(moduleUrl: string, workerData?: unknown): Worker {
  if (!IS_TS) return new Worker(new URL(moduleUrl), { workerData });
  const boot =
    `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); })` +
    `.catch((e) => { setImmediate(() => { throw e; }); });`;
  return new Worker(boot, { eval: true, workerData });
}
