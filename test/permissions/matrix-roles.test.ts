import { cells, expectOutcome, gid, insertAccount, insertAssignment, rowCount, type Actor, type Outcome } from '../support/permission-cases';
import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Granting and revoking roles: only with ACCOUNTS_MANAGE (ADMIN) at the unit, only to accounts
 * managed from the caller's subtree, never above or beside it, never a national role unless national.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

type Column = 'cell' | 'commune' | 'otherCell' | 'otherProvinceCell' | 'national';
const COLUMNS: readonly Column[] = ['cell', 'commune', 'otherCell', 'otherProvinceCell', 'national'];
const unitOf = (column: Column): UnitName | null => (column === 'national' ? null : column);
const unitGid = (unit: UnitName | null): string | null => (unit ? gid('OrgUnit', app.fixture.units[unit].id) : null);
const audits = (): Promise<number> => rowCount(app.sql, 'audit_entry');
const liveAssignments = (accountId: number): Promise<number> => rowCount(app.sql, 'role_assignment', 'account_id = ? and revoked_at is null', [accountId]);

const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id role national } }';
const REVOKE = 'mutation($id: ID!) { revokeRole(id: $id) { id revokedAt } }';

async function grant(actor: Actor, accountId: number, role: string, unit: UnitName | null) {
  return app.run(actor, GRANT, { input: { accountId: gid('Account', accountId), role, unitId: unitGid(unit) } });
}

describe('grantRole: ANALYST at the column, to a fresh account homed there', () => {
  // A national account is managed only nationally: NOT_FOUND for scoped admins.
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cell         commune      otherCell    otherProvCell national
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s at %s → %s', async (actor, column, expected) => {
    const unit = unitOf(column);
    const accountId = await insertAccount(app.sql, app.fixture, 'PERSON', unit);
    const before = await audits();
    const result = await grant(actor, accountId, 'ANALYST', unit);
    expectOutcome(result, 'grantRole', expected);
    const rows = await app.sql<{ role: string; unit_id: number | null; granted_by_id: number }>(
      'select role, unit_id, granted_by_id from role_assignment where account_id = ? and revoked_at is null',
      [accountId],
    );
    if (expected === 'allowed') {
      expect(rows).toEqual([{ role: 'ANALYST', unit_id: unit ? app.fixture.units[unit].id : null, granted_by_id: app.fixture.accounts[actor as AccountName] }]);
      expect(await audits()).toBe(before + 1);
    } else {
      expect(rows).toEqual([]);
      expect(await audits()).toBe(before);
    }
  });
});

describe('grantRole: the bounds of the grantor', () => {
  // [what, grantor, account home, role, unit, expected]
  // prettier-ignore
  const CASES: Array<[string, Actor, UnitName | null, string, UnitName | null, Outcome]> = [
    ['a commune admin grants ADMIN at its province (above its subtree)',        'admin:commune',  'commune',      'ADMIN',   'province',     'NOT_FOUND'],
    ['a commune admin grants at the neighbouring commune',                       'admin:commune',  'commune',      'ANALYST', 'otherCommune', 'NOT_FOUND'],
    ['a commune admin grants to an account managed from the neighbouring commune', 'admin:commune', 'otherCommune', 'ANALYST', 'commune',      'NOT_FOUND'],
    ['a province admin grants in another province',                              'admin:province', 'province',     'ANALYST', 'otherProvince', 'NOT_FOUND'],
    ['a province admin grants a national role to an account it manages',         'admin:province', 'province',     'ANALYST', null,           'FORBIDDEN'],
    ['a cell admin grants a national role',                                      'admin:cell',     'cell',         'ADMIN',   null,           'FORBIDDEN'],
    ['a national admin grants a national ADMIN role',                            'admin:national', null,           'ADMIN',   null,           'allowed'],
    ['a national admin grants a national INSPECTOR role',                        'admin:national', 'province',     'INSPECTOR', null,         'allowed'],
    ['a cell admin grants ADMIN at its cell (the role it holds there)',          'admin:cell',     'cell',         'ADMIN',   'cell',         'allowed'],
    ['a commune admin grants ADMIN at a cell below it',                          'admin:commune',  'cell',         'ADMIN',   'school',       'allowed'],
    ['a commune admin grants ORGANIZER at its commune',                          'admin:commune',  'commune',      'ORGANIZER', 'commune',    'allowed'],
    ['an organizer grants MEMBER (it holds no ACCOUNTS_MANAGE)',                 'organizer:province', 'cell',     'MEMBER',  'cell',         'FORBIDDEN'],
  ];

  test.each(CASES)('%s (%s) → %s', async (_what, actor, home, role, unit, expected) => {
    const accountId = await insertAccount(app.sql, app.fixture, 'PERSON', home);
    const before = await audits();
    expectOutcome(await grant(actor, accountId, role, unit), 'grantRole', expected);
    expect(await liveAssignments(accountId)).toBe(expected === 'allowed' ? 1 : 0);
    expect(await audits()).toBe(expected === 'allowed' ? before + 1 : before);
  });

  test('granting a role the account already holds there is a CONFLICT and writes nothing', async () => {
    const accountId = await insertAccount(app.sql, app.fixture, 'PERSON', 'commune');
    expectOutcome(await grant('admin:commune', accountId, 'ANALYST', 'commune'), 'grantRole', 'allowed');
    const before = await audits();
    expectOutcome(await grant('admin:commune', accountId, 'ANALYST', 'commune'), 'grantRole', 'CONFLICT');
    expect([await liveAssignments(accountId), await audits()]).toEqual([1, before]);
  });

  test("MEMBER only at the member's own cell, for an account linked to that member", async () => {
    const cell = app.fixture.units.cell;
    const [{ id: linked }] = await app.sql<{ id: number }>(
      "insert into account (kind, username, display_name, member_id, home_unit_id, home_unit_path) values ('PERSON', ?, 'Hùng', ?, ?, ?) returning id",
      [`linked-${process.pid}`, app.fixture.members['Lò Văn Hùng'].id, cell.id, cell.path],
    );
    const unlinked = await insertAccount(app.sql, app.fixture, 'PERSON', 'cell');
    expect(onlyCode(await grant('admin:commune', unlinked, 'MEMBER', 'cell'))).toBe('BAD_USER_INPUT');
    expect(onlyCode(await grant('admin:commune', linked, 'MEMBER', 'school'))).toBe('BAD_USER_INPUT');
    expectOutcome(await grant('admin:commune', linked, 'MEMBER', 'cell'), 'grantRole', 'allowed');
    expect([await liveAssignments(unlinked), await liveAssignments(linked)]).toEqual([0, 1]);
  });
});

