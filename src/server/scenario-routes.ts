/** /api/scenarios: the example scenarios, and validation of submitted scenario text (with the server's limits). */
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
    const loaded = parseSubmitted(req, examplesDir, atlas);
    const size = scenarioSize(loaded);
    const over = limitIssues(size, limits);
    if (over.length > 0) throw new ApiError(422, 'the scenario is larger than this server runs', over);
    return c.json({ ok: true, name: loaded.scenario.name, size });
  });

  return app;
}
