import { searchKey, sortKey } from '../../src/services/tree/vietnamese-text';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { auditSince, dbId, gid, lastAuditId, ok } from '../validation/support';

/** createOrgUnit and updateOrgUnit when they succeed: what is stored and answered. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const FIELDS = 'id name kind cellType status code foundedOn depth version parent { id } ancestors { id }';
const CREATE = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { ${FIELDS} } }`;

interface Row {
  id: number;
  province_id: number;
  parent_id: number | null;
  path: string;
  depth: number;
  name: string;
  name_search: string;
  name_sort_key: string;
  version: number;
  code: string | null;
  founded_on: string | null;
  cell_type: string | null;
}

async function row(globalId: string): Promise<Row> {
  const [found] = await app.sql<Row>('select * from org_unit where id = ?', [dbId(globalId)]);
  return found;
}

async function create(input: Record<string, unknown>, as: 'admin:province' | 'admin:national' = 'admin:province'): Promise<Record<string, any>> {
  return ok(await app.run(as, CREATE, { input })).createOrgUnit;
}

describe('createOrgUnit', () => {
  test('a commune under the province gets depth 1, the province path and province id', async () => {
    const unit = await create({ parentId: unitId('province'), kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Dào San' });
    const { province } = app.fixture.units;
    expect(unit).toMatchObject({ name: 'Đảng bộ xã Dào San', kind: 'COMMUNE_COMMITTEE', cellType: null, status: 'ACTIVE', depth: 1, version: 1 });
    expect(unit.parent).toEqual({ id: unitId('province') });
    expect(unit.ancestors).toEqual([{ id: unitId('province') }]);
    expect(await row(unit.id)).toMatchObject({ province_id: province.id, parent_id: province.id, path: `${province.path}${dbId(unit.id)}/`, depth: 1 });
  });

  test('a cell under a commune gets depth 2 and the full path', async () => {
    const unit = await create({ parentId: unitId('commune'), kind: 'CELL', name: 'Chi bộ bản Hợp 1', cellType: 'RESIDENTIAL' });
    const { commune, province } = app.fixture.units;
    expect(unit).toMatchObject({ kind: 'CELL', cellType: 'RESIDENTIAL', depth: 2 });
    expect(unit.ancestors).toEqual([{ id: unitId('province') }, { id: unitId('commune') }]);
    expect(await row(unit.id)).toMatchObject({ province_id: province.id, parent_id: commune.id, path: `${commune.path}${dbId(unit.id)}/` });
  });

  test('a chain grassroots committee → partial committee → cell → party group nests to depth 4', async () => {
    const grassroots = await create({ parentId: unitId('province'), kind: 'GRASSROOTS_COMMITTEE', name: 'Đảng bộ Bệnh viện tỉnh' });
    const partial = await create({ parentId: grassroots.id, kind: 'PARTIAL_COMMITTEE', name: 'Đảng bộ bộ phận Khối Nội' });
    const cell = await create({ parentId: partial.id, kind: 'CELL', name: 'Chi bộ Khoa Nhi', cellType: 'PUBLIC_SERVICE' });
    const group = await create({ parentId: cell.id, kind: 'PARTY_GROUP', name: 'Tổ đảng Điều dưỡng' });
    expect([grassroots, partial, cell, group].map((u) => u.depth)).toEqual([1, 2, 3, 4]);
    expect(group.ancestors).toEqual([{ id: unitId('province') }, { id: grassroots.id }, { id: partial.id }, { id: cell.id }]);
    const stored = await row(group.id);
    expect(stored.path).toBe(`${app.fixture.units.province.path}${[grassroots, partial, cell, group].map((u) => dbId(u.id)).join('/')}/`);
    expect(stored.province_id).toBe(app.fixture.units.province.id);
  });

  test('a province is a root: depth 0, its own path and province id', async () => {
    const unit = await create({ parentId: null, kind: 'PROVINCE', name: 'Đảng bộ tỉnh Sơn La' }, 'admin:national');
    expect(unit).toMatchObject({ depth: 0, parent: null, ancestors: [] });
    const id = dbId(unit.id);
    expect(await row(unit.id)).toMatchObject({ province_id: id, parent_id: null, path: `/${id}/`, depth: 0 });
  });

  test('the name is trimmed, inner whitespace collapsed, and search and sort keys stored', async () => {
    const unit = await create({ parentId: unitId('commune'), kind: 'CELL', name: '  Chi bộ   bản  Sì Choang ', cellType: 'RESIDENTIAL' });
    expect(unit.name).toBe('Chi bộ bản Sì Choang');
    expect(await row(unit.id)).toMatchObject({ name: 'Chi bộ bản Sì Choang', name_search: searchKey('Chi bộ bản Sì Choang'), name_sort_key: sortKey('Chi bộ bản Sì Choang') });
  });

  test('a name of exactly 200 characters is accepted', async () => {
    const name = 'Chi bộ ' + 'x'.repeat(193);
    expect(name).toHaveLength(200);
    expect((await create({ parentId: unitId('commune'), kind: 'CELL', name, cellType: 'ENTERPRISE' })).name).toBe(name);
  });

  test('code and founding date are stored', async () => {
    const unit = await create({ parentId: unitId('commune'), kind: 'CELL', name: 'Chi bộ Công an xã', cellType: 'ARMED_FORCES', code: 'CA-BL', foundedOn: '2025-07-01' });
    expect(unit).toMatchObject({ code: 'CA-BL', foundedOn: '2025-07-01' });
  });

  test('the new unit appears among its parent children', async () => {
    const unit = await create({ parentId: unitId('otherCommune'), kind: 'CELL', name: 'Chi bộ bản Mới Lập', cellType: 'RESIDENTIAL' });
    const data = ok(await app.run('admin:province', 'query($id: ID!) { orgUnit(id: $id) { children { nodes { id } } } }', { id: unitId('otherCommune') }));
    expect(data.orgUnit.children.nodes).toContainEqual({ id: unit.id });
  });
});

describe('updateOrgUnit', () => {
  async function fresh(name: string): Promise<Record<string, any>> {
    return create({ parentId: unitId('commune'), kind: 'CELL', name, cellType: 'RESIDENTIAL', code: 'OLD', foundedOn: '2020-01-01' });
  }

  test('a rename increments the version by 1 and updates the search and sort keys', async () => {
    const unit = await fresh('Chi bộ bản Cũ Một');
    const updated = ok(await app.run('admin:province', UPDATE, { input: { id: unit.id, version: 1, name: 'Chi bộ bản Mới Một' } })).updateOrgUnit;
    expect(updated).toMatchObject({ name: 'Chi bộ bản Mới Một', version: 2 });
    expect(await row(unit.id)).toMatchObject({ version: 2, name_search: 'chi bo ban moi mot', name_sort_key: sortKey('Chi bộ bản Mới Một') });
  });

  test('each further update increments the version by 1 again', async () => {
    const unit = await fresh('Chi bộ bản Ba Lần');
    for (const version of [1, 2, 3]) {
      const updated = ok(await app.run('admin:province', UPDATE, { input: { id: unit.id, version, code: `V${version}` } })).updateOrgUnit;
      expect(updated.version).toBe(version + 1);
    }
  });

  test('omitted fields keep their values', async () => {
    const unit = await fresh('Chi bộ bản Giữ Nguyên');
    const updated = ok(await app.run('admin:province', UPDATE, { input: { id: unit.id, version: 1, cellType: 'ENTERPRISE' } })).updateOrgUnit;
    expect(updated).toMatchObject({ name: 'Chi bộ bản Giữ Nguyên', cellType: 'ENTERPRISE', code: 'OLD', foundedOn: '2020-01-01' });
  });

  test('a null name keeps the name', async () => {
    const unit = await fresh('Chi bộ bản Không Đổi');
    const updated = ok(await app.run('admin:province', UPDATE, { input: { id: unit.id, version: 1, name: null, code: 'NEW' } })).updateOrgUnit;
    expect(updated).toMatchObject({ name: 'Chi bộ bản Không Đổi', code: 'NEW' });
  });

  test('null clears the code and the founding date', async () => {
    const unit = await fresh('Chi bộ bản Xóa Mã');
    const updated = ok(await app.run('admin:province', UPDATE, { input: { id: unit.id, version: 1, code: null, foundedOn: null } })).updateOrgUnit;
    expect(updated).toMatchObject({ code: null, foundedOn: null });
    expect(await row(unit.id)).toMatchObject({ code: null, founded_on: null });
  });

  test('the path, depth and parent do not change', async () => {
    const unit = await fresh('Chi bộ bản Đứng Yên');
    const before = await row(unit.id);
    ok(await app.run('admin:province', UPDATE, { input: { id: unit.id, version: 1, name: 'Chi bộ bản Vẫn Đứng Yên' } }));
    expect(await row(unit.id)).toMatchObject({ path: before.path, depth: before.depth, parent_id: before.parent_id, province_id: before.province_id });
  });

  test('writes one audit row with the old and new name', async () => {
    const unit = await fresh('Chi bộ bản Ghi Vết');
    const since = await lastAuditId(app);
    ok(await app.run('admin:commune', UPDATE, { input: { id: unit.id, version: 1, name: 'Chi bộ bản Đã Ghi Vết' } }));
    const entries = await auditSince(app, since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      operation: 'updateOrgUnit',
      target_type: 'OrgUnit',
      target_id: String(dbId(unit.id)),
      account_id: app.fixture.accounts['admin:commune'],
      before: { name: 'Chi bộ bản Ghi Vết', version: 1 },
      after: { name: 'Chi bộ bản Đã Ghi Vết', version: 2 },
    });
  });
});
