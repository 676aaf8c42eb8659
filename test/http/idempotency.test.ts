import { Client } from 'pg';
import type { RunningServer } from '../../src/server';
import { FIXTURE_API_KEY } from '../support/fixture';
import { insertAssignment, rowCount } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { gid } from '../validation/support';
import { bearer, loginOverHttp, postGraphQL, startHttpServer, type GqlResponse } from './http-client';

/**
 * Idempotency-Key on mutations over HTTP: the first answer is replayed, with nothing run or written
 * again; another operation under the key, or one while the first still runs, is CONFLICT.
 * The integration is the fixture's service account (API key), given ORGANIZER at the province.
 */
let app: TestApp;
let server: RunningServer;
let personToken: string;

beforeAll(async () => {
  app = await createTestApp();
  await insertAssignment(app.sql, app.fixture, app.fixture.accounts['service:province'], 'ORGANIZER', 'province');
  server = await startHttpServer(app);
  personToken = (await loginOverHttp(server, 'organizer.commune')).accessToken;
});
afterAll(async () => {
  await server?.stop();
  await app?.close();
});

const CREATE = 'mutation Create($input: CreateMemberInput!) { createMember(input: $input) { id fullName version } }';
const integration = { authorization: `ApiKey ${FIXTURE_API_KEY}` };
let keys = 0;
const newKey = (): string => `key-${process.pid}-${(keys += 1)}`;

const memberInput = (fullName: string, admissionDate = '2021-05-05'): Record<string, unknown> => ({
  input: { unitId: gid('OrgUnit', app.fixture.units.school.id), fullName, gender: 'MALE', ethnicity: 'Giáy', admissionDate },
});

function send(query: string, variables: Record<string, unknown> | undefined, key: string | null, auth: Record<string, string> = integration): Promise<GqlResponse> {
  return postGraphQL(server, query, variables, { ...auth, ...(key === null ? {} : { 'idempotency-key': key }) });
}

const members = (fullName: string): Promise<number> => rowCount(app.sql, 'member', 'full_name = ?', [fullName]);
const audits = (): Promise<number> => rowCount(app.sql, 'audit_entry');
const storedKeys = (): Promise<number> => rowCount(app.sql, 'idempotency_key');

function keyError(response: GqlResponse): { status: number; code: unknown; field: unknown } {
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors ?? [];
  return { status: response.status, code: error.extensions?.code, field: error.extensions?.field };
}

describe('replay', () => {
  test('the same key and operation twice: the first answer again, marked replayed; one member, one audit entry', async () => {
    const key = newKey();
    const auditsBefore = await audits();
    const first = await send(CREATE, memberInput('Sần Văn Một Lần'), key);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const again = await send(CREATE, memberInput('Sần Văn Một Lần'), key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await members('Sần Văn Một Lần')).toBe(1);
    expect(await audits()).toBe(auditsBefore + 1);
  });

  test('white space and key order do not make another operation; the quoted key form is the same key', async () => {
    const key = newKey();
    const first = await send(CREATE, memberInput('Sần Văn Định Dạng'), key);
    const spaced = await send(`\n  ${CREATE.replace(/ /g, '  ')}\n`, { input: Object.fromEntries(Object.entries((memberInput('Sần Văn Định Dạng').input as Record<string, unknown>)).reverse()) }, `"${key}"`);
    expect(spaced.body).toEqual(first.body);
    expect(spaced.headers.get('idempotent-replayed')).toBe('true');
    expect(await members('Sần Văn Định Dạng')).toBe(1);
  });

  test('a committed write whose answer carries an error is kept too: a retry must not write it twice', async () => {
    const key = newKey();
    // The second field fails (a future admission date); its non-null type nulls the whole answer, yet the first member was written.
    const both = `mutation Both($a: CreateMemberInput!, $b: CreateMemberInput!) { a: createMember(input: $a) { id } b: createMember(input: $b) { id } }`;
    const variables = { a: memberInput('Sần Văn Nửa Chừng').input, b: memberInput('Sần Văn Tương Lai', '2999-01-01').input };
    const first = await send(both, variables, key);
    expect(first.body.data).toBeNull();
    expect(first.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const again = await send(both, variables, key);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await members('Sần Văn Nửa Chừng')).toBe(1);
  });
});

