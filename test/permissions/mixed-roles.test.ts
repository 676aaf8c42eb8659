import { expectOutcome, gid, insertAccount, insertAssignment, rowCount, type Outcome } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Accounts holding two roles at different units. Their read scope is wider than their write scope,
 * which reaches the services' own checks behind the shield: a unit or member the caller may see but
 * not change is FORBIDDEN (it exists for them), one it may not see is NOT_FOUND.
 *
 * In this file's database only:
 *   inspector:province also holds ADMIN at the cell;
 *   analyst:province also holds ORGANIZER at the cell.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await insertAssignment(app.sql, app.fixture, app.fixture.accounts['inspector:province'], 'ADMIN', 'cell');
  await insertAssignment(app.sql, app.fixture, app.fixture.accounts['analyst:province'], 'ORGANIZER', 'cell');
});
afterAll(() => app.close());

const unit = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const member = (fullName: string): string => gid('Member', app.fixture.members[fullName].id);
const audits = (): Promise<number> => rowCount(app.sql, 'audit_entry');
const version = async (table: 'org_unit' | 'member', id: number): Promise<number> =>
  (await app.sql<{ version: number }>(`select version from ${table} where id = ?`, [id]))[0].version;

describe('inspector:province with ADMIN at the cell: reads the province, writes the cell', () => {
  const AS = 'inspector:province' as const;

  // [what, mutation, field, variables, expected]
  // prettier-ignore
  const CASES: Array<[string, string, string, () => Promise<Record<string, unknown>>, Outcome]> = [
    ['updateOrgUnit of its cell',                            'mutation($id: ID!, $v: Int!) { updateOrgUnit(input: { id: $id, version: $v, name: "Chi bộ A" }) { id } }', 'updateOrgUnit',
      async () => ({ id: unit('cell'), v: await version('org_unit', app.fixture.units.cell.id) }), 'allowed'],
    ['updateOrgUnit of a cell it reads but does not admin', 'mutation($id: ID!, $v: Int!) { updateOrgUnit(input: { id: $id, version: $v, name: "Chi bộ B" }) { id } }', 'updateOrgUnit',
      async () => ({ id: unit('otherCell'), v: await version('org_unit', app.fixture.units.otherCell.id) }), 'FORBIDDEN'],
    ['updateOrgUnit in another province',                   'mutation($id: ID!, $v: Int!) { updateOrgUnit(input: { id: $id, version: $v, name: "Chi bộ C" }) { id } }', 'updateOrgUnit',
      async () => ({ id: unit('otherProvinceCell'), v: 1 }), 'NOT_FOUND'],
    ['createOrgUnit under its cell',                        'mutation($id: ID!) { createOrgUnit(input: { parentId: $id, kind: PARTY_GROUP, name: "Tổ đảng 1" }) { id } }', 'createOrgUnit',
      async () => ({ id: unit('cell') }), 'allowed'],
    ['createOrgUnit under the commune it only reads',       'mutation($id: ID!) { createOrgUnit(input: { parentId: $id, kind: CELL, cellType: RESIDENTIAL, name: "Chi bộ D" }) { id } }', 'createOrgUnit',
      async () => ({ id: unit('commune') }), 'FORBIDDEN'],
    ['createMember in its cell',                            'mutation($id: ID!) { createMember(input: { unitId: $id, fullName: "Mới 1", gender: MALE, ethnicity: "Kinh", admissionDate: "2020-01-01" }) { id } }', 'createMember',
      async () => ({ id: unit('cell') }), 'allowed'],
    ['createMember in the school cell it only reads',       'mutation($id: ID!) { createMember(input: { unitId: $id, fullName: "Mới 2", gender: MALE, ethnicity: "Kinh", admissionDate: "2020-01-01" }) { id } }', 'createMember',
      async () => ({ id: unit('school') }), 'FORBIDDEN'],
    ['updateMember in its cell',                            'mutation($id: ID!, $v: Int!) { updateMember(input: { id: $id, version: $v, ethnicity: "Thái" }) { id } }', 'updateMember',
      async () => ({ id: member('Lò Văn Hùng'), v: await version('member', app.fixture.members['Lò Văn Hùng'].id) }), 'allowed'],
    ['updateMember of a member it only reads',              'mutation($id: ID!, $v: Int!) { updateMember(input: { id: $id, version: $v, ethnicity: "Thái" }) { id } }', 'updateMember',
      async () => ({ id: member('Trần Thị Bình'), v: await version('member', app.fixture.members['Trần Thị Bình'].id) }), 'FORBIDDEN'],
    ['createAccount homed at its cell',                     'mutation($id: ID!) { createAccount(input: { homeUnitId: $id, username: "mixed-1", password: "a-long-password-1", displayName: "M" }) { id } }', 'createAccount',
      async () => ({ id: unit('cell') }), 'allowed'],
    ['createAccount homed at a unit it only reads',         'mutation($id: ID!) { createAccount(input: { homeUnitId: $id, username: "mixed-2", password: "a-long-password-1", displayName: "M" }) { id } }', 'createAccount',
      async () => ({ id: unit('school') }), 'FORBIDDEN'],
    ['grantRole at a unit it only reads, to an account it manages', 'mutation($a: ID!, $u: ID!) { grantRole(input: { accountId: $a, role: ANALYST, unitId: $u }) { id } }', 'grantRole',
      async () => ({ a: gid('Account', await insertAccount(app.sql, app.fixture, 'PERSON', 'cell')), u: unit('school') }), 'FORBIDDEN'],
    ['grantRole at its cell, to an account managed from a unit it only reads', 'mutation($a: ID!, $u: ID!) { grantRole(input: { accountId: $a, role: ANALYST, unitId: $u }) { id } }', 'grantRole',
      async () => ({ a: gid('Account', await insertAccount(app.sql, app.fixture, 'PERSON', 'school')), u: unit('cell') }), 'NOT_FOUND'],
    ['grantRole at its cell, to an account it manages',     'mutation($a: ID!, $u: ID!) { grantRole(input: { accountId: $a, role: INSPECTOR, unitId: $u }) { id } }', 'grantRole',
      async () => ({ a: gid('Account', await insertAccount(app.sql, app.fixture, 'PERSON', 'cell')), u: unit('cell') }), 'allowed'],
  ];

  test.each(CASES)('%s → %s', async (_what, mutation, field, variables, expected) => {
    const vars = await variables();
    const before = await audits();
    expectOutcome(await app.run(AS, mutation, vars), field, expected);
    expect(await audits()).toBe(expected === 'allowed' ? before + 1 : before);
  });
});

