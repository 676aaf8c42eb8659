import type { GraphQLServerOptions } from '../../src/graphql-server';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { FIXTURE_PASSWORD } from '../support/fixture';
import { createTestApp, TEST_ENV, type GqlResult, type TestApp } from '../support/test-app';

/** A real HTTP server (startServer) on the test app's database; stop it in afterAll. */
export function startHttpServer(app: TestApp, env: Record<string, string> = {}, options: GraphQLServerOptions = {}): Promise<RunningServer> {
  return startServer(
    loadConfig({ ...TEST_ENV, DATABASE_URL: app.databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', SQL_STATEMENT_HEADER: 'true', ...env }),
    options,
  );
}

/** A file's test app with a real HTTP server on it: started in beforeAll, stopped in afterAll. */
export function useHttpApp(env: Record<string, string> = {}): { readonly app: TestApp; readonly server: RunningServer } {
  const handle = {} as { app: TestApp; server: RunningServer };
  beforeAll(async () => {
    handle.app = await createTestApp();
    handle.server = await startHttpServer(handle.app, env);
  });
  afterAll(async () => {
    await handle.server?.stop();
    await handle.app?.close();
  });
  return handle;
}

export interface GqlResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: GqlResult;
}

/** POSTs an operation as JSON, the way a browser or an integration does. */
export async function postGraphQL(
  server: RunningServer,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResponse> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GqlResult };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { accessToken refreshToken account { username } }
}`;

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Logs in over HTTP and returns the tokens; throws with the response when it fails. */
export async function loginOverHttp(server: RunningServer, username: string, password = FIXTURE_PASSWORD): Promise<Tokens> {
  const { body } = await postGraphQL(server, LOGIN, { username, password });
  const login = body.data?.login as Tokens | undefined;
  if (!login) throw new Error(`login of ${username} failed: ${JSON.stringify(body)}`);
  return login;
}

/** The code of each error of a response, in order. */
export const codesOf = (body: GqlResult): unknown[] => (body.errors ?? []).map((e) => e.extensions?.code);
