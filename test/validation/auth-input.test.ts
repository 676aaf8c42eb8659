import { FIXTURE_PASSWORD } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected, ok } from './support';

/**
 * Bad input to login and refreshAccessToken: UNAUTHENTICATED, no field, and no session,
 * account change or audit row written (the login throttle table alone records failures).
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const LOGIN = 'mutation($username: String!, $password: String!) { login(username: $username, password: $password) { refreshToken } }';
const REFRESH = 'mutation($refreshToken: String!) { refreshAccessToken(refreshToken: $refreshToken) { refreshToken } }';
const TABLES = ['account', 'refresh_token'];

async function freshRefreshToken(username = 'inspector.cell'): Promise<string> {
  return ok(await app.run('anonymous', LOGIN, { username, password: FIXTURE_PASSWORD })).login.refreshToken;
}

describe('login', () => {
  test.each([
    ['a wrong password', 'organizer.commune', 'wrong-password-1'],
    ['an unknown username', 'nobody.here', FIXTURE_PASSWORD],
    ['an empty username', '', FIXTURE_PASSWORD],
    ['an empty password', 'organizer.commune', ''],
    ['a LIKE pattern as username', 'organizer%', FIXTURE_PASSWORD],
  ])('rejects %s as UNAUTHENTICATED', async (_label, username, password) => {
    await expectRejected(app, 'anonymous', TABLES, LOGIN, { username, password }, { code: 'UNAUTHENTICATED' });
  });

  test('rejects a deactivated account with the right password as UNAUTHENTICATED', async () => {
    await app.sql('update account set active = false where id = ?', [app.fixture.accounts.norole]);
    await expectRejected(app, 'anonymous', TABLES, LOGIN, { username: 'norole', password: FIXTURE_PASSWORD }, { code: 'UNAUTHENTICATED' });
  });

  test('records a failed attempt in the login throttle, keyed by the lower-cased username', async () => {
    await app.run('anonymous', LOGIN, { username: 'Analyst.Cell', password: 'wrong-password-1' });
    const rows = await app.sql<{ failures: number }>("select failures from login_throttle where username = 'analyst.cell'");
    expect(rows).toEqual([{ failures: 1 }]);
  });
});

describe('refreshAccessToken', () => {
  test.each([
    ['a random string', 'not-a-refresh-token'],
    ['an empty string', ''],
    ['an access token', 'eyJhbGciOiJIUzI1NiJ9.e30.signature'],
  ])('rejects %s as UNAUTHENTICATED', async (_label, refreshToken) => {
    await expectRejected(app, 'anonymous', TABLES, REFRESH, { refreshToken }, { code: 'UNAUTHENTICATED' });
  });

  test('rejects an expired refresh token as UNAUTHENTICATED', async () => {
    const token = await freshRefreshToken();
    await app.sql("update refresh_token set expires_at = now() - interval '1 second' where revoked_at is null");
    await expectRejected(app, 'anonymous', TABLES, REFRESH, { refreshToken: token }, { code: 'UNAUTHENTICATED' });
  });

  test('rejects a refresh token of a deactivated account as UNAUTHENTICATED', async () => {
    const token = await freshRefreshToken('analyst.province');
    await app.sql('update account set active = false where id = ?', [app.fixture.accounts['analyst:province']]);
    await expectRejected(app, 'anonymous', TABLES, REFRESH, { refreshToken: token }, { code: 'UNAUTHENTICATED' });
  });

  test('rejects a spent refresh token as UNAUTHENTICATED', async () => {
    const spent = await freshRefreshToken('inspector.commune');
    ok(await app.run('anonymous', REFRESH, { refreshToken: spent }));
    const result = await app.run('anonymous', REFRESH, { refreshToken: spent });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