const onlyCode = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): unknown =>
  result.errors?.length === 1 ? result.errors[0].extensions?.code : JSON.stringify(result.errors);

describe('revokeRole: a live ANALYST assignment at the column, of a fresh account homed there', () => {
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cell         commune      otherCell    otherProvCell national
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s at %s → %s', async (actor, column, expected) => {
    const unit = unitOf(column);
    const accountId = await insertAccount(app.sql, app.fixture, 'PERSON', unit);
    const assignmentId = await insertAssignment(app.sql, app.fixture, accountId, 'ANALYST', unit);
    const before = await audits();
    expectOutcome(await app.run(actor, REVOKE, { id: gid('RoleAssignment', assignmentId) }), 'revokeRole', expected);
    const [row] = await app.sql<{ revoked: boolean; revoked_by_id: number | null }>('select revoked_at is not null as revoked, revoked_by_id from role_assignment where id = ?', [assignmentId]);
    if (expected === 'allowed') {
      expect(row).toEqual({ revoked: true, revoked_by_id: app.fixture.accounts[actor as AccountName] });
      expect(await audits()).toBe(before + 1);
    } else {
      expect(row).toEqual({ revoked: false, revoked_by_id: null });
      expect(await audits()).toBe(before);
    }
  });
});

describe('revokeRole: the bounds of the revoker', () => {
  const fixtureAssignment = async (holder: AccountName): Promise<number> => {
    const [{ id }] = await app.sql<{ id: number }>('select id from role_assignment where account_id = ?', [app.fixture.accounts[holder]]);
    return id;
  };

  // prettier-ignore
  const CASES: Array<[string, Actor, AccountName, Outcome]> = [
    ['a commune admin revokes the ADMIN role of the province admin (above it)',   'admin:commune',  'admin:province',    'NOT_FOUND'],
    ['a cell admin revokes the ORGANIZER role held at its commune',              'admin:cell',     'organizer:commune', 'NOT_FOUND'],
    ['a province admin revokes the national ADMIN role',                         'admin:province', 'admin:national',    'NOT_FOUND'],
    ['a commune admin revokes the ANALYST role of a service account at its province', 'admin:commune', 'service:province', 'NOT_FOUND'],
    ['an inspector revokes a role below it (no ACCOUNTS_MANAGE)',                'inspector:province', 'analyst:cell',  'FORBIDDEN'],
  ];

  test.each(CASES)('%s (%s revokes %s) → %s', async (_what, actor, holder, expected) => {
    const assignmentId = await fixtureAssignment(holder);
    const before = await audits();
    expectOutcome(await app.run(actor, REVOKE, { id: gid('RoleAssignment', assignmentId) }), 'revokeRole', expected);
    expect([await liveAssignments(app.fixture.accounts[holder]), await audits()]).toEqual([1, before]);
  });

  test('an already revoked assignment is a CONFLICT and writes nothing', async () => {
    const accountId = await insertAccount(app.sql, app.fixture, 'PERSON', 'cell');
    const assignmentId = await insertAssignment(app.sql, app.fixture, accountId, 'INSPECTOR', 'cell');
    expectOutcome(await app.run('admin:cell', REVOKE, { id: gid('RoleAssignment', assignmentId) }), 'revokeRole', 'allowed');
    const before = await audits();
    expectOutcome(await app.run('admin:cell', REVOKE, { id: gid('RoleAssignment', assignmentId) }), 'revokeRole', 'CONFLICT');
    expect(await audits()).toBe(before);
  });

  test('an assignment at a unit in scope is revocable even when its account is managed from elsewhere', async () => {
    // Granting needs the account in scope; revoking only looks at the assignment's unit (see report).
    const outsider = await insertAccount(app.sql, app.fixture, 'PERSON', 'otherProvinceCell');
    const assignmentId = await insertAssignment(app.sql, app.fixture, outsider, 'ANALYST', 'cell');
    const result = await app.run('admin:cell', 'mutation($id: ID!) { revokeRole(id: $id) { id account { id } } }', { id: gid('RoleAssignment', assignmentId) });
    expect(result.errors).toBeUndefined();
    // The account itself stays invisible to the revoker.
    expect(result.data?.revokeRole).toEqual({ id: gid('RoleAssignment', assignmentId), account: null });
  });
});
