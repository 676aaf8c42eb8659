import { toGlobalId } from '../../src/services/global-id';
import { bearer, codesOf, LOGIN, loginOverHttp, postGraphQL, useHttpApp } from '../http/http-client';
import { FIXTURE_PASSWORD, type AccountName, type UnitName } from '../support/fixture';
import { outcomeOf, unitGid } from '../support/permission-cases';

/**
 * Issue #15: an administrator disables and enables accounts, resets passwords and ends sessions,
 * each effective at once, and none of it over an account out of scope or stronger than the caller.
 */
const http = useHttpApp();

const DISABLE = 'mutation($id: ID!) { disableAccount(id: $id) { id active } }';
const ENABLE = 'mutation($id: ID!) { enableAccount(id: $id) { id active } }';
const RESET = 'mutation($a: ID!, $p: String!) { resetPassword(accountId: $a, newPassword: $p) { id } }';
const END = 'mutation($a: ID!) { endSessions(accountId: $a) }';
const REFRESH = 'mutation($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken } }';
const VIEWER = '{ viewer { account { displayName } } }';
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }';

const account = (name: AccountName): string => toGlobalId('Account', http.app.fixture.accounts[name]);
const unit = (name: UnitName): string => unitGid(http.app.fixture, name);
const signsIn = async (username: string, password = FIXTURE_PASSWORD): Promise<boolean> => !(await postGraphQL(http.server, LOGIN, { username, password })).body.errors;
const accepted = async (headers: Record<string, string>): Promise<boolean> => (await postGraphQL(http.server, VIEWER, undefined, headers)).status === 200;
const state = (): Promise<unknown> => http.app.sql(`select (select json_agg(json_build_object('id', id, 'active', active, 'hash', password_hash, 'gen', token_generation) order by id) from account) as accounts,
  (select count(*) from refresh_token where revoked_at is null)::int as sessions, (select count(*) from api_key where revoked_at is null)::int as keys, (select count(*) from audit_entry)::int as audit`);

test('disabling a person: sign-in, the access token and the refresh token stop at once; enabling lets them sign in again', async () => {
  const session = await loginOverHttp(http.server, 'organizer.cell');
  expect((await http.app.run('admin:commune', DISABLE, { id: account('organizer:cell') })).data).toEqual({ disableAccount: { id: account('organizer:cell'), active: false } });
  expect(await signsIn('organizer.cell')).toBe(false);
  expect(await accepted(bearer(session.accessToken))).toBe(false);
  expect(codesOf((await postGraphQL(http.server, REFRESH, { t: session.refreshToken })).body)).toEqual(['UNAUTHENTICATED']);
  expect(outcomeOf(await http.app.run('admin:commune', DISABLE, { id: account('organizer:cell') }))).toBe('CONFLICT');
  expect((await http.app.run('admin:commune', ENABLE, { id: account('organizer:cell') })).data).toEqual({ enableAccount: { id: account('organizer:cell'), active: true } });
  expect(await signsIn('organizer.cell')).toBe(true);
  expect(outcomeOf(await http.app.run('admin:commune', ENABLE, { id: account('organizer:cell') }))).toBe('CONFLICT');
});

test('disabling a service account revokes its API keys; enabling it does not bring them back', async () => {
  const created = (await http.app.run('admin:commune', 'mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { key account { id } } }', {
    input: { displayName: 'Tích hợp xã', homeUnitId: unit('commune') },
  })).data?.createServiceAccount as { key: string; account: { id: string } };
  expect(await accepted({ 'x-api-key': created.key })).toBe(true);
  expect(outcomeOf(await http.app.run('admin:commune', DISABLE, { id: created.account.id }))).toBe('allowed');
  expect(await accepted({ 'x-api-key': created.key })).toBe(false);
  expect(outcomeOf(await http.app.run('admin:commune', ENABLE, { id: created.account.id }))).toBe('allowed');
  expect(await accepted({ 'x-api-key': created.key })).toBe(false);
});

test('a password reset: the old password and every session end, the new password signs in', async () => {
  const session = await loginOverHttp(http.server, 'inspector.cell');
  expect(outcomeOf(await http.app.run('admin:commune', RESET, { a: account('inspector:cell'), p: 'mot-mat-khau-moi-2026' }))).toBe('allowed');
  expect(await signsIn('inspector.cell')).toBe(false);
  expect(await signsIn('inspector.cell', 'mot-mat-khau-moi-2026')).toBe(true);
  expect(await accepted(bearer(session.accessToken))).toBe(false);
  expect(codesOf((await postGraphQL(http.server, REFRESH, { t: session.refreshToken })).body)).toEqual(['UNAUTHENTICATED']);
});

test('ending the sessions of an account: how many, and none of them works any more', async () => {
  const [one, two] = [await loginOverHttp(http.server, 'analyst.cell'), await loginOverHttp(http.server, 'analyst.cell')];
  const result = await http.app.run('admin:commune', END, { a: account('analyst:cell') });
  expect(result.data).toEqual({ endSessions: 2 });
  for (const s of [one, two]) {
    expect(await accepted(bearer(s.accessToken))).toBe(false);
    expect(codesOf((await postGraphQL(http.server, REFRESH, { t: s.refreshToken })).body)).toEqual(['UNAUTHENTICATED']);
  }
  expect(await signsIn('analyst.cell')).toBe(true);
});

describe('refused, with nothing changed', () => {
  let stronger: string;
  beforeAll(async () => {
    // Homed in the commune, but holding a role at the province: stronger than the commune's admin.
    const created = (await http.app.run('admin:province', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
      input: { username: 'xa.manh', password: 'a-long-password-3', displayName: 'Mạnh', homeUnitId: unit('commune') },
    })).data?.createAccount as { id: string };
    stronger = created.id;
    await http.app.run('admin:province', GRANT, { input: { accountId: stronger, role: 'ORGANIZER', unitId: unit('province') } });
  });

  const CASES: Array<[string, AccountName | 'anonymous', () => string, string]> = [
    ['without ACCOUNTS_MANAGE', 'organizer:commune', () => account('member:cell'), 'FORBIDDEN'],
    ['anonymous', 'anonymous', () => account('member:cell'), 'UNAUTHENTICATED'],
    ['an account homed outside the caller\'s scope', 'admin:commune', () => account('admin:province'), 'NOT_FOUND'],
    ['an account stronger than the caller', 'admin:commune', () => stronger, 'FORBIDDEN'],
  ];
  test.each(CASES)('%s', async (_what, as, target, expected) => {
    const attempts = [['disableAccount', DISABLE, { id: target() }], ['enableAccount', ENABLE, { id: target() }], ['resetPassword', RESET, { a: target(), p: 'mot-mat-khau-khac-1' }], ['endSessions', END, { a: target() }]] as const;
    for (const [name, mutation, variables] of attempts) {
      const before = await state();
      expect([name, outcomeOf(await http.app.run(as, mutation, variables))]).toEqual([name, expected]);
      expect(await state()).toEqual(before);
    }
  });

  test('your own account cannot be disabled; a service account has no password; a short password is refused', async () => {
    expect((await http.app.run('admin:commune', DISABLE, { id: account('admin:commune') })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await http.app.run('admin:province', RESET, { a: account('service:province'), p: 'mot-mat-khau-khac-1' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
    expect((await http.app.run('admin:commune', RESET, { a: account('member:cell'), p: 'ngan' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
  });
});
