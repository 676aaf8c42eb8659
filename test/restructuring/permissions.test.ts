import pino from 'pino';
import { loadViewer } from '../../src/auth/identify';
import { Permission } from '../../src/auth/permission';
import { Viewer } from '../../src/auth/viewer';
import { createRequestContext } from '../../src/context-factory';
import { countsAsOf, unitAsOf } from '../../src/services/tree/as-of-queries';
import { searchKey, sortKey } from '../../src/services/tree/vietnamese-text';
import type { AccountName, UnitName } from '../support/fixture';
import { cells, expectOutcome, insertAccount, insertAssignment, rowCount, type Actor, type Outcome } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected } from '../validation/support';
import { data, DISSOLVE, MERGE, MOVE, ref, RENAME, RESTRUCTURING_TABLES, SPLIT, unitGid } from './support';

/**
 * Who may restructure the tree: the five operations need TREE_WRITE (ADMIN at or above the unit
 * and, for a move or a new unit, at the other end too); roles without it anywhere are stopped by the
 * shield (FORBIDDEN), anonymous callers are told to sign in; units outside the caller's scope are
 * NOT_FOUND. orgUnitAsOf is for every TREE_READ holder, in today's scope; its counts for those who
 * read the unit's members or statistics. Every case works on units of its own.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

let seq = 0;
/** A party group (tổ đảng) under a fixture cell, inserted directly: a target of its own for one case. */
async function group(parent: UnitName): Promise<string> {
  seq += 1;
  const p = app.fixture.units[parent];
  const name = `Tổ đảng ${seq}`;
  const [{ id }] = await app.sql<{ id: number }>("select nextval('org_unit_id_seq')::int as id");
  await app.sql('insert into org_unit (id, province_id, parent_id, path, depth, kind, name, name_search, name_sort_key) values (?,?,?,?,?,?,?,?,?)', [
    id, Number(p.path.split('/')[1]), p.id, `${p.path}${id}/`, p.path.split('/').length - 2, 'PARTY_GROUP', name, searchKey(name), sortKey(name),
  ]);
  const key = `group${seq}`;
  (app.fixture.units as Record<string, { id: number; path: string; name: string }>)[key] = { id, path: `${p.path}${id}/`, name };
  return key;
}

const ON = { on: '2026-06-01', decisionRef: 'QĐ-PQ' };
type Column = 'inCell' | 'inSchool';
const COLUMNS: readonly Column[] = ['inCell', 'inSchool'];
const WHERE: Record<Column, UnitName> = { inCell: 'cell', inSchool: 'school' };
const OTHER: Record<Column, UnitName> = { inCell: 'school', inSchool: 'cell' };

/** Each operation on fresh party groups under the column's cell; a move goes to the other cell. */
const OPERATIONS: Record<string, { query: string; field: string; writes?: number; build(column: Column): Promise<Record<string, unknown>>; changed(input: Record<string, unknown>): Promise<number> }> = {
  renameOrgUnit: {
    query: RENAME, field: 'renameOrgUnit',
    build: async (c) => ({ ...(await ref(app, await group(WHERE[c]))), name: `Tổ đảng mới ${seq}`, ...ON }),
    changed: (i) => rowCount(app.sql, 'org_unit_version', "unit_id = ? and change = 'RENAMED'", [idOf(i.id)]),
  },
  moveOrgUnit: {
    query: MOVE, field: 'moveOrgUnit',
    build: async (c) => ({ ...(await ref(app, await group(WHERE[c]))), newParentId: unitGid(app, OTHER[c]), ...ON }),
    changed: (i) => rowCount(app.sql, 'org_unit_version', "unit_id = ? and change = 'MOVED'", [idOf(i.id)]),
  },
  mergeOrgUnits: {
    query: MERGE, field: 'mergeOrgUnits',
    build: async (c) => ({ units: [await ref(app, await group(WHERE[c]))], into: await ref(app, await group(WHERE[c])), ...ON }),
    changed: (i) => rowCount(app.sql, 'unit_succession', 'predecessor_id = ?', [idOf((i.units as Array<{ id: string }>)[0].id)]),
  },
  splitOrgUnit: {
    query: SPLIT, field: 'splitOrgUnit', writes: 2,
    build: async (c) => ({ ...(await ref(app, await group(WHERE[c]))), parts: [{ unit: { name: 'Tổ 1' } }, { unit: { name: 'Tổ 2' } }], ...ON }),
    changed: (i) => rowCount(app.sql, 'unit_succession', 'predecessor_id = ?', [idOf(i.id)]),
  },
  dissolveOrgUnit: {
    query: DISSOLVE, field: 'dissolveOrgUnit',
    build: async (c) => ({ ...(await ref(app, await group(WHERE[c]))), ...ON }),
    changed: (i) => rowCount(app.sql, 'org_unit', "id = ? and status = 'DISSOLVED'", [idOf(i.id)]),
  },
};
const idOf = (globalId: unknown): number => Number(Buffer.from(String(globalId), 'base64url').toString('utf8').split(':')[1]);

