import { addAccount, AN, createMeeting, HUNG, vietnamTime } from '../meetings/support';
import type { AccountName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { lastAuditId } from '../validation/support';
import { AS_OF, data, HISTORY, memberGid, MOVE, pathOf, ref, unitGid } from './support';

/**
 * Moving a cell to another commune of the province: every row of it follows in the same
 * transaction, role assignments at the cell move with it (its organizer still sees it and its
 * members), the old commune's organizer no longer sees it, the new commune's does; history and
 * the figures as of before the move stay as they were.
 */
let app: TestApp;
let moved: Record<string, any>;
let oldPath: string;
let newPath: string;
let since: number;
let organizerThere: AccountName;

const UNIT = 'query($id: ID!) { orgUnit(id: $id) { name parent { name } members(first: 10) { totalCount } meetings(first: 5) { totalCount } } }';
const MEMBER = 'query($id: ID!) { member(id: $id) { fullName unit { name } } }';

beforeAll(async () => {
  app = await createTestApp();
  organizerThere = await addAccount(app, 'organizer:otherCommune', { role: 'ORGANIZER', at: 'otherCommune' });
  await createMeeting(app, 'organizer:cell', { heldAt: vietnamTime('2026-05-03'), chairId: memberGid(app, HUNG), attendance: [{ memberId: memberGid(app, AN), status: 'PRESENT' }] });
  oldPath = app.fixture.units.cell.path;
  since = await lastAuditId(app);
  moved = data(await app.run('admin:province', MOVE, { i: { ...(await ref(app, 'cell')), newParentId: unitGid(app, 'otherCommune'), on: '2026-06-01', decisionRef: '77-QĐ/TU' } })).moveOrgUnit;
  newPath = await pathOf(app, 'cell');
});
afterAll(() => app.close());

test('the cell is under the new commune, one version on, with a new path', () => {
  expect(moved).toMatchObject({ name: 'Chi bộ bản Nậm Cười', status: 'ACTIVE', version: 2, parent: { name: 'Đảng bộ xã Phong Thổ' } });
  expect(newPath).toBe(`${app.fixture.units.otherCommune.path}${app.fixture.units.cell.id}/`);
});

test('every scoped row of the cell has the new path; none keeps the old one, history excepted', async () => {
  const count = async (table: string, column: string, path: string): Promise<number> => (await app.sql<{ n: number }>(`select count(*)::int as n from ${table} where ${column} = ?`, [path]))[0].n;
  const tables: Array<[string, string, number]> = [
    ['member', 'unit_path', 3], ['membership', 'unit_path', 3], ['meeting', 'unit_path', 1], ['meeting_attendance', 'unit_path', 3],
    ['role_assignment', 'unit_path', 5], ['account', 'home_unit_path', 6],
  ];
  for (const [table, column, n] of tables) {
    expect([table, await count(table, column, newPath), await count(table, column, oldPath)]).toEqual([table, n, 0]);
  }
  // What recorded where things were stays so: the member events and the unit's first version.
  expect(await count('member_event', 'unit_path', oldPath)).toBe(5);
  expect(await count('org_unit_version', 'path', oldPath)).toBe(1);
});

test('the history has the old place until the day and the new one from it', async () => {
  const history = data(await app.run('admin:province', HISTORY, { id: unitGid(app, 'cell') })).orgUnit.history;
  expect(history).toEqual([
    { name: 'Chi bộ bản Nậm Cười', status: 'ACTIVE', validFrom: '1900-01-01', validTo: '2026-06-01', change: 'CREATED', decisionRef: null },
    { name: 'Chi bộ bản Nậm Cười', status: 'ACTIVE', validFrom: '2026-06-01', validTo: null, change: 'MOVED', decisionRef: '77-QĐ/TU' },
  ]);
  const parent = 'query($id: ID!, $d: LocalDate!) { orgUnitAsOf(id: $id, asOf: $d) { name parent { name } } }';
  expect(data(await app.run('admin:province', parent, { id: unitGid(app, 'cell'), d: '2026-05-31' })).orgUnitAsOf.parent).toEqual({ name: 'Đảng bộ xã Bình Lư' });
  expect(data(await app.run('admin:province', parent, { id: unitGid(app, 'cell'), d: '2026-06-01' })).orgUnitAsOf.parent).toEqual({ name: 'Đảng bộ xã Phong Thổ' });
});

test('the organizer granted at the cell still reads it, its members and meetings', async () => {
  expect(data(await app.run('organizer:cell', UNIT, { id: unitGid(app, 'cell') })).orgUnit).toEqual({
    name: 'Chi bộ bản Nậm Cười', parent: null, members: { totalCount: 3 }, meetings: { totalCount: 1 },
  });
  expect(data(await app.run('organizer:cell', MEMBER, { id: memberGid(app, HUNG) })).member).toEqual({ fullName: HUNG, unit: { name: 'Chi bộ bản Nậm Cười' } });
  expect(data(await app.run('member:cell', UNIT, { id: unitGid(app, 'cell') })).orgUnit.members).toEqual({ totalCount: 3 });
});

test('the old commune’s organizer no longer reads the cell or its members', async () => {
  for (const [query, id] of [[UNIT, unitGid(app, 'cell')], [MEMBER, memberGid(app, HUNG)]]) {
    const result = await app.run('organizer:commune', query, { id });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  }
  expect(data(await app.run('organizer:commune', UNIT, { id: unitGid(app, 'commune') })).orgUnit.members).toEqual({ totalCount: 2 });
});

test('the new commune’s organizer reads the cell, its members and meetings', async () => {
  expect(data(await app.run(organizerThere, UNIT, { id: unitGid(app, 'cell') })).orgUnit).toEqual({
    name: 'Chi bộ bản Nậm Cười', parent: { name: 'Đảng bộ xã Phong Thổ' }, members: { totalCount: 3 }, meetings: { totalCount: 1 },
  });
  expect(data(await app.run(organizerThere, UNIT, { id: unitGid(app, 'otherCommune') })).orgUnit.members).toEqual({ totalCount: 5 });
});

test('figures as of the day before and the day of the move: each commune as it was, the province unchanged', async () => {
  const counts = async (unit: string, d: string): Promise<unknown> => data(await app.run('admin:province', AS_OF, { id: unitGid(app, unit), d })).orgUnitAsOf.counts;
  expect(await counts('commune', '2026-05-31')).toEqual({ cells: 2, members: 5 });
  expect(await counts('commune', '2026-06-01')).toEqual({ cells: 1, members: 2 });
  expect(await counts('otherCommune', '2026-05-31')).toEqual({ cells: 1, members: 2 });
  expect(await counts('otherCommune', '2026-06-01')).toEqual({ cells: 2, members: 5 });
  expect(await counts('province', '2026-05-31')).toEqual({ cells: 3, members: 7 });
  expect(await counts('province', '2026-06-01')).toEqual({ cells: 3, members: 7 });
});

test('the old commune’s organizer reads its figures as of before the move, but not the moved cell among its children', async () => {
  // Scope is today's: the cell is no longer theirs. The counts are the commune's as it was.
  const before = data(await app.run('organizer:commune', AS_OF, { id: unitGid(app, 'commune'), d: '2026-05-31' })).orgUnitAsOf;
  expect([before.counts, before.children.map((c: any) => [c.name, c.counts])]).toEqual([{ cells: 2, members: 5 }, [['Chi bộ Trường Tiểu học Bình Lư', { cells: 1, members: 2 }]]]);
});

test('one audit entry, with the old and the new path', async () => {
  const rows = await app.sql<{ operation: string; unit_path: string; before: any; after: any }>('select operation, unit_path, before, after from audit_entry where id > ? order by id', [since]);
  expect(rows.map((r) => [r.operation, r.unit_path, r.before.path, r.after.path, r.after.decisionRef, r.after.units])).toEqual([['moveOrgUnit', newPath, oldPath, newPath, '77-QĐ/TU', 1]]);
});
