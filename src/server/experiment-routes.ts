/**
 * /api/assays: the virtual assays with their arms, readouts and protocol, and the studies that can
 * be reproduced. /api/experiments: run an assay or a reproduction (queued with the runs), list,
 * status, live progress (server-sent events), cancel, and the finished result with its statistics,
 * claims and figure specs. Experiments persist in the server's data directory.
 */
import { Hono } from 'hono';
import { allArms } from '../experiments/arms.ts';
import { protocolParameters } from '../experiments/protocol-table.ts';
import { QIAN2021_CLAIMS, qian2021Plans } from '../experiments/qian2021.ts';
import { ASSAYS } from '../experiments/registry.ts';
import { DEFAULT_OPTIONS } from '../experiments/types.ts';
import { ApiError } from './errors.ts';
import { streamJobEvents } from './event-stream.ts';
import type { ServerLimits } from './limits.ts';
import { queryOf } from './params.ts';
import type { AssayCatalog } from './experiments/api-types.ts';
import { FINAL_EXPERIMENT_STATUSES } from './experiments/registry.ts';
import { DEFAULT_REPLICATES, DEFAULT_SEED, readExperimentRequest } from './experiments/request.ts';
import type { ExperimentEvent, ExperimentService } from './experiments/service.ts';
import { experimentView } from './experiments/view.ts';

export function assayRoutes(limits: ServerLimits): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    queryOf(c, []);
    const describe = new Map(allArms().map((a) => [a.name, a.description]));
    const catalog: AssayCatalog = {
      assays: ASSAYS.map((a) => ({
        name: a.name,
        title: a.title,
        figure: a.figure,
        protocol: a.protocol,
        readouts: a.readouts,
        primary: a.primary,
        timeCourses: a.timeCourses,
        arms: a.arms.map((name) => ({ name, description: describe.get(name) ?? '' })),
        defaultArms: [...a.defaultArms],
        control: a.control,
      })),
      studies: [{ id: 'qian2021', title: 'Qian et al. 2021 (Lab Invest): hypoxic glioma exosomes, miR-1246 / miR-10b-5p, migration and invasion', plans: qian2021Plans(), claims: QIAN2021_CLAIMS.map((cl) => ({ id: cl.id, statement: cl.statement, criterion: cl.criterion, figure: cl.figure })) }],
      replicates: { default: DEFAULT_REPLICATES, min: 2, max: limits.experimentReplicates },
      seed: DEFAULT_SEED,
      protocolParameters: protocolParameters(DEFAULT_OPTIONS),
    };
    return c.json(catalog);
  });
  return app;
}

export function experimentRoutes(experiments: ExperimentService | undefined, limits: ServerLimits): Hono {
  const app = new Hono();
  const svc = (): ExperimentService => {
    if (experiments === undefined) throw new ApiError(503, 'experiments are not enabled on this server (`exoscape serve` keeps them in --data-dir)');
    return experiments;
  };

  app.post('/', async (c) => {
    queryOf(c, []);
    const s = svc();
    const request = await readExperimentRequest(c, limits.experimentReplicates);
    const experiment = await s.create(request);
    c.header('Location', `/api/experiments/${experiment.id}`);
    return c.json({ experiment }, 202);
  });

  app.get('/', (c) => {
    queryOf(c, []);
    const s = svc();
    return c.json({ experiments: s.list(), executing: s.executing(), queued: s.queued() });
  });

  app.get('/:id', async (c) => {
    queryOf(c, []);
    const s = svc();
    const experiment = s.get(c.req.param('id'));
    const stored = await s.result(experiment.id);
    return c.json({ experiment, result: stored === undefined ? null : experimentView(stored) });
  });

  app.post('/:id/cancel', async (c) => {
    queryOf(c, []);
    return c.json({ experiment: await svc().cancel(c.req.param('id')) });
  });

  app.get('/:id/events', (c) => {
    queryOf(c, []);
    const s = svc();
    const id = c.req.param('id');
    const experiment = s.get(id);
    const ended = FINAL_EXPERIMENT_STATUSES.has(experiment.status);
    return streamJobEvents<ExperimentEvent>(c, {
      subscribe: (listener) => s.subscribe(id, listener),
      initial: [{ event: 'status', data: experiment }, ...(experiment.progress !== null && !ended ? [{ event: 'progress', data: experiment.progress }] : [])],
      ended,
      message: (e) => (e.type === 'status' ? { event: 'status', data: e.experiment } : { event: 'progress', data: e.progress }),
      isFinal: (e) => e.type === 'status' && FINAL_EXPERIMENT_STATUSES.has(e.experiment.status),
    });
  });

  return app;
}
