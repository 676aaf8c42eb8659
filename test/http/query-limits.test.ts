import { QUERY_LIMITS } from '../../src/graphql-server';
import { MAX_FIELDS } from '../../src/http/field-limit';
import type { RunningServer } from '../../src/server';
import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, codesOf, loginOverHttp, postGraphQL, startHttpServer } from './http-client';

/** Oversized queries are refused during parsing or validation, before any resolver or SQL runs. */
let app: TestApp;
let server: RunningServer;
let auth: Record<string, string>;
let identifyStatements: number;

beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app);
  auth = bearer((await loginOverHttp(server, 'organizer.province')).accessToken);
  // What a request costs before execution (identifying the viewer); a refused query costs no more.
  const { headers } = await postGraphQL(server, '{ __typename }', undefined, auth);
  identifyStatements = Number(headers.get('x-sql-statements'));
});
afterAll(async () => {
  await server?.stop();
  await app?.close();
});

/** `{ orgUnit { parent { … id } } }`: `depth` levels of fields in all. */
function nestedQuery(depth: number): string {
  const parents = depth - 2;
  return `{ orgUnit(id: "${toGlobalId('OrgUnit', app.fixture.units.cell.id)}") { ${'parent { '.repeat(parents)}id${' }'.repeat(parents)} } }`;
}

/** `count` aliased selections of a real field (armor does not count aliases of __typename). */
function aliasedQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: viewer { account { username } }`).join(' ')} }`;
}

test(`a query nested ${QUERY_LIMITS.maxDepth} levels deep is executed (control)`, async () => {
  const { status, body, headers } = await postGraphQL(server, nestedQuery(QUERY_LIMITS.maxDepth), undefined, auth);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(Number(headers.get('x-sql-statements'))).toBeGreaterThan(identifyStatements);
});

test(`a query nested deeper than ${QUERY_LIMITS.maxDepth} levels is refused before execution`, async () => {
  const { status, body, headers } = await postGraphQL(server, nestedQuery(QUERY_LIMITS.maxDepth + 1), undefined, auth);
  expect(status).toBe(400);
  expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(body).not.toHaveProperty('data');
  expect(Number(headers.get('x-sql-statements'))).toBe(identifyStatements);
});

test(`a query with ${QUERY_LIMITS.maxAliases} aliases is executed (control)`, async () => {
  const { status, body } = await postGraphQL(server, aliasedQuery(QUERY_LIMITS.maxAliases), undefined, auth);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
});

test(`a query with more than ${QUERY_LIMITS.maxAliases} aliases is refused before execution`, async () => {
  const { status, body, headers } = await postGraphQL(server, aliasedQuery(QUERY_LIMITS.maxAliases + 1), undefined, auth);
  expect(status).toBe(400);
  expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(body).not.toHaveProperty('data');
  expect(Number(headers.get('x-sql-statements'))).toBe(identifyStatements);
});

test(`a document of more than ${QUERY_LIMITS.maxTokens} tokens is refused by the parser with 400, not 500`, async () => {
  const { status, body, headers } = await postGraphQL(server, `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`, undefined, auth);
  expect(status).toBe(400);
  expect(codesOf(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  expect(Number(headers.get('x-sql-statements'))).toBe(identifyStatements);
});

// Issue #15: one field repeated ~3,000 times stalled the server for seconds in validation.
describe(`at most ${MAX_FIELDS} selected fields, duplicates and __typename included`, () => {
  const repeated = (field: string, n: number): string => `{ viewer { account { ${`${field} `.repeat(n)}} } }`;

  test.each([['id', MAX_FIELDS + 1], ['__typename', 2990]])('%s × %i: 400 GRAPHQL_VALIDATION_FAILED naming the limit, before identification', async (field, n) => {
    for (const headers of [auth, {}]) {
      const { status, body } = await postGraphQL(server, repeated(field, n), undefined, headers);
      expect(status).toBe(400);
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([['GRAPHQL_VALIDATION_FAILED', MAX_FIELDS]]);
      expect(body.errors?.[0].message).not.toMatch(/Syntax Error/);
    }
  });

  test(`${MAX_FIELDS} fields in all are still answered (control)`, async () => {
    // viewer and account are two of them.
    const { status, body } = await postGraphQL(server, repeated('id', MAX_FIELDS - 2), undefined, auth);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
