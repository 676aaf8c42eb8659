import { errorShape, gid, insertAccount, insertAssignment, MISSING_DB_ID, type Actor } from '../support/permission-cases';
import type { AccountName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * An id outside the caller's scope answers exactly like an id that does not exist: the same code,
 * the same message, the same path. Nested fields pointing outside scope are null or left out.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const unit = (name: keyof TestApp['fixture']['units']): string => gid('OrgUnit', app.fixture.units[name].id);
const member = (fullName: string): string => gid('Member', app.fixture.members[fullName].id);
const missingUnit = (): string => gid('OrgUnit', MISSING_DB_ID);
const missingMember = (): string => gid('Member', MISSING_DB_ID);
const assignmentOf = async (holder: AccountName): Promise<string> => {
  const [{ id }] = await app.sql<{ id: number }>('select id from role_assignment where account_id = ?', [app.fixture.accounts[holder]]);
  return gid('RoleAssignment', id);
};
const fixtureKey = async (): Promise<string> => {
  const [{ id }] = await app.sql<{ id: number }>('select id from api_key where account_id = ?', [app.fixture.accounts['service:province']]);
  return gid('ApiKey', id);
};

const ORG_UNIT = 'query($id: ID!) { orgUnit(id: $id) { id } }';
const MEMBER = 'query($id: ID!) { member(id: $id) { id } }';
const NODE = 'query($id: ID!) { node(id: $id) { id } }';
const UPDATE_UNIT = 'mutation($id: ID!) { updateOrgUnit(input: { id: $id, version: 1, name: "Tên mới" }) { id } }';
const UPDATE_MEMBER = 'mutation($id: ID!) { updateMember(input: { id: $id, version: 1, ethnicity: "Kinh" }) { id } }';
const CREATE_MEMBER = 'mutation($id: ID!) { createMember(input: { unitId: $id, fullName: "X", gender: MALE, ethnicity: "Kinh", admissionDate: "2020-01-01" }) { id } }';
const CREATE_UNIT = 'mutation($id: ID!) { createOrgUnit(input: { parentId: $id, kind: CELL, cellType: RESIDENTIAL, name: "Chi bộ mới" }) { id } }';
const CREATE_ACCOUNT = 'mutation($id: ID!) { createAccount(input: { homeUnitId: $id, username: "scope-probe", password: "a-long-password-1", displayName: "P" }) { id } }';
const CREATE_SERVICE = 'mutation($id: ID!) { createServiceAccount(input: { homeUnitId: $id, displayName: "P" }) { key } }';
const GRANT_TO = 'mutation($id: ID!) { grantRole(input: { accountId: $id, role: ANALYST }) { id } }';
const REVOKE_ROLE = 'mutation($id: ID!) { revokeRole(id: $id) { id } }';
const CREATE_KEY = 'mutation($id: ID!) { createApiKey(accountId: $id, label: "probe") { key } }';
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }';
const UNITS_UNDER = 'query($id: ID!) { orgUnits(filter: { subtreeOf: $id }) { totalCount } }';
const MEMBERS_UNDER = 'query($id: ID!) { members(filter: { subtreeOf: $id }) { totalCount } }';

// [what, actor, operation, out-of-scope id, missing id]
// prettier-ignore
const PAIRS: Array<[string, Actor, string, () => string | Promise<string>, () => string]> = [
  ['orgUnit of the neighbouring commune',           'organizer:commune', ORG_UNIT,      () => unit('otherCommune'),            missingUnit],
  ['orgUnit of the parent province',                'organizer:commune', ORG_UNIT,      () => unit('province'),                missingUnit],
  ['orgUnit of another province',                   'admin:province',    ORG_UNIT,      () => unit('otherProvince'),           missingUnit],
  ['member of the neighbouring commune',            'organizer:commune', MEMBER,        () => member('Lê Văn Cường'),          missingMember],
  ['member of the school cell, for member:cell',    'member:cell',       MEMBER,        () => member('Trần Thị Bình'),         missingMember],
  ['node of a unit of another province',            'inspector:province', NODE,         () => unit('otherProvinceCell'),       missingUnit],
  ['node of a member of another commune',           'organizer:commune', NODE,          () => member('Giàng Thị Dợ'),          missingMember],
  ['node of a member, for an analyst of its province', 'analyst:province', NODE,        () => member('Lò Văn Hùng'),           missingMember],
  ['node of a member, for an account with no role', 'norole',            NODE,          () => member('Lò Văn Hùng'),           missingMember],
  ['node of an account managed above',              'admin:commune',     NODE,          () => gid('Account', app.fixture.accounts['admin:province']), () => gid('Account', MISSING_DB_ID)],
  ['updateOrgUnit of the neighbouring cell',        'admin:commune',     UPDATE_UNIT,   () => unit('otherCell'),               missingUnit],
  ['updateOrgUnit of the parent province',          'admin:commune',     UPDATE_UNIT,   () => unit('province'),                missingUnit],
  ['updateMember in another province',              'organizer:province', UPDATE_MEMBER, () => member('Quàng Văn Đức'),        missingMember],
  ['createMember in a cell outside scope',          'organizer:commune', CREATE_MEMBER, () => unit('otherCell'),               missingUnit],
  ['createOrgUnit under a commune outside scope',   'admin:commune',     CREATE_UNIT,   () => unit('otherCommune'),            missingUnit],
  ['createAccount homed outside scope',             'admin:commune',     CREATE_ACCOUNT, () => unit('otherCommune'),           missingUnit],
  ['createServiceAccount homed outside scope',      'admin:cell',        CREATE_SERVICE, () => unit('school'),                 missingUnit],
  ['grantRole to an account managed above',         'admin:commune',     GRANT_TO,      () => gid('Account', app.fixture.accounts['organizer:province']), () => gid('Account', MISSING_DB_ID)],
  ['revokeRole of an assignment above',             'admin:commune',     REVOKE_ROLE,   () => assignmentOf('admin:province'),  () => gid('RoleAssignment', MISSING_DB_ID)],
  ['createApiKey for a service account above',      'admin:commune',     CREATE_KEY,    () => gid('Account', app.fixture.accounts['service:province']), () => gid('Account', MISSING_DB_ID)],
  ['revokeApiKey of a key managed above',           'admin:commune',     REVOKE_KEY,    fixtureKey,                            () => gid('ApiKey', MISSING_DB_ID)],
  ['orgUnits under a unit outside scope',           'analyst:commune',   UNITS_UNDER,   () => unit('otherCommune'),            missingUnit],
  ['members under a unit outside scope',            'inspector:cell',    MEMBERS_UNDER, () => unit('school'),                  missingUnit],
];

