/**
 * The OpenAPI 3.1 description of the API, written by hand next to the routes. `app.test.ts`
 * checks that every route the app registers is documented here and every documented operation
 * exists, so the two cannot drift apart silently.
 */
import { EXPORT_FORMATS } from '../atlas/export.ts';
import { VOCAB_CATEGORIES } from '../atlas/schema.ts';
import { VERSION } from '../version.ts';

type Json = Record<string, unknown>;

const FILTERS: [string, string][] = [
  ['cargo', 'cargo name (synonyms accepted: hsa-miR-1246, PD-L1)'],
  ['cargoType', 'miRNA, lncRNA, circRNA, mRNA, protein, DNA, lipid, metabolite, drug, or vesicle'],
  ['donor', 'donor cell type or cell line (includes narrower types)'],
  ['condition', 'donor or recipient condition, e.g. hypoxia'],
  ['recipient', 'recipient cell type or cell line (includes narrower types)'],
  ['target', 'molecular target (HGNC symbol or alias)'],
  ['phenotype', 'phenotype, e.g. invasion'],
  ['direction', 'increases or decreases'],
  ['cancer', 'cancer type (includes subtypes: glioma includes glioblastoma)'],
  ['evidence', 'in-vitro, in-vivo, clinical, review-claim or proposed'],
  ['seed', 'seed file name or its number (000, 002, 003, 004)'],
];

const q = (name: string, description: string, schema: Json = { type: 'string' }, required = false): Json => ({ name, in: 'query', required, description, schema });
const p = (name: string, description: string): Json => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const filterParams = FILTERS.map(([n, d]) => q(n, d));
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const err = (description: string): Json => json(ref('Error'), description);
const int = (min: number, max: number, def?: number): Json => ({ type: 'integer', minimum: min, maximum: max, ...(def !== undefined ? { default: def } : {}) });

