import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { signAccessToken } from '../../src/auth/tokens';
import { createRequestContext, type IncomingCredentials } from '../../src/context-factory';
import { createGraphQLServer, type ServerContext } from '../../src/graphql-server';
import { FIXTURE_API_KEY, FIXTURE_PASSWORD, type AccountName } from '../support/fixture';
import { gid } from '../support/permission-cases';
import { createTestApp, outlastViewerCache, type GqlResult, type TestApp } from '../support/test-app';

/**
 * From credentials to viewer: no credentials is anonymous (and meets the shield's FORBIDDEN),
 * bad credentials are UNAUTHENTICATED, never silently anonymous, and a revoked role or a disabled
 * account stops working: at once through the API (test/auth/viewer-cache.test.ts), and within the
 * caller cache's bound when changed outside it, as below (decisions.md §41).
 */
let app: TestApp;
let apollo: ApolloServer<ServerContext>;
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  app = await createTestApp();
  apollo = createGraphQLServer(app.config);
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await app.close();
});

/** Runs an operation with raw credentials, as the HTTP layer would; a rejected context is returned as its error. */
async function runWith(credentials: IncomingCredentials, query: string): Promise<GqlResult | { contextError: unknown }> {
  let contextValue: ServerContext;
  try {
    contextValue = await createRequestContext(app.orm, app.config, logger, 'identity-test', credentials);
  } catch (error) {
    return { contextError: (error as { extensions?: { code?: unknown } }).extensions?.code };
  }
  const response = await apollo.executeOperation({ query }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
  return response.body.singleResult as GqlResult;
}

const bearer = (account: AccountName): IncomingCredentials => ({
  authorization: `Bearer ${signAccessToken(app.fixture.accounts[account], app.config.jwtSecret, 300).token}`,
});
const codes = (result: GqlResult | { contextError: unknown }): unknown[] => ('contextError' in result ? [result.contextError] : (result.errors ?? []).map((e) => e.extensions?.code));

describe('credentials', () => {
  test('no credentials: anonymous, viewer is null', async () => {
    expect(await runWith({}, '{ viewer { account { id } } }')).toEqual({ data: { viewer: null } });
  });

  test('no credentials: every other root field asks to sign in (UNAUTHENTICATED), unlike a signed-in caller without the right', async () => {
    expect(codes(await runWith({}, '{ roles { role } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await runWith({}, '{ orgUnits { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
  });

  test('a valid access token: the account, with its roles', async () => {
    const result = await runWith(bearer('organizer:commune'), '{ viewer { account { id } } orgUnits { totalCount } }');
    expect(result).toEqual({ data: { viewer: { account: { id: gid('Account', app.fixture.accounts['organizer:commune']) } }, orgUnits: { totalCount: 3 } } });
  });

  test('a forged or garbled access token is UNAUTHENTICATED, not anonymous', async () => {
    expect(codes(await runWith({ authorization: 'Bearer not-a-token' }, '{ viewer { account { id } } }'))).toEqual(['UNAUTHENTICATED']);
    const forged = signAccessToken(app.fixture.accounts['admin:national'], 'another-secret-another-secret-0123456', 300).token;
    expect(codes(await runWith({ authorization: `Bearer ${forged}` }, '{ viewer { account { id } } }'))).toEqual(['UNAUTHENTICATED']);
  });

  test('anonymous may call login (an explicit allow): wrong credentials are UNAUTHENTICATED, not FORBIDDEN', async () => {
    expect(codes(await runWith({}, 'mutation { login(username: "admin.national", password: "wrong-password-1") { accessToken } }'))).toEqual(['UNAUTHENTICATED']);
  });

  test('anonymous may log in and then act with the roles of the account', async () => {
    const login = await runWith({}, `mutation { login(username: "organizer.cell", password: "${FIXTURE_PASSWORD}") { accessToken } }`);
    const token = ((login as GqlResult).data?.login as { accessToken: string }).accessToken;
    expect(await runWith({ authorization: `Bearer ${token}` }, '{ orgUnits { totalCount } }')).toEqual({ data: { orgUnits: { totalCount: 1 } } });
  });

  test('an unknown scheme is UNAUTHENTICATED', async () => {
    expect(codes(await runWith({ authorization: 'Basic YWRtaW46YWRtaW4=' }, '{ viewer { account { id } } }'))).toEqual(['UNAUTHENTICATED']);
  });

  test('the fixture API key is the province service account: statistics readers see units, not members', async () => {
    const result = await runWith({ apiKey: FIXTURE_API_KEY }, '{ viewer { account { id } } orgUnits { totalCount } }');
    expect(result).toEqual({ data: { viewer: { account: { id: gid('Account', app.fixture.accounts['service:province']) } }, orgUnits: { totalCount: 6 } } });
    expect(codes(await runWith({ authorization: `ApiKey ${FIXTURE_API_KEY}` }, '{ members { totalCount } }'))).toEqual(['FORBIDDEN']);
  });

  test('a wrong API key secret is UNAUTHENTICATED', async () => {
    const wrong = FIXTURE_API_KEY.slice(0, -1) + (FIXTURE_API_KEY.endsWith('k') ? 'j' : 'k');
    expect(codes(await runWith({ apiKey: wrong }, '{ viewer { account { id } } }'))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('roles changed outside the API are read fresh once the caller cache\'s bound has passed', () => {
  test('a token issued before a revocation no longer carries the revoked role', async () => {
    const credentials = bearer('inspector:cell');
    expect(codes(await runWith(credentials, '{ members { totalCount } }'))).toEqual([]);
    await app.sql('update role_assignment set revoked_at = now() where account_id = ?', [app.fixture.accounts['inspector:cell']]);
    await outlastViewerCache();
    expect(codes(await runWith(credentials, '{ members { totalCount } }'))).toEqual(['FORBIDDEN']);
    expect(await runWith(credentials, '{ viewer { roleAssignments { role } } }')).toEqual({ data: { viewer: { roleAssignments: [] } } });
  });

  test('a disabled account is UNAUTHENTICATED even with a valid token', async () => {
    const credentials = bearer('analyst:cell');
    expect(codes(await runWith(credentials, '{ orgUnits { totalCount } }'))).toEqual([]);
    await app.sql('update account set active = false where id = ?', [app.fixture.accounts['analyst:cell']]);
    await outlastViewerCache();
    expect(codes(await runWith(credentials, '{ orgUnits { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
  });

  test('a revoked API key is UNAUTHENTICATED', async () => {
    await app.sql('update api_key set revoked_at = now() where account_id = ?', [app.fixture.accounts['service:province']]);
    await outlastViewerCache();
    expect(codes(await runWith({ apiKey: FIXTURE_API_KEY }, '{ viewer { account { id } } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
