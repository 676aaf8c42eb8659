import { cells, gid, MISSING_DB_ID, perActor, expectOutcome, type Actor, type Outcome } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Permission matrix of the queries: every actor × query × target, each cell written out.
 * Targets are fixture units and members inside and outside each actor's subtree, and a missing id.
 * A role at a unit covers its subtree; outside it an id answers exactly like a missing one.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const unitId = (column: UnitColumn): string => (column === 'missing' ? gid('OrgUnit', MISSING_DB_ID) : gid('OrgUnit', app.fixture.units[column].id));
const memberId = (column: MemberColumn): string => (column === 'missing' ? gid('Member', MISSING_DB_ID) : gid('Member', app.fixture.members[MEMBER_OF[column]].id));

type UnitColumn = 'province' | 'commune' | 'cell' | 'otherCell' | 'otherProvinceCell' | 'missing';
const UNIT_COLUMNS: readonly UnitColumn[] = ['province', 'commune', 'cell', 'otherCell', 'otherProvinceCell', 'missing'];

/** Members by where they stand: `self` is the record linked to member:cell. */
type MemberColumn = 'cellMember' | 'self' | 'schoolMember' | 'otherCellMember' | 'otherProvinceMember' | 'missing';
const MEMBER_COLUMNS: readonly MemberColumn[] = ['cellMember', 'self', 'schoolMember', 'otherCellMember', 'otherProvinceMember', 'missing'];
const MEMBER_OF: Record<Exclude<MemberColumn, 'missing'>, string> = {
  cellMember: 'Lò Văn Hùng',
  self: 'Nguyễn Văn An',
  schoolMember: 'Trần Thị Bình',
  otherCellMember: 'Lê Văn Cường',
  otherProvinceMember: 'Lò Thị Ánh',
};

// prettier-ignore
const ORG_UNIT: Record<Actor, Outcome[]> = {
  //                      province     commune      cell         otherCell    otherProvCell missing
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:commune':      ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:commune':  ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'inspector:commune':  ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:cell':     ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'analyst:commune':    ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:cell':       ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'service:province':   ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'member:cell':        ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

// node(id) passes the shield for any signed-in caller: without TREE_READ the unit is simply not found.
// prettier-ignore
const NODE_UNIT: Record<Actor, Outcome[]> = {
  ...ORG_UNIT,
  'norole':             ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
};

// prettier-ignore
const MEMBER: Record<Actor, Outcome[]> = {
  //                      cellMember   self(An)     school       otherCell    otherProv    missing
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'inspector:commune':  ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:cell':     ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'member:cell':        ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

// node(memberId): analysts hold no MEMBERS_READ anywhere, so every member row is out of their scope.
// prettier-ignore
const NODE_MEMBER: Record<Actor, Outcome[]> = {
  ...MEMBER,
  'analyst:province':   ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:commune':    ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:cell':       ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'service:province':   ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
};

describe('orgUnit(id)', () => {
  test.each(cells(UNIT_COLUMNS, ORG_UNIT))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { orgUnit(id: $id) { id } }', { id: unitId(column) });
    expectOutcome(result, 'orgUnit', expected);
    if (expected === 'allowed') expect(result.data?.orgUnit).toEqual({ id: unitId(column) });
  });
});

describe('node(id) of a unit', () => {
  test.each(cells(UNIT_COLUMNS, NODE_UNIT))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { node(id: $id) { id __typename } }', { id: unitId(column) });
    expectOutcome(result, 'node', expected);
    if (expected === 'allowed') expect(result.data?.node).toEqual({ id: unitId(column), __typename: 'OrgUnit' });
  });
});

describe('member(id)', () => {
  test.each(cells(MEMBER_COLUMNS, MEMBER))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { member(id: $id) { id fullName } }', { id: memberId(column) });
    expectOutcome(result, 'member', expected);
    if (expected === 'allowed') expect(result.data?.member).toEqual({ id: memberId(column), fullName: MEMBER_OF[column as Exclude<MemberColumn, 'missing'>] });
  });
});

describe('node(id) of a member', () => {
  test.each(cells(MEMBER_COLUMNS, NODE_MEMBER))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { node(id: $id) { id __typename } }', { id: memberId(column) });
    expectOutcome(result, 'node', expected);
    if (expected === 'allowed') expect(result.data?.node).toEqual({ id: memberId(column), __typename: 'Member' });
  });
});

