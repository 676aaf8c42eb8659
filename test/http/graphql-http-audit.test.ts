import { serverAudits, type AuditResult } from 'graphql-http';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { createTestApp, TEST_ENV, type TestApp } from '../support/test-app';

/**
 * The GraphQL-over-HTTP audits of graphql-http, run against the real HTTP server.
 *
 * Known, accepted deviations (not MUST):
 * - Apollo answers request errors (parse, validation, variable coercion) with 400 even when the
 *   client accepts only application/json, where the spec's legacy mode SHOULD use 200.
 * - GET requests in the audits carry no `apollo-require-preflight` header, so Apollo's CSRF
 *   prevention refuses them (400): the MAY audits on GET fail, on purpose.
 */
const ACCEPTED_SHOULD_DEVIATIONS = ['572B', 'FDE2', '7B9B'];

type AuditFail = Exclude<AuditResult, { status: 'ok' }>;
const failed = (r: AuditResult): r is AuditFail => r.status !== 'ok';

function describeFailures(failures: AuditFail[]): string {
  return failures.map((r) => `  ${r.id} ${r.name}\n    ${r.reason} (HTTP ${r.response.status})`).join('\n');
}

/** The audits against a server started with `env` (on top of the test environment). */
function auditServer(mode: string, env: Record<string, string>): void {
  describe(mode, () => {
    let app: TestApp;
    let server: RunningServer;
    let results: AuditResult[];

    beforeAll(async () => {
      app = await createTestApp();
      server = await startServer(loadConfig({ ...TEST_ENV, DATABASE_URL: app.databaseUrl, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', ...env }));
      results = await Promise.all(serverAudits({ url: `${server.url}/graphql`, fetchFn: fetch }).map((audit) => audit.fn()));
    });
    afterAll(async () => {
      await server?.stop();
      await app?.close();
    });

    test('the server passes every MUST audit of the GraphQL over HTTP specification', () => {
      expect(results.length).toBeGreaterThan(30);
      const failures = results.filter(failed).filter((r) => r.name.startsWith('MUST'));
      if (failures.length > 0) throw new Error(`${failures.length} MUST audits failed:\n${describeFailures(failures)}`);
    });

    test('the only SHOULD audits not met are the known 400-instead-of-200 deviations of Apollo', () => {
      const failures = results.filter(failed).filter((r) => r.name.startsWith('SHOULD') && !ACCEPTED_SHOULD_DEVIATIONS.includes(r.id));
      if (failures.length > 0) throw new Error(`${failures.length} SHOULD audits failed:\n${describeFailures(failures)}`);
    });

    test('no failed audit, malformed requests included, was answered with a 5xx status', () => {
      const serverErrors = results.filter(failed).filter((r) => r.response.status >= 500);
      if (serverErrors.length > 0) throw new Error(`answered with 5xx:\n${describeFailures(serverErrors)}`);
    });
  });
}

auditServer('development mode (introspection on)', {});
// Issue #15: the production server (introspection off) must pass the same MUST audits (decision 38).
auditServer('production mode (introspection off)', { NODE_ENV: 'production', LOG_LEVEL: 'silent' });
