/**
 * /api/scenarios: the example scenarios, and validation of submitted scenario text (with the
 * server's limits). Validation answers 200 with a verdict — `{ok: true, size}` or `{ok: false,
 * status: 400 | 422, error, issues}` — since checking is what was asked; submitting an invalid
 * scenario as a run (POST /api/runs) is the request that fails with 400 or 422.
 */
import { Hono } from 'hono';
import type { Atlas } from '../atlas/atlas.ts';
import { ApiError } from './errors.ts';
import { limitIssues, scenarioSize, type ServerLimits } from './limits.ts';
import { queryOf } from './params.ts';
import { listExamples, parseSubmitted, readScenarioRequest } from './scenario-input.ts';

export function scenarioRoutes(atlas: Atlas, examplesDir: string, limits: ServerLimits): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    queryOf(c, []);
    return c.json({ scenarios: listExamples(examplesDir).map(({ name, description, file }) => ({ name, description, file })) });
  });

  app.get('/:name', (c) => {
    queryOf(c, []);
    const name = c.req.param('name');
    const hit = listExamples(examplesDir).find((e) => e.name === name);
    if (hit === undefined) throw new ApiError(404, `no example scenario "${name}"`, [{ path: 'name', message: 'unknown example scenario' }]);
    return c.json(hit);
  });

  app.post('/validate', async (c) => {
    queryOf(c, []);
    const req = await readScenarioRequest(c, examplesDir, false);
    let loaded;
    try {
      loaded = parseSubmitted(req, examplesDir, atlas);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) return c.json({ ok: false, status: 400, error: e.message, issues: e.issues });
      throw e;
    }
    const size = scenarioSize(loaded);
    const over = limitIssues(size, limits);
    if (over.length > 0) return c.json({ ok: false, status: 422, error: 'the scenario is larger than this server runs', issues: over, name: loaded.scenario.name, size });
    return c.json({ ok: true, name: loaded.scenario.name, size });
  });

  return app;
}
