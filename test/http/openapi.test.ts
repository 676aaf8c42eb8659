import http from 'node:http';
import type { RunningServer } from '../../src/server';
import { OPENAPI_DOCUMENT } from '../../src/http/openapi';
import { createTestApp, type TestApp } from '../support/test-app';
import { startHttpServer } from './http-client';

/**
 * /openapi.json against the routes the server really mounts (issue #17 item 9): the express app
 * is caught as startServer hands it to http.createServer and its router walked; every route there
 * must be documented, and every documented path and method must be served (not express's 404).
 */
let app: TestApp;
let server: RunningServer;
let expressApp: { router: Router };

interface Layer {
  readonly rawPath?: unknown;
  readonly route?: { readonly path: unknown; readonly methods: Record<string, boolean> };
  readonly handle: { readonly stack?: Layer[] };
}
interface Router {
  readonly stack: Layer[];
}

beforeAll(async () => {
  app = await createTestApp();
  const createServer = jest.spyOn(http, 'createServer');
  try {
    server = await startHttpServer(app);
    expressApp = createServer.mock.calls[0][0] as unknown as { router: Router };
  } finally {
    createServer.mockRestore();
  }
});
afterAll(async () => {
  await server?.stop();
  await app?.close();
});

/** `METHOD /path` of every route, and `* /path` of every handler mounted on a path (Apollo's /graphql). Sub-routers' own middleware (the IDE's static files) count as their mount. */
function mountedRoutes(stack: readonly Layer[], prefix = ''): string[] {
  const found: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const path = `${prefix}${String(layer.route.path)}`.replace(/(.)\/$/, '$1');
      for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${path}`);
    } else if (typeof layer.rawPath === 'string' && layer.rawPath !== '/') {
      found.push(...(layer.handle.stack ? mountedRoutes(layer.handle.stack, `${prefix}${layer.rawPath}`) : [`* ${prefix}${layer.rawPath}`]));
    }
  }
  return [...new Set(found)];
}

const documented = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

test('every route the server mounts is in the document', () => {
  const mounted = mountedRoutes(expressApp.router.stack);
  expect(mounted).toEqual(expect.arrayContaining(['GET /healthz', 'GET /export/members.csv', '* /graphql']));
  const missing = mounted.filter((route) => {
    const [method, path] = route.split(' ');
    // A handler mounted on a path (Apollo, or a router's own middleware) is covered by a documented path at or under it.
    return method === '*' ? !documented.some((d) => d.endsWith(` ${path}`) || d.includes(` ${path}/`)) : !documented.includes(route);
  });
  expect(missing).toEqual([]);
});

test('every documented path and method is served', async () => {
  for (const route of documented) {
    const [method, path] = route.split(' ');
    const response = await fetch(`${server.url}${path}`, { method, headers: { 'apollo-require-preflight': 'true', 'content-type': 'application/json' }, body: method === 'POST' ? '{"query":"{ __typename }"}' : undefined });
    // An unknown path answers express's own 404 page ("Cannot GET …"); an export answers 401 here (no token).
    const text = await response.text();
    expect([route, response.status === 404 && text.includes('Cannot')]).toEqual([route, false]);
  }
});

test('GET /openapi.json serves the document as JSON', async () => {
  const response = await fetch(`${server.url}/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(body.openapi).toBe('3.1.0');
  expect(body).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
});

test('every $ref and every security requirement resolves in the document', () => {
  const text = JSON.stringify(OPENAPI_DOCUMENT);
  for (const [, ref] of text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) expect(Object.keys(OPENAPI_DOCUMENT.components.schemas)).toContain(ref);
  for (const [, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
    for (const operation of Object.values(item) as Array<{ security?: Array<Record<string, unknown>>; responses: Record<string, unknown> }>) {
      for (const requirement of operation.security ?? []) for (const scheme of Object.keys(requirement)) expect(Object.keys(OPENAPI_DOCUMENT.components.securitySchemes)).toContain(scheme);
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    }
  }
});
