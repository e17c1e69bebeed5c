/**
 * Start a worker thread from a module URL, as src/engine/parallel/pool.ts does: from TypeScript
 * sources (tests, tsx) a tiny eval'd bootstrap registers tsx's ESM loader and then imports the module
 * (on Node 20 `--import tsx` in a worker's execArgv does not install the hooks); from dist/ the .js
 * module starts directly.
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

export function spawnModuleWorker(moduleUrl: string): Worker {
  if (!IS_TS) return new Worker(new URL(moduleUrl));
  const boot =
    `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); })` +
    `.catch((e) => { setImmediate(() => { throw e; }); });`;
  return new Worker(boot, { eval: true });
}

/** URL of a module next to `baseUrl` with the extension the running code uses (.ts or .js). */
export function siblingUrl(baseUrl: string, relativeWithoutExt: string): string {
  return new URL(relativeWithoutExt + (baseUrl.endsWith('.ts') ? '.ts' : '.js'), baseUrl).href;
}
