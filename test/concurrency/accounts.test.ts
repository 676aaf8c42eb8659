import * as passwords from '../../src/auth/passwords';
import { toGlobalId } from '../../src/services/global-id';
import { newMember, unitId } from '../members/lifecycle-support';
import { createTestApp, type TestApp } from '../support/test-app';
import { dbId } from '../validation/support';
import { expectHeld, race } from './support';

/**
 * Account rules under concurrency (issue #16, decision 39): an account holds a role at a unit
 * once, a member has one account, a username is one account's, a role is revoked once. There is
 * no "last administrator" rule to race (nobody may disable their own account; nothing else is
 * counted). Each racing pair runs ROUNDS times.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // The race is in the database, not in argon2: one real hash, computed once, stands for every
  // new password here (200 hashes of 64 MiB each would take minutes on two cores).
  const hash = await passwords.hashPassword('a-long-password-1');
  jest.spyOn(passwords, 'hashPassword').mockResolvedValue(hash);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await app.close();
});

const AS = 'admin:province' as const;
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeRole(id: $id) { id } }';
const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }';

const one = async (query: string, params: unknown[]): Promise<number> => (await app.sql<{ n: number }>(query, params))[0].n;

test('a role is held once per account and unit: the same grant twice at once, one CONFLICT', async () => {
  const account = app.fixture.accounts['norole'];
  const report = await race(
    app,
    () => app.sql('delete from role_assignment where account_id = ?', [account]),
    () => {
      const grant = { input: { accountId: toGlobalId('Account', account), role: 'ANALYST', unitId: unitId(app, 'cell') } };
      return [
        { as: AS, query: GRANT, variables: grant },
        { as: AS, query: GRANT, variables: grant },
      ];
    },
    async () => (await one("select count(*)::int as n from role_assignment where account_id = ? and role = 'ANALYST' and revoked_at is null", [account])) === 1,
  );
  expectHeld(report);
});

test('a role assignment is revoked once: two revocations at once, one CONFLICT', async () => {
  const account = app.fixture.accounts['norole'];
  const report = await race(
    app,
    async () => {
      await app.sql('delete from role_assignment where account_id = ?', [account]);
      const [{ id }] = await app.sql<{ id: number }>("insert into role_assignment (account_id, role, unit_id, unit_path, province_id) values (?, 'ANALYST', ?, ?, ?) returning id",
        [account, app.fixture.units.cell.id, app.fixture.units.cell.path, app.fixture.units.province.id]);
      return id;
    },
    (id) => [
      { as: AS, query: REVOKE, variables: { id: toGlobalId('RoleAssignment', id) } },
      { as: AS, query: REVOKE, variables: { id: toGlobalId('RoleAssignment', id) } },
    ],
    async (id) => (await one("select count(*)::int as n from audit_entry where operation = 'revokeRole' and target_id = ?", [String(id)])) === 1,
  );
  expectHeld(report);
});

test('a member has one account: two accounts for one member at once, one BAD_USER_INPUT (input.memberId)', async () => {
  const report = await race(
    app,
    () => newMember(app, 'cell'),
    (member, round) => {
      const create = (suffix: string) => ({ input: { username: `dv${round}${suffix}.${process.pid}`, password: 'a-long-password-1', displayName: 'Đảng viên', homeUnitId: unitId(app, 'cell'), memberId: member.id } });
      return [
        { as: AS, query: CREATE_ACCOUNT, variables: create('a') },
        { as: AS, query: CREATE_ACCOUNT, variables: create('b') },
      ];
    },
    async (member, outcomes) => (await one('select count(*)::int as n from account where member_id = ?', [dbId(member.id)])) === 1 && outcomes.every((o) => o.ok || o.field === 'input.memberId'),
  );
  expectHeld(report, ['BAD_USER_INPUT']);
});

test('a username is one account’s: two accounts with one username at once, one BAD_USER_INPUT (input.username)', async () => {
  const report = await race(
    app,
    async (round) => `ten${round}.${process.pid}`,
    (username) => {
      const create = (displayName: string) => ({ input: { username, password: 'a-long-password-1', displayName, homeUnitId: unitId(app, 'cell') } });
      return [
        { as: AS, query: CREATE_ACCOUNT, variables: create('Một') },
        { as: AS, query: CREATE_ACCOUNT, variables: create('Hai') },
      ];
    },
    async (username, outcomes) => (await one('select count(*)::int as n from account where lower(username) = ?', [username])) === 1 && outcomes.every((o) => o.ok || o.field === 'input.username'),
  );
  expectHeld(report, ['BAD_USER_INPUT']);
});