describe('nodes(ids): null for each id out of scope, never an error', () => {
  type NodesColumn = 'province' | 'cell' | 'otherProvinceCell' | 'cellMember' | 'otherProvinceMember';
  const COLUMNS: readonly NodesColumn[] = ['province', 'cell', 'otherProvinceCell', 'cellMember', 'otherProvinceMember'];
  const idOf = (c: NodesColumn): string => (c === 'cellMember' || c === 'otherProvinceMember' ? memberId(c) : unitId(c));
  // prettier-ignore
  const NODES: Record<Actor, Outcome[]> = {
    //                      province     cell         otherProvCell cellMember  otherProvMember
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'null',      'allowed',   'null'],
    'admin:commune':      ['null',      'allowed',   'null',      'allowed',   'null'],
    'admin:cell':         ['null',      'allowed',   'null',      'allowed',   'null'],
    'organizer:province': ['allowed',   'allowed',   'null',      'allowed',   'null'],
    'organizer:commune':  ['null',      'allowed',   'null',      'allowed',   'null'],
    'organizer:cell':     ['null',      'allowed',   'null',      'allowed',   'null'],
    'inspector:province': ['allowed',   'allowed',   'null',      'allowed',   'null'],
    'inspector:commune':  ['null',      'allowed',   'null',      'allowed',   'null'],
    'inspector:cell':     ['null',      'allowed',   'null',      'allowed',   'null'],
    'analyst:province':   ['allowed',   'allowed',   'null',      'null',      'null'],
    'analyst:commune':    ['null',      'allowed',   'null',      'null',      'null'],
    'analyst:cell':       ['null',      'allowed',   'null',      'null',      'null'],
    'service:province':   ['allowed',   'allowed',   'null',      'null',      'null'],
    'member:cell':        ['null',      'allowed',   'null',      'allowed',   'null'],
    'norole':             ['null',      'null',      'null',      'null',      'null'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, NODES))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [idOf(column)] });
    if (expected === 'FORBIDDEN' || expected === 'UNAUTHENTICATED') return expectOutcome(result, 'nodes', expected);
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([expected === 'allowed' ? { id: idOf(column) } : null]);
  });

  test('a mixed list keeps its order, with null in place of the out-of-scope ids (organizer:commune)', async () => {
    const ids = COLUMNS.map(idOf);
    const result = await app.run('organizer:commune', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([null, { id: ids[1] }, null, { id: ids[3] }, null]);
  });
});

const UNITS_OF_PROVINCE: UnitName[] = ['province', 'commune', 'cell', 'school', 'otherCommune', 'otherCell'];
const ALL_UNITS: UnitName[] = [...UNITS_OF_PROVINCE, 'otherProvince', 'otherProvinceCommune', 'otherProvinceCell'];
const LAI_CHAU = ['Lò Văn Hùng', 'Tẩn Thị Mai', 'Nguyễn Văn An', 'Trần Thị Bình', 'Vàng A Páo', 'Lê Văn Cường', 'Giàng Thị Dợ'];
const BINH_LU = LAI_CHAU.slice(0, 5);
const NAM_CUOI = LAI_CHAU.slice(0, 3);
const EVERYONE = [...LAI_CHAU, 'Lò Thị Ánh', 'Quàng Văn Đức'];

describe('orgUnits: exactly the units of the subtree', () => {
  // prettier-ignore
  const VISIBLE: Record<Actor, UnitName[] | 'FORBIDDEN' | 'UNAUTHENTICATED'> = {
    'admin:national': ALL_UNITS,
    'admin:province': UNITS_OF_PROVINCE, 'admin:commune': ['commune', 'cell', 'school'], 'admin:cell': ['cell'],
    'organizer:province': UNITS_OF_PROVINCE, 'organizer:commune': ['commune', 'cell', 'school'], 'organizer:cell': ['cell'],
    'inspector:province': UNITS_OF_PROVINCE, 'inspector:commune': ['commune', 'cell', 'school'], 'inspector:cell': ['cell'],
    'analyst:province': UNITS_OF_PROVINCE, 'analyst:commune': ['commune', 'cell', 'school'], 'analyst:cell': ['cell'],
    'service:province': UNITS_OF_PROVINCE,
    'member:cell': ['cell'],
    'norole': 'FORBIDDEN',
    'anonymous': 'UNAUTHENTICATED',
  };
  const rows = perActor(Object.fromEntries(Object.entries(VISIBLE).map(([a, v]) => [a, v === 'FORBIDDEN' || v === 'UNAUTHENTICATED' ? v : 'allowed'])) as Record<Actor, Outcome>);

  test.each(rows)('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, '{ orgUnits(first: 100) { totalCount nodes { id } } }');
    expectOutcome(result, 'orgUnits', expected);
    const visible = VISIBLE[actor];
    if (visible === 'FORBIDDEN' || visible === 'UNAUTHENTICATED') return;
    const page = result.data?.orgUnits as { totalCount: number; nodes: { id: string }[] };
    expect(page.nodes.map((n) => n.id).sort()).toEqual(visible.map((u) => gid('OrgUnit', app.fixture.units[u].id)).sort());
    expect(page.totalCount).toBe(visible.length);
  });
});

