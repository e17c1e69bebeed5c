/**
 * `exoscape serve` — the HTTP API and the web app over the same library as the CLI. Binds to
 * 127.0.0.1 unless --host says otherwise; runs until interrupted (Ctrl+C or SIGTERM).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { UserError } from '../common/errors.ts';
import { loadAtlas } from '../atlas/load.ts';
import { createApp } from '../server/app.ts';
import { allowedHostsFor, isLoopback, listen } from '../server/serve.ts';
import type { Io } from './io.ts';

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`--port must be an integer from 0 to 65535 (found "${v}")`);
  return n;
}

/** The built web app next to the code: dist/web from both src/cli and dist/cli. */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../dist/web', import.meta.url));
}

/** Resolves when the process is asked to stop. */
function untilStopped(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      done(signal);
    };
    const onInt = (): void => { stop('SIGINT'); };
    const onTerm = (): void => { stop('SIGTERM'); };
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export function serveCommand(io: Io, dataDir: () => string | undefined): Command {
  return new Command('serve')
    .description('serve the HTTP API (/api, described at /api/openapi.json) and the web app')
    .option('-p, --port <n>', 'TCP port (0 picks a free one)', port, 8787)
    .option('--host <address>', 'address to bind; anything but loopback exposes the server to your network', '127.0.0.1')
    .option('--web-root <dir>', 'serve the web app from this folder instead of the built dist/web')
    .action(async (opts: { port: number; host: string; webRoot?: string }) => {
      const d = dataDir();
      const atlas = loadAtlas(d !== undefined ? { dataDir: d } : {});
      const webRoot = opts.webRoot !== undefined ? resolve(io.cwd, opts.webRoot) : defaultWebRoot();
      const hasWeb = existsSync(resolve(webRoot, 'index.html'));
      if (opts.webRoot !== undefined && !hasWeb) throw new UserError(`--web-root ${opts.webRoot}: no index.html there`);
      const allowedHosts = allowedHostsFor(opts.host);
      const app = createApp({ atlas, ...(hasWeb ? { webRoot } : {}), ...(allowedHosts !== undefined ? { allowedHosts } : {}), log: (m) => { io.err(`${m}\n`); } });
      const server = await listen(app, opts.host, opts.port);
      if (!isLoopback(opts.host)) io.err(`exoscape: warning: listening on ${opts.host}, reachable from other machines; the API has no authentication\n`);
      if (!hasWeb) io.err('exoscape: the web app is not built (run `npm run build`); serving the API only\n');
      io.out(`exoscape serving ${server.url}/ (API ${server.url}/api, OpenAPI ${server.url}/api/openapi.json); Ctrl+C stops\n`);
      const signal = await untilStopped();
      await server.close();
      io.err(`exoscape: stopped (${signal})\n`);
    });
}
