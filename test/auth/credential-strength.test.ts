import { dbIdOf } from '../meetings/support';
import type { AccountName, UnitName } from '../support/fixture';
import { outcomeOf, unitGid } from '../support/permission-cases';
import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';

/**
 * Issue #15: nobody mints, revokes or reshapes a credential stronger than they are. A province
 * admin homes a service account at a commune and gives it a role at the province; the commune's
 * admin manages accounts homed there, but must not touch that account's keys or roles.
 */
let app: TestApp;
let strong: { accountId: string; apiKeyId: string; communeRoleId: string };
let plain: { accountId: string; apiKeyId: string };

const CREATE_SERVICE_ACCOUNT = `mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { apiKey { id } account { id } } }`;
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }';
const REVOKE_ROLE = 'mutation($id: ID!) { revokeRole(id: $id) { id revokedAt } }';
const CREATE_KEY = 'mutation($a: ID!) { createApiKey(accountId: $a, label: "mint") { key apiKey { id } } }';
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';

const unit = (name: UnitName): string => unitGid(app.fixture, name);
const ok = (result: GqlResult): Record<string, any> => {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Record<string, any>;
};

async function serviceAccount(name: string): Promise<{ accountId: string; apiKeyId: string }> {
  const { createServiceAccount } = ok(await app.run('admin:province', CREATE_SERVICE_ACCOUNT, { input: { displayName: name, homeUnitId: unit('commune'), keyLabel: 'initial' } }));
  return { accountId: createServiceAccount.account.id, apiKeyId: createServiceAccount.apiKey.id };
}

async function tables(): Promise<unknown> {
  return app.sql('select (select count(*) from api_key)::int as keys, (select count(*) from api_key where revoked_at is not null)::int as revoked_keys, (select count(*) from role_assignment)::int as roles, (select count(*) from role_assignment where revoked_at is not null)::int as revoked_roles, (select count(*) from audit_entry)::int as audit');
}

beforeAll(async () => {
  app = await createTestApp();
  const s = await serviceAccount('Tích hợp tỉnh (mạnh)');
  ok(await app.run('admin:province', GRANT, { input: { accountId: s.accountId, role: 'ORGANIZER', unitId: unit('province') } }));
  const { grantRole } = ok(await app.run('admin:province', GRANT, { input: { accountId: s.accountId, role: 'ANALYST', unitId: unit('commune') } }));
  strong = { ...s, communeRoleId: grantRole.id };
  plain = await serviceAccount('Tích hợp xã');
  ok(await app.run('admin:province', GRANT, { input: { accountId: plain.accountId, role: 'ANALYST', unitId: unit('commune') } }));
});
afterAll(() => app?.close());

describe('an account holding a role above the caller', () => {
  const cases: Array<[string, string, () => Record<string, unknown>]> = [
    ['createApiKey', CREATE_KEY, () => ({ a: strong.accountId })],
    ['revokeApiKey', REVOKE_KEY, () => ({ id: strong.apiKeyId })],
    ['grantRole', GRANT, () => ({ input: { accountId: strong.accountId, role: 'INSPECTOR', unitId: unit('commune') } })],
    ['revokeRole', REVOKE_ROLE, () => ({ id: strong.communeRoleId })],
  ];

  test.each(cases)('%s by the commune admin is FORBIDDEN and changes nothing', async (_name, mutation, variables) => {
    const before = await tables();
    expect(outcomeOf(await app.run('admin:commune', mutation, variables()))).toBe('FORBIDDEN');
    expect(await tables()).toEqual(before);
  });

  test.each<[AccountName, string]>([['admin:province', 'allowed'], ['admin:national', 'allowed'], ['admin:commune', 'FORBIDDEN']])(
    'a new key for it: %s → %s', async (as, expected) => {
      expect(outcomeOf(await app.run(as, CREATE_KEY, { a: strong.accountId }))).toBe(expected);
    },
  );

  test('the province admin, who holds everything the account holds, may revoke its key', async () => {
    expect(outcomeOf(await app.run('admin:province', REVOKE_KEY, { id: strong.apiKeyId }))).toBe('allowed');
  });
});

describe('an account holding no more than the caller (control)', () => {
  test('the commune admin may mint and revoke its keys and change its roles', async () => {
    const { createApiKey } = ok(await app.run('admin:commune', CREATE_KEY, { a: plain.accountId }));
    expect(outcomeOf(await app.run('admin:commune', REVOKE_KEY, { id: createApiKey.apiKey.id }))).toBe('allowed');
    const { grantRole } = ok(await app.run('admin:commune', GRANT, { input: { accountId: plain.accountId, role: 'INSPECTOR', unitId: unit('commune') } }));
    expect(outcomeOf(await app.run('admin:commune', REVOKE_ROLE, { id: grantRole.id }))).toBe('allowed');
  });
});

// A grant that makes the account stronger and a key minted for it lock the account's row: the
// mint either comes first (and is allowed) or sees the grant (and is refused), never after it.
test('a raced grant above the caller and a key minted by the commune admin: never a key minted after the grant (50 rounds)', async () => {
  const outcomes = { mintedFirst: 0, refused: 0 };
  for (let round = 0; round < 50; round += 1) {
    const s = await serviceAccount(`Đua ${round}`);
    const [grant, mint] = await Promise.all([
      app.run('admin:province', GRANT, { input: { accountId: s.accountId, role: 'ORGANIZER', unitId: unit('province') } }),
      app.run('admin:commune', CREATE_KEY, { a: s.accountId }),
    ]);
    expect(outcomeOf(grant)).toBe('allowed');
    if (outcomeOf(mint) === 'FORBIDDEN') {
      outcomes.refused += 1;
      continue;
    }
    expect(outcomeOf(mint)).toBe('allowed');
    // Audit entries are written under the lock: the mint's must come before the grant's.
    const [order] = await app.sql<{ mint: string; grant: string }>(
      `select max(id) filter (where operation = 'createApiKey')::text as mint, max(id) filter (where operation = 'grantRole')::text as grant
         from audit_entry where (operation = 'createApiKey' and after->>'accountId' = ?) or (operation = 'grantRole' and after->>'accountId' = ?)`,
      [String(dbIdOf(s.accountId)), String(dbIdOf(s.accountId))],
    );
    expect(BigInt(order.mint)).toBeLessThan(BigInt(order.grant));
    outcomes.mintedFirst += 1;
  }
  expect(outcomes.mintedFirst + outcomes.refused).toBe(50);
});
