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
      description: 'The evidence atlas of exosome communication in the hypoxic tumor microenvironment, and scenarios for its simulator. Errors are JSON: {error, issues: [{path, message, line?, column?}]}.',
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
          summary: 'validate a scenario as `exoscape scenario validate` does, and check it against the server limits',
          requestBody: scenarioBody(false),
          responses: { 200: json({ type: 'object', properties: { ok: { const: true }, name: { type: 'string' }, size: ref('ScenarioSize') } }, 'valid and within limits'), 400: err('invalid scenario: each issue has the field path, line and column'), 413: err('body too large'), 415: err('unsupported content type'), 422: err('valid, but larger than this server runs') },
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
            issues: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' }, line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } } },
          },
        },
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
        ScenarioSize: { type: 'object', properties: { voxels: { type: 'integer' }, cells: { type: 'integer', description: 'estimated initial cells' }, durationMin: { type: 'number' } } },
      },
    },
  };
}