describe('analyst:province with ORGANIZER at the cell: statistics over the province, members of the cell only', () => {
  const AS = 'analyst:province' as const;

  test('units: the whole province; members: the cell only', async () => {
    const result = await app.run(AS, '{ orgUnits { totalCount } members { totalCount nodes { fullName } } }');
    expect(result.errors).toBeUndefined();
    // The fixture's 6 units of the province, plus the party group the other account created above.
    const inProvince = await rowCount(app.sql, 'org_unit', 'path like ?', [`${app.fixture.units.province.path}%`]);
    expect(inProvince).toBe(7);
    expect((result.data?.orgUnits as { totalCount: number }).totalCount).toBe(inProvince);
    const members = result.data?.members as { totalCount: number; nodes: { fullName: string }[] };
    // The fixture's three members of the cell, plus "Mới 1" created there above; none of the school's.
    expect(members.nodes.map((n) => n.fullName).sort()).toEqual(['Lò Văn Hùng', 'Mới 1', 'Nguyễn Văn An', 'Tẩn Thị Mai'].sort());
  });

  test('a member of a cell it only counts is NOT_FOUND, though the cell itself is visible', async () => {
    expectOutcome(await app.run(AS, 'query($id: ID!) { orgUnit(id: $id) { id } }', { id: unit('school') }), 'orgUnit', 'allowed');
    expectOutcome(await app.run(AS, 'query($id: ID!) { member(id: $id) { id } }', { id: member('Trần Thị Bình') }), 'member', 'NOT_FOUND');
  });

  test('the school cell: its count, no member rows', async () => {
    const result = await app.run(AS, 'query($id: ID!) { orgUnit(id: $id) { memberCount members { totalCount } } }', { id: unit('school') });
    expect(result).toEqual({ data: { orgUnit: { memberCount: 2, members: { totalCount: 0 } } } });
  });

  test('personal data of a member of its cell, where it is organizer', async () => {
    const result = await app.run(AS, 'query($id: ID!) { member(id: $id) { phone citizenId } }', { id: member('Tẩn Thị Mai') });
    expect(result.errors).toBeUndefined();
    expect(result.data?.member).toEqual({ phone: expect.stringMatching(/^0912/), citizenId: expect.stringMatching(/^\d{12}$/) });
  });

  test('createMember: in its cell allowed, in the school cell it only counts FORBIDDEN', async () => {
    const create = 'mutation($id: ID!, $n: String!) { createMember(input: { unitId: $id, fullName: $n, gender: FEMALE, ethnicity: "Dao", admissionDate: "2021-01-01" }) { id } }';
    const before = await rowCount(app.sql, 'member');
    expectOutcome(await app.run(AS, create, { id: unit('cell'), n: 'Phân tích 1' }), 'createMember', 'allowed');
    expectOutcome(await app.run(AS, create, { id: unit('school'), n: 'Phân tích 2' }), 'createMember', 'FORBIDDEN');
    expect(await rowCount(app.sql, 'member')).toBe(before + 1);
  });
});
