import jwt from 'jsonwebtoken';
import { outlastViewerCache, TEST_ENV } from '../support/test-app';
import { bearer, codesOf, loginOverHttp, postGraphQL, useHttpApp } from '../http/http-client';

/**
 * Issue #15: access tokens die with their sessions at once, not 15 minutes later. A logout or a
 * detected refresh-token reuse moves the account's token generation on; older tokens are refused
 * on the next request, and other sessions get a new access token by refreshing.
 */
const http = useHttpApp();

const VIEWER = '{ viewer { account { username } } }';
const REFRESH = 'mutation($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken refreshToken } }';
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) }';

async function whoAmI(accessToken: string): Promise<unknown> {
  const { status, body } = await postGraphQL(http.server, VIEWER, undefined, bearer(accessToken));
  return status === 200 ? (body.data as { viewer: { account: { username: string } } }).viewer.account.username : codesOf(body);
}

test('after a logout the session\'s access token is refused on the next request', async () => {
  const session = await loginOverHttp(http.server, 'organizer.cell');
  expect(await whoAmI(session.accessToken)).toBe('organizer.cell');
  expect((await postGraphQL(http.server, LOGOUT, { t: session.refreshToken })).body.data).toEqual({ logout: true });
  expect(await whoAmI(session.accessToken)).toEqual(['UNAUTHENTICATED']);
});

test('another session of the same account refreshes and goes on (its own access token is refused until it does)', async () => {
  const phone = await loginOverHttp(http.server, 'organizer.commune');
  const laptop = await loginOverHttp(http.server, 'organizer.commune');
  await postGraphQL(http.server, LOGOUT, { t: phone.refreshToken });
  expect(await whoAmI(laptop.accessToken)).toEqual(['UNAUTHENTICATED']);
  const renewed = (await postGraphQL(http.server, REFRESH, { t: laptop.refreshToken })).body.data as { refreshAccessToken: { accessToken: string } };
  expect(await whoAmI(renewed.refreshAccessToken.accessToken)).toBe('organizer.commune');
});

test('a detected refresh-token reuse ends every access token of the account at once', async () => {
  const victim = await loginOverHttp(http.server, 'inspector.cell');
  const rotated = (await postGraphQL(http.server, REFRESH, { t: victim.refreshToken })).body.data as { refreshAccessToken: { accessToken: string } };
  expect(await whoAmI(rotated.refreshAccessToken.accessToken)).toBe('inspector.cell');
  // The stolen, already spent refresh token is replayed.
  expect(codesOf((await postGraphQL(http.server, REFRESH, { t: victim.refreshToken })).body)).toEqual(['UNAUTHENTICATED']);
  expect(await whoAmI(rotated.refreshAccessToken.accessToken)).toEqual(['UNAUTHENTICATED']);
  expect(await whoAmI(victim.accessToken)).toEqual(['UNAUTHENTICATED']);
});

test('a token issued before generations existed (no gen claim) counts as generation 0 (control for the upgrade)', async () => {
  const token = jwt.sign({ typ: 'access' }, TEST_ENV.JWT_SECRET, { algorithm: 'HS256', subject: String(http.app.fixture.accounts['analyst:cell']), expiresIn: 60, issuer: 'chibo', audience: 'chibo-api' });
  expect(await whoAmI(token)).toBe('analyst.cell');
  await http.app.sql('update account set token_generation = 1 where id = ?', [http.app.fixture.accounts['analyst:cell']]);
  await outlastViewerCache();
  expect(await whoAmI(token)).toEqual(['UNAUTHENTICATED']);
});
