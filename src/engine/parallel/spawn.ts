/**
 * Start a worker thread from a module URL — the one place that knows how. From the built package
 * the .js module starts directly. From TypeScript sources (tests, tsx) `--import tsx` in a worker's
 * execArgv does not install the loader hooks on Node 20, so a tiny eval'd bootstrap registers tsx's
 * ESM API first and then imports the module (tsx is resolved from this file, not from the cwd).
 * Used by the kernel pool, the sweep executor, the assay replicates and the server's run workers.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The ESM entry of `tsx/esm/api` per tsx's exports map (require.resolve would give the CJS one). */
function tsxEsmApiUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  const entry = pkg.exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error(`cannot find tsx's ESM API entry in ${pkgPath}`);
  return new URL(entry, pathToFileURL(pkgPath)).href;
}

export function spawnModuleWorker(moduleUrl: string, workerData?: unknown): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(new URL(moduleUrl), { workerData });
  const boot =
    `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); })` +
    `.catch((e) => { setImmediate(() => { throw e; }); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** URL of a module next to `baseUrl`, with the extension the running code uses (.ts or .js). */
export function siblingModuleUrl(baseUrl: string, relativeWithoutExt: string): string {
  return new URL(relativeWithoutExt + (baseUrl.endsWith('.ts') ? '.ts' : '.js'), baseUrl).href;
}
