import type { RunningServer } from '../../src/server';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, codesOf, loginOverHttp, postGraphQL, startHttpServer } from './http-client';

/** Health, request ids, the IDE, CSRF prevention, production hardening and error masking over real HTTP. */
let app: TestApp;
let server: RunningServer;
let production: RunningServer;
let ideOff: RunningServer;

beforeAll(async () => {
  app = await createTestApp();
  [server, production, ideOff] = await Promise.all([
    startHttpServer(app, { GRAPHQL_IDE: 'true' }),
    startHttpServer(app, { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' }),
    startHttpServer(app, { GRAPHQL_IDE: 'false' }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), production?.stop(), ideOff?.stop()]);
  await app?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('health', () => {
  test('GET /healthz answers 200', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('GET /readyz answers 200 with the database reachable', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', database: 'ok' });
  });
});

describe('request ids', () => {
  test.each(['/healthz', '/readyz', '/no-such-route'])('GET %s answers with a generated x-request-id', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.headers.get('x-request-id')).toMatch(UUID);
  });

  test('a GraphQL response carries a generated x-request-id', async () => {
    const { headers } = await postGraphQL(server, '{ __typename }');
    expect(headers.get('x-request-id')).toMatch(UUID);
  });

  test('a well-formed incoming x-request-id is echoed', async () => {
    const { headers } = await postGraphQL(server, '{ __typename }', undefined, { 'x-request-id': 'lb-req.0042_abc' });
    expect(headers.get('x-request-id')).toBe('lb-req.0042_abc');
  });

  test('a malformed incoming x-request-id is replaced, not echoed', async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'evil id\twith spaces' } });
    expect(response.headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('the in-browser IDE', () => {
  test('GET /ide/ serves the IDE page when GRAPHQL_IDE is true', async () => {
    const response = await fetch(`${server.url}/ide/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<html/i);
  });

  test('every script and stylesheet of the IDE page is served by the server itself, none from a CDN', async () => {
    const html = await (await fetch(`${server.url}/ide/`)).text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
    const assets = references.filter((r) => /\.(js|css)$/.test(r));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, `${server.url}/ide/`));
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
    }
  });

  test('GET /ide/ is 404 when GRAPHQL_IDE is false', async () => {
    expect((await fetch(`${ideOff.url}/ide/`)).status).toBe(404);
  });

  test('GET /ide/ is 404 in production by default', async () => {
    expect((await fetch(`${production.url}/ide/`)).status).toBe(404);
  });
});

describe('production mode', () => {
  test('an introspection query is refused', async () => {
    const { status, body } = await postGraphQL(production, '{ __schema { types { name } } }');
    expect(status).toBe(400);
    expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.data).toBeUndefined();
  });

  test('a __type query is refused', async () => {
    const { body } = await postGraphQL(production, '{ __type(name: "Member") { fields { name } } }');
    expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('a misspelt field gets no "Did you mean" suggestion', async () => {
    const { body } = await postGraphQL(production, '{ orgUnitz { totalCount } }');
    expect(codesOf(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(body.errors?.[0].message).not.toMatch(/orgUnits/);
  });

  // Issue #15: enum values were still suggested, in literals and in variables.
  test.each([
    ['a misspelt enum literal', '{ orgUnits(filter: { kinds: [PROVINC] }) { totalCount } }', {}],
    ['a misspelt enum in a variable', 'query($k: [OrgUnitKind!]) { orgUnits(filter: { kinds: $k }) { totalCount } }', { k: ['PROVINC'] }],
  ])('%s gets no suggestion either', async (_what, query, variables) => {
    const { body } = await postGraphQL(production, query, variables);
    expect(body.errors?.length).toBe(1);
    expect(body.errors?.[0].message).not.toMatch(/Did you mean|"PROVINCE"/);
    expect(body.errors?.[0].message).toMatch(/PROVINC/);
  });

  test('outside production the same misspelling does get a suggestion (control)', async () => {
    const { body } = await postGraphQL(server, '{ orgUnitz { totalCount } }');
    expect(body.errors?.[0].message).toMatch(/Did you mean/);
  });

  test('outside production introspection is allowed (control)', async () => {
    const { status, body } = await postGraphQL(server, '{ __schema { queryType { name } } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('CSRF prevention', () => {
  test('a GET without the apollo-require-preflight header is refused with 400', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  test('a POST with content-type text/plain is refused with 400', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
  });

  test('a GET with the apollo-require-preflight header is answered (control)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('errors', () => {
  test('a syntax error is a 400 GRAPHQL_PARSE_FAILED, not a server error', async () => {
    const { status, body } = await postGraphQL(server, '{ orgUnits { ');
    expect(status).toBe(400);
    expect(codesOf(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  test('an unexpected internal error is masked: generic message, INTERNAL_SERVER_ERROR, no stack trace', async () => {
    const { accessToken } = await loginOverHttp(server, 'organizer.province');
    // A broken database (a table gone) is the unexpected failure; restored right after.
    await app.sql('alter table member rename to member_hidden_by_test');
    let response;
    try {
      response = await postGraphQL(server, '{ members(first: 5) { totalCount nodes { fullName } } }', undefined, bearer(accessToken));
    } finally {
      await app.sql('alter table member_hidden_by_test rename to member');
    }
    const errors = response.body.errors ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Internal server error');
    expect(errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(response.body)).not.toMatch(/member_hidden_by_test|relation|stack/i);
  });
});

describe('SQL statement header', () => {
  test('a GraphQL response reports the number of SQL statements it ran in x-sql-statements', async () => {
    const { accessToken } = await loginOverHttp(server, 'organizer.commune');
    const { body, headers } = await postGraphQL(server, '{ orgUnits(filter: { kinds: [CELL] }) { totalCount nodes { name } } }', undefined, bearer(accessToken));
    expect(body.errors).toBeUndefined();
    expect(Number(headers.get('x-sql-statements'))).toBeGreaterThan(0);
  });
});
