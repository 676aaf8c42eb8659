import type { RunningServer } from '../../src/server';
import { sha256 } from '../../src/auth/tokens';
import { FIXTURE_PASSWORD } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { bearer, codesOf, LOGIN, postGraphQL, startHttpServer, type Tokens } from '../http/http-client';

/** Refresh tokens rotate on use; reuse of a spent one revokes every session of the account; logout. */
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

const REFRESH = 'mutation($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken refreshToken account { username } } }';
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) }';

async function login(username: string): Promise<Tokens> {
  const result = await app.run('anonymous', LOGIN, { username, password: FIXTURE_PASSWORD });
  if (!result.data?.login) throw new Error(JSON.stringify(result.errors));
  return result.data.login as Tokens;
}

const refresh = (token: string) => app.run('anonymous', REFRESH, { t: token });
const logout = (token: string) => app.run('anonymous', LOGOUT, { t: token });

async function refreshed(token: string): Promise<Tokens> {
  const result = await refresh(token);
  if (!result.data?.refreshAccessToken) throw new Error(JSON.stringify(result.errors));
  return result.data.refreshAccessToken as Tokens;
}

async function liveSessions(username: string): Promise<number> {
  const [row] = await app.sql<{ n: number }>(
    'select count(*)::int as n from refresh_token r join account a on a.id = r.account_id where a.username = ? and r.revoked_at is null',
    [username],
  );
  return row.n;
}

describe('refreshAccessToken', () => {
  test('a refresh token buys a new access token and a new refresh token', async () => {
    const first = await login('organizer.cell');
    const second = await refreshed(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const { body } = await postGraphQL(server, '{ viewer { account { username } } }', undefined, bearer(second.accessToken));
    expect(body.data).toEqual({ viewer: { account: { username: 'organizer.cell' } } });
  });

  test('the old refresh token stops working once it has been used', async () => {
    const first = await login('organizer.commune');
    await refreshed(first.refreshToken);
    expect(codesOf(await refresh(first.refreshToken))).toEqual(['UNAUTHENTICATED']);
  });

  test('reusing a spent refresh token revokes every session of the account', async () => {
    const stolen = await login('inspector.commune');
    const otherDevice = await login('inspector.commune');
    const rotated = await refreshed(stolen.refreshToken);
    expect(await liveSessions('inspector.commune')).toBe(2);

    expect(codesOf(await refresh(stolen.refreshToken))).toEqual(['UNAUTHENTICATED']);

    expect(await liveSessions('inspector.commune')).toBe(0);
    expect(codesOf(await refresh(rotated.refreshToken))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await refresh(otherDevice.refreshToken))).toEqual(['UNAUTHENTICATED']);
  });

  test('reuse revokes only the sessions of that account', async () => {
    const bystander = await login('analyst.commune');
    const victim = await login('analyst.province');
    await refreshed(victim.refreshToken);
    await refresh(victim.refreshToken);
    expect((await refreshed(bystander.refreshToken)).refreshToken).toBeTruthy();
  });

  test('concurrent refreshes with one token: exactly one succeeds, the others count as reuse', async () => {
    const { refreshToken } = await login('organizer.province');
    const results = await Promise.all([refresh(refreshToken), refresh(refreshToken), refresh(refreshToken)]);
    expect(results.filter((r) => r.data?.refreshAccessToken)).toHaveLength(1);
    expect(results.flatMap((r) => codesOf(r))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  test('an unknown refresh token is UNAUTHENTICATED', async () => {
    expect(codesOf(await refresh('no-such-refresh-token'))).toEqual(['UNAUTHENTICATED']);
  });

  test('an expired refresh token is UNAUTHENTICATED', async () => {
    const { refreshToken } = await login('admin.cell');
    await app.sql("update refresh_token set expires_at = now() - interval '1 second' where token_hash = ?", [sha256(refreshToken)]);
    expect(codesOf(await refresh(refreshToken))).toEqual(['UNAUTHENTICATED']);
  });

  test('the refresh token of an account disabled since is UNAUTHENTICATED', async () => {
    const { refreshToken } = await login('admin.commune');
    await app.sql("update account set active = false where username = 'admin.commune'");
    try {
      expect(codesOf(await refresh(refreshToken))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await app.sql("update account set active = true where username = 'admin.commune'");
    }
  });

  test('only the hash of a refresh token is stored', async () => {
    const { refreshToken } = await login('organizer.province');
    const rows = await app.sql<{ token_hash: string }>('select token_hash from refresh_token');
    expect(rows.map((r) => r.token_hash)).toContain(sha256(refreshToken));
    expect(rows.map((r) => r.token_hash)).not.toContain(refreshToken);
  });
});

describe('logout', () => {
  test('logout revokes the refresh token and answers true', async () => {
    const { refreshToken } = await login('inspector.province');
    expect((await logout(refreshToken)).data).toEqual({ logout: true });
    expect(codesOf(await refresh(refreshToken))).toEqual(['UNAUTHENTICATED']);
  });

  test('logging out twice answers false the second time', async () => {
    const { refreshToken } = await login('inspector.cell');
    await logout(refreshToken);
    expect((await logout(refreshToken)).data).toEqual({ logout: false });
  });

  test('logout of an unknown token answers false', async () => {
    expect((await logout('no-such-refresh-token')).data).toEqual({ logout: false });
  });

  test('logout ends only its own session', async () => {
    const phone = await login('analyst.cell');
    const laptop = await login('analyst.cell');
    await logout(phone.refreshToken);
    expect((await refreshed(laptop.refreshToken)).refreshToken).toBeTruthy();
  });
});
