// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): history as of a date
import { searchKey, sortKey } from '../../src/services/tree/vietnamese-text';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { lastAuditId } from '../validation/support';
import { AS_OF, auditOps, data, HISTORY, ref, registerUnit, RENAME, unitGid, unitOf } from './support';

/**
 * Names kept with their dates (renameOrgUnit, OrgUnit.history) and the tree read as of a date
 * (orgUnitAsOf): the unit, its parent and children as they stood, and the statements a nested
 * read costs.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('a cell renamed twice', () => {
  let since: number;
  let results: Array<Record<string, any>>;
  beforeAll(async () => {
    since = await lastAuditId(app);
    results = [];
    for (const [name, on, decisionRef] of [['Chi bộ bản Nậm Cười Thượng', '2026-02-01', 'ĐT-1'], ['Chi bộ thôn Nậm Cười', '2026-07-01', 'ĐT-2']]) {
      results.push(data(await app.run('admin:commune', RENAME, { i: { ...(await ref(app, 'cell')), name, on, decisionRef } })).renameOrgUnit);
    }
  });

  test('each rename returns the unit with its new name and the next version', () => {
    expect(results.map((r) => [r.name, r.version, r.status])).toEqual([['Chi bộ bản Nậm Cười Thượng', 2, 'ACTIVE'], ['Chi bộ thôn Nậm Cười', 3, 'ACTIVE']]);
  });

  test('the history keeps every name with its dates and decision', async () => {
    expect(data(await app.run('organizer:cell', HISTORY, { id: unitGid(app, 'cell') })).orgUnit.history).toEqual([
      { name: 'Chi bộ bản Nậm Cười', status: 'ACTIVE', validFrom: '1900-01-01', validTo: '2026-02-01', change: 'CREATED', decisionRef: null },
      { name: 'Chi bộ bản Nậm Cười Thượng', status: 'ACTIVE', validFrom: '2026-02-01', validTo: '2026-07-01', change: 'RENAMED', decisionRef: 'ĐT-1' },
      { name: 'Chi bộ thôn Nậm Cười', status: 'ACTIVE', validFrom: '2026-07-01', validTo: null, change: 'RENAMED', decisionRef: 'ĐT-2' },
    ]);
  });

  test.each([
    ['2025-12-31', 'Chi bộ bản Nậm Cười', 'CREATED'],
    ['2026-01-31', 'Chi bộ bản Nậm Cười', 'CREATED'],
    ['2026-02-01', 'Chi bộ bản Nậm Cười Thượng', 'RENAMED'],
    ['2026-06-30', 'Chi bộ bản Nậm Cười Thượng', 'RENAMED'],
    ['2026-07-01', 'Chi bộ thôn Nậm Cười', 'RENAMED'],
  ])('as of %s it is named %s', async (d, name, change) => {
    const unit = data(await app.run('organizer:cell', AS_OF, { id: unitGid(app, 'cell'), d })).orgUnitAsOf;
    expect([unit.name, unit.change]).toEqual([name, change]);
  });

  test('the commune as of a date lists the child by the name it had then', async () => {
    const names = async (d: string): Promise<string[]> => data(await app.run('admin:commune', AS_OF, { id: unitGid(app, 'commune'), d })).orgUnitAsOf.children.map((c: any) => c.name);
    expect(await names('2026-01-31')).toEqual(['Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư']);
    expect(await names('2026-07-01')).toEqual(['Chi bộ thôn Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư']);
  });

  test('one audit entry per rename, with the decision', async () => {
    expect(await auditOps(app, since)).toEqual([['renameOrgUnit', 'OrgUnit', app.fixture.units.cell.id], ['renameOrgUnit', 'OrgUnit', app.fixture.units.cell.id]]);
    const [entry] = await app.sql<{ before: any; after: any }>("select before, after from audit_entry where id > ? and operation = 'renameOrgUnit' order by id limit 1", [since]);
    expect([entry.before.name, entry.after.name, entry.after.on, entry.after.decisionRef]).toEqual(['Chi bộ bản Nậm Cười', 'Chi bộ bản Nậm Cười Thượng', '2026-02-01', 'ĐT-1']);
  });

  test('a rename on the day of the last change is allowed; the version that held for no day is kept but never read', async () => {
    data(await app.run('admin:commune', RENAME, { i: { ...(await ref(app, 'school')), name: 'Chi bộ Trường Tiểu học số 1', on: '2026-07-01', decisionRef: 'ĐT-3' } }));
    data(await app.run('admin:commune', RENAME, { i: { ...(await ref(app, 'school')), name: 'Chi bộ Trường Tiểu học số 2', on: '2026-07-01', decisionRef: 'ĐT-4' } }));
    const history = data(await app.run('admin:commune', HISTORY, { id: unitGid(app, 'school') })).orgUnit.history;
    expect(history.map((h: any) => [h.name, h.validFrom, h.validTo])).toEqual([
      ['Chi bộ Trường Tiểu học Bình Lư', '1900-01-01', '2026-07-01'],
      ['Chi bộ Trường Tiểu học số 1', '2026-07-01', '2026-07-01'],
      ['Chi bộ Trường Tiểu học số 2', '2026-07-01', null],
    ]);
    expect(data(await app.run('admin:commune', AS_OF, { id: unitGid(app, 'school'), d: '2026-07-01' })).orgUnitAsOf.name).toBe('Chi bộ Trường Tiểu học số 2');
  });
});

describe('orgUnitAsOf', () => {
  test('a unit founded later did not exist before its founding: NOT_FOUND then, found from the day', async () => {
    const created = data(await app.run('admin:commune', 'mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', {
      i: { parentId: unitGid(app, 'commune'), kind: 'CELL', name: 'Chi bộ Công an xã', cellType: 'ARMED_FORCES', foundedOn: '2025-07-01' },
    })).createOrgUnit;
    await registerUnit(app, 'police', created.id);
    expect(onlyError(await app.run('admin:commune', AS_OF, { id: created.id, d: '2025-06-30' }))).toEqual({ code: 'NOT_FOUND', field: undefined, message: 'Org unit on that date not found' });
    expect(data(await app.run('admin:commune', AS_OF, { id: created.id, d: '2025-07-01' })).orgUnitAsOf).toMatchObject({ name: 'Chi bộ Công an xã', validFrom: '2025-07-01', counts: { cells: 1, members: 0 } });
  });

  test('a malformed date, or one before 1900: BAD_USER_INPUT', async () => {
    expect(onlyError(await app.run('admin:commune', AS_OF, { id: unitGid(app, 'cell'), d: '2026-02-30' })).code).toBe('BAD_USER_INPUT');
    expect(onlyError(await app.run('admin:commune', AS_OF, { id: unitGid(app, 'cell'), d: '1899-12-31' })).code).toBe('BAD_USER_INPUT');
  });

  test('an id of another type: BAD_USER_INPUT on id', async () => {
    const result = onlyError(await app.run('admin:commune', AS_OF, { id: Buffer.from(`Member:${app.fixture.members['Lò Văn Hùng'].id}`).toString('base64url'), d: '2026-01-01' }));
    expect([result.code, result.field]).toEqual(['BAD_USER_INPUT', 'id']);
  });

  test('the parent as of the date; none above the province, none outside the caller’s scope', async () => {
    const query = 'query($id: ID!, $d: LocalDate!) { orgUnitAsOf(id: $id, asOf: $d) { name asOf parent { name asOf parent { name parent { name } } } unit { name } } }';
    expect(data(await app.run('admin:province', query, { id: unitGid(app, 'cell'), d: '2026-01-31' })).orgUnitAsOf).toEqual({
      name: 'Chi bộ bản Nậm Cười', asOf: '2026-01-31',
      parent: { name: 'Đảng bộ xã Bình Lư', asOf: '2026-01-31', parent: { name: 'Đảng bộ tỉnh Lai Châu', parent: null } },
      unit: { name: 'Chi bộ thôn Nậm Cười' },
    });
    expect(data(await app.run('organizer:cell', query, { id: unitGid(app, 'cell'), d: '2026-01-31' })).orgUnitAsOf.parent).toBeNull();
  });

  test('history versions read without a date have no children, counts or parent', async () => {
    const query = 'query($id: ID!) { orgUnit(id: $id) { history { asOf children { name } counts { members } parent { name } } } }';
    expect(data(await app.run('admin:commune', query, { id: unitGid(app, 'commune') })).orgUnit.history).toEqual([{ asOf: null, children: [], counts: null, parent: null }]);
  });
});

describe('statements of a nested read as of a date', () => {
  const NESTED = `query($id: ID!, $d: LocalDate!) { orgUnitAsOf(id: $id, asOf: $d) { name counts { members }
    children { name counts { members } children { name counts { cells members } } } } }`;

  async function addCells(commune: 'commune' | 'otherCommune', n: number): Promise<void> {
    const parent = unitOf(app, commune);
    for (let i = 0; i < n; i += 1) {
      const name = `Chi bộ thêm ${commune} ${i}`;
      const [{ id }] = await app.sql<{ id: number }>("select nextval('org_unit_id_seq')::int as id");
      await app.sql('insert into org_unit (id, province_id, parent_id, path, depth, kind, cell_type, name, name_search, name_sort_key) values (?,?,?,?,?,?,?,?,?,?)', [
        id, app.fixture.units.province.id, parent.id, `${parent.path}${id}/`, 2, 'CELL', 'RESIDENTIAL', name, searchKey(name), sortKey(name),
      ]);
    }
  }

  async function statements(): Promise<{ statements: number; cells: number }> {
    const { result, statements: n } = await app.countSql(() => app.run('admin:province', NESTED, { id: unitGid(app, 'province'), d: '2026-08-01' }));
    const tree = data(result).orgUnitAsOf;
    return { statements: n, cells: tree.children.reduce((sum: number, c: any) => sum + c.children.length, 0) };
  }

  test('do not grow with the number of children and grandchildren', async () => {
    const small = await statements();
    await addCells('otherCommune', 4);
    await addCells('commune', 2);
    const large = await statements();
    expect([small.cells, large.cells]).toEqual([4, 10]);
    expect(large.statements).toBe(small.statements);
  });
});
