import { createOrm } from '../../src/db/orm';
import type { RunningServer } from '../../src/server';
import { rowCount } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { gid } from '../validation/support';
import { bearer, loginOverHttp, postGraphQL, startHttpServer, type GqlResponse } from './http-client';

/**
 * Issue #16 item 3: every request has a deadline. The server's connections carry statement_timeout
 * and idle_in_transaction_session_timeout; a GraphQL request past REQUEST_TIMEOUT_MS is answered
 * 503 TIMEOUT (retryable, Retry-After) and its write is rolled back; a statement past
 * statement_timeout answers the same. Slowness comes from a trigger of this file's own database
 * that sleeps while inserting a member whose name starts with "Chậm" (slow).
 */
const REQUEST_TIMEOUT_MS = 1500;
const SLEEP_S = 4;

let app: TestApp;
let deadlineServer: RunningServer;
let statementServer: RunningServer;

beforeAll(async () => {
  app = await createTestApp();
  await app.sql(`create function test_slow_member() returns trigger language plpgsql as $$
    begin
      if new.full_name like 'Chậm%' then perform pg_sleep(${SLEEP_S}); end if;
      return new;
    end $$`);
  await app.sql('create trigger test_slow_member before insert on member for each row execute function test_slow_member()');
  deadlineServer = await startHttpServer(app, { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), DB_STATEMENT_TIMEOUT_MS: '20000', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '15000' });
  statementServer = await startHttpServer(app, { REQUEST_TIMEOUT_MS: '20000', DB_STATEMENT_TIMEOUT_MS: '500' });
});
afterAll(async () => {
  await deadlineServer?.stop();
  await statementServer?.stop();
  await app?.close();
});

const CREATE = 'mutation Create($input: CreateMemberInput!) { createMember(input: $input) { id fullName } }';
const memberInput = (fullName: string): Record<string, unknown> => ({
  input: { unitId: gid('OrgUnit', app.fixture.units.school.id), fullName, gender: 'MALE', ethnicity: 'Giáy', admissionDate: '2021-05-05' },
});
const members = (fullName: string): Promise<number> => rowCount(app.sql, 'member', 'full_name = ?', [fullName]);

async function create(server: RunningServer, fullName: string): Promise<{ response: GqlResponse; ms: number }> {
  const { accessToken } = await loginOverHttp(server, 'organizer.commune');
  const started = Date.now();
  const response = await postGraphQL(server, CREATE, memberInput(fullName), bearer(accessToken));
  return { response, ms: Date.now() - started };
}

function expectTimeout(response: GqlResponse): void {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('2');
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors?.[0].extensions).toEqual({ code: 'TIMEOUT', retryable: true });
}

test("the server's connections carry the configured timeouts; a CLI's connections none", async () => {
  const show = async (server: RunningServer, setting: string): Promise<unknown> => {
    const [row] = await server.orm.em.fork().getConnection().execute<Record<string, unknown>[]>(`show ${setting}`);
    return row[setting];
  };
  expect(await show(deadlineServer, 'statement_timeout')).toBe('20s');
  expect(await show(deadlineServer, 'idle_in_transaction_session_timeout')).toBe('15s');
  expect(await show(statementServer, 'statement_timeout')).toBe('500ms');
  const cli = await createOrm(app.databaseUrl, 1);
  try {
    const [row] = await cli.em.fork().getConnection().execute<Record<string, unknown>[]>('show statement_timeout');
    expect(row.statement_timeout).toBe('0');
  } finally {
    await cli.close(true);
  }
});

test('a mutation past REQUEST_TIMEOUT_MS: 503 TIMEOUT at the deadline, nothing written, the server serves on', async () => {
  const auditsBefore = await rowCount(app.sql, 'audit_entry');
  const { response, ms } = await create(deadlineServer, 'Chậm Văn Hạn');
  expectTimeout(response);
  // Answered at the deadline, not when the sleeping statement would have ended.
  expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
  expect(ms).toBeLessThan(SLEEP_S * 1000 - 1000);
  expect(await members('Chậm Văn Hạn')).toBe(0);
  expect(await rowCount(app.sql, 'audit_entry')).toBe(auditsBefore);
  // Its session was terminated: nothing of it is left running or holding a transaction.
  const [{ n }] = await app.sql<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and query like '%insert into \"member\"%' and pid <> pg_backend_pid()");
  expect(n).toBe(0);
  const next = await create(deadlineServer, 'Nhanh Văn Sau');
  expect(next.response.status).toBe(200);
  expect(next.response.body.errors).toBeUndefined();
  expect(await members('Nhanh Văn Sau')).toBe(1);
});

test('a statement past DB_STATEMENT_TIMEOUT_MS: 503 TIMEOUT (was INTERNAL_SERVER_ERROR), nothing written', async () => {
  const { response, ms } = await create(statementServer, 'Chậm Thị Lệnh');
  expectTimeout(response);
  expect(ms).toBeLessThan(SLEEP_S * 1000 - 1000);
  expect(await members('Chậm Thị Lệnh')).toBe(0);
});
