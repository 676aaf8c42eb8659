// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): imports in savepoints
import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, onlyError, type GqlResult, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const IMPORT_UNITS = `mutation($input: CsvImportInput!) { importOrgUnits(input: $input) { dryRun rows created updated unchanged } }`;
const IMPORT_MEMBERS = `mutation($input: CsvImportInput!) { importMembers(input: $input) { dryRun rows created updated unchanged } }`;
const commune = (): string => toGlobalId('OrgUnit', app.fixture.units.commune.id);

const UNITS = [
  'code,parentCode,kind,name,cellType,foundedOn',
  'BL-01,,CELL,Chi bộ bản Sin Chải,RESIDENTIAL,2001-05-19',
  'BL-02,,CELL,Chi bộ Trạm Y tế xã,PUBLIC_SERVICE,',
  'BL-01-T1,BL-01,PARTY_GROUP,Tổ đảng số 1,,',
].join('\n');

const MEMBERS = [
  'partyCardNumber,cellCode,fullName,gender,birthDate,ethnicity,admissionDate,officialDate,phone',
  'LC-900001,BL-01,Sùng A Chớ,MALE,1980-02-01,Mông,2010-03-05,2011-03-05,0912345678',
  'LC-900002,BL-02,Lò Thị Hoa,FEMALE,1990-07-12,Thái,2020-09-02,2021-09-02,',
].join('\n');

async function counts(): Promise<{ units: number; members: number; audit: number }> {
  const [row] = await app.sql<{ units: number; members: number; audit: number }>(
    'select (select count(*) from org_unit)::int as units, (select count(*) from member)::int as members, (select count(*) from audit_entry)::int as audit',
  );
  return row;
}

const problemsOf = (result: GqlResult): unknown => (result.errors?.[0].extensions as { problems?: unknown }).problems;

describe('importing units', () => {
  test('a dry run checks every row and writes nothing', async () => {
    const before = await counts();
    const result = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: UNITS, dryRun: true } });
    expect(result.data).toEqual({ importOrgUnits: { dryRun: true, rows: 3, created: 3, updated: 0, unchanged: 0 } });
    expect(await counts()).toEqual(before);
  });

  test('one bad row writes nothing and every problem names its row and column', async () => {
    const before = await counts();
    const csv = [UNITS, 'BL-03,,CELL,Chi bộ thiếu loại hình,,', 'BL-04,NOPE,CELL,Chi bộ X,RESIDENTIAL,', 'BL-05,,VILLAGE,Sai loại,,'].join('\n');
    const result = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv, dryRun: false } });
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect(problemsOf(result)).toEqual([
      { row: 5, column: 'cellType', reason: 'is required for a CELL' },
      { row: 6, column: 'parentCode', reason: 'no unit with code NOPE under the root or in a row above' },
      { row: 7, column: 'kind', reason: expect.stringContaining('must be one of') },
    ]);
    expect(await counts()).toEqual(before);
  });

  test('the file is written whole, and re-running it changes nothing', async () => {
    const first = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: UNITS } });
    expect(first.data).toEqual({ importOrgUnits: { dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0 } });
    const after = await counts();
    const again = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: UNITS } });
    expect(again.data).toEqual({ importOrgUnits: { dryRun: false, rows: 3, created: 0, updated: 0, unchanged: 3 } });
    expect(await counts()).toEqual(after);
    const [group] = await app.sql<{ parent: string }>("select p.code as parent from org_unit u join org_unit p on p.id = u.parent_id where u.code = 'BL-01-T1'");
    expect(group.parent).toBe('BL-01');
  });

  test('a changed name updates the unit; another parent is a problem', async () => {
    const renamed = UNITS.replace('Chi bộ Trạm Y tế xã', 'Chi bộ Trạm Y tế xã Bình Lư');
    const result = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: renamed } });
    expect(result.data).toEqual({ importOrgUnits: { dryRun: false, rows: 3, created: 0, updated: 1, unchanged: 2 } });
    const moved = UNITS.replace('BL-01-T1,BL-01,', 'BL-01-T1,BL-02,');
    const rejected = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: moved } });
    expect(problemsOf(rejected)).toEqual([{ row: 4, column: 'parentCode', reason: expect.stringContaining('exists under another parent') }]);
  });

  test('a root outside the scope is NOT_FOUND; roles without tree writes are FORBIDDEN', async () => {
    const other = toGlobalId('OrgUnit', app.fixture.units.otherCommune.id);
    expect(onlyError(await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: other, csv: UNITS } })).code).toBe('NOT_FOUND');
    expect(onlyError(await app.run('organizer:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: UNITS } })).code).toBe('FORBIDDEN');
  });

  test('a header with an unknown column is rejected before any row', async () => {
    const result = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: 'code,kind,name,colour\nX,CELL,Y,red' } });
    expect(problemsOf(result)).toEqual([{ row: 1, column: 'colour', reason: expect.stringContaining('unknown column') }]);
  });
});