describe('conflicts', () => {
  test('the same key with another operation: CONFLICT naming the key, nothing written', async () => {
    const key = newKey();
    await send(CREATE, memberInput('Sần Văn Gốc'), key);
    const auditsBefore = await audits();
    const other = await send(CREATE, memberInput('Sần Văn Khác'), key);
    expect(keyError(other)).toEqual({ status: 422, code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(await members('Sần Văn Khác')).toBe(0);
    expect(await audits()).toBe(auditsBefore);
  });

  test('the same key while the first request still runs: CONFLICT in progress, and one write in the end', async () => {
    const key = newKey();
    // Hold the province's audit chain: the first request stops at its audit entry, in flight, until released.
    const blocker = new Client({ connectionString: app.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('select 1 from audit_chain where chain_key = $1 for update', [app.fixture.units.province.id]);
      const first = send(CREATE, memberInput('Sần Văn Đang Chạy'), key);
      for (let i = 0; i < 100 && (await rowCount(app.sql, 'idempotency_key', 'key = ?', [key])) === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
      const second = await send(CREATE, memberInput('Sần Văn Đang Chạy'), key);
      expect(keyError(second)).toEqual({ status: 409, code: 'CONFLICT', field: 'Idempotency-Key' });
      await blocker.query('commit');
      expect((await first).body.errors).toBeUndefined();
    } finally {
      await blocker.end();
    }
    expect(await members('Sần Văn Đang Chạy')).toBe(1);
    expect((await send(CREATE, memberInput('Sần Văn Đang Chạy'), key)).headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('scope of a key', () => {
  test('keys of different accounts are independent', async () => {
    const key = newKey();
    const input = memberInput('Sần Văn Hai Người');
    expect((await send(CREATE, input, key)).body.errors).toBeUndefined();
    const person = await send(CREATE, input, key, bearer(personToken));
    expect(person.body.errors).toBeUndefined();
    expect(person.headers.get('idempotent-replayed')).toBeNull();
    expect(await members('Sần Văn Hai Người')).toBe(2);
  });

  test('a query ignores the key: it is safe to repeat, and nothing is stored', async () => {
    const before = await storedKeys();
    const key = newKey();
    for (let i = 0; i < 2; i += 1) {
      const response = await send('{ viewer { account { kind } } }', undefined, key);
      expect(response.body).toEqual({ data: { viewer: { account: { kind: 'SERVICE' } } } });
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await storedKeys()).toBe(before);
  });

  test('a failed attempt does not use up the key: nothing is kept, and the corrected retry runs', async () => {
    const key = newKey();
    const before = await storedKeys();
    const failed = await send(CREATE, memberInput('Sần Văn Sửa Lại', '2999-01-01'), key);
    expect(failed.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await storedKeys()).toBe(before);
    const retried = await send(CREATE, memberInput('Sần Văn Sửa Lại'), key);
    expect(retried.body.errors).toBeUndefined();
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await members('Sần Văn Sửa Lại')).toBe(1);
  });

  test('an expired key is a new key', async () => {
    const key = newKey();
    await send(CREATE, memberInput('Sần Văn Hết Hạn'), key);
    await app.sql("update idempotency_key set expires_at = now() - interval '1 second' where key = ?", [key]);
    const again = await send(CREATE, memberInput('Sần Văn Hết Hạn'), key);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await members('Sần Văn Hết Hạn')).toBe(2);
  });
});

describe('a request that died in flight', () => {
  test('its key answers CONFLICT until IDEMPOTENCY_LOCK_SECONDS, then the same operation may claim it and run', async () => {
    const key = newKey();
    await send(CREATE, memberInput('Sần Văn Mất Kết Nối'), key);
    // As a server that crashed between its commit and recording the answer would leave it.
    await app.sql("update idempotency_key set state = 'IN_PROGRESS', response = null, locked_until = now() + interval '1 hour' where key = ?", [key]);
    expect(keyError(await send(CREATE, memberInput('Sần Văn Mất Kết Nối'), key))).toMatchObject({ status: 409, code: 'CONFLICT' });
    await app.sql("update idempotency_key set locked_until = now() - interval '1 second' where key = ?", [key]);
    expect(keyError(await send(CREATE, memberInput('Sần Văn Khác Hẳn'), key))).toMatchObject({ status: 422, code: 'CONFLICT' });
    const taken = await send(CREATE, memberInput('Sần Văn Mất Kết Nối'), key);
    expect(taken.body.errors).toBeUndefined();
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('keys that are refused rather than silently dropped', () => {
  test('on sign-in and API-key mutations, whose answers hold secrets: BAD_USER_INPUT', async () => {
    const login = await send('mutation { login(username: "organizer.commune", password: "x") { accessToken } }', undefined, newKey(), {});
    expect(keyError(login)).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    const apiKey = await send('mutation($a: ID!) { createApiKey(accountId: $a, label: "k") { key } }', { a: gid('Account', app.fixture.accounts['service:province']) }, newKey(), bearer(personToken));
    expect(keyError(apiKey)).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
  });

  test('from an anonymous caller: UNAUTHENTICATED (keys are kept per account)', async () => {
    expect(keyError(await send(CREATE, memberInput('Sần Văn Ẩn Danh'), newKey(), {}))).toEqual({ status: 401, code: 'UNAUTHENTICATED', field: 'Idempotency-Key' });
  });

  test('a malformed key: BAD_USER_INPUT, nothing written', async () => {
    expect(keyError(await send(CREATE, memberInput('Sần Văn Khóa Dài'), 'k'.repeat(256)))).toEqual({ status: 400, code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await members('Sần Văn Khóa Dài')).toBe(0);
  });
});
