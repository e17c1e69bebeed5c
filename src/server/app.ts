/**
 * The HTTP API and the web app as one hono application over the library the CLI uses. Everything
 * it needs comes in `ServerDeps`, so tests call `createApp(deps).request(…)` in-process and
 * `serve.ts` binds the same app to a socket.
 *
 * Every error is JSON (`errors.ts`): 400 bad input with field paths, 404 unknown route or id,
 * 413 body over the limit, 415 unsupported media type, 422 scenario (or replicates) over the server's limits,
 * 500 without internals (logged). Responses carry a strict Content-Security-Policy and friends;
 * requests for another Host (DNS rebinding) or writes from another Origin are refused.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Atlas } from '../atlas/atlas.ts';
import { isUserError } from '../common/errors.ts';
import { codeVersion } from '../version.ts';
import { atlasRoutes } from './atlas-routes.ts';
import { ApiError, errorBody, issuesOf } from './errors.ts';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.ts';
import { openApiDocument } from './openapi.ts';
import { queryOf } from './params.ts';
import { scenarioRoutes } from './scenario-routes.ts';
import { runRoutes } from './run-routes.ts';
import type { RunService } from './runs/service.ts';
import { assayRoutes, experimentRoutes } from './experiment-routes.ts';
import type { ExperimentService } from './experiments/service.ts';
import { packagedScenarioDir } from './scenario-input.ts';
import { serveWeb } from './static.ts';

export interface ServerDeps {
  atlas: Atlas;
  limits?: ServerLimits;
  /** Folder of example scenarios (default: the packaged `scenarios/`). */
  examplesDir?: string;
  /** The built web app; without it only the API is served. */
  webRoot?: string;
  /** Host names accepted in the `Host` header (`127.0.0.1`, `localhost`…, port ignored); undefined accepts any. */
  allowedHosts?: readonly string[];
  /** Runs and their results; without it the /api/runs routes answer 503. */
  runs?: RunService;
  /** Assays and reproductions; without it the /api/experiments routes answer 503. */
  experiments?: ExperimentService;
  /** Where internal errors are reported (default: standard error). */
  log?: (message: string) => void;
}

/** `example.org:8080` → `example.org`, `[::1]:80` → `[::1]`. */
export function hostName(hostHeader: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(hostHeader);
  return (m?.[1] ?? hostHeader).toLowerCase();
}

export function createApp(deps: ServerDeps): Hono {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const examplesDir = deps.examplesDir ?? packagedScenarioDir();
  const log = deps.log ?? ((m: string): void => { process.stderr.write(`${m}\n`); });
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
  );

  app.use(async (c, next) => {
    if (deps.allowedHosts !== undefined) {
      const host = c.req.header('host') ?? '';
      if (!deps.allowedHosts.includes(hostName(host))) throw new ApiError(403, `requests for host "${host}" are refused; use ${deps.allowedHosts[0] ?? 'the address the server printed'}`);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      let same = false;
      try {
        same = new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
      } catch {
        same = false;
      }
      if (!same) throw new ApiError(403, `writes from origin ${origin} are refused`);
    }
    await next();
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: (c) => c.json(errorBody(`the request body is larger than this server accepts (${limits.bodyBytes} bytes)`, [{ path: 'body', message: 'too large' }]), 413),
    }),
  );

  app.get('/api/health', (c) => {
    queryOf(c, []);
    return c.json({ ok: true, version: codeVersion(), relations: deps.atlas.relations.length });
  });
  app.get('/api/openapi.json', (c) => {
    queryOf(c, []);
    return c.json(openApiDocument());
  });
  app.route('/api/atlas', atlasRoutes(deps.atlas));
  app.route('/api/scenarios', scenarioRoutes(deps.atlas, examplesDir, limits));
  app.route('/api/runs', runRoutes(deps.runs, deps.atlas, examplesDir, limits));
  app.route('/api/assays', assayRoutes(limits));
  app.route('/api/experiments', experimentRoutes(deps.experiments, limits));

  if (deps.webRoot !== undefined) app.use(serveWeb(deps.webRoot));

  app.notFound((c) => {
    const api = c.req.path.startsWith('/api/') || c.req.path === '/api';
    const hint = api ? 'see /api/openapi.json for the routes' : deps.webRoot === undefined ? 'the web app is not built (run `npm run build`); the API is under /api' : 'the web app is at /';
    return c.json(errorBody(`no route ${c.req.method} ${c.req.path}; ${hint}`), 404);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.message, err.issues), err.status);
    if (isUserError(err)) return c.json(errorBody(err.message, issuesOf(err)), 400);
    const id = Math.random().toString(36).slice(2, 10);
    log(`exoscape serve: internal error ${id} on ${c.req.method} ${c.req.path}\n${err.stack ?? err.message}`);
    return c.json(errorBody(`internal error (${id}); the server log has the details`), 500);
  });

  return app;
}