describe('importing members', () => {
  beforeAll(async () => {
    await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune(), csv: UNITS } });
  });

  test('as many member files at once as the pool has connections all go through (each row in its import\'s transaction)', async () => {
    const file = (n: number): string => ['partyCardNumber,cellCode,fullName,gender,ethnicity,admissionDate', ...[1, 2, 3].map((i) => `LC-95${n}00${i},BL-01,Đảng Viên ${n}-${i},MALE,Kinh,2015-0${i}-0${n}`)].join('\n');
    // The test app's pool holds 4 connections: a lookup outside the transactions would wait for a fifth.
    const results = await Promise.all([1, 2, 3, 4].map((n) => app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: commune(), csv: file(n) } })));
    expect(results.map((r) => r.errors ?? r.data)).toEqual([1, 2, 3, 4].map(() => ({ importMembers: { dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0 } })));
  });

  test('members are created in the cells named by code, then a re-run changes nothing', async () => {
    const first = await app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: commune(), csv: MEMBERS } });
    expect(first.data).toEqual({ importMembers: { dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0 } });
    const after = await counts();
    const again = await app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: commune(), csv: MEMBERS } });
    expect(again.data).toEqual({ importMembers: { dryRun: false, rows: 2, created: 0, updated: 0, unchanged: 2 } });
    expect(await counts()).toEqual(after);
    const [member] = await app.sql<{ status: string; cell: string }>("select m.status, u.code as cell from member m join org_unit u on u.id = m.unit_id where party_card_number = 'LC-900001'");
    expect(member).toEqual({ status: 'OFFICIAL', cell: 'BL-01' });
  });

  test('a changed phone updates; a changed cell is a problem: transfers are events', async () => {
    const phone = MEMBERS.replace('0912345678', '0987654321');
    expect((await app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: commune(), csv: phone } })).data).toEqual({ importMembers: { dryRun: false, rows: 2, created: 0, updated: 1, unchanged: 1 } });
    const moved = phone.replace('LC-900002,BL-02', 'LC-900002,BL-01');
    expect(problemsOf(await app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: commune(), csv: moved } }))).toEqual([
      { row: 3, column: 'cellCode', reason: 'the member belongs to another cell: record a transfer instead' },
    ]);
  });

  test('only member writers import members, and only under a root in their scope', async () => {
    const before = await counts();
    expect(onlyError(await app.run('analyst:province', IMPORT_MEMBERS, { input: { rootId: commune(), csv: MEMBERS } })).code).toBe('FORBIDDEN');
    expect(onlyError(await app.run('inspector:commune', IMPORT_MEMBERS, { input: { rootId: commune(), csv: MEMBERS } })).code).toBe('FORBIDDEN');
    expect(onlyError(await app.run('anonymous', IMPORT_MEMBERS, { input: { rootId: commune(), csv: MEMBERS } })).code).toBe('UNAUTHENTICATED');
    const other = toGlobalId('OrgUnit', app.fixture.units.otherCommune.id);
    expect(onlyError(await app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: other, csv: MEMBERS } })).code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  test('every bad row is reported and nothing is written', async () => {
    const before = await counts();
    const csv = [
      MEMBERS,
      'LC-900003,BL-01,Giàng A Lử,MALE,1985-01-01,Mông,2999-01-01,,',
      'LC-900004,BL-01,Vàng Thị Sa,F,1985-01-01,Mông,2015-01-01,,',
      'LC-900003,BL-02,Trùng Thẻ,MALE,1985-01-01,Mông,2015-01-01,,',
      'LC-900005,BL-01-T1,Sai Đơn Vị,MALE,1985-01-01,Mông,2015-01-01,,',
      'LC-900006,BL-01,,MALE,1985-01-01,Mông,2015-01-01,,',
    ].join('\n');
    const result = await app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: commune(), csv } });
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect(problemsOf(result)).toEqual([
      { row: 4, column: 'admissionDate', reason: 'must not be in the future' },
      { row: 5, column: 'gender', reason: 'must be one of MALE, FEMALE' },
      { row: 6, column: 'partyCardNumber', reason: 'repeats row 4' },
      { row: 7, column: 'cellCode', reason: expect.stringContaining('members belong to a cell') },
      { row: 8, column: 'fullName', reason: 'must not be empty' },
    ]);
    expect(await counts()).toEqual(before);
  });
});
