import { parse } from 'csv-parse/sync';
import { Workbook, type Worksheet } from 'exceljs';
import type { RunningServer } from '../../src/server';
import { toGlobalId } from '../../src/services/global-id';
import { bearer, loginOverHttp, postGraphQL, startHttpServer } from '../http/http-client';
import { createMeeting, topicGid, unitGid, vietnamTime } from '../meetings/support';
import { FIXTURE_API_KEY } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/** The statistics exports over real HTTP: CSV tables and breakdowns, the district workbook, no personal data, errors. */
let app: TestApp;
let server: RunningServer;
let organizer: Record<string, string>;
beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app);
  const [hcm, law] = [await topicGid(app, 'HO_CHI_MINH'), await topicGid(app, 'LEGAL_EDUCATION')];
  await createMeeting(app, 'admin:national', { unitId: unitGid(app, 'cell'), kind: 'THEMATIC', topicIds: [hcm, law], heldAt: vietnamTime('2026-02-10') });
  await createMeeting(app, 'admin:national', { unitId: unitGid(app, 'school'), kind: 'THEMATIC', topicIds: [hcm], heldAt: vietnamTime('2026-05-12') });
  await createMeeting(app, 'admin:national', { unitId: unitGid(app, 'otherCell'), kind: 'THEMATIC', topicIds: [law], heldAt: vietnamTime('2026-08-04') });
  await createMeeting(app, 'admin:national', { unitId: unitGid(app, 'cell'), heldAt: vietnamTime('2026-04-03') });
  await app.refreshStatistics();
  organizer = bearer((await loginOverHttp(server, 'organizer.province')).accessToken);
});
afterAll(async () => {
  await server.stop();
  await app.close();
});

const PROVINCE = (): string => unitGid(app, 'province');
type Csv = Record<string, string>[];

