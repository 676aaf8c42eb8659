import type { RunningServer } from '../../src/server';
import { ConfigError, loadConfig } from '../../src/config';
import { createTestApp, TEST_ENV, type TestApp } from '../support/test-app';
import { bearer, loginOverHttp, startHttpServer } from './http-client';

/**
 * CORS as a browser does it (issue #17 item 1), at the level of the headers: the preflight a
 * page at another origin sends before a JSON POST with a token, then the request itself. The
 * same from Chromium is the manual check of docs/clients.md.
 */
const APP_ORIGIN = 'https://app.example.vn';
const DEV_PAGE = 'http://localhost:5173';
const OTHER_ORIGIN = 'https://evil.example';

let app: TestApp;
let server: RunningServer;
let production: RunningServer;
beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app, { CORS_ORIGINS: APP_ORIGIN });
  production = await startHttpServer(app, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), CORS_ORIGINS: `${APP_ORIGIN}, https://admin.example.vn` });
});
afterAll(async () => {
  await production?.stop();
  await server?.stop();
  await app?.close();
});

/** What Chromium sends before a POST with `Content-Type: application/json` and an Authorization header. */
function preflight(target: RunningServer, origin: string, path = '/graphql'): Promise<Response> {
  return fetch(`${target.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,idempotency-key' },
  });
}

const corsHeaders = (response: Response): Record<string, string | null> => ({
  allowOrigin: response.headers.get('access-control-allow-origin'),
  allowCredentials: response.headers.get('access-control-allow-credentials'),
});

/** The browser's check of a preflight: its origin allowed, and each method and header it asked for. */
function browserWouldSend(response: Response, origin: string, headers: readonly string[]): boolean {
  const allowedHeaders = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
  const methods = (response.headers.get('access-control-allow-methods') ?? '').split(/\s*,\s*/);
  return response.ok && response.headers.get('access-control-allow-origin') === origin && methods.includes('POST') && headers.every((h) => allowedHeaders.includes(h));
}

describe('a listed origin', () => {
  test('its preflight is answered 204 before the CSRF check, allowing POST with the JSON, token and idempotency headers', async () => {
    const response = await preflight(server, APP_ORIGIN);
    expect(response.status).toBe(204);
    expect(browserWouldSend(response, APP_ORIGIN, ['content-type', 'authorization', 'idempotency-key'])).toBe(true);
    // Tokens travel in headers, never cookies: no credentials mode.
    expect(corsHeaders(response)).toEqual({ allowOrigin: APP_ORIGIN, allowCredentials: null });
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  test('its POST is answered with the origin allowed and the request id readable by the page', async () => {
    const { accessToken } = await loginOverHttp(server, 'organizer.commune');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json', ...bearer(accessToken) },
      body: JSON.stringify({ query: '{ viewer { account { username } } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ viewer: { account: { username: 'organizer.commune' } } });
    expect(corsHeaders(response)).toEqual({ allowOrigin: APP_ORIGIN, allowCredentials: null });
    expect(response.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['X-Request-Id', 'Retry-After', 'Content-Disposition']));
  });

  test('a GET query needs the Apollo-Require-Preflight header (CSRF prevention stays on)', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const refused = await fetch(url, { headers: { origin: APP_ORIGIN } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
    const answered = await fetch(url, { headers: { origin: APP_ORIGIN, 'apollo-require-preflight': 'true' } });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  test('the export routes and the health checks answer it too', async () => {
    for (const path of ['/export/members.csv', '/healthz', '/openapi.json']) {
      const response = await preflight(server, APP_ORIGIN, path);
      expect([path, response.status, response.headers.get('access-control-allow-origin')]).toEqual([path, 204, APP_ORIGIN]);
    }
  });
});

test('an origin not listed gets no Access-Control-Allow-Origin: the browser stops at the preflight', async () => {
  const response = await preflight(server, OTHER_ORIGIN);
  expect(browserWouldSend(response, OTHER_ORIGIN, ['content-type'])).toBe(false);
  expect(corsHeaders(response).allowOrigin).toBeNull();
  const post = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { origin: OTHER_ORIGIN, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  expect(corsHeaders(post).allowOrigin).toBeNull();
});

test('a request without Origin (a server, curl) carries no CORS headers', async () => {
  const response = await fetch(`${server.url}/openapi.json`);
  expect(response.status).toBe(200);
  expect(corsHeaders(response).allowOrigin).toBeNull();
  // A cache keeping this answer must not give it to a listed page.
  expect(response.headers.get('vary')).toMatch(/Origin/);
});

describe('localhost pages', () => {
  test.each([DEV_PAGE, 'http://127.0.0.1:3000', 'http://localhost'])('%s is allowed outside production', async (origin) => {
    const response = await preflight(server, origin);
    expect(browserWouldSend(response, origin, ['content-type', 'authorization'])).toBe(true);
  });

  test('look-alike hosts are not localhost', async () => {
    for (const origin of ['http://localhost.evil.example', 'http://evil.example/?localhost:3000', 'http://127.0.0.1.evil.example']) {
      expect(corsHeaders(await preflight(server, origin)).allowOrigin).toBeNull();
    }
  });

  test('are not allowed in production, where only CORS_ORIGINS is', async () => {
    expect(corsHeaders(await preflight(production, DEV_PAGE)).allowOrigin).toBeNull();
    for (const origin of [APP_ORIGIN, 'https://admin.example.vn']) {
      expect(browserWouldSend(await preflight(production, origin), origin, ['content-type', 'authorization'])).toBe(true);
    }
  });
});

describe('CORS_ORIGINS', () => {
  const load = (value: string) => loadConfig({ ...TEST_ENV, CORS_ORIGINS: value }).corsOrigins;

  test('none by default', () => {
    expect(loadConfig({ ...TEST_ENV }).corsOrigins).toEqual([]);
    expect(loadConfig({ ...TEST_ENV, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).corsOrigins).toEqual([]);
  });

  test('origins as browsers send them: trimmed, a trailing slash and upper-case host letters allowed', () => {
    expect(load(' https://App.Example.vn/ ,http://10.0.0.5:8080,')).toEqual(['https://app.example.vn', 'http://10.0.0.5:8080']);
  });

  test.each(['*', 'app.example.vn', 'https://app.example.vn/path', 'ftp://app.example.vn', 'https://user@app.example.vn'])('refuses %s', (value) => {
    expect(() => load(value)).toThrow(ConfigError);
  });
});
