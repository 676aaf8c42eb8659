import type { RequestHandler } from 'express';
import { ALL_CODES } from '../errors/catalogue';
import { MemberDimension } from '../services/statistics/labels';
import { StatisticsBreakdown, StatisticsTable } from '../services/exports/statistics-tables/table';

/**
 * OpenAPI 3.1 description of the HTTP routes beside GraphQL (issue #17), written by hand: the
 * routes are few and a generator would cost a dependency. Served at GET /openapi.json; a test
 * walks the express app and fails on a mounted route missing here or a path here not served.
 * GraphQL itself is described by schema.graphql; /graphql is listed for its transport only.
 */

const errorBody = {
  description: 'The GraphQL error shape, with the same codes as /graphql (docs/errors.md).',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
} as const;

const csv = (description: string) => ({ description, content: { 'text/csv; charset=utf-8': { schema: { type: 'string' } } } }) as const;

const query = (name: string, description: string, schema: Record<string, unknown>, required = false) => ({ name, in: 'query', required, description, schema }) as const;

const unitId = (required: boolean) => query('unitId', 'Global id of an org unit (`OrgUnit:…`, as GraphQL returns it); the caller must be allowed to read it.', { type: 'string' }, required);

/** The period of a statistics export, as the `statistics` query's `period` input: a year, a quarter or month of it, or a from–to range. */
const PERIOD_PARAMETERS = [
  query('year', 'Calendar year (2000–2100).', { type: 'integer' }),
  query('quarter', 'Quarter of `year` (1–4).', { type: 'integer', minimum: 1, maximum: 4 }),
  query('month', 'Month of `year` (1–12).', { type: 'integer', minimum: 1, maximum: 12 }),
  query('from', 'First day of a range (YYYY-MM-DD), instead of `year`.', { type: 'string', format: 'date' }),
  query('to', 'Last day of a range (YYYY-MM-DD).', { type: 'string', format: 'date' }),
  query('asOf', 'Day whose tree the figures are counted on (YYYY-MM-DD); by default the end of the period.', { type: 'string', format: 'date' }),
];

const EXPORT_ERRORS = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  503: { ...errorBody, description: 'SERVICE_UNAVAILABLE or TIMEOUT; send again after `Retry-After` seconds.', headers: { 'Retry-After': { schema: { type: 'integer' } } } },
} as const;

const SECURED = [{ bearer: [] }, { apiKey: [] }];

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'chibo HTTP routes',
    version: '0.1.0',
    description:
      'The routes beside the GraphQL API: CSV and XLSX exports, health checks, and this document. The data API is GraphQL at /graphql (schema.graphql). Errors use the GraphQL error shape and codes everywhere (docs/errors.md); `Accept-Language: vi` answers their messages in Vietnamese.',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from the `login` mutation.' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A service account\'s API key.' },
    },
    schemas: {
      Errors: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message', 'extensions'],
              properties: {
                message: { type: 'string' },
                extensions: {
                  type: 'object',
                  required: ['code'],
                  properties: {
                    code: { type: 'string', enum: ALL_CODES },
                    field: { type: 'string', description: 'The input field or query parameter at fault (BAD_USER_INPUT).' },
                    reason: { type: 'string' },
                    retryable: { type: 'boolean' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/graphql': {
      post: {
        summary: 'GraphQL operation (schema.graphql)',
        description: 'Body `{"query", "variables", "operationName"}` as JSON. Answers `application/graphql-response+json` or `application/json`. Writes may carry an `Idempotency-Key` header.',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['query'], properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } } } } } },
        responses: { 200: { description: 'A GraphQL result (`data` and possibly `errors`).' }, 400: errorBody, 401: errorBody, 503: errorBody },
      },
      get: {
        summary: 'GraphQL query by GET',
        description: 'Queries only; needs an `Apollo-Require-Preflight: true` header (CSRF prevention).',
        parameters: [query('query', 'The document.', { type: 'string' }, true), query('variables', 'JSON-encoded variables.', { type: 'string' }), query('operationName', 'The operation to run.', { type: 'string' })],
        responses: { 200: { description: 'A GraphQL result.' }, 400: errorBody },
      },
    },
    '/export/org-units.csv': {
      get: {
        summary: 'The units under a unit, as CSV (streamed)',
        security: SECURED,
        parameters: [unitId(true)],
        responses: { 200: csv('One row per unit of the subtree, with a UTF-8 byte-order mark.'), ...EXPORT_ERRORS },
      },
    },
    '/export/members.csv': {
      get: {
        summary: 'The members under a unit, as CSV (streamed)',
        security: SECURED,
        parameters: [unitId(true)],
        responses: { 200: csv('One row per member of the subtree, with a UTF-8 byte-order mark.'), ...EXPORT_ERRORS },
      },
    },
    '/export/statistics.csv': {
      get: {
        summary: 'One statistics table, as CSV',
        security: SECURED,
        parameters: [
          query('table', 'The table.', { type: 'string', enum: Object.values(StatisticsTable) }, true),
          query('dimension', 'The member dimension; required with table=MEMBERS, refused otherwise.', { type: 'string', enum: Object.values(MemberDimension) }),
          query('breakdown', 'One row per child unit, month, quarter or year.', { type: 'string', enum: Object.values(StatisticsBreakdown) }),
          unitId(false),
          ...PERIOD_PARAMETERS,
        ],
        responses: { 200: csv('The table, with a UTF-8 byte-order mark.'), ...EXPORT_ERRORS },
      },
    },
    '/export/statistics.xlsx': {
      get: {
        summary: 'The district report workbook, as XLSX',
        security: SECURED,
        parameters: [unitId(false), ...PERIOD_PARAMETERS],
        responses: {
          200: { description: 'The workbook.', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } },
          ...EXPORT_ERRORS,
        },
      },
    },
    '/healthz': {
      get: {
        summary: 'Liveness: the process answers',
        responses: { 200: { description: 'Alive.', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } } } } } } },
      },
    },
    '/readyz': {
      get: {
        summary: 'Readiness: the database answers and the server is not stopping',
        responses: {
          200: { description: 'Ready.', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ready' }, database: { const: 'ok' } } } } } },
          503: { description: 'Shutting down, or the database is unreachable.', content: { 'application/json': { schema: { type: 'object', properties: { status: { enum: ['shutting down', 'unavailable'] }, database: { const: 'unreachable' } } } } } },
        },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This document',
        responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/ide': {
      get: {
        summary: 'The GraphQL IDE (Altair), when GRAPHQL_IDE is on (the default outside production)',
        responses: { 200: { description: 'The IDE page; its scripts and styles are served under /ide/.', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
  },
} as const;

/** GET /openapi.json; the same for every caller, so a cache may keep it briefly. */
export const openapiRoute: RequestHandler = (_req, res) => {
  res.setHeader('cache-control', 'public, max-age=300');
  res.json(OPENAPI_DOCUMENT);
};
