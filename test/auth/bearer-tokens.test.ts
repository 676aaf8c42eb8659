import jwt from 'jsonwebtoken';
import type { RunningServer } from '../../src/server';
import { signAccessToken } from '../../src/auth/tokens';
import { createTestApp, TEST_ENV, type TestApp } from '../support/test-app';
import { bearer, codesOf, loginOverHttp, postGraphQL, startHttpServer } from '../http/http-client';

/** Bad credentials are refused with 401 UNAUTHENTICATED, never treated as anonymous. */
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

const VIEWER = '{ viewer { account { username } } }';
const CLAIMS = { issuer: 'chibo', audience: 'chibo-api', algorithm: 'HS256' as const };

async function expectRefused(headers: Record<string, string>): Promise<void> {
  const { status, body } = await postGraphQL(server, VIEWER, undefined, headers);
  expect(status).toBe(401);
  expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
  expect(body.data ?? null).toBeNull();
}

test('no credentials at all is anonymous: viewer is null (control)', async () => {
  const { status, body } = await postGraphQL(server, VIEWER);
  expect(status).toBe(200);
  expect(body).toEqual({ data: { viewer: null } });
});

test('a freshly signed token is accepted (control)', async () => {
  const { token } = signAccessToken(app.fixture.accounts['organizer:cell'], TEST_ENV.JWT_SECRET, 60);
  const { body } = await postGraphQL(server, VIEWER, undefined, bearer(token));
  expect(body).toEqual({ data: { viewer: { account: { username: 'organizer.cell' } } } });
});

test('a garbage bearer token is refused', async () => {
  await expectRefused(bearer('not-a-token'));
});

test('an expired access token is refused', async () => {
  const token = jwt.sign({ typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_ENV.JWT_SECRET, { ...CLAIMS, subject: String(app.fixture.accounts['organizer:cell']) });
  await expectRefused(bearer(token));
});

test('a token signed with another secret is refused', async () => {
  const { token } = signAccessToken(app.fixture.accounts['organizer:cell'], 'another-secret-another-secret-another-secret', 60);
  await expectRefused(bearer(token));
});

test('an unsigned token (alg none) is refused', async () => {
  const token = jwt.sign({ typ: 'access' }, '', { algorithm: 'none', issuer: 'chibo', audience: 'chibo-api', subject: String(app.fixture.accounts['admin:national']) });
  await expectRefused(bearer(token));
});

test('a token that is not an access token is refused', async () => {
  const token = jwt.sign({ typ: 'refresh' }, TEST_ENV.JWT_SECRET, { ...CLAIMS, subject: String(app.fixture.accounts['organizer:cell']), expiresIn: 60 });
  await expectRefused(bearer(token));
});

test('a token for another audience is refused', async () => {
  const token = jwt.sign({ typ: 'access' }, TEST_ENV.JWT_SECRET, { ...CLAIMS, audience: 'someone-else', subject: String(app.fixture.accounts['organizer:cell']), expiresIn: 60 });
  await expectRefused(bearer(token));
});

test('a refresh token sent as a bearer token is refused', async () => {
  const { refreshToken } = await loginOverHttp(server, 'inspector.cell');
  await expectRefused(bearer(refreshToken));
});

test('a valid token of an account disabled since is refused at once', async () => {
  const { accessToken } = await loginOverHttp(server, 'analyst.cell');
  await app.sql("update account set active = false where username = 'analyst.cell'");
  try {
    await expectRefused(bearer(accessToken));
  } finally {
    await app.sql("update account set active = true where username = 'analyst.cell'");
  }
});

test('a token of an account that does not exist is refused', async () => {
  const { token } = signAccessToken(987654, TEST_ENV.JWT_SECRET, 60);
  await expectRefused(bearer(token));
});

test.each([
  ['Bearer with no token', 'Bearer'],
  ['an unknown scheme', 'Basic dXNlcjpwYXNz'],
  ['a bare token without scheme', 'eyJhbGciOiJIUzI1NiJ9.e30.x'],
])('an Authorization header with %s is refused', async (_case, authorization) => {
  await expectRefused({ authorization });
});
