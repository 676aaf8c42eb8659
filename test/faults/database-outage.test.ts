import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { createOrm } from '../../src/db/orm';
import { startServer, type RunningServer } from '../../src/server';
import { gid } from '../validation/support';
import { buildFixture, FIXTURE_PASSWORD, type Fixture } from '../support/fixture';
import { TEST_ENV } from '../support/test-app';
import { bearer, LOGIN, postGraphQL, type GqlResponse } from '../http/http-client';
import { ownPostgresPlace, sleep, startEmbeddedChild, type EmbeddedChild } from './support';

/**
 * Issue #16 item 5: during a database outage clients got HTTP 500 (or 200) with
 * INTERNAL_SERVER_ERROR. Now every door answers 503, SERVICE_UNAVAILABLE, retryable: true and
 * Retry-After, and the server recovers by itself when the database is back. The database is an
 * embedded PostgreSQL this file starts (in a child process) on a data directory and port of its
 * own, and stops: never the system server.
 */
let place: Awaited<ReturnType<typeof ownPostgresPlace>>;
let database: EmbeddedChild | undefined;
let server: RunningServer;
let fixture: Fixture;
let token: string;

const ME = '{ viewer { account { username } } }';
const url = (): string => `postgres://postgres:postgres@127.0.0.1:${place.port}/chibo_outage`;

beforeAll(async () => {
  place = await ownPostgresPlace('outage');
  database = await startEmbeddedChild(place.dataDir, place.port);
  const admin = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${place.port}/postgres` });
  await admin.connect();
  await admin.query('create database chibo_outage');
  await admin.end();
  // startServer applies the migrations; the fixture goes in beside them.
  server = await startServer(loadConfig({ ...TEST_ENV, DATABASE_URL: url(), PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  const orm = await createOrm(url(), 1);
  try {
    fixture = await buildFixture(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  const { body } = await postGraphQL(server, LOGIN, { username: 'organizer.commune', password: FIXTURE_PASSWORD });
  token = (body.data?.login as { accessToken: string }).accessToken;
}, 180_000);
afterAll(async () => {
  await server?.stop();
  if (database) {
    database.kill('SIGTERM');
    await database.exited;
  }
  await place?.remove();
});

function expectUnavailable(response: { status: number; headers: Headers; body: GqlResponse['body'] }): void {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('2');
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
}

async function exportMembers(): Promise<{ status: number; headers: Headers; body: GqlResponse['body']; text: string }> {
  const response = await fetch(`${server.url}/export/members.csv?unitId=${encodeURIComponent(gid('OrgUnit', fixture.units.commune.id))}`, { headers: bearer(token) });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as GqlResponse['body']) : {};
  return { status: response.status, headers: response.headers, body: json, text };
}

test('while the database is down: 503 SERVICE_UNAVAILABLE, retryable, Retry-After on every door; back by itself when it returns', async () => {
  // Up: the answers the outage must not turn into 500s.
  expect((await postGraphQL(server, ME, undefined, bearer(token))).status).toBe(200);
  expect((await exportMembers()).status).toBe(200);

  database?.kill('SIGTERM');
  expect(await database?.exited).toBe(0);
  database = undefined;
  // The caller cache (VIEWER_CACHE_MS in tests) lapses: the next request reads the account.
  await sleep(Number(TEST_ENV.VIEWER_CACHE_MS) + 50);

  // A resolver's statement fails (sign-in needs no account to start): was 200 with INTERNAL_SERVER_ERROR.
  expectUnavailable(await postGraphQL(server, LOGIN, { username: 'organizer.commune', password: FIXTURE_PASSWORD }));
  // The caller's account cannot be read while building the context: was 500.
  expectUnavailable(await postGraphQL(server, ME, undefined, bearer(token)));
  // A write.
  expectUnavailable(
    await postGraphQL(server, 'mutation Create($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
      input: { unitId: gid('OrgUnit', fixture.units.school.id), fullName: 'Lò Văn Mất Điện', gender: 'MALE', ethnicity: 'Thái', admissionDate: '2021-05-05' },
    }, bearer(token)),
  );
  // The CSV export: was 500 INTERNAL_SERVER_ERROR.
  expectUnavailable(await exportMembers());
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(503);

  database = await startEmbeddedChild(place.dataDir, place.port);
  const upAt = Date.now();
  let recovered: GqlResponse | undefined;
  for (let i = 0; i < 50; i += 1) {
    recovered = await postGraphQL(server, ME, undefined, bearer(token));
    if (recovered.status === 200) break;
    await sleep(100);
  }
  expect(recovered?.status).toBe(200);
  expect(recovered?.body.data).toEqual({ viewer: { account: { username: 'organizer.commune' } } });
  // No restart of the API: its pool opened new connections by itself.
  expect(Date.now() - upAt).toBeLessThan(2000);
  expect((await exportMembers()).status).toBe(200);
  expect((await postGraphQL(server, LOGIN, { username: 'organizer.commune', password: FIXTURE_PASSWORD })).status).toBe(200);
});