describe('out of scope answers exactly like missing', () => {
  test.each(PAIRS)('%s (as %s)', async (_what, actor, operation, outside, missing) => {
    const audits = await app.sql('select id from audit_entry');
    const outOfScope = await app.run(actor, operation, { id: await outside() });
    const nonExistent = await app.run(actor, operation, { id: missing() });
    expect(outOfScope.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(errorShape(outOfScope)).toEqual(errorShape(nonExistent));
    expect(await app.sql('select id from audit_entry')).toEqual(audits);
  });

  test('grantRole at a unit outside scope answers like a missing unit', async () => {
    const [{ id }] = await app.sql<{ id: number }>(
      "insert into account (kind, username, display_name, home_unit_id, home_unit_path) values ('PERSON', 'grant-probe', 'P', ?, ?) returning id",
      [app.fixture.units.commune.id, app.fixture.units.commune.path],
    );
    const grantAt = 'mutation($account: ID!, $unit: ID) { grantRole(input: { accountId: $account, role: ANALYST, unitId: $unit }) { id } }';
    const outOfScope = await app.run('admin:commune', grantAt, { account: gid('Account', id), unit: unit('otherCommune') });
    const nonExistent = await app.run('admin:commune', grantAt, { account: gid('Account', id), unit: missingUnit() });
    expect(outOfScope.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(errorShape(outOfScope)).toEqual(errorShape(nonExistent));
  });
});

describe('nested fields stop at the edge of scope', () => {
  const ANCESTRY = 'query($id: ID!) { orgUnit(id: $id) { parent { id } ancestors { id } } }';

  test('the parent above scope is null and ancestors above scope are left out, without errors', async () => {
    const result = await app.run('organizer:commune', ANCESTRY, { id: unit('commune') });
    expect(result).toEqual({ data: { orgUnit: { parent: null, ancestors: [] } } });
  });

  test('ancestors inside scope are listed, root first', async () => {
    const commune = await app.run('organizer:commune', ANCESTRY, { id: unit('cell') });
    expect(commune.data?.orgUnit).toEqual({ parent: { id: unit('commune') }, ancestors: [{ id: unit('commune') }] });
    const province = await app.run('organizer:province', ANCESTRY, { id: unit('cell') });
    expect(province.data?.orgUnit).toEqual({ parent: { id: unit('commune') }, ancestors: [{ id: unit('province') }, { id: unit('commune') }] });
  });

  test('member:cell sees its cell with no parent and no ancestors', async () => {
    expect(await app.run('member:cell', ANCESTRY, { id: unit('cell') })).toEqual({ data: { orgUnit: { parent: null, ancestors: [] } } });
  });

  test('children and descendants hold only units in scope', async () => {
    const query = 'query($id: ID!) { orgUnit(id: $id) { children { totalCount } descendants { totalCount nodes { id } } } }';
    const result = await app.run('admin:commune', query, { id: unit('commune') });
    expect(result.data?.orgUnit).toEqual({ children: { totalCount: 2 }, descendants: { totalCount: 2, nodes: expect.arrayContaining([{ id: unit('cell') }, { id: unit('school') }]) } });
  });

  test('an analyst gets counts for a unit but no member rows under it', async () => {
    const query = 'query($id: ID!) { orgUnit(id: $id) { memberCount members { totalCount nodes { id } } } }';
    const result = await app.run('analyst:province', query, { id: unit('commune') });
    expect(result).toEqual({ data: { orgUnit: { memberCount: 5, members: { totalCount: 0, nodes: [] } } } });
  });

  test('member:cell counts the members of its own cell (MEMBERS_READ there, no STATISTICS_READ)', async () => {
    // memberCount is null without STATISTICS_READ and MEMBERS_READ at the unit; no role in the table has
    // TREE_READ without one of them, so that null cannot be reached through a fixture account.
    const result = await app.run('member:cell', 'query($id: ID!) { orgUnit(id: $id) { memberCount } }', { id: unit('cell') });
    expect(result.data?.orgUnit).toEqual({ memberCount: 3 });
  });

  test("an account's home unit outside the caller's tree scope is null", async () => {
    const result = await app.run('norole', '{ viewer { account { id homeUnit { id } } } }');
    expect(result).toEqual({ data: { viewer: { account: { id: gid('Account', app.fixture.accounts.norole), homeUnit: null } } } });
  });

  test('a national role assignment has no unit and says so', async () => {
    const result = await app.run('admin:national', '{ viewer { roleAssignments { role national unit { id } } } }');
    expect(result.data?.viewer).toEqual({ roleAssignments: [{ role: 'ADMIN', national: true, unit: null }] });
  });

  test('viewer.can answers false for a unit outside scope, true inside', async () => {
    const query = 'query($a: ID!, $b: ID!, $c: ID!) { viewer { a: can(permission: TREE_WRITE, unitId: $a) b: can(permission: TREE_WRITE, unitId: $b) c: can(permission: TREE_WRITE, unitId: $c) } }';
    const result = await app.run('admin:commune', query, { a: unit('cell'), b: unit('province'), c: unit('otherCell') });
    expect(result).toEqual({ data: { viewer: { a: true, b: false, c: false } } });
  });

  test('viewer.permissions lists the units each permission covers', async () => {
    const result = await app.run('inspector:commune', '{ viewer { permissions { permission national units { id } } } }');
    expect(result.errors).toBeUndefined();
    const permissions = (result.data?.viewer as { permissions: Array<{ permission: string; national: boolean; units: { id: string }[] }> }).permissions;
    expect(permissions.map((p) => p.permission).sort()).toEqual(['AUDIT_READ', 'GRADES_READ', 'INSPECTIONS_READ', 'INSPECTIONS_WRITE', 'INSPECTION_CONCLUSIONS_READ', 'MEETINGS_READ', 'MEMBERS_PERSONAL', 'MEMBERS_READ', 'PUBLISHED_GRADES_READ', 'STATISTICS_READ', 'SUPERVISION_READ', 'TREE_READ']);
    for (const p of permissions) expect(p).toEqual({ permission: p.permission, national: false, units: [{ id: unit('commune') }] });
  });

  test('accounts: an admin sees the accounts it manages and its own, not those managed above', async () => {
    const node = 'query($id: ID!) { node(id: $id) { id } }';
    const account = (name: AccountName): { id: string } => ({ id: gid('Account', app.fixture.accounts[name]) });
    expect((await app.run('admin:province', node, account('admin:commune'))).data?.node).toEqual(account('admin:commune'));
    expect((await app.run('admin:commune', node, account('admin:commune'))).data?.node).toEqual(account('admin:commune'));
    expect((await app.run('organizer:cell', node, account('organizer:cell'))).data?.node).toEqual(account('organizer:cell'));
    expect((await app.run('organizer:cell', node, account('admin:cell'))).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  test("an account's role assignments outside the caller's scope are left out, as node(id) of them is NOT_FOUND", async () => {
    const accountId = await insertAccount(app.sql, app.fixture, 'PERSON', 'cell');
    const inside = await insertAssignment(app.sql, app.fixture, accountId, 'ORGANIZER', 'school');
    const elsewhere = await insertAssignment(app.sql, app.fixture, accountId, 'ANALYST', 'otherProvinceCell');
    const query = 'query($id: ID!) { node(id: $id) { ... on Account { roleAssignments { id role unit { id } } } } }';
    const asCommuneAdmin = await app.run('admin:commune', query, { id: gid('Account', accountId) });
    expect(asCommuneAdmin).toEqual({ data: { node: { roleAssignments: [{ id: gid('RoleAssignment', inside), role: 'ORGANIZER', unit: { id: unit('school') } }] } } });
    const direct = await app.run('admin:commune', 'query($id: ID!) { node(id: $id) { id } }', { id: gid('RoleAssignment', elsewhere) });
    expect(direct.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const asNationalAdmin = await app.run('admin:national', query, { id: gid('Account', accountId) });
    expect((asNationalAdmin.data?.node as { roleAssignments: { id: string }[] }).roleAssignments.map((a) => a.id)).toEqual([gid('RoleAssignment', inside), gid('RoleAssignment', elsewhere)]);
  });

  test('the own account lists every own role assignment, wherever it is held', async () => {
    const result = await app.run('organizer:cell', '{ viewer { account { roleAssignments { role unit { id } } } } }');
    expect(result).toEqual({ data: { viewer: { account: { roleAssignments: [{ role: 'ORGANIZER', unit: { id: unit('cell') } }] } } } });
  });
});
