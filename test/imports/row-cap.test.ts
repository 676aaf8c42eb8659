import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';

/**
 * The row cap (5,000 rows) is checked before any row is applied (issue #16 item 2): a file one row
 * over is refused after reading the root, whatever its rows, with nothing written.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const IMPORT_MEMBERS = `mutation($input: CsvImportInput!) { importMembers(input: $input) { rows created } }`;
const IMPORT_UNITS = `mutation($input: CsvImportInput!) { importOrgUnits(input: $input) { rows created } }`;

const membersFile = (n: number): string => [
  'partyCardNumber,cellCode,fullName,gender,ethnicity,admissionDate',
  ...Array.from({ length: n }, (_, i) => `CAP-${String(i).padStart(5, '0')},NOPE,Đảng Viên ${i},MALE,Kinh,2020-01-06`),
].join('\n');

test.each([
  ['importMembers', IMPORT_MEMBERS, membersFile(5001)],
  ['importOrgUnits', IMPORT_UNITS, ['code,kind,name,cellType', ...Array.from({ length: 5001 }, (_, i) => `CAP-${i},CELL,Chi bộ ${i},RESIDENTIAL`)].join('\n')],
])('%s: 5,001 rows are refused before any row is applied, with the cap as the problem', async (_name, query, csv) => {
  const [before] = await app.sql<{ n: number }>('select (select count(*) from member) + (select count(*) from org_unit) + (select count(*) from audit_entry) as n');
  const { result, statements } = await app.countSql(() => app.run('admin:commune', query, { input: { rootId: toGlobalId('OrgUnit', app.fixture.units.commune.id), csv } }));
  expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
  expect((result.errors?.[0].extensions as { problems: unknown }).problems).toEqual([{ row: 5002, column: null, reason: 'at most 5000 rows per file' }]);
  // The viewer and the root are read; no row is looked up, let alone written.
  expect(statements).toBeLessThanOrEqual(4);
  const [after] = await app.sql<{ n: number }>('select (select count(*) from member) + (select count(*) from org_unit) + (select count(*) from audit_entry) as n');
  expect(after).toEqual(before);
});

test('5,000 rows are not refused for their number: the rows are checked (here: an unknown cell in each)', async () => {
  const result = await app.run('admin:commune', IMPORT_MEMBERS, { input: { rootId: toGlobalId('OrgUnit', app.fixture.units.commune.id), csv: membersFile(5000) } });
  const problems = (result.errors?.[0].extensions as { problems: Array<{ row: number; reason: string }>; problemCount: number });
  expect(problems.problemCount).toBe(5000);
  expect(problems.problems[0]).toEqual({ row: 2, column: 'cellCode', reason: 'no unit with code NOPE under the root' });
});