const scenarioBody = (runOptions: boolean): Json => ({
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        additionalProperties: false,
        description: 'exactly one of scenario and example',
        properties: {
          scenario: { oneOf: [{ type: 'string', description: 'scenario text, YAML or JSON' }, { type: 'object', description: 'a scenario as a JSON object' }] },
          example: { type: 'string', description: 'name of an example scenario (GET /api/scenarios)' },
          ...(runOptions ? { seed: int(0, 2 ** 32 - 1), threads: int(1, 64) } : {}),
        },
      },
    },
    'application/yaml': { schema: { type: 'string', description: 'the scenario file itself' } },
  },
});

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'exoscape API',
      version: VERSION,
      description: 'The evidence atlas of exosome communication in the hypoxic tumor microenvironment, scenarios and runs of its simulator, and virtual experiments (assays, reproduction of a study). Errors are JSON: {error, issues: [{path, message, line?, column?}]}.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': { get: { summary: 'liveness, code version and atlas size', responses: { 200: json({ type: 'object' }, 'the server is up') } } },
      '/api/openapi.json': { get: { summary: 'this document', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } } },
      '/api/atlas/relations': {
        get: {
          summary: 'free-text search and filters over relations (as `exoscape atlas search`)',
          parameters: [q('q', 'words that must all match (synonyms accepted)'), q('limit', 'page size', int(1, 2000, 50)), q('offset', 'first hit to return', int(0, 1_000_000, 0)), ...filterParams],
          responses: { 200: json({ type: 'object', required: ['total', 'offset', 'relations'], properties: { total: { type: 'integer' }, offset: { type: 'integer' }, relations: { type: 'array', items: ref('Relation') } } }, 'matching relations, best first'), 400: err('unknown parameter or filter value') },
        },
      },
      '/api/atlas/relations/{id}': {
        get: { summary: 'one relation with its quote and references (as `exoscape atlas show`)', parameters: [p('id', 'relation id, e.g. qian2021-001')], responses: { 200: json(ref('Relation'), 'the relation'), 404: err('no relation with this id') } },
      },
      '/api/atlas/stats': { get: { summary: 'counts by seed, evidence, cargo type, cancer type, phenotype', parameters: filterParams, responses: { 200: json({ type: 'object' }, 'counts'), 400: err('bad filter') } } },
      '/api/atlas/graph': {
        get: {
          summary: 'the causal graph of the matching relations as nodes and edges (for network views)',
          parameters: [q('q', 'free-text search first'), q('cells', 'include donor and recipient cell types as nodes', { type: 'boolean', default: true }), ...filterParams],
          responses: { 200: json(ref('Graph'), 'nodes and signed edges'), 400: err('bad filter') },
        },
      },
      '/api/atlas/paths': {
        get: {
          summary: 'causal chains from one node to another (as `exoscape atlas path`)',
          parameters: [q('from', 'a condition (hypoxia), molecule (miR-1246, HIF-1α) or "exosomes"', { type: 'string' }, true), q('to', 'a phenotype (invasion) or molecule', { type: 'string' }, true), q('via', 'only chains through this node'), q('maxLength', 'at most this many steps', int(1, 6, 4)), q('limit', 'at most this many chains', int(1, 500, 25)), ...filterParams],
          responses: { 200: json({ type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, paths: { type: 'array', items: ref('Path') } } }, 'chains, shortest first, then chains one study shows end to end'), 400: err('missing or unknown node, or bad filter') },
        },
      },
      '/api/atlas/export': {
        get: {
          summary: 'the matching relations as JSON Lines, CSV, GraphML or SIF',
          parameters: [q('format', 'output format', { type: 'string', enum: [...EXPORT_FORMATS], default: 'jsonl' }), ...filterParams],
          responses: { 200: { description: 'the export (Content-Disposition: attachment)', content: { 'application/x-ndjson': {}, 'text/csv': {}, 'application/graphml+xml': {}, 'text/plain': {} } }, 400: err('bad format or filter') },
        },
      },
      '/api/atlas/vocab': { get: { summary: 'the controlled vocabularies', responses: { 200: json({ type: 'object' }, 'terms by category') } } },
      '/api/atlas/vocab/{category}': { get: { summary: 'one controlled vocabulary', parameters: [{ ...p('category', 'vocabulary category'), schema: { type: 'string', enum: [...VOCAB_CATEGORIES] } }], responses: { 200: json({ type: 'object' }, 'its terms'), 404: err('unknown category') } } },
      '/api/scenarios': { get: { summary: 'the example scenarios', responses: { 200: json({ type: 'object', properties: { scenarios: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, description: { type: 'string' }, file: { type: 'string' } } } } } }, 'examples') } } },
      '/api/scenarios/{name}': { get: { summary: 'one example scenario with its text', parameters: [p('name', 'example name, e.g. hypoxic-glioma-quick')], responses: { 200: json({ type: 'object', properties: { name: { type: 'string' }, description: { type: 'string' }, file: { type: 'string' }, text: { type: 'string' } } }, 'the example'), 404: err('no such example') } } },
      '/api/scenarios/validate': {
        post: {
          summary: 'validate a scenario as `exoscape scenario validate` does, and check it against the server limits; the verdict is the 200 body (a run of an invalid scenario is what fails with 400/422)',
          requestBody: scenarioBody(false),
          responses: {
            200: json({ oneOf: [{ type: 'object', required: ['ok', 'name', 'size'], properties: { ok: { const: true }, name: { type: 'string' }, size: ref('ScenarioSize') } }, { type: 'object', required: ['ok', 'status', 'error', 'issues'], properties: { ok: { const: false }, status: { enum: [400, 422], description: '400 invalid (issues carry field path, line and column), 422 valid but larger than this server runs' }, error: { type: 'string' }, issues: { type: 'array', items: ref('Issue') } } }] }, 'the verdict'),
            400: err('malformed request (not JSON, neither scenario nor example, unknown key)'),
            413: err('body too large'),
            415: err('unsupported content type'),
          },
        },
      },
      '/api/runs': {
        get: { summary: 'every run on this server, newest first, with how many execute and wait', responses: { 200: json({ type: 'object', properties: { runs: { type: 'array', items: ref('Run') }, executing: { type: 'integer' }, queued: { type: 'integer' }, concurrentRuns: { type: 'integer' } } }, 'runs'), 503: err('runs are not enabled') } },
        post: {
          summary: 'queue a run of a scenario; it starts when fewer than the configured number of runs execute',
          requestBody: scenarioBody(true),
          responses: { 202: json({ type: 'object', properties: { run: ref('Run') } }, 'queued (Location: /api/runs/{id})'), 400: err('invalid scenario or request'), 413: err('body too large'), 415: err('unsupported content type'), 422: err('larger than this server runs (voxels, cells, duration, threads)'), 429: err('the queue is full'), 503: err('runs are not enabled') },
        },
      },
      '/api/runs/{id}': { get: { summary: 'one run: status, progress, result, and the scenario text it ran', parameters: [p('id', 'run id')], responses: { 200: json({ type: 'object', properties: { run: ref('Run'), scenario: { type: 'string' } } }, 'the run'), 404: err('no such run') } } },
      '/api/runs/{id}/cancel': { post: { summary: 'stop a queued or executing run for good', parameters: [p('id', 'run id')], responses: { 200: json({ type: 'object', properties: { run: ref('Run') } }, 'cancelled'), 404: err('no such run'), 409: err('already finished, cancelled or failed') } } },
      '/api/runs/{id}/pause': { post: { summary: 'stop an executing run after its current step, keeping its last checkpoint', parameters: [p('id', 'run id')], responses: { 200: json({ type: 'object', properties: { run: ref('Run') } }, 'paused'), 404: err('no such run'), 409: err('not executing') } } },
      '/api/runs/{id}/resume': { post: { summary: 'queue a paused or interrupted run again; it continues from its last checkpoint to the same final state', parameters: [p('id', 'run id')], responses: { 200: json({ type: 'object', properties: { run: ref('Run') } }, 'queued'), 404: err('no such run'), 409: err('not paused or interrupted'), 429: err('the queue is full') } } },
      '/api/runs/{id}/events': {
        get: {
          summary: 'live progress as server-sent events: `status` (the Run), `progress` ({timeMin, durationMin, cells, wallSeconds}), `frame` ({timeMin, cells}) at each output time; the stream ends after a final status',
          parameters: [p('id', 'run id')],
          responses: { 200: { description: 'an event stream', content: { 'text/event-stream': {} } }, 404: err('no such run') },
        },
      },
      '/api/runs/{id}/timeseries': { get: { summary: 'the time series so far: one row per output time, and what each column means', parameters: [p('id', 'run id')], responses: { 200: json({ type: 'object', properties: { rows: { type: 'array', items: { type: 'object', additionalProperties: { type: 'number' } } }, columns: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, unit: { type: 'string' }, group: { type: 'string' }, description: { type: 'string' } } } } } }, 'time series'), 404: err('no run or no output yet') } } },
      '/api/runs/{id}/snapshots': { get: { summary: 'output times with cell and field snapshots, and whether a time series exists yet', parameters: [p('id', 'run id')], responses: { 200: json({ type: 'object', properties: { cells: { type: 'array', items: { type: 'number' } }, fields: { type: 'array', items: { type: 'number' } }, timeseries: { type: 'boolean' } } }, 'times in minutes'), 404: err('no such run') } } },
      '/api/runs/{id}/cells': {
        get: {
          summary: 'cells at an output time for the tissue view: little-endian Float32 arrays x, y, radius, value, state (0 live, 1 apoptotic, 2 necrotic), each n long; headers X-Time-Min, X-Cells (n), X-Variables. In 3D, the cells within 30 µm of the middle plane.',
          parameters: [p('id', 'run id'), q('t', 'output time in minutes (default: the latest)', { type: 'number' }), q('var', 'cell variable to colour by (default hif)')],
          responses: { 200: { description: 'binary cells', content: { 'application/octet-stream': {} } }, 400: err('unknown variable'), 404: err('no such run or snapshot') },
        },
      },
      '/api/runs/{id}/fields': {
        get: {
          summary: 'one field on the middle z-plane: little-endian Float32, nx·ny values indexed i + nx·j; headers X-Time-Min, X-Nx, X-Ny, X-Dx-Um, X-Fields',
          parameters: [p('id', 'run id'), q('t', 'output time in minutes (default: the latest)', { type: 'number' }), q('name', 'field (default oxygen)')],
          responses: { 200: { description: 'binary field', content: { 'application/octet-stream': {} } }, 400: err('unknown field'), 404: err('no such run or snapshot') },
        },
      },
      '/api/runs/{id}/summary': { get: { summary: "the run's summary.json (or cancelled.json): provenance, parameters, mass balance, stateDigest, final values", parameters: [p('id', 'run id')], responses: { 200: json({ type: 'object' }, 'summary'), 404: err('no summary yet') } } },
      '/api/assays': {
        get: {
          summary: 'the virtual assays (arms with what each means, readouts, protocol, default arms, control), the studies that can be reproduced (their assays, arms and claims), the replicate limits and the protocol numbers (as `exoscape assay`)',
          responses: { 200: json({ type: 'object', properties: { assays: { type: 'array', items: { type: 'object' } }, studies: { type: 'array', items: { type: 'object' } }, replicates: { type: 'object', properties: { default: { type: 'integer' }, min: { type: 'integer' }, max: { type: 'integer' } } }, seed: { type: 'integer' }, protocolParameters: { type: 'array', items: { type: 'object' } } } }, 'assays and studies') },
        },
      },
      '/api/experiments': {
        get: { summary: 'every experiment on this server, newest first, with how many execute and wait', responses: { 200: json({ type: 'object', properties: { experiments: { type: 'array', items: ref('Experiment') }, executing: { type: 'integer' }, queued: { type: 'integer' } } }, 'experiments'), 503: err('experiments are not enabled') } },
        post: {
          summary: 'queue a virtual assay (`exoscape assay`) or the reproduction of a study (`exoscape reproduce`); it starts when a run slot is free (runs and experiments share them)',
          requestBody: { required: true, content: { 'application/json': { schema: ref('ExperimentRequest') } } },
          responses: { 202: json({ type: 'object', properties: { experiment: ref('Experiment') } }, 'queued (Location: /api/experiments/{id})'), 400: err('invalid request: unknown assay, arm or key, fewer than two arms, replicates below 2 (issues name the field, e.g. body.arms[1])'), 413: err('body too large'), 415: err('not JSON'), 422: err('more replicates than this server runs'), 429: err('the queue is full'), 503: err('experiments are not enabled') },
        },
      },
      '/api/experiments/{id}': {
        get: {
          summary: 'one experiment: status and progress; once finished, per assay and readout the replicate values of every arm with their statistics, the claims table of a reproduction, and the Vega-Lite specs of the HTML report\'s figures',
          parameters: [p('id', 'experiment id')],
          responses: { 200: json({ type: 'object', properties: { experiment: ref('Experiment'), result: { oneOf: [{ type: 'null' }, ref('ExperimentResult')] } } }, 'the experiment'), 404: err('no such experiment') },
        },
      },
      '/api/experiments/{id}/cancel': { post: { summary: 'stop a queued or executing experiment (its threads are stopped at once)', parameters: [p('id', 'experiment id')], responses: { 200: json({ type: 'object', properties: { experiment: ref('Experiment') } }, 'cancelled'), 404: err('no such experiment'), 409: err('already finished, cancelled, failed or interrupted') } } },
      '/api/experiments/{id}/events': {
        get: {
          summary: 'live progress as server-sent events: `status` (the Experiment) and `progress` ({done, total, wallSeconds}: arm × replicate jobs); the stream ends after a final status',
          parameters: [p('id', 'experiment id')],
          responses: { 200: { description: 'an event stream', content: { 'text/event-stream': {} } }, 404: err('no such experiment') },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'issues'],
          properties: {
            error: { type: 'string' },
            issues: { type: 'array', items: ref('Issue') },
          },
        },
        Issue: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' }, line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } },
        Relation: {
          type: 'object',
          description: 'an evidence-linked relation (the record `exoscape atlas show --json` prints)',
          required: ['id', 'seed', 'donor', 'phenotype', 'direction', 'evidence', 'quote', 'source'],
          properties: {
            id: { type: 'string' }, seed: { type: 'string' }, refs: { type: 'array', items: { type: 'string' } }, donor: { type: 'string' }, donorLine: { type: ['string', 'null'] }, donorCondition: { type: 'string' }, cancerType: { type: 'string' },
            cargo: { type: ['object', 'null'], properties: { name: { type: 'string' }, type: { type: 'string' } } }, recipient: { type: ['string', 'null'] }, recipientLine: { type: ['string', 'null'] }, recipientCondition: { type: ['string', 'null'] },
            targets: { type: 'array', items: { type: 'object', properties: { symbol: { type: 'string' }, effect: { type: 'string' } } } }, phenotype: { type: 'string' }, direction: { enum: ['increases', 'decreases'] },
            evidence: { type: 'array', items: { type: 'string' } }, quote: { type: 'string' }, location: { type: 'string' }, measures: { type: 'array' }, flags: { type: 'array' }, related: { type: 'array', items: { type: 'string' } },
            note: { type: ['string', 'null'] }, source: { type: 'string' }, referenceTexts: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        Graph: {
          type: 'object',
          properties: {
            relations: { type: 'integer' },
            nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, kind: { enum: ['condition', 'cell', 'molecule', 'vesicles', 'phenotype'] }, role: { type: 'string' }, label: { type: 'string' }, degree: { type: 'integer' } } } },
            edges: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' }, interaction: { type: 'string' }, sign: { enum: ['activation', 'inhibition'] }, relations: { type: 'array', items: { type: 'string' } }, evidence: { type: 'array', items: { type: 'string' } } } } },
          },
        },
        Path: {
          type: 'object',
          properties: {
            nodes: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, kind: { type: 'string' }, label: { type: 'string' } } } },
            steps: { type: 'array', items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, interaction: { type: 'string' }, sign: { enum: ['activation', 'inhibition'] }, relations: { type: 'array', items: { type: 'object' } } } } },
          },
        },
        Run: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            status: { enum: ['queued', 'running', 'paused', 'finished', 'cancelled', 'failed', 'interrupted'] },
            name: { type: 'string' }, description: { type: ['string', 'null'] }, createdAt: { type: 'string' }, startedAt: { type: ['string', 'null'] }, finishedAt: { type: ['string', 'null'] },
            seed: { type: 'integer' }, threads: { type: 'integer' }, size: ref('ScenarioSize'),
            domain: { type: 'object', properties: { dimensions: { enum: [2, 3] }, size: { type: 'array', items: { type: 'number' } }, voxel: { type: 'number' } } },
            outputMin: { type: 'number' },
            progress: { type: ['object', 'null'], properties: { timeMin: { type: 'number' }, durationMin: { type: 'number' }, cells: { type: 'integer' }, wallSeconds: { type: 'number' } } },
            error: { type: ['string', 'null'] },
            result: { type: ['object', 'null'], properties: { stateDigest: { type: 'string' }, wallSeconds: { type: 'number' }, simulatedMinutes: { type: 'number' }, liveCells: { type: 'integer' }, maxMassBalanceError: { type: 'number' } } },
          },
        },
        ExperimentRequest: {
          oneOf: [
            { type: 'object', required: ['kind', 'assay'], additionalProperties: false, properties: { kind: { const: 'assay' }, assay: { type: 'string', description: 'assay name (GET /api/assays)' }, arms: { type: 'array', minItems: 2, items: { type: 'string' }, description: "arm names (default: the assay's); the assay's control is the control when listed, else the first arm" }, replicates: { type: 'integer', minimum: 2, default: 4, description: 'per arm; at most the server limit (422 above)' }, seed: int(0, 2 ** 32 - 1, 1) } },
            { type: 'object', required: ['kind', 'study'], additionalProperties: false, properties: { kind: { const: 'reproduce' }, study: { enum: ['qian2021'] }, replicates: { type: 'integer', minimum: 2, default: 4 }, seed: int(0, 2 ** 32 - 1, 1) } },
          ],
        },
        Experiment: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            status: { enum: ['queued', 'running', 'finished', 'cancelled', 'failed', 'interrupted'], description: 'interrupted: the server stopped while it executed; submit it again (the same seed gives the same values)' },
            title: { type: 'string' }, request: ref('ExperimentRequest'), workers: { type: 'integer' },
            createdAt: { type: 'string' }, startedAt: { type: ['string', 'null'] }, finishedAt: { type: ['string', 'null'] },
            progress: { type: ['object', 'null'], properties: { done: { type: 'integer' }, total: { type: 'integer' }, wallSeconds: { type: 'number' } } },
            error: { type: ['string', 'null'] },
            summary: { type: ['object', 'null'], properties: { wallSeconds: { type: 'number' }, cpuSeconds: { type: 'number' }, simulationSeconds: { type: 'number' }, codeVersion: { type: 'string' }, assays: { type: 'array', items: { type: 'string' } }, claimsHeld: { type: ['integer', 'null'] }, claims: { type: ['integer', 'null'] } } },
          },
        },
        ExperimentResult: {
          type: 'object',
          properties: {
            kind: { enum: ['assay', 'reproduce'] },
            assays: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  assay: { type: 'string' }, title: { type: 'string' }, figure: { type: 'string' }, protocol: { type: 'array', items: { type: 'string' } }, arms: { type: 'array', items: { type: 'string' } }, control: { type: 'string' }, replicates: { type: 'integer' }, primary: { type: 'string' }, figures: { type: 'array', items: { type: 'string' } },
                  readouts: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' }, unit: { type: 'string' }, description: { type: 'string' }, values: { type: 'object', additionalProperties: { type: 'array', items: { type: 'number' } }, description: 'replicate values by arm' }, stats: { type: ['object', 'null'], description: '{ok: true, result: {method, arms (n, mean, sd, sem, ci), omnibus, vsControl, pairs, notes}} or {ok: false, reason}' } } } },
                },
              },
            },
            claims: { type: ['array', 'null'], items: { type: 'object' }, description: 'as `exoscape reproduce --json`: id, statement, holds, effect, pValue, arms, values, comparisons, …' },
            figures: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, assay: { type: 'string' }, title: { type: 'string' }, caption: { type: 'string' }, spec: { type: 'object', description: 'Vega-Lite 6' } } } },
            run: { type: 'object', properties: { replicates: { type: 'integer' }, seed: { type: 'integer' }, workers: { type: 'integer' }, wallSeconds: { type: 'number' }, cpuSeconds: { type: 'number' }, simulationSeconds: { type: 'number' }, codeVersion: { type: 'string' }, options: { type: 'object' } } },
          },
        },
        ScenarioSize: { type: 'object', properties: { voxels: { type: 'integer' }, cells: { type: 'integer', description: 'initial cells' }, cellsExact: { type: 'boolean', description: 'false when cells is a close-packing estimate (far above the limit)' }, durationMin: { type: 'number' } } },
      },
    },
  };
}
