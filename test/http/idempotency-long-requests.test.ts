import { Client } from 'pg';
import { KEY_LOCKS, keyLockId } from '../../src/idempotency/key-locks';
import type { RunningServer } from '../../src/server';
import { FIXTURE_API_KEY } from '../support/fixture';
import { insertAssignment, rowCount } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { gid } from '../validation/support';
import { startHttpServer } from './http-client';

/**
 * Issue #16 item 4: a keyed request that runs longer than IDEMPOTENCY_LOCK_SECONDS (1 s here) is
 * still never run a second time beside itself, by this server or by another process on the same
 * database; its key is freed when its process dies; a replay is the first answer byte for byte.
 */
let app: TestApp;
let servers: RunningServer[];

beforeAll(async () => {
  app = await createTestApp();
  await insertAssignment(app.sql, app.fixture, app.fixture.accounts['service:province'], 'ORGANIZER', 'province');
  // Two servers on one database: two processes of a deployment (cluster workers, replicas).
  const env = { IDEMPOTENCY_LOCK_SECONDS: '1' };
  servers = [await startHttpServer(app, env), await startHttpServer(app, env)];
});
afterAll(async () => {
  for (const server of servers ?? []) await server.stop();
  await app?.close();
});

// Fields in an order jsonb would not keep (it sorts keys by length: id, version, fullName).
const CREATE = 'mutation Create($input: CreateMemberInput!) { createMember(input: $input) { version fullName id } }';
let keys = 0;
const newKey = (): string => `long-${process.pid}-${(keys += 1)}`;
const memberInput = (fullName: string): Record<string, unknown> => ({
  input: { unitId: gid('OrgUnit', app.fixture.units.school.id), fullName, gender: 'MALE', ethnicity: 'Giáy', admissionDate: '2021-05-05' },
});

interface RawResponse {
  readonly status: number;
  readonly replayed: string | null;
  readonly text: string;
}

/** The response as sent: status, the replay header and the body's exact text. */
async function send(server: RunningServer, fullName: string, key: string): Promise<RawResponse> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `ApiKey ${FIXTURE_API_KEY}`, 'idempotency-key': key },
    body: JSON.stringify({ query: CREATE, variables: memberInput(fullName) }),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), text: await response.text() };
}

const errorOf = (r: RawResponse): Record<string, unknown> => {
  const body = JSON.parse(r.text) as { errors?: Array<{ extensions: Record<string, unknown> }> };
  expect(body.errors).toHaveLength(1);
  return { status: r.status, ...body.errors?.[0].extensions };
};
const members = (fullName: string): Promise<number> => rowCount(app.sql, 'member', 'full_name = ?', [fullName]);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitForKey(key: string): Promise<void> {
  for (let i = 0; i < 250 && (await rowCount(app.sql, 'idempotency_key', 'key = ?', [key])) === 0; i += 1) await sleep(20);
}

/** Holds the province's audit chain: a write of the province stops at its audit entry until released. */
async function holdAuditChain(): Promise<Client> {
  const blocker = new Client({ connectionString: app.databaseUrl });
  await blocker.connect();
  await blocker.query('begin');
  // The chain's row exists once the province wrote; if not yet, this transaction's row blocks as well.
  await blocker.query('insert into audit_chain (chain_key) values ($1) on conflict (chain_key) do nothing', [app.fixture.units.province.id]);
  await blocker.query('select 1 from audit_chain where chain_key = $1 for update', [app.fixture.units.province.id]);
  return blocker;
}

describe('a keyed request that outlives IDEMPOTENCY_LOCK_SECONDS', () => {
  test('retries beside it, on either server, answer CONFLICT retryable and run nothing; the request writes once', async () => {
    const name = 'Sần Văn Chạy Lâu';
    const key = newKey();
    const auditsBefore = await rowCount(app.sql, 'audit_entry');
    const blocker = await holdAuditChain();
    let first: Promise<RawResponse> | undefined;
    try {
      first = send(servers[0], name, key);
      await waitForKey(key);
      // Past the lease: before this fix, a retry now took the key and ran beside the first request.
      await sleep(1300);
      expect(await rowCount(app.sql, 'idempotency_key', 'key = ? and locked_until < now()', [key])).toBe(1);
      const retries = await Promise.all(Array.from({ length: 20 }, (_, i) => send(servers[i % 2], name, key)));
      for (const retry of retries) {
        expect(errorOf(retry)).toMatchObject({ status: 409, code: 'CONFLICT', field: 'Idempotency-Key', retryable: true });
      }
    } finally {
      await blocker.query('commit');
      await blocker.end();
    }
    const answer = await first;
    expect(answer?.status).toBe(200);
    expect(JSON.parse(answer?.text ?? '{}').errors).toBeUndefined();
    // Give a retry that had slipped through time to commit: none must have.
    await sleep(200);
    expect(await members(name)).toBe(1);
    expect(await rowCount(app.sql, 'audit_entry')).toBe(auditsBefore + 1);
  });

  test('a replay, on either server and many at once, is the first answer byte for byte', async () => {
    const name = 'Sần Văn Đúng Từng Byte';
    const key = newKey();
    const first = await send(servers[0], name, key);
    expect(first.status).toBe(200);
    expect(first.text).toMatch(/^\{"data":\{"createMember":\{"version":1,"fullName":"Sần Văn Đúng Từng Byte","id":"[^"]+"\}\}\}\n?$/);
    const replays = await Promise.all(Array.from({ length: 10 }, (_, i) => send(servers[i % 2], name, key)));
    for (const replay of replays) {
      expect(replay.replayed).toBe('true');
      expect(replay.status).toBe(first.status);
      expect(replay.text).toBe(first.text);
    }
    expect(await members(name)).toBe(1);
  });
});

describe('a keyed request whose process died', () => {
  test('its key is held while its session lives, even past the lease, and may be taken after the lease once the session is gone', async () => {
    const name = 'Sần Văn Tiến Trình Chết';
    const key = newKey();
    expect((await send(servers[0], name, key)).status).toBe(200);
    // As another process would leave it while it still runs: the row in progress, its lease run out, the key's lock held by its session.
    await app.sql("update idempotency_key set state = 'IN_PROGRESS', response = null, locked_until = now() - interval '1 second' where key = ?", [key]);
    const owner = new Client({ connectionString: app.databaseUrl });
    await owner.connect();
    await owner.query('select pg_advisory_lock($1, $2)', [KEY_LOCKS, keyLockId(app.fixture.accounts['service:province'], key)]);
    try {
      expect(errorOf(await send(servers[1], name, key))).toMatchObject({ status: 409, code: 'CONFLICT', retryable: true });
      expect(await members(name)).toBe(1);
    } finally {
      // The process dies: PostgreSQL ends its session and frees the lock.
      await owner.end();
    }
    const taken = await send(servers[1], name, key);
    expect(taken.status).toBe(200);
    expect(taken.replayed).toBeNull();
    // A dead request's key is run again after its lease (decisions.md §45): it had written once already.
    expect(await members(name)).toBe(2);
  });
});
