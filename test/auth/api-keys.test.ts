import { createHash } from 'node:crypto';
import type { RunningServer } from '../../src/server';
import { toGlobalId } from '../../src/services/global-id';
import { FIXTURE_API_KEY } from '../support/fixture';
import { createTestApp, outlastViewerCache, type TestApp } from '../support/test-app';
import { codesOf, postGraphQL, startHttpServer } from '../http/http-client';

/** Service accounts authenticate with API keys, stored hashed, shown once, revocable at once. */
let app: TestApp;
let server: RunningServer;

beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app);
});
afterAll(async () => {
  await server?.stop();
  await app?.close();
});

const VIEWER = '{ viewer { account { kind displayName } } }';
const FIXTURE_PREFIX = FIXTURE_API_KEY.split('_')[1];
const CREATE_SERVICE_ACCOUNT = `mutation($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) { key apiKey { id prefix label } account { id kind displayName } }
}`;

interface Issued {
  key: string;
  apiKey: { id: string; prefix: string; label: string };
  account: { id: string; kind: string; displayName: string };
}

async function createServiceAccount(displayName: string): Promise<Issued> {
  const result = await app.run('admin:province', CREATE_SERVICE_ACCOUNT, {
    input: { displayName, homeUnitId: toGlobalId('OrgUnit', app.fixture.units.province.id), keyLabel: 'reports' },
  });
  if (!result.data?.createServiceAccount) throw new Error(JSON.stringify(result.errors));
  return result.data.createServiceAccount as Issued;
}

async function lastUsedAt(prefix: string): Promise<string | null> {
  return (await app.sql<{ last_used_at: string | null }>('select last_used_at::text from api_key where prefix = ?', [prefix]))[0].last_used_at;
}

describe('authenticating with an API key', () => {
  test('Authorization: ApiKey <key> identifies the service account', async () => {
    const { status, body } = await postGraphQL(server, VIEWER, undefined, { authorization: `ApiKey ${FIXTURE_API_KEY}` });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: { account: { kind: 'SERVICE', displayName: 'service:province' } } } });
  });

  test('the X-Api-Key header identifies the service account', async () => {
    const { body } = await postGraphQL(server, VIEWER, undefined, { 'x-api-key': FIXTURE_API_KEY });
    expect(body).toEqual({ data: { viewer: { account: { kind: 'SERVICE', displayName: 'service:province' } } } });
  });

  test('using a key records when it was last used', async () => {
    await app.sql('update api_key set last_used_at = null where prefix = ?', [FIXTURE_PREFIX]);
    // A key found in the caller cache is not looked up, so its use is recorded on the next lookup.
    await outlastViewerCache();
    await postGraphQL(server, VIEWER, undefined, { 'x-api-key': FIXTURE_API_KEY });
    const [row] = await app.sql<{ recent: boolean }>("select last_used_at > now() - interval '1 minute' as recent from api_key where prefix = ?", [FIXTURE_PREFIX]);
    expect(row.recent).toBe(true);
  });

  test('last_used_at is written at most once a minute, not on every request', async () => {
    await app.sql("update api_key set last_used_at = now() - interval '30 seconds' where prefix = ?", [FIXTURE_PREFIX]);
    const before = await lastUsedAt(FIXTURE_PREFIX);
    expect(before).not.toBeNull();
    await postGraphQL(server, VIEWER, undefined, { 'x-api-key': FIXTURE_API_KEY });
    expect(await lastUsedAt(FIXTURE_PREFIX)).toBe(before);
  });

  test.each([
    ['the right prefix with a wrong secret', `chibo_${FIXTURE_PREFIX}_${'x'.repeat(43)}`],
    ['an unknown prefix', `chibo_unknownprefx_${'k'.repeat(43)}`],
    ['a malformed key', 'not-an-api-key'],
  ])('%s is refused with 401 UNAUTHENTICATED', async (_case, key) => {
    for (const headers of [{ authorization: `ApiKey ${key}` }, { 'x-api-key': key }] as Record<string, string>[]) {
      const { status, body } = await postGraphQL(server, VIEWER, undefined, headers);
      expect(status).toBe(401);
      expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
    }
  });

  test('the key of a disabled service account is refused', async () => {
    const issued = await createServiceAccount('Tích hợp tạm dừng');
    await app.sql('update account set active = false where id = (select account_id from api_key where prefix = ?)', [issued.apiKey.prefix]);
    const { status, body } = await postGraphQL(server, VIEWER, undefined, { 'x-api-key': issued.key });
    expect(status).toBe(401);
    expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('issuing and revoking keys', () => {
  test('createServiceAccount returns a working key in the chibo_<prefix>_<secret> format', async () => {
    const issued = await createServiceAccount('Hệ thống báo cáo tỉnh');
    expect(issued.key).toMatch(new RegExp(`^chibo_${issued.apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(issued.account.kind).toBe('SERVICE');
    const { body } = await postGraphQL(server, VIEWER, undefined, { authorization: `ApiKey ${issued.key}` });
    expect(body.data).toEqual({ viewer: { account: { kind: 'SERVICE', displayName: 'Hệ thống báo cáo tỉnh' } } });
  });

  test('the key cannot be read again: ApiKey has no field that holds the secret', async () => {
    const result = await app.run('anonymous', '{ __type(name: "ApiKey") { fields { name } } }');
    const fields = (result.data?.__type as { fields: { name: string }[] }).fields.map((f) => f.name);
    expect(fields.sort()).toEqual(['createdAt', 'id', 'label', 'lastUsedAt', 'prefix', 'revokedAt']);
  });

  test('neither the key nor its secret is stored in any column of any table; its SHA-256 is', async () => {
    const issued = await createServiceAccount('Kho dữ liệu');
    const secret = issued.key.slice(`chibo_${issued.apiKey.prefix}_`.length);
    const tables = await app.sql<{ table_name: string }>("select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'");
    expect(tables.length).toBeGreaterThan(5);
    for (const { table_name } of tables) {
      const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from "${table_name}" t where strpos(t::text, ?) > 0`, [secret]);
      expect({ table: table_name, rowsHoldingTheSecret: row.n }).toEqual({ table: table_name, rowsHoldingTheSecret: 0 });
    }
    const [stored] = await app.sql<{ secret_hash: string }>('select secret_hash from api_key where prefix = ?', [issued.apiKey.prefix]);
    expect(stored.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
  });

  test('a revoked key stops working at once', async () => {
    const issued = await createServiceAccount('Tích hợp cũ');
    expect((await postGraphQL(server, VIEWER, undefined, { 'x-api-key': issued.key })).status).toBe(200);

    const revoked = await app.run('admin:province', 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: issued.apiKey.id });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeApiKey).toMatchObject({ revokedAt: expect.any(String) });

    for (const headers of [{ 'x-api-key': issued.key }, { authorization: `ApiKey ${issued.key}` }] as Record<string, string>[]) {
      const { status, body } = await postGraphQL(server, VIEWER, undefined, headers);
      expect(status).toBe(401);
      expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
    }
  });

  test('revoking a key leaves the other keys of the account working', async () => {
    const issued = await createServiceAccount('Tích hợp hai khóa');
    const second = await app.run('admin:province', 'mutation($a: ID!) { createApiKey(accountId: $a, label: "second") { key } }', { a: issued.account.id });
    const secondKey = (second.data?.createApiKey as { key: string }).key;
    await app.run('admin:province', 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: issued.apiKey.id });
    expect((await postGraphQL(server, VIEWER, undefined, { 'x-api-key': secondKey })).status).toBe(200);
  });
});