const A = 'allowed' as const;
const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const U = 'UNAUTHENTICATED' as const;

// prettier-ignore
const WRITE_TABLE: Record<Actor, Outcome[]> = {
  //                     a group under the cell   a group under the school (moves go to the other cell)
  'admin:national':     [A, A],
  'admin:province':     [A, A],
  'admin:commune':      [A, A],
  // The cell's administrator: the groups of its own cell only.
  'admin:cell':         [A, N],
  'organizer:province': [F, F],
  'organizer:commune':  [F, F],
  'organizer:cell':     [F, F],
  'inspector:province': [F, F],
  'inspector:commune':  [F, F],
  'inspector:cell':     [F, F],
  'analyst:province':   [F, F],
  'analyst:commune':    [F, F],
  'analyst:cell':       [F, F],
  'service:province':   [F, F],
  'member:cell':        [F, F],
  'norole':             [F, F],
  'anonymous':          [U, U],
};

/** A move of a group of the cell goes to the school, outside the cell's administrator's scope: NOT_FOUND at that end. */
const MOVE_TABLE: Record<Actor, Outcome[]> = { ...WRITE_TABLE, 'admin:cell': [N, N] };

describe.each(Object.keys(OPERATIONS))('%s', (operation) => {
  const op = OPERATIONS[operation];
  test.each(cells(COLUMNS, operation === 'moveOrgUnit' ? MOVE_TABLE : WRITE_TABLE))('as %s, %s → %s', async (actor, column, expected) => {
    const input = await op.build(column);
    const result = await app.run(actor, op.query, { i: input });
    expectOutcome(result, op.field, expected);
    expect(await op.changed(input)).toBe(expected === 'allowed' ? op.writes ?? 1 : 0);
  });
});

describe('the other end of an operation needs TREE_WRITE too', () => {
  test('a move to a unit the caller reads but does not administer: FORBIDDEN, nothing written', async () => {
    const id = await insertAccount(app.sql, app.fixture, 'PERSON', 'cell');
    await insertAssignment(app.sql, app.fixture, id, 'ADMIN', 'cell');
    await insertAssignment(app.sql, app.fixture, id, 'INSPECTOR', 'commune');
    (app.fixture.accounts as Record<string, number>)['admin:cell+inspector:commune'] = id;
    const input = { ...(await ref(app, await group('cell'))), newParentId: unitGid(app, 'school'), ...ON };
    await expectRejected(app, 'admin:cell+inspector:commune' as AccountName, RESTRUCTURING_TABLES, MOVE, { i: input }, { code: 'FORBIDDEN' });
    // The other side: with ADMIN at the school as well, the same move goes through.
    await insertAssignment(app.sql, app.fixture, id, 'ADMIN', 'school');
    expect(data(await app.run('admin:cell+inspector:commune' as AccountName, MOVE, { i: input })).moveOrgUnit.parent).toEqual({ name: 'Chi bộ Trường Tiểu học Bình Lư' });
  });

  test('splitting a cell, or merging cells into a new one, creates units under the commune: FORBIDDEN without TREE_WRITE there', async () => {
    const id = await insertAccount(app.sql, app.fixture, 'PERSON', 'cell');
    await insertAssignment(app.sql, app.fixture, id, 'ADMIN', 'cell');
    await insertAssignment(app.sql, app.fixture, id, 'ADMIN', 'school');
    (app.fixture.accounts as Record<string, number>)['admin:cell+school'] = id;
    const as = 'admin:cell+school' as AccountName;
    // Checked before the parts are: the school's members need not even be placed.
    const split = { ...(await ref(app, 'school')), parts: [{ unit: { name: 'Chi bộ 1' } }, { unit: { name: 'Chi bộ 2' } }], ...ON };
    await expectRejected(app, as, RESTRUCTURING_TABLES, SPLIT, { i: split }, { code: 'FORBIDDEN' });
    const merge = { units: [await ref(app, 'cell'), await ref(app, 'school')], newUnit: { name: 'Chi bộ chung' }, ...ON };
    await expectRejected(app, as, RESTRUCTURING_TABLES, MERGE, { i: merge }, { code: 'FORBIDDEN' });
    // The other side: merging one of its cells into the other creates nothing, and is theirs to do.
    const into = data(await app.run(as, MERGE, { i: { units: [await ref(app, 'school')], into: await ref(app, 'cell'), ...ON } })).mergeOrgUnits;
    expect(into).toMatchObject({ name: app.fixture.units.cell.name, status: 'ACTIVE' });
  });
});