async function get(path: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers });
}
async function csv(query: string, headers = organizer): Promise<Csv> {
  const response = await get(`/export/statistics.csv?${query}`, headers);
  expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8'), { bom: true, columns: true });
}
async function workbook(query: string, headers = organizer): Promise<Workbook> {
  const response = await get(`/export/statistics.xlsx?${query}`, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}
async function statistics(selection: string, period: Record<string, unknown> = { year: 2026 }, unitId: string | null = PROVINCE()): Promise<Record<string, any>> {
  const { body } = await postGraphQL(server, `query($u: ID, $p: StatisticsPeriodInput!) { statistics(unitId: $u, period: $p) { ${selection} } }`, { u: unitId, p: period }, organizer);
  expect(body.errors).toBeUndefined();
  return (body.data as { statistics: Record<string, any> }).statistics;
}
/** Every row of a sheet as its values; exceljs rows hold an empty slot 0. */
const rowsOf = (sheet: Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};
const sum = (rows: Csv, column: string): number => rows.reduce((s, r) => s + Number(r[column]), 0);

test('MEMBERS by GENDER: the rows of the GraphQL answer for the same caller', async () => {
  const rows = await csv(`table=MEMBERS&dimension=GENDER&unitId=${PROVINCE()}&year=2026`);
  const { members } = await statistics('members { by(dimension: GENDER) { key label count share } }');
  expect(Object.keys(rows[0])).toEqual(['key', 'label', 'count', 'share']);
  expect(rows.map((r) => ({ key: r.key, label: r.label, count: Number(r.count), share: r.share === '' ? null : Number(r.share) }))).toEqual(members.by);
  expect(sum(rows, 'count')).toBe(7);
});

test('breakdown by CHILD_UNIT: one row per commune, figures summing to the province', async () => {
  const rows = await csv(`table=MEMBERS&dimension=GENDER&unitId=${PROVINCE()}&year=2026&breakdown=CHILD_UNIT`);
  const whole = await csv(`table=MEMBERS&dimension=GENDER&unitId=${PROVINCE()}&year=2026`);
  expect(rows.map((r) => r.unitId).sort()).toEqual([unitGid(app, 'commune'), unitGid(app, 'otherCommune')].sort());
  expect(Object.keys(rows[0])).toEqual(['unitId', 'code', 'name', 'MALE.count', 'MALE.share', 'FEMALE.count', 'FEMALE.share']);
  for (const key of ['MALE', 'FEMALE']) expect(sum(rows, `${key}.count`)).toBe(Number(whole.find((r) => r.key === key)?.count));
  const matrix = await csv(`table=THEMATIC_MATRIX&unitId=${PROVINCE()}&year=2026&breakdown=CHILD_UNIT`);
  expect(sum(matrix, 'TOTAL.total')).toBe(3);
  expect(matrix.find((r) => r.name === 'Đảng bộ xã Bình Lư')).toMatchObject({ 'HO_CHI_MINH.RESIDENTIAL': '1', 'HO_CHI_MINH.PUBLIC_SERVICE': '1', 'LEGAL_EDUCATION.RESIDENTIAL': '1', 'TOTAL.total': '2' });
});

test('breakdown by QUARTER: four rows whose flows add up to the year', async () => {
  const rows = await csv(`table=MEETINGS&unitId=${PROVINCE()}&year=2026&breakdown=QUARTER`);
  expect(rows.map((r) => [r.from, r.to])).toEqual([['2026-01-01', '2026-03-31'], ['2026-04-01', '2026-06-30'], ['2026-07-01', '2026-09-30'], ['2026-10-01', '2026-12-31']]);
  expect(rows.map((r) => r['KIND.THEMATIC.held'])).toEqual(['1', '1', '1', '0']);
  const year = await csv(`table=MEETINGS&unitId=${PROVINCE()}&year=2026`);
  expect(year.find((r) => r.key === 'KIND.REGULAR')).toMatchObject({ held: '1' });
  expect(sum(rows, 'KIND.REGULAR.held')).toBe(1);
  expect((await csv(`table=ADMISSIONS&unitId=${PROVINCE()}&year=2026&breakdown=MONTH`)).map((r) => r['ADMITTED.value'])).toEqual(['0', '0', '1', ...Array(9).fill('0')]);
});

test('every table answers with stable English headers', async () => {
  const heads: Record<string, string[]> = {
    UNITS: ['key', 'label', 'count'],
    ADMISSIONS: ['key', 'label', 'value'],
    POSITIONS: ['key', 'label', 'count'],
    MEETINGS: ['key', 'label', 'held', 'present', 'expected', 'attendanceRate', 'averageDurationMinutes', 'value'],
    INDICATORS: ['key', 'label', 'unit', 'actual', 'numerator', 'denominator', 'percent', 'target', 'source', 'gap', 'met'],
    EVALUATIONS: ['key', 'label', 'value'],
    OVERSIGHT: ['key', 'label', 'value'],
    INSPECTIONS: ['key', 'label', 'value'],
  };
  for (const [table, head] of Object.entries(heads)) {
    const response = await get(`/export/statistics.csv?table=${table}&unitId=${PROVINCE()}&year=2026`, organizer);
    expect([table, response.status, (await response.text()).split('\n')[0].replace('\ufeff', '')]).toEqual([table, 200, head.join(',')]);
  }
  const units = await csv(`table=UNITS&unitId=${PROVINCE()}&year=2026`);
  expect(units.find((r) => r.key === 'CELL_TYPE.RESIDENTIAL')).toEqual({ key: 'CELL_TYPE.RESIDENTIAL', label: 'Địa bàn dân cư (thôn, bản, tổ dân phố)', count: '2' });
  expect((await csv(`table=INDICATORS&unitId=${PROVINCE()}&year=2026`)).find((r) => r.key === 'ADMISSIONS')).toMatchObject({ unit: 'COUNT', actual: '1' });
});

test("the workbook: the district report's sheets with Vietnamese headers, numbers as numbers, the matrix totals of thematicMatrix", async () => {
  const response = await get(`/export/statistics.xlsx?unitId=${PROVINCE()}&year=2026`, organizer);
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="thong-ke-${PROVINCE()}-2026.xlsx"`);
  const book = await workbook(`unitId=${PROVINCE()}&year=2026`);
  expect(book.worksheets.map((s) => s.name)).toEqual(['Tổ chức đảng', 'Đảng viên', 'Kết nạp', 'Sinh hoạt', 'Chuyên đề', 'Chỉ tiêu', 'Đánh giá', 'Kiểm tra, giám sát', 'Theo đơn vị']);
  for (const sheet of book.worksheets) {
    expect(sheet.getCell('A1').value).toBe('Đảng bộ tỉnh Lai Châu — Năm 2026');
    expect(sheet.getRow(4).font?.bold ?? sheet.getRow(5).font?.bold).toBe(true);
  }
  const matrix = rowsOf(book.getWorksheet('Chuyên đề') as Worksheet);
  const header = matrix.find((r) => r[0] === 'Chủ đề sinh hoạt chuyên đề') as unknown[];
  const totals = matrix.find((r) => r[0] === 'Tổng cộng (số cuộc)') as unknown[];
  const { thematicMatrix } = await statistics('thematicMatrix { columnTotals { label count } total rows { topic { name } total } }');
  expect(header).toEqual(['Chủ đề sinh hoạt chuyên đề', ...thematicMatrix.columnTotals.map((c: { label: string }) => c.label), 'Tổng cộng']);
  expect(totals).toEqual(['Tổng cộng (số cuộc)', ...thematicMatrix.columnTotals.map((c: { count: number }) => c.count), thematicMatrix.total]);
  expect(matrix.find((r) => r[0] === thematicMatrix.rows[0].topic.name)?.at(-1)).toBe(thematicMatrix.rows[0].total);
  const members = rowsOf(book.getWorksheet('Đảng viên') as Worksheet);
  expect(members).toContainEqual(['Giới tính', 'Số đảng viên', 'Tỷ lệ']);
  let women: unknown[] = [];
  book.getWorksheet('Đảng viên')?.eachRow((row) => {
    if (row.getCell(1).value === 'Nữ') women = [row.getCell(2).value, row.getCell(2).numFmt, row.getCell(3).value, row.getCell(3).numFmt];
  });
  expect(women).toEqual([3, '#,##0', 0.4286, '0.00%']);
  const indicators = rowsOf(book.getWorksheet('Chỉ tiêu') as Worksheet);
  expect(indicators).toContainEqual(['Tên chỉ tiêu', 'Đơn vị tính', 'Thực hiện', 'Tử số', 'Mẫu số', 'Tỷ lệ (%)', 'Chỉ tiêu', 'Nguồn chỉ tiêu', 'Chênh lệch', 'Kết quả']);
  const byUnit = rowsOf(book.getWorksheet('Theo đơn vị') as Worksheet);
  expect(byUnit.filter((r) => r[0] === 'Đảng bộ xã Bình Lư' || r[0] === 'Đảng bộ xã Phong Thổ').map((r) => r.slice(2, 5))).toEqual([[5, 2, 1], [2, 1, 0]]);
  expect(byUnit.find((r) => r[0] === 'Toàn Đảng bộ tỉnh Lai Châu')?.slice(2, 5)).toEqual([7, 3, 1]);
});

test('aggregate-only callers get every export, and nothing in them names a person or a birth date', async () => {
  const analyst = bearer((await loginOverHttp(server, 'analyst.province')).accessToken);
  const personal = [...Object.keys(app.fixture.members), ...(await app.sql<{ d: string }>("select to_char(birth_date, 'YYYY-MM-DD') as d from member")).map((r) => r.d)];
  for (const caller of [analyst, { 'x-api-key': FIXTURE_API_KEY }]) {
    const files: string[] = [];
    for (const table of ['UNITS', 'MEMBERS&dimension=AGE_BAND', 'ADMISSIONS', 'POSITIONS', 'MEETINGS', 'THEMATIC_MATRIX', 'INDICATORS', 'EVALUATIONS', 'OVERSIGHT', 'INSPECTIONS']) {
      for (const breakdown of ['', '&breakdown=CHILD_UNIT']) files.push(JSON.stringify(await csv(`table=${table}&unitId=${PROVINCE()}&year=2026${breakdown}`, caller)));
    }
    const book = await workbook(`unitId=${PROVINCE()}&year=2026`, caller);
    files.push(JSON.stringify(book.worksheets.map(rowsOf)));
    const text = files.join('\n');
    for (const value of [...personal, ...personal.map((d) => d.split('-').reverse().join('/'))]) expect(text).not.toContain(value);
    expect(text).toContain('Đảng bộ xã Bình Lư');
  }
});

describe('errors like the other export routes', () => {
  const errorOf = async (path: string, headers: Record<string, string> = organizer): Promise<[number, unknown, unknown]> => {
    const response = await get(path, headers);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string; field?: string } }> };
    return [response.status, body.errors[0].extensions.code, body.errors[0].extensions.field];
  };

  test('anonymous 401; out of scope 404 like a missing unit; no STATISTICS_READ 403', async () => {
    const commune = bearer((await loginOverHttp(server, 'organizer.commune')).accessToken);
    const member = bearer((await loginOverHttp(server, 'member.cell')).accessToken);
    for (const file of ['statistics.csv?table=UNITS&', 'statistics.xlsx?']) {
      expect(await errorOf(`/export/${file}unitId=${PROVINCE()}&year=2026`, {})).toEqual([401, 'UNAUTHENTICATED', undefined]);
      const outside = await get(`/export/${file}unitId=${unitGid(app, 'otherCommune')}&year=2026`, commune);
      const missing = await get(`/export/${file}unitId=${toGlobalId('OrgUnit', 999999)}&year=2026`, commune);
      expect([outside.status, missing.status]).toEqual([404, 404]);
      expect(await outside.json()).toEqual(await missing.json());
      expect(await errorOf(`/export/${file}unitId=${unitGid(app, 'cell')}&year=2026`, member)).toEqual([403, 'FORBIDDEN', undefined]);
      expect(await errorOf(`/export/${file}year=2026`, organizer)).toEqual([403, 'FORBIDDEN', undefined]);
    }
  });

  test.each([
    ['table=NOPE&year=2026', 'table'],
    ['year=2026', 'table'],
    ['table=MEMBERS&dimension=SHOE_SIZE&year=2026', 'dimension'],
    ['table=MEMBERS&year=2026', 'dimension'],
    ['table=UNITS&dimension=GENDER&year=2026', 'dimension'],
    ['table=UNITS&breakdown=RANGE&year=2026', 'breakdown'],
    ['table=UNITS&breakdown=COMMUNE&year=2026', 'breakdown'],
    ['table=UNITS&year=abc', 'year'],
    ['table=UNITS&year=2026&year=2025', 'year'],
    ['table=UNITS&year=1850', 'year'],
    ['table=UNITS&year=2026&quarter=5', 'quarter'],
    ['table=UNITS&year=2026&month=1.5', 'month'],
    ['table=UNITS', 'year'],
    ['table=UNITS&from=2026-05-01&to=2026-04-01', 'to'],
    ['table=UNITS&from=2026-05-01', 'to'],
    ['table=UNITS&year=2026&from=2026-01-01&to=2026-02-01', 'from'],
    ['table=UNITS&year=2026&asOf=2999-01-01', 'asOf'],
  ])('statistics.csv?%s → 400 on %s', async (query, field) => {
    expect(await errorOf(`/export/statistics.csv?${query}&unitId=${PROVINCE()}`)).toEqual([400, 'BAD_USER_INPUT', field]);
  });

  test('the workbook checks its parameters the same way', async () => {
    expect(await errorOf(`/export/statistics.xlsx?unitId=${PROVINCE()}&year=abc`)).toEqual([400, 'BAD_USER_INPUT', 'year']);
    expect(await errorOf(`/export/statistics.xlsx?unitId=${PROVINCE()}&from=2026-05-01&to=2026-04-01`)).toEqual([400, 'BAD_USER_INPUT', 'to']);
    expect(await errorOf(`/export/statistics.xlsx?unitId=nope&year=2026`)).toEqual([400, 'BAD_USER_INPUT', 'unitId']);
    expect(await errorOf(`/export/statistics.csv?table=UNITS&year=2026&unitId=nope`)).toEqual([400, 'BAD_USER_INPUT', 'unitId']);
  });
});

// Issue #15: a unit named like a formula reaches both files as text, with a leading quote.
test('formula-like unit names are neutralised in the CSV breakdown and the workbook', async () => {
  await app.sql("update org_unit set name = '=1+2 Đảng bộ xã Bình Lư' where id = ?", [app.fixture.units.commune.id]);
  const rows = await csv(`table=MEMBERS&dimension=GENDER&unitId=${PROVINCE()}&year=2026&breakdown=CHILD_UNIT`);
  expect(rows.map((r) => r.name)).toContain("'=1+2 Đảng bộ xã Bình Lư");
  const byUnit = rowsOf((await workbook(`unitId=${PROVINCE()}&year=2026`)).getWorksheet('Theo đơn vị') as Worksheet);
  expect(byUnit.map((r) => r[0])).toContain("'=1+2 Đảng bộ xã Bình Lư");
  expect(byUnit.map((r) => r[0])).not.toContain('=1+2 Đảng bộ xã Bình Lư');
});
