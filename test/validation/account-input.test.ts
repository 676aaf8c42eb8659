import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected, gid, ok, rawId } from './support';

/** Bad input to the account mutations: the right code and field, and nothing written. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }';
const CREATE_SERVICE = 'mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { key } }';
const CREATE_KEY = 'mutation($accountId: ID!, $label: String!) { createApiKey(accountId: $accountId, label: $label) { key apiKey { id } } }';
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }';
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeRole(id: $id) { revokedAt } }';

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const accountId = (name: AccountName): string => gid('Account', app.fixture.accounts[name]);

async function assignmentOf(name: AccountName): Promise<string> {
  const [row] = await app.sql<{ id: number }>('select id from role_assignment where account_id = ? and revoked_at is null order by id limit 1', [app.fixture.accounts[name]]);
  return gid('RoleAssignment', row.id);
}

describe('createAccount', () => {
  const TABLES = ['account', 'role_assignment'];
  const person = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
    input: { homeUnitId: unitId('commune'), username: 'nguoi.moi', password: 'mat-khau-du-dai', displayName: 'Người Mới', ...changes },
  });

  test.each([
    ['exactly', 'organizer.cell'],
    ['in other case', 'Organizer.CELL'],
  ])('rejects a username already taken (%s) as BAD_USER_INPUT on input.username', async (_label, username) => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ username }), { code: 'BAD_USER_INPUT', field: 'input.username' });
  });

  test.each([
    ['too short', 'ab'],
    ['with a space inside', 'nguoi moi'],
    ['starting with a dash', '-nguoimoi'],
    ['with a non-ASCII letter', 'người.mới'],
    ['empty', '   '],
    ['over 50 characters', 'u'.repeat(51)],
  ])('rejects a username %s on input.username', async (_label, username) => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ username }), { code: 'BAD_USER_INPUT', field: 'input.username' });
  });

  test('rejects a password of 9 characters on input.password', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ password: '123456789' }), { code: 'BAD_USER_INPUT', field: 'input.password' });
  });

  test('rejects a password over 200 characters on input.password', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ password: 'p'.repeat(201) }), { code: 'BAD_USER_INPUT', field: 'input.password' });
  });

  test('rejects an empty display name on input.displayName', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ displayName: '' }), { code: 'BAD_USER_INPUT', field: 'input.displayName' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['a Member id', 'member'],
  ])('rejects %s as home unit on input.homeUnitId', async (_label, raw) => {
    const homeUnitId = raw === 'member' ? gid('Member', app.fixture.members['Lò Văn Hùng'].id) : raw;
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ homeUnitId }), { code: 'BAD_USER_INPUT', field: 'input.homeUnitId' });
  });

  test('answers NOT_FOUND for a home unit outside the viewer scope', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ homeUnitId: unitId('otherCommune') }), { code: 'NOT_FOUND' });
  });

  test('answers FORBIDDEN for a national account created by a commune administrator', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ homeUnitId: null }), { code: 'FORBIDDEN' });
  });

  test('rejects a member outside the home unit on input.memberId', async () => {
    const variables = person({ memberId: gid('Member', app.fixture.members['Lê Văn Cường'].id) });
    await expectRejected(app, 'admin:province', TABLES, CREATE_ACCOUNT, variables, { code: 'BAD_USER_INPUT', field: 'input.memberId' });
  });

  test('rejects a member who already has an account as BAD_USER_INPUT on input.memberId', async () => {
    const variables = person({ memberId: gid('Member', app.fixture.members['Nguyễn Văn An'].id) });
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, variables, { code: 'BAD_USER_INPUT', field: 'input.memberId' });
  });

  test('rejects an OrgUnit id as member on input.memberId', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_ACCOUNT, person({ memberId: unitId('cell') }), { code: 'BAD_USER_INPUT', field: 'input.memberId' });
  });

  test('accepts the valid input the cases above start from', async () => {
    expect(ok(await app.run('admin:commune', CREATE_ACCOUNT, person())).createAccount.id).toEqual(expect.any(String));
  });
});

describe('createServiceAccount', () => {
  const TABLES = ['account', 'api_key'];
  const service = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
    input: { homeUnitId: unitId('commune'), displayName: 'Tích hợp báo cáo xã', keyLabel: 'báo cáo', ...changes },
  });

  test('rejects an empty display name on input.displayName', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_SERVICE, service({ displayName: ' ' }), { code: 'BAD_USER_INPUT', field: 'input.displayName' });
  });

  test.each([
    ['whitespace only', '   '],
    ['over 100 characters', 'k'.repeat(101)],
  ])('rejects a key label that is %s on input.keyLabel', async (_label, keyLabel) => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_SERVICE, service({ keyLabel }), { code: 'BAD_USER_INPUT', field: 'input.keyLabel' });
  });

  test('rejects a malformed home unit id on input.homeUnitId', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_SERVICE, service({ homeUnitId: rawId('Foo:1') }), { code: 'BAD_USER_INPUT', field: 'input.homeUnitId' });
  });

  test('answers NOT_FOUND for a home unit outside the viewer scope', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_SERVICE, service({ homeUnitId: unitId('otherProvince') }), { code: 'NOT_FOUND' });
  });

  test('answers FORBIDDEN for a national service account created by a commune administrator', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_SERVICE, service({ homeUnitId: null }), { code: 'FORBIDDEN' });
  });

  test('accepts the valid input the cases above start from', async () => {
    expect(ok(await app.run('admin:commune', CREATE_SERVICE, service())).createServiceAccount.key).toMatch(/^chibo_/);
  });
});

describe('createApiKey', () => {
  const TABLES = ['api_key'];

  test('rejects a person account on accountId', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE_KEY, { accountId: accountId('organizer:cell'), label: 'x' }, { code: 'BAD_USER_INPUT', field: 'accountId' });
  });

  test.each([
    ['empty', ''],
    ['over 100 characters', 'l'.repeat(101)],
  ])('rejects a label that is %s on label', async (_label, label) => {
    await expectRejected(app, 'admin:province', TABLES, CREATE_KEY, { accountId: accountId('service:province'), label }, { code: 'BAD_USER_INPUT', field: 'label' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['an OrgUnit id', 'unit'],
  ])('rejects %s on accountId', async (_label, raw) => {
    const id = raw === 'unit' ? unitId('province') : raw;
    await expectRejected(app, 'admin:province', TABLES, CREATE_KEY, { accountId: id, label: 'x' }, { code: 'BAD_USER_INPUT', field: 'accountId' });
  });

  test('answers NOT_FOUND for an account that does not exist', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE_KEY, { accountId: gid('Account', 999999), label: 'x' }, { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for a service account managed above the viewer', async () => {
    await expectRejected(app, 'admin:commune', TABLES, CREATE_KEY, { accountId: accountId('service:province'), label: 'x' }, { code: 'NOT_FOUND' });
  });
});

describe('revokeApiKey', () => {
  const TABLES = ['api_key'];

  test('rejects revoking a key twice as CONFLICT', async () => {
    const issued = ok(await app.run('admin:province', CREATE_KEY, { accountId: accountId('service:province'), label: 'revoked twice' }));
    ok(await app.run('admin:province', REVOKE_KEY, { id: issued.createApiKey.apiKey.id }));
    await expectRejected(app, 'admin:province', TABLES, REVOKE_KEY, { id: issued.createApiKey.apiKey.id }, { code: 'CONFLICT' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['an Account id', 'account'],
  ])('rejects %s on id', async (_label, raw) => {
    const id = raw === 'account' ? accountId('service:province') : raw;
    await expectRejected(app, 'admin:province', TABLES, REVOKE_KEY, { id }, { code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('answers NOT_FOUND for a key that does not exist', async () => {
    await expectRejected(app, 'admin:province', TABLES, REVOKE_KEY, { id: gid('ApiKey', 999999) }, { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for a key of an account managed above the viewer', async () => {
    const [key] = await app.sql<{ id: number }>("select id from api_key where label = 'fixture key'");
    await expectRejected(app, 'admin:commune', TABLES, REVOKE_KEY, { id: gid('ApiKey', key.id) }, { code: 'NOT_FOUND' });
  });
});

describe('grantRole', () => {
  const TABLES = ['role_assignment'];
  const grant = (account: string, role: string, unit: string | null): Record<string, unknown> => ({ input: { accountId: account, role, unitId: unit } });

  test('rejects a role the account already holds at that unit as CONFLICT', async () => {
    await expectRejected(app, 'admin:province', TABLES, GRANT, grant(accountId('organizer:cell'), 'ORGANIZER', unitId('cell')), { code: 'CONFLICT' });
  });

  test('rejects a MEMBER role at a commune on input.unitId', async () => {
    await expectRejected(app, 'admin:province', TABLES, GRANT, grant(accountId('organizer:cell'), 'MEMBER', unitId('commune')), {
      code: 'BAD_USER_INPUT',
      field: 'input.unitId',
    });
  });

  test('rejects a MEMBER role for an account linked to no member on input.unitId', async () => {
    await expectRejected(app, 'admin:province', TABLES, GRANT, grant(accountId('organizer:cell'), 'MEMBER', unitId('cell')), {
      code: 'BAD_USER_INPUT',
      field: 'input.unitId',
    });
  });

  test.each([
    ['a malformed account id', 'not-an-id', 'cell', 'input.accountId'],
    ['an OrgUnit id as account', 'unit', 'cell', 'input.accountId'],
    ['a malformed unit id', 'account', 'not-an-id', 'input.unitId'],
    ['a Member id as unit', 'account', 'member', 'input.unitId'],
  ])('rejects %s on its field', async (_label, rawAccount, rawUnit, field) => {
    const account = rawAccount === 'unit' ? unitId('cell') : rawAccount === 'account' ? accountId('organizer:cell') : rawAccount;
    const unit = rawUnit === 'cell' ? unitId('cell') : rawUnit === 'member' ? gid('Member', app.fixture.members['Lò Văn Hùng'].id) : rawUnit;
    await expectRejected(app, 'admin:province', TABLES, GRANT, grant(account, 'ANALYST', unit), { code: 'BAD_USER_INPUT', field });
  });

  test('answers NOT_FOUND for an account that does not exist', async () => {
    await expectRejected(app, 'admin:province', TABLES, GRANT, grant(gid('Account', 999999), 'ANALYST', unitId('cell')), { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for an account managed above the viewer', async () => {
    await expectRejected(app, 'admin:commune', TABLES, GRANT, grant(accountId('organizer:province'), 'ANALYST', unitId('cell')), { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for a unit outside the viewer scope', async () => {
    await expectRejected(app, 'admin:commune', TABLES, GRANT, grant(accountId('organizer:cell'), 'ANALYST', unitId('otherCell')), { code: 'NOT_FOUND' });
  });

  test('answers FORBIDDEN for a national grant by a provincial administrator', async () => {
    await expectRejected(app, 'admin:province', TABLES, GRANT, grant(accountId('organizer:cell'), 'ANALYST', null), { code: 'FORBIDDEN' });
  });
});

describe('revokeRole', () => {
  const TABLES = ['role_assignment'];

  test('rejects revoking an assignment twice as CONFLICT', async () => {
    const granted = ok(await app.run('admin:province', GRANT, { input: { accountId: accountId('organizer:cell'), role: 'ANALYST', unitId: unitId('school') } }));
    ok(await app.run('admin:province', REVOKE, { id: granted.grantRole.id }));
    await expectRejected(app, 'admin:province', TABLES, REVOKE, { id: granted.grantRole.id }, { code: 'CONFLICT' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['an id of an unknown type', rawId('Foo:1')],
    ['an Account id', 'account'],
  ])('rejects %s on id', async (_label, raw) => {
    const id = raw === 'account' ? accountId('organizer:cell') : raw;
    await expectRejected(app, 'admin:province', TABLES, REVOKE, { id }, { code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('answers NOT_FOUND for an assignment that does not exist', async () => {
    await expectRejected(app, 'admin:province', TABLES, REVOKE, { id: gid('RoleAssignment', 999999) }, { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for an assignment at a unit above the viewer', async () => {
    await expectRejected(app, 'admin:commune', TABLES, REVOKE, { id: await assignmentOf('organizer:province') }, { code: 'NOT_FOUND' });
  });
});