// prettier-ignore
const AS_OF_TABLE: Record<Actor, Outcome[]> = {
  //                     cell  commune  otherProvinceCell
  'admin:national':     [A, A, A],
  'admin:province':     [A, A, N],
  'admin:commune':      [A, A, N],
  'admin:cell':         [A, N, N],
  'organizer:province': [A, A, N],
  'organizer:commune':  [A, A, N],
  'organizer:cell':     [A, N, N],
  'inspector:province': [A, A, N],
  'inspector:commune':  [A, A, N],
  'inspector:cell':     [A, N, N],
  'analyst:province':   [A, A, N],
  'analyst:commune':    [A, A, N],
  'analyst:cell':       [A, N, N],
  'service:province':   [A, A, N],
  'member:cell':        [A, N, N],
  'norole':             [F, F, F],
  'anonymous':          [U, U, U],
};
type AsOfColumn = 'cell' | 'commune' | 'otherProvinceCell';
const AS_OF_COLUMNS: readonly AsOfColumn[] = ['cell', 'commune', 'otherProvinceCell'];
/** As of the end of 2025 (before any case here changed the tree): Mai was not admitted yet. */
const COUNTS: Record<AsOfColumn, { cells: number; members: number }> = { cell: { cells: 1, members: 2 }, commune: { cells: 2, members: 4 }, otherProvinceCell: { cells: 1, members: 2 } };

describe('orgUnitAsOf', () => {
  test.each(cells(AS_OF_COLUMNS, AS_OF_TABLE))('as %s, %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!, $d: LocalDate!) { orgUnitAsOf(id: $id, asOf: $d) { name counts { cells members } } }', { id: unitGid(app, column), d: '2025-12-31' });
    expectOutcome(result, 'orgUnitAsOf', expected);
    if (expected === 'allowed') expect(result.data?.orgUnitAsOf).toEqual({ name: app.fixture.units[column].name, counts: COUNTS[column] });
  });

  test('out of scope answers exactly like a missing unit', async () => {
    const query = 'query($id: ID!, $d: LocalDate!) { orgUnitAsOf(id: $id, asOf: $d) { name } }';
    const outside = await app.run('admin:commune', query, { id: unitGid(app, 'otherCell'), d: '2025-12-31' });
    const missing = await app.run('admin:commune', query, { id: Buffer.from('OrgUnit:999999').toString('base64url'), d: '2025-12-31' });
    expect(outside).toEqual(missing);
    expect(outside.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'Org unit not found']]);
  });

  test('children are those the caller reads today', async () => {
    const query = 'query($id: ID!, $d: LocalDate!) { orgUnitAsOf(id: $id, asOf: $d) { children { name } } }';
    expect(data(await app.run('analyst:province', query, { id: unitGid(app, 'province'), d: '2025-12-31' })).orgUnitAsOf.children).toEqual([{ name: 'Đảng bộ xã Bình Lư' }, { name: 'Đảng bộ xã Phong Thổ' }]);
    expect(data(await app.run('admin:national', query, { id: unitGid(app, 'province'), d: '2025-12-31' })).orgUnitAsOf.children).toEqual([{ name: 'Đảng bộ xã Bình Lư' }, { name: 'Đảng bộ xã Phong Thổ' }]);
  });

  test('counts are null for a reader with neither MEMBERS_READ nor STATISTICS_READ at the unit (no fixture role is one: checked on the service)', async () => {
    const national = (await loadViewer(app.orm.em.fork(), app.fixture.accounts['admin:national'])) as Viewer;
    class TreeOnly extends Viewer {
      override can(permission: Permission, unitPath: string | null): boolean {
        return permission !== Permission.MEMBERS_READ && permission !== Permission.STATISTICS_READ && super.can(permission, unitPath);
      }
    }
    const context = async (viewer: Viewer): Promise<Parameters<typeof countsAsOf>[0]> =>
      createRequestContext(app.orm, app.config, pino({ level: 'silent' }), `counts-${viewer.constructor.name}`, viewer);
    const treeOnly = await context(new TreeOnly(national.accountId, national.accountKind, national.memberId, national.grants));
    expect(await countsAsOf(treeOnly, await unitAsOf(treeOnly, app.fixture.units.commune.id, '2025-12-31'))).toBeNull();
    const full = await context(national);
    expect(await countsAsOf(full, await unitAsOf(full, app.fixture.units.commune.id, '2025-12-31'))).toEqual({ cells: 2, members: 4 });
  });
});
