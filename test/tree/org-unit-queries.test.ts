// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): tree queries and search
import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { dbId, gid, ok } from '../validation/support';

/**
 * orgUnit and orgUnits: fields, filters (kinds, cellTypes, statuses, subtreeOf, nameContains) and scope.
 * Besides the fixture there is one dissolved cell, "Chi bộ bản Sáp Nhập", under Phong Thổ.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  const created = ok(await app.run('admin:province', 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', {
    input: { parentId: gid('OrgUnit', app.fixture.units.otherCommune.id), kind: 'CELL', name: 'Chi bộ bản Sáp Nhập', cellType: 'RESIDENTIAL' },
  }));
  await app.sql("update org_unit set status = 'DISSOLVED', dissolved_on = '2025-07-01', successor_id = ? where id = ?", [app.fixture.units.otherCell.id, dbId(created.createOrgUnit.id)]);
});
afterAll(() => app.close());

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const LIST = 'query($filter: OrgUnitFilterInput, $orderBy: ListOrderInput) { orgUnits(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { name } } }';

async function names(filter: Record<string, unknown> | null, as: AccountName = 'admin:national'): Promise<string[]> {
  const data = ok(await app.run(as, LIST, { filter }));
  const list = data.orgUnits.nodes.map((n: { name: string }) => n.name);
  expect(data.orgUnits.totalCount).toBe(list.length);
  return list;
}

describe('orgUnit', () => {
  test('returns the unit with its fields', async () => {
    const data = ok(await app.run('admin:province', 'query($id: ID!) { orgUnit(id: $id) { id name kind cellType status depth version code foundedOn dissolvedOn successor { id } } }', { id: unitId('school') }));
    expect(data.orgUnit).toEqual({
      id: unitId('school'),
      name: 'Chi bộ Trường Tiểu học Bình Lư',
      kind: 'CELL',
      cellType: 'PUBLIC_SERVICE',
      status: 'ACTIVE',
      depth: 2,
      version: 1,
      code: null,
      foundedOn: null,
      dissolvedOn: null,
      successor: null,
    });
  });

  test('returns a dissolved unit with its dissolution date and successor', async () => {
    const [row] = await app.sql<{ id: number }>("select id from org_unit where name = 'Chi bộ bản Sáp Nhập'");
    const data = ok(await app.run('admin:province', 'query($id: ID!) { orgUnit(id: $id) { status dissolvedOn successor { name } } }', { id: gid('OrgUnit', row.id) }));
    expect(data.orgUnit).toEqual({ status: 'DISSOLVED', dissolvedOn: '2025-07-01', successor: { name: 'Chi bộ bản Lả Mường' } });
  });

  test('is also reachable through node(id)', async () => {
    const data = ok(await app.run('organizer:commune', 'query($id: ID!) { node(id: $id) { id ... on OrgUnit { name } } }', { id: unitId('cell') }));
    expect(data.node).toEqual({ id: unitId('cell'), name: 'Chi bộ bản Nậm Cười' });
  });

  test('answers NOT_FOUND for a unit outside the viewer scope', async () => {
    expect(onlyError(await app.run('organizer:commune', 'query($id: ID!) { orgUnit(id: $id) { id } }', { id: unitId('otherCell') })).code).toBe('NOT_FOUND');
  });
});

describe('orgUnits filters', () => {
  test('without a filter lists every unit in scope, by name', async () => {
    expect(await names(null, 'organizer:commune')).toEqual(['Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư']);
  });

  test('a national viewer sees both provinces', async () => {
    expect(await names(null)).toHaveLength(10);
  });

  test('kinds keeps only those levels', async () => {
    expect(await names({ kinds: ['PROVINCE'] })).toEqual(['Đảng bộ tỉnh Điện Biên', 'Đảng bộ tỉnh Lai Châu']);
  });

  test('several kinds are a union', async () => {
    expect(await names({ kinds: ['PROVINCE', 'COMMUNE_COMMITTEE'] })).toHaveLength(5);
  });

  test('cellTypes keeps only cells of those types', async () => {
    expect(await names({ cellTypes: ['PUBLIC_SERVICE'] })).toEqual(['Chi bộ Trường Tiểu học Bình Lư']);
  });

  test('cellTypes RESIDENTIAL includes dissolved cells unless statuses says otherwise', async () => {
    expect(await names({ cellTypes: ['RESIDENTIAL'] })).toEqual(['Chi bộ bản Che Căn', 'Chi bộ bản Lả Mường', 'Chi bộ bản Nậm Cười', 'Chi bộ bản Sáp Nhập']);
  });

  test('statuses DISSOLVED keeps only dissolved units', async () => {
    expect(await names({ statuses: ['DISSOLVED'] })).toEqual(['Chi bộ bản Sáp Nhập']);
  });

  test('statuses ACTIVE leaves dissolved units out', async () => {
    expect(await names({ statuses: ['ACTIVE'] })).not.toContain('Chi bộ bản Sáp Nhập');
    expect(await names({ statuses: ['ACTIVE'] })).toHaveLength(9);
  });

  test('subtreeOf includes the unit itself and everything below it', async () => {
    expect(await names({ subtreeOf: unitId('commune') })).toEqual(['Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư']);
  });

  test('subtreeOf a cell is the cell alone', async () => {
    expect(await names({ subtreeOf: unitId('cell') })).toEqual(['Chi bộ bản Nậm Cười']);
  });

  test('subtreeOf combines with kinds and statuses', async () => {
    expect(await names({ subtreeOf: unitId('province'), kinds: ['CELL'], statuses: ['ACTIVE'] })).toEqual([
      'Chi bộ bản Lả Mường',
      'Chi bộ bản Nậm Cười',
      'Chi bộ Trường Tiểu học Bình Lư',
    ]);
  });

  test('subtreeOf a unit outside scope answers NOT_FOUND', async () => {
    const result = await app.run('organizer:commune', LIST, { filter: { subtreeOf: unitId('otherCommune') } });
    expect(onlyError(result).code).toBe('NOT_FOUND');
  });

  test.each([
    ['binh lu', ['Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư']],
    ['BÌNH LƯ', ['Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư']],
    ['Bình Lư', ['Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư']],
    ['nam cuoi', ['Chi bộ bản Nậm Cười']],
    ['NẬM', ['Chi bộ bản Nậm Cười']],
    ['  nam    cuoi  ', ['Chi bộ bản Nậm Cười']],
    ['dien bien', ['Đảng bộ tỉnh Điện Biên']],
    ['đien bien', ['Đảng bộ tỉnh Điện Biên']],
    ['muong', ['Chi bộ bản Lả Mường', 'Đảng bộ xã Mường Phăng']],
  ])('nameContains %j ignores case and diacritics', async (term, expected) => {
    expect(await names({ nameContains: term })).toEqual(expected);
  });

  test('nameContains matches a term typed with decomposed (NFD) diacritics', async () => {
    expect(await names({ nameContains: 'Bi\u0300nh Lu\u031b' })).toEqual(['Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư']);
  });

  test.each(['%', '_', '\\', 'b_nh'])('nameContains treats %j literally, not as a LIKE pattern', async (term) => {
    expect(await names({ nameContains: term })).toEqual([]);
  });

  test('an empty nameContains filters nothing', async () => {
    expect(await names({ nameContains: '' })).toHaveLength(10);
  });

  test('nameContains stays inside the viewer scope', async () => {
    expect(await names({ nameContains: 'ban' }, 'organizer:commune')).toEqual(['Chi bộ bản Nậm Cười']);
  });

  test('a member sees only the own cell', async () => {
    expect(await names(null, 'member:cell')).toEqual(['Chi bộ bản Nậm Cười']);
  });

  test('orderBy null sorts by name, like no orderBy', async () => {
    const data = ok(await app.run('organizer:commune', LIST, { filter: null, orderBy: null }));
    expect(data.orgUnits.nodes.map((n: { name: string }) => n.name)).toEqual(['Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư']);
  });
});
