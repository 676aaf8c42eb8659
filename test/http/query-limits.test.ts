import { QUERY_LIMITS } from '../../src/graphql-server';
import { MAX_FIELDS, MAX_MERGE_WORK } from '../../src/http/field-limit';
import type { RunningServer } from '../../src/server';
import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, codesOf, loginOverHttp, postGraphQL, startHttpServer } from './http-client';

/** Oversized queries are refused during parsing or validation, before any resolver or SQL runs. */
let app: TestApp;
let server: RunningServer;
let auth: Record<string, string>;

beforeAll(async () => {
  app = await createTestApp();
  // No viewer cache: identifying the caller costs the same statements on every request, so "before execution" is exact.
  server = await startHttpServer(app, { VIEWER_CACHE_MS: '0' });
  auth = bearer((await loginOverHttp(server, 'organizer.province')).accessToken);
});

/** What a request costs before execution (identifying the viewer, possibly cached), taken just before; a refused query costs no more. */
async function identifyStatements(): Promise<number> {
  const { headers } = await postGraphQL(server, '{ __typename }', undefined, auth);
  return Number(headers.get('x-sql-statements'));
}
afterAll(async () => {
  await server?.stop();
  await app?.close();
});

/** `{ orgUnit { parent { … id } } }`: `depth` levels of fields in all. */
function nestedQuery(depth: number): string {
  const parents = depth - 2;
  return `{ orgUnit(id: "${toGlobalId('OrgUnit', app.fixture.units.cell.id)}") { ${'parent { '.repeat(parents)}id${' }'.repeat(parents)} } }`;
}

/** `count` aliased selections of a real field. */
function aliasedQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: viewer { account { username } }`).join(' ')} }`;
}

test(`a query nested ${QUERY_LIMITS.maxDepth} levels deep is executed (control)`, async () => {
  const before = await identifyStatements();
  const { status, body, headers } = await postGraphQL(server, nestedQuery(QUERY_LIMITS.maxDepth), undefined, auth);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(Number(headers.get('x-sql-statements'))).toBeGreaterThan(before);
});

test(`a query nested deeper than ${QUERY_LIMITS.maxDepth} levels is refused before execution`, async () => {
  const before = await identifyStatements();
  const { status, body, headers } = await postGraphQL(server, nestedQuery(QUERY_LIMITS.maxDepth + 1), undefined, auth);
  expect(status).toBe(400);
  expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(body).not.toHaveProperty('data');
  expect(Number(headers.get('x-sql-statements'))).toBe(before);
});

test(`a query with ${QUERY_LIMITS.maxAliases} aliases is executed (control)`, async () => {
  const { status, body } = await postGraphQL(server, aliasedQuery(QUERY_LIMITS.maxAliases), undefined, auth);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
});

test(`a query with more than ${QUERY_LIMITS.maxAliases} aliases is refused before execution`, async () => {
  const before = await identifyStatements();
  const { status, body, headers } = await postGraphQL(server, aliasedQuery(QUERY_LIMITS.maxAliases + 1), undefined, auth);
  expect(status).toBe(400);
  expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(body).not.toHaveProperty('data');
  expect(Number(headers.get('x-sql-statements'))).toBe(before);
});

// Issue #15: armor leaves __typename out of its alias count by default (900 aliases were answered).
describe(`aliases of __typename count toward the ${QUERY_LIMITS.maxAliases}-alias limit`, () => {
  const typenames = (count: number): string => `{ ${Array.from({ length: count }, (_, i) => `t${i}: __typename`).join(' ')} }`;

  test(`${QUERY_LIMITS.maxAliases} aliases of __typename are answered (control)`, async () => {
    const { status, body } = await postGraphQL(server, typenames(QUERY_LIMITS.maxAliases), undefined, auth);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {})).toHaveLength(QUERY_LIMITS.maxAliases);
  });

  test.each([QUERY_LIMITS.maxAliases + 1, 400])('%i aliases of __typename: 400 GRAPHQL_VALIDATION_FAILED naming the limit, before execution', async (count) => {
    for (const headers of [auth, {}]) {
      const { status, body } = await postGraphQL(server, typenames(count), undefined, headers);
      expect(status).toBe(400);
      expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(body.errors?.[0].message).toContain(`Aliases limit of ${QUERY_LIMITS.maxAliases} exceeded`);
      expect(body).not.toHaveProperty('data');
    }
  });
});

test(`a document of more than ${QUERY_LIMITS.maxTokens} tokens is refused by the parser with 400, not 500`, async () => {
  const before = await identifyStatements();
  const { status, body, headers } = await postGraphQL(server, `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`, undefined, auth);
  expect(status).toBe(400);
  expect(codesOf(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  expect(Number(headers.get('x-sql-statements'))).toBe(before);
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
    // 16 subtrees (the root field and 15 aliases), 31 fields each, 4 more ids in the first.
    const subtree = (alias: string, ids: number): string => `${alias}viewer { account { ${'id '.repeat(ids)}} }`;
    const query = `{ ${subtree('', 33)} ${Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => subtree(`a${i}: `, 29)).join(' ')} }`;
    expect(query.match(/\b(viewer|account|id)\b/g)).toHaveLength(MAX_FIELDS);
    const { status, body } = await postGraphQL(server, query, undefined, auth);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

// Issue #15: below 500 fields, same-named fields with arguments still took seconds to compare.
describe(`at most ${MAX_MERGE_WORK} units of same-name merge work`, () => {
  /** The most copies of an argument-less field one place may hold: n(n-1)/2 comparisons. */
  const copies = Math.floor((1 + Math.sqrt(1 + 8 * MAX_MERGE_WORK)) / 2);
  const ids = (n: number): string => `{ viewer { account { ${'id '.repeat(n)}} } }`;
  const refused = async (query: string): Promise<void> => {
    for (const headers of [auth, {}]) {
      const { status, body } = await postGraphQL(server, query, undefined, headers);
      expect(status).toBe(400);
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([['GRAPHQL_VALIDATION_FAILED', MAX_MERGE_WORK]]);
      expect(body.errors?.[0].message).toContain(`at most ${MAX_MERGE_WORK}`);
    }
  };

  test(`${copies} copies of one field at one place are answered (control)`, async () => {
    const { status, body } = await postGraphQL(server, ids(copies), undefined, auth);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  test(`${copies + 1} copies are refused, naming the limit`, async () => {
    await refused(ids(copies + 1));
  });

  test('250 copies of a field with an argument (0.3–1.3 s of validation) are refused, though under 500 fields', async () => {
    await refused(`{ ${'orgUnit(id: "x") { id } '.repeat(250)}}`);
  });

  test('copies brought together by fragments count as if written out', async () => {
    const fragments = Array.from({ length: copies + 1 }, (_, i) => `fragment F${i} on Account { id }`).join(' ');
    await refused(`{ viewer { account { ${Array.from({ length: copies + 1 }, (_, i) => `...F${i}`).join(' ')} } } } ${fragments}`);
  });

  test('fragments that double at every level are refused before they are expanded', async () => {
    const levels = Array.from({ length: 14 }, (_, i) => `fragment A${i + 1} on Account { ...A${i} ...B${i} } fragment B${i + 1} on Account { ...A${i} ...B${i} }`);
    await refused(`{ viewer { account { ...A14 } } } fragment A0 on Account { id } fragment B0 on Account { username } ${levels.join(' ')}`);
  });
});
