import { toGlobalId } from '../../src/services/global-id';
import { bearer, LOGIN, loginOverHttp, postGraphQL, useHttpApp } from './http-client';
import { FIXTURE_PASSWORD } from '../support/fixture';

/** Answers with data or credentials are neither cached nor sniffed, and carry no ETag (issue #15). */
const http = useHttpApp();

const privateHeaders = (headers: Headers): Record<string, string | null> => ({
  nosniff: headers.get('x-content-type-options'),
  cache: headers.get('cache-control'),
  etag: headers.get('etag'),
});
const PRIVATE = { nosniff: 'nosniff', cache: 'no-store', etag: null };

test('a sign-in answer, an authenticated read and an error from /graphql', async () => {
  const login = await postGraphQL(http.server, LOGIN, { username: 'organizer.commune', password: FIXTURE_PASSWORD });
  expect(privateHeaders(login.headers)).toEqual(PRIVATE);
  const { accessToken } = await loginOverHttp(http.server, 'organizer.commune');
  const read = await postGraphQL(http.server, '{ viewer { account { username } } }', {}, bearer(accessToken));
  expect(read.body.errors).toBeUndefined();
  expect(privateHeaders(read.headers)).toEqual(PRIVATE);
  const missing = await postGraphQL(http.server, '{ nope }', {}, bearer(accessToken));
  expect(missing.status).toBe(400);
  expect(privateHeaders(missing.headers)).toEqual(PRIVATE);
});

test('a CSV export, and its error answer', async () => {
  const { accessToken } = await loginOverHttp(http.server, 'organizer.commune');
  const file = await fetch(`${http.server.url}/export/org-units.csv?unitId=${toGlobalId('OrgUnit', http.app.fixture.units.commune.id)}`, { headers: bearer(accessToken) });
  expect(file.status).toBe(200);
  expect(privateHeaders(file.headers)).toEqual(PRIVATE);
  const denied = await fetch(`${http.server.url}/export/org-units.csv?unitId=nope`, { headers: bearer(accessToken) });
  expect(denied.status).toBe(400);
  expect(privateHeaders(denied.headers)).toEqual(PRIVATE);
});