describe('members: exactly the members of the subtree; none for analysts', () => {
  // prettier-ignore
  const VISIBLE: Record<Actor, string[] | 'FORBIDDEN' | 'UNAUTHENTICATED'> = {
    'admin:national': EVERYONE,
    'admin:province': LAI_CHAU, 'admin:commune': BINH_LU, 'admin:cell': NAM_CUOI,
    'organizer:province': LAI_CHAU, 'organizer:commune': BINH_LU, 'organizer:cell': NAM_CUOI,
    'inspector:province': LAI_CHAU, 'inspector:commune': BINH_LU, 'inspector:cell': NAM_CUOI,
    'analyst:province': 'FORBIDDEN', 'analyst:commune': 'FORBIDDEN', 'analyst:cell': 'FORBIDDEN',
    'service:province': 'FORBIDDEN',
    'member:cell': NAM_CUOI,
    'norole': 'FORBIDDEN',
    'anonymous': 'UNAUTHENTICATED',
  };
  const rows = perActor(Object.fromEntries(Object.entries(VISIBLE).map(([a, v]) => [a, v === 'FORBIDDEN' || v === 'UNAUTHENTICATED' ? v : 'allowed'])) as Record<Actor, Outcome>);

  test.each(rows)('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, '{ members(first: 100) { totalCount nodes { fullName } } }');
    expectOutcome(result, 'members', expected);
    const visible = VISIBLE[actor];
    if (visible === 'FORBIDDEN' || visible === 'UNAUTHENTICATED') return;
    const page = result.data?.members as { totalCount: number; nodes: { fullName: string }[] };
    expect(page.nodes.map((n) => n.fullName).sort()).toEqual([...visible].sort());
    expect(page.totalCount).toBe(visible.length);
  });
});

describe('viewer: null for anonymous, the own account for everyone else', () => {
  // prettier-ignore
  const VIEWER: Record<Actor, Outcome> = {
    'admin:national': 'allowed', 'admin:province': 'allowed', 'admin:commune': 'allowed', 'admin:cell': 'allowed',
    'organizer:province': 'allowed', 'organizer:commune': 'allowed', 'organizer:cell': 'allowed',
    'inspector:province': 'allowed', 'inspector:commune': 'allowed', 'inspector:cell': 'allowed',
    'analyst:province': 'allowed', 'analyst:commune': 'allowed', 'analyst:cell': 'allowed',
    'service:province': 'allowed', 'member:cell': 'allowed', 'norole': 'allowed',
    'anonymous': 'null',
  };

  test.each(perActor(VIEWER))('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, '{ viewer { account { id } } }');
    expectOutcome(result, 'viewer', expected);
    if (actor !== 'anonymous') expect(result.data?.viewer).toEqual({ account: { id: gid('Account', app.fixture.accounts[actor]) } });
  });
});

describe('roles: the role table, for anyone signed in', () => {
  // prettier-ignore
  const ROLES: Record<Actor, Outcome> = {
    'admin:national': 'allowed', 'admin:province': 'allowed', 'admin:commune': 'allowed', 'admin:cell': 'allowed',
    'organizer:province': 'allowed', 'organizer:commune': 'allowed', 'organizer:cell': 'allowed',
    'inspector:province': 'allowed', 'inspector:commune': 'allowed', 'inspector:cell': 'allowed',
    'analyst:province': 'allowed', 'analyst:commune': 'allowed', 'analyst:cell': 'allowed',
    'service:province': 'allowed', 'member:cell': 'allowed', 'norole': 'allowed',
    'anonymous': 'UNAUTHENTICATED',
  };

  test.each(perActor(ROLES))('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, '{ roles { role permissions } }');
    expectOutcome(result, 'roles', expected);
    if (expected === 'allowed') expect((result.data?.roles as unknown[]).length).toBe(7);
  });
});
