import { createTestApp, type TestApp } from '../support/test-app';
import { dbId, expectRejected, gid, ok, rawId } from './support';

/** Bad input to createOrgUnit and updateOrgUnit: the right code and field, and nothing written. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CREATE = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }';
const UPDATE = 'mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { id version } }';
const TABLES = ['org_unit'];

const unitId = (name: keyof TestApp['fixture']['units']): string => gid('OrgUnit', app.fixture.units[name].id);
const cellUnder = (parent: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  input: { parentId: parent, kind: 'CELL', name: 'Chi bộ thôn Mới', cellType: 'RESIDENTIAL', ...extra },
});

async function versionOf(name: keyof TestApp['fixture']['units']): Promise<number> {
  const [row] = await app.sql<{ version: number }>('select version from org_unit where id = ?', [app.fixture.units[name].id]);
  return row.version;
}

describe('createOrgUnit', () => {
  test.each([
    ['empty', ''],
    ['whitespace only', ' \t  \n '],
  ])('rejects a name that is %s on input.name', async (_label, name) => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('commune'), { name }), { code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  test('rejects a name over 200 characters on input.name', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('commune'), { name: 'Chi bộ ' + 'x'.repeat(194) }), {
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
  });

  test('rejects a code over 50 characters on input.code', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('commune'), { code: 'C'.repeat(51) }), { code: 'BAD_USER_INPUT', field: 'input.code' });
  });

  test('rejects a cell under a cell on input.parentId', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('cell')), { code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  test('rejects a party group under a commune on input.parentId', async () => {
    const variables = { input: { parentId: unitId('commune'), kind: 'PARTY_GROUP', name: 'Tổ đảng số 1' } };
    await expectRejected(app, 'admin:province', TABLES, CREATE, variables, { code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  test('rejects a partial committee directly under a commune on input.parentId', async () => {
    const variables = { input: { parentId: unitId('commune'), kind: 'PARTIAL_COMMITTEE', name: 'Đảng bộ bộ phận' } };
    await expectRejected(app, 'admin:province', TABLES, CREATE, variables, { code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  test('rejects a cell without cellType on input.cellType', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('commune'), { cellType: null }), { code: 'BAD_USER_INPUT', field: 'input.cellType' });
  });

  test('rejects a commune with a cellType on input.cellType', async () => {
    const variables = { input: { parentId: unitId('province'), kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Mới', cellType: 'RESIDENTIAL' } };
    await expectRejected(app, 'admin:province', TABLES, CREATE, variables, { code: 'BAD_USER_INPUT', field: 'input.cellType' });
  });

  test('rejects a province with a parent on input.parentId', async () => {
    const variables = { input: { parentId: unitId('province'), kind: 'PROVINCE', name: 'Đảng bộ tỉnh Mới' } };
    await expectRejected(app, 'admin:national', TABLES, CREATE, variables, { code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  test('rejects a commune without a parent on input.parentId', async () => {
    const variables = { input: { parentId: null, kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Mồ Côi' } };
    await expectRejected(app, 'admin:national', TABLES, CREATE, variables, { code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  test('rejects a founding date in the future on input.foundedOn', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('commune'), { foundedOn: '2999-01-01' }), {
      code: 'BAD_USER_INPUT',
      field: 'input.foundedOn',
    });
  });

  test('rejects a founding date before 1900 on input.foundedOn', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('commune'), { foundedOn: '1899-12-31' }), {
      code: 'BAD_USER_INPUT',
      field: 'input.foundedOn',
    });
  });

  test('rejects an impossible calendar date as BAD_USER_INPUT', async () => {
    // Rejected by the LocalDate scalar while coercing variables: graphql-js names no field.
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('commune'), { foundedOn: '2024-02-30' }), { code: 'BAD_USER_INPUT' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['an id of an unknown type', rawId('Foo:1')],
    ['a Member id', 'member'],
    ['an id with a zero number', rawId('OrgUnit:0')],
  ])('rejects %s as parent on input.parentId', async (_label, raw) => {
    const parentId = raw === 'member' ? gid('Member', app.fixture.members['Lò Văn Hùng'].id) : raw;
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(parentId), { code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  test('answers NOT_FOUND for a parent that does not exist', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(gid('OrgUnit', 999999)), { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for a parent outside the viewer scope', async () => {
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(unitId('otherProvinceCommune')), { code: 'NOT_FOUND' });
  });

  test('rejects a dissolved parent on input.parentId', async () => {
    const created = ok(await app.run('admin:province', CREATE, { input: { parentId: unitId('province'), kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Giải Thể' } }));
    await app.sql("update org_unit set status = 'DISSOLVED', dissolved_on = '2025-07-01' where id = ?", [dbId(created.createOrgUnit.id)]);
    await expectRejected(app, 'admin:province', TABLES, CREATE, cellUnder(created.createOrgUnit.id), { code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });

  test('accepts the valid input the cases above start from', async () => {
    expect(ok(await app.run('admin:province', CREATE, cellUnder(unitId('commune')))).createOrgUnit.id).toEqual(expect.any(String));
  });
});

describe('updateOrgUnit', () => {
  test('rejects a stale version as CONFLICT on version', async () => {
    const version = await versionOf('school');
    const variables = { input: { id: unitId('school'), version: version + 1, name: 'Chi bộ Trường Mới' } };
    await expectRejected(app, 'admin:province', TABLES, UPDATE, variables, { code: 'CONFLICT', field: 'version' });
  });

  test('rejects the version that was current before another update as CONFLICT', async () => {
    const version = await versionOf('otherCell');
    ok(await app.run('admin:province', UPDATE, { input: { id: unitId('otherCell'), version, code: 'LM-01' } }));
    const variables = { input: { id: unitId('otherCell'), version, name: 'Chi bộ bản Lả Mường Mới' } };
    await expectRejected(app, 'admin:province', TABLES, UPDATE, variables, { code: 'CONFLICT', field: 'version' });
  });

  test.each([
    ['empty', ''],
    ['whitespace only', '   '],
    ['over 200 characters', 'y'.repeat(201)],
  ])('rejects a new name that is %s on input.name', async (_label, name) => {
    const variables = { input: { id: unitId('cell'), version: await versionOf('cell'), name } };
    await expectRejected(app, 'admin:province', TABLES, UPDATE, variables, { code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  test('lets exactly one of two concurrent updates with the same version through; the other is CONFLICT', async () => {
    const version = await versionOf('school');
    const results = await Promise.all(
      ['Chi bộ Trường A', 'Chi bộ Trường B'].map((name) => app.run('admin:province', UPDATE, { input: { id: unitId('school'), version, name } })),
    );
    const errors = results.filter((r) => r.errors);
    expect(errors).toHaveLength(1);
    expect(errors[0].errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(await versionOf('school')).toBe(version + 1);
    const [audits] = await app.sql<{ n: number }>("select count(*)::int as n from audit_entry where operation = 'updateOrgUnit' and target_id = ? and (before->>'version')::int = ?", [String(app.fixture.units.school.id), version]);
    expect(audits.n).toBe(1);
  });

  test('rejects a cellType on a commune on input.cellType', async () => {
    const variables = { input: { id: unitId('commune'), version: await versionOf('commune'), cellType: 'ENTERPRISE' } };
    await expectRejected(app, 'admin:province', TABLES, UPDATE, variables, { code: 'BAD_USER_INPUT', field: 'input.cellType' });
  });

  test('rejects clearing the cellType of a cell on input.cellType', async () => {
    const variables = { input: { id: unitId('cell'), version: await versionOf('cell'), cellType: null } };
    await expectRejected(app, 'admin:province', TABLES, UPDATE, variables, { code: 'BAD_USER_INPUT', field: 'input.cellType' });
  });

  test('rejects a founding date in the future on input.foundedOn', async () => {
    const variables = { input: { id: unitId('cell'), version: await versionOf('cell'), foundedOn: '2999-12-31' } };
    await expectRejected(app, 'admin:province', TABLES, UPDATE, variables, { code: 'BAD_USER_INPUT', field: 'input.foundedOn' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['an id of an unknown type', rawId('Foo:1')],
    ['a Member id', 'member'],
  ])('rejects %s on input.id', async (_label, raw) => {
    const id = raw === 'member' ? gid('Member', app.fixture.members['Lò Văn Hùng'].id) : raw;
    await expectRejected(app, 'admin:province', TABLES, UPDATE, { input: { id, version: 1, name: 'X' } }, { code: 'BAD_USER_INPUT', field: 'input.id' });
  });

  test('answers NOT_FOUND for a unit that does not exist', async () => {
    await expectRejected(app, 'admin:province', TABLES, UPDATE, { input: { id: gid('OrgUnit', 999999), version: 1, name: 'X' } }, { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for a unit outside the viewer scope, even with its current version', async () => {
    const variables = { input: { id: unitId('otherProvinceCell'), version: await versionOf('otherProvinceCell'), name: 'X' } };
    await expectRejected(app, 'admin:province', TABLES, UPDATE, variables, { code: 'NOT_FOUND' });
  });
});
