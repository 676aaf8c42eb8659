import type { RunningServer } from '../../src/server';
import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, LOGIN, loginOverHttp, postGraphQL, startHttpServer } from './http-client';
import { FIXTURE_PASSWORD } from '../support/fixture';

/** Answers with data or credentials are neither cached nor sniffed, and carry no ETag (issue #15). */
let app: TestApp;
let server: RunningServer;
beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app);
});
afterAll(async () => {
  await server?.stop();
  await app?.close();
});

const privateHeaders = (headers: Headers): Record<string, string | null> => ({
  nosniff: headers.get('x-content-type-options'),
  cache: headers.get('cache-control'),
  etag: headers.get('etag'),
});
const PRIVATE = { nosniff: 'nosniff', cache: 'no-store', etag: null };

test('a sign-in answer, an authenticated read and an error from /graphql', async () => {
  const login = await postGraphQL(server, LOGIN, { username: 'organizer.commune', password: FIXTURE_PASSWORD });
  expect(privateHeaders(login.headers)).toEqual(PRIVATE);
  const { accessToken } = await loginOverHttp(server, 'organizer.commune');
  const read = await postGraphQL(server, '{ viewer { account { username } } }', {}, bearer(accessToken));
  expect(read.body.errors).toBeUndefined();
  expect(privateHeaders(read.headers)).toEqual(PRIVATE);
  const missing = await postGraphQL(server, '{ nope }', {}, bearer(accessToken));
  expect(missing.status).toBe(400);
  expect(privateHeaders(missing.headers)).toEqual(PRIVATE);
});

test('a CSV export, and its error answer', async () => {
  const { accessToken } = await loginOverHttp(server, 'organizer.commune');
  const file = await fetch(`${server.url}/export/org-units.csv?unitId=${toGlobalId('OrgUnit', app.fixture.units.commune.id)}`, { headers: bearer(accessToken) });
  expect(file.status).toBe(200);
  expect(privateHeaders(file.headers)).toEqual(PRIVATE);
  const denied = await fetch(`${server.url}/export/org-units.csv?unitId=nope`, { headers: bearer(accessToken) });
  expect(denied.status).toBe(400);
  expect(privateHeaders(denied.headers)).toEqual(PRIVATE);
});
