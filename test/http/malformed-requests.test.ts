import type { RunningServer } from '../../src/server';
import { createTestApp, type TestApp } from '../support/test-app';
import { startHttpServer } from './http-client';

/** Malformed and oversized bodies answer GraphQL JSON errors, never an HTML page or a stack, in every mode (issue #15). */
let app: TestApp;
let development: RunningServer;
let production: RunningServer;
beforeAll(async () => {
  app = await createTestApp();
  [development, production] = await Promise.all([
    startHttpServer(app, { NODE_ENV: 'development' }),
    startHttpServer(app, { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' }),
  ]);
});
afterAll(async () => {
  await Promise.all([development?.stop(), production?.stop()]);
  await app?.close();
});

async function post(server: RunningServer, body: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe.each([['development', () => development], ['production', () => production]] as const)('in %s', (_mode, server) => {
  test('malformed JSON: 400 BAD_REQUEST as JSON, no stack', async () => {
    const answer = await post(server(), '{"query": "{ viewer { account { id } } }"');
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expect(answer.text).not.toMatch(/at .*\.js|<html|<pre/i);
  });

  test('a body over the limit: 413 BAD_REQUEST as JSON', async () => {
    const answer = await post(server(), JSON.stringify({ query: '{ viewer { account { id } } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'The request body is too large', extensions: { code: 'BAD_REQUEST' } }] });
  });

  test('a subscription operation: a clear client error, not INTERNAL_SERVER_ERROR', async () => {
    const answer = await post(server(), JSON.stringify({ query: 'subscription { changes }' }));
    const body = JSON.parse(answer.text) as { errors: Array<{ extensions: { code: string } }> };
    expect(answer.status).toBe(400);
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
