/**
 * Bind an app to a socket with @hono/node-server. Loopback (127.0.0.1) unless asked otherwise;
 * on loopback the app only answers requests addressed to it by name (see `allowedHostsFor`).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { UserError } from '../common/errors.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

/** Host names a loopback server answers (a DNS-rebinding guard); undefined for other hosts. */
export function allowedHostsFor(host: string): string[] | undefined {
  if (!isLoopback(host)) return undefined;
  return ['127.0.0.1', 'localhost', '[::1]'];
}

export function listen(app: Hono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', onError);
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => { done(); });
            // Open SSE streams would keep close() waiting; end them.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    const onError = (e: NodeJS.ErrnoException): void => {
      if (e.code === 'EADDRINUSE') reject(new UserError(`port ${port} on ${host} is in use; pick another with --port`));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') reject(new UserError(`cannot bind to host "${host}" (${e.code})`));
      else if (e.code === 'EACCES') reject(new UserError(`no permission to bind port ${port}; use a port above 1023`));
      else reject(e);
    };
    server.once('error', onError);
  });
}
