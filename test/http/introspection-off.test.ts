import type { RunningServer } from '../../src/server';
import { createTestApp, type TestApp } from '../support/test-app';
import { codesOf, postGraphQL, startHttpServer } from './http-client';

/**
 * Introspection off (production): only lookups that reveal what validation errors already reveal,
 * whether a type of a given name exists, are answered (decisions.md §38).
 */
let app: TestApp;
let production: RunningServer;

beforeAll(async () => {
  app = await createTestApp();
  production = await startHttpServer(app, { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' });
});
afterAll(async () => {
  await production?.stop();
  await app?.close();
});

test.each([
  ['the schema', '{ __schema { types { name } } }'],
  ['the query type through __schema', '{ __schema { queryType { name } } }'],
  ["a type's fields", '{ __type(name: "Member") { fields { name } } }'],
  ["a type's kind", '{ __type(name: "Member") { name kind } }'],
  ["a type's description", '{ __type(name: "Member") { description } }'],
  ['an enum\'s values', '{ __type(name: "OrgUnitKind") { name enumValues { name } } }'],
  ['fields through a fragment', '{ __type(name: "Member") { ...T } } fragment T on __Type { name fields { name } }'],
  ['name through a fragment', '{ __type(name: "Member") { ...T } } fragment T on __Type { name }'],
  ['__schema inside a fragment on Query', '{ ...Q } fragment Q on Query { __schema { types { name } } }'],
])('%s: refused, 400 GRAPHQL_VALIDATION_FAILED, nothing answered', async (_what, query) => {
  const { status, body } = await postGraphQL(production, query);
  expect(status).toBe(400);
  expect(codesOf(body)).toContain('GRAPHQL_VALIDATION_FAILED');
  expect(body).not.toHaveProperty('data');
  expect(JSON.stringify(body)).not.toMatch(/fullName|PROVINCE|queryType":/);
});

test.each([
  ['{ __typename }', { __typename: 'Query' }],
  ['{ __type(name: "Member") { name } }', { __type: { name: 'Member' } }],
  ['{ __type(name: "Run🏃Swim🏊") { name __typename } }', { __type: null }],
])('%s is answered', async (query, data) => {
  const { status, body } = await postGraphQL(production, query);
  expect(status).toBe(200);
  expect(body).toEqual({ data });
});

test('a name-only lookup tells no more than a validation error already does: whether the type exists', async () => {
  const spread = async (type: string): Promise<string[]> =>
    ((await postGraphQL(production, `{ node(id: "x") { ... on ${type} { id } } }`)).body.errors ?? []).map((e) => e.message);
  expect(await spread('Nope')).toEqual(['Unknown type "Nope".']);
  expect(await spread('Member')).not.toContain('Unknown type "Member".');
});
