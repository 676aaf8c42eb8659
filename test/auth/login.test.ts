// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): accounts and sign-in
import type { RunningServer } from '../../src/server';
import { toGlobalId } from '../../src/services/global-id';
import { FIXTURE_PASSWORD } from '../support/fixture';
import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { bearer, codesOf, LOGIN, loginOverHttp, postGraphQL, startHttpServer } from '../http/http-client';

/** Signing in with username and password over GraphQL. */
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

const VIEWER = '{ viewer { account { username kind } } }';

async function failedLogin(username: string, password: string): Promise<GqlResult> {
  const { body } = await postGraphQL(server, LOGIN, { username, password });
  expect(body.data ?? null).toBeNull();
  return body;
}

test('the right password returns an access token and a refresh token', async () => {
  const tokens = await loginOverHttp(server, 'organizer.commune');
  expect(tokens.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(tokens.refreshToken.length).toBeGreaterThanOrEqual(40);
});

test('the access token works as an Authorization: Bearer header', async () => {
  const { accessToken } = await loginOverHttp(server, 'organizer.commune');
  const { status, body } = await postGraphQL(server, VIEWER, undefined, bearer(accessToken));
  expect(status).toBe(200);
  expect(body).toEqual({ data: { viewer: { account: { username: 'organizer.commune', kind: 'PERSON' } } } });
});

test('the username is not case-sensitive and surrounding spaces are ignored', async () => {
  const tokens = await loginOverHttp(server, '  Organizer.Commune ');
  const { body } = await postGraphQL(server, VIEWER, undefined, bearer(tokens.accessToken));
  expect(body.data).toEqual({ viewer: { account: { username: 'organizer.commune', kind: 'PERSON' } } });
});

test('a successful login records the time of the last login', async () => {
  await loginOverHttp(server, 'inspector.commune');
  const [row] = await app.sql<{ recent: boolean }>("select last_login_at > now() - interval '1 minute' as recent from account where username = 'inspector.commune'");
  expect(row.recent).toBe(true);
});

test('a wrong password is UNAUTHENTICATED', async () => {
  expect(codesOf(await failedLogin('analyst.commune', 'not-the-password'))).toEqual(['UNAUTHENTICATED']);
});

test('an unknown username is UNAUTHENTICATED', async () => {
  expect(codesOf(await failedLogin('nobody.anywhere', FIXTURE_PASSWORD))).toEqual(['UNAUTHENTICATED']);
});

test('a disabled account with the right password is UNAUTHENTICATED', async () => {
  await app.sql("update account set active = false where username = 'analyst.cell'");
  try {
    expect(codesOf(await failedLogin('analyst.cell', FIXTURE_PASSWORD))).toEqual(['UNAUTHENTICATED']);
  } finally {
    await app.sql("update account set active = true where username = 'analyst.cell'");
  }
});

test('wrong password, unknown user and disabled account answer identically (code and message)', async () => {
  await app.sql("update account set active = false where username = 'inspector.cell'");
  try {
    const wrongPassword = await failedLogin('inspector.province', 'not-the-password');
    const unknownUser = await failedLogin('nobody.at.all', FIXTURE_PASSWORD);
    const disabled = await failedLogin('inspector.cell', FIXTURE_PASSWORD);
    expect(wrongPassword.errors).toHaveLength(1);
    expect(unknownUser).toEqual(wrongPassword);
    expect(disabled).toEqual(wrongPassword);
  } finally {
    await app.sql("update account set active = true where username = 'inspector.cell'");
  }
});

test('a service account cannot log in with a password', async () => {
  const [{ id }] = await app.sql<{ id: number }>("select id from account where kind = 'SERVICE' limit 1");
  await app.sql("update account set username = 'service.province' where id = ?", [id]);
  try {
    expect(codesOf(await failedLogin('service.province', FIXTURE_PASSWORD))).toEqual(['UNAUTHENTICATED']);
  } finally {
    await app.sql('update account set username = null where id = ?', [id]);
  }
});

test('password hashes are stored as argon2id', async () => {
  const rows = await app.sql<{ password_hash: string }>("select password_hash from account where kind = 'PERSON'");
  expect(rows.length).toBeGreaterThan(0);
  for (const { password_hash } of rows) expect(password_hash).toMatch(/^\$argon2id\$/);
});

test('an account created through the API gets an argon2id hash, never the password itself', async () => {
  const password = 'a-brand-new-password-42';
  const result = await app.run('admin:commune', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { username } }', {
    input: { username: 'new.clerk', password, displayName: 'Cán bộ mới', homeUnitId: toGlobalId('OrgUnit', app.fixture.units.commune.id) },
  });
  expect(result.errors).toBeUndefined();
  const [row] = await app.sql<{ password_hash: string }>("select password_hash from account where username = 'new.clerk'");
  expect(row.password_hash).toMatch(/^\$argon2id\$/);
  expect(row.password_hash).not.toContain(password);
  const tokens = await loginOverHttp(server, 'new.clerk', password);
  expect(tokens.accessToken).toBeTruthy();
});
