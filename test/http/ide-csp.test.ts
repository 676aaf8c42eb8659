import type { RunningServer } from '../../src/server';
import { createTestApp, type TestApp } from '../support/test-app';
import { startHttpServer } from './http-client';

/** Issue #15: the IDE page answers with a strict Content-Security-Policy that still lets Altair's own scripts run. */
let app: TestApp;
let server: RunningServer;

beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app, { GRAPHQL_IDE: 'true' });
});
afterAll(async () => {
  await server?.stop();
  await app?.close();
});

async function idePage(): Promise<{ csp: Map<string, string[]>; html: string; response: Response }> {
  const response = await fetch(`${server.url}/ide/`);
  const header = response.headers.get('content-security-policy') ?? '';
  const csp = new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0] !== '').map(([name, ...values]) => [name, values] as const));
  return { csp, html: await response.text(), response };
}

test('the policy allows only the same origin, no framing, no base or plugins', async () => {
  const { csp, response } = await idePage();
  expect(response.status).toBe(200);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  for (const directive of ['script-src', 'style-src']) {
    const sources = csp.get(directive) ?? [];
    expect(sources).toContain("'self'");
    expect(sources.filter((s) => !/^'(self|nonce-[A-Za-z0-9+/]+=*)'$/.test(s))).toEqual([]); // no 'unsafe-inline', no host
  }
  // A page carrying a nonce must not be served again from a cache.
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test("every inline script and style of the page carries the response's nonce, and nothing runs inline without one", async () => {
  const { csp, html } = await idePage();
  const nonce = /^'nonce-(.+)'$/.exec(csp.get('script-src')?.find((s) => s.startsWith("'nonce-")) ?? '')?.[1];
  expect(nonce).toBeDefined();
  expect(csp.get('style-src')).toContain(`'nonce-${nonce}'`);
  const inline = [...html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g)].filter(([, tag, attrs, body]) => tag === 'style' || (!/\bsrc=/.test(attrs) && body.trim() !== ''));
  expect(inline.length).toBeGreaterThanOrEqual(2); // Altair's loading style and its init script
  for (const [, , attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`);
  // Altair passes the nonce on to the styles it adds at run time (Angular's CSP_NONCE).
  expect(html).toContain(`cspNonce: \`${nonce}\``);
  expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // nothing from another origin
});

test('each response has its own nonce', async () => {
  const nonces = await Promise.all([idePage(), idePage()].map(async (p) => (await p).csp.get('script-src')?.find((s) => s.startsWith("'nonce-"))));
  expect(nonces[0]).toBeDefined();
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('/ide redirects to /ide/, so the page resolves its assets without <base> (base-uri none)', async () => {
  const response = await fetch(`${server.url}/ide`, { redirect: 'manual' });
  expect(response.status).toBe(301);
  expect(response.headers.get('location')).toBe('/ide/');
});
