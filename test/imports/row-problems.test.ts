import { textProblem } from '../../src/services/text-hygiene';
import { createTestApp, onlyError, type GqlResult, type TestApp } from '../support/test-app';
import { gid } from '../validation/support';
import { communeId, IMPORT_MEMBERS, IMPORT_UNITS, importCells, MEMBER_HEADER, memberCount, problemsOf } from './support';

/**
 * Issue #16 item 6: `;`-separated files (Excel under a Vietnamese locale) are read, another
 * separator is named; every problem of a row is reported; trailing empty rows are ignored; hidden
 * characters in names are refused by the one shared text check, in files and in mutations alike.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await importCells(app);
});
afterAll(() => app.close());

const importMembers = (csv: string, dryRun = false): Promise<GqlResult> => app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: communeId(app), csv, dryRun } });
const created = (rows: number): unknown => ({ importMembers: { dryRun: false, rows, created: rows, updated: 0, unchanged: 0 } });

describe('separators', () => {
  test('a ;-separated file is read as such, commas inside values included', async () => {
    const csv = ['partyCardNumber;cellCode;fullName;gender;ethnicity;admissionDate;address', 'RS-1;EN-01;Lò Văn Chẩm;MALE;Thái;2012-04-04;Bản Nà, xã Nậm Cang'].join('\r\n');
    expect((await importMembers(csv)).data).toEqual(created(1));
    const [member] = await app.sql<{ full_name: string; address: string }>("select full_name, address from member where party_card_number = 'RS-1'");
    expect(member).toEqual({ full_name: 'Lò Văn Chẩm', address: 'Bản Nà, xã Nậm Cang' });
  });

  test('a tab-separated file is refused saying the separator is wrong, nothing written', async () => {
    const csv = ['partyCardNumber\tcellCode\tfullName\tgender\tethnicity\tadmissionDate', 'RS-2\tEN-01\tLò Văn Tab\tMALE\tThái\t2012-04-04'].join('\n');
    const result = await importMembers(csv);
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect(problemsOf(result)).toEqual(expect.arrayContaining([{ row: 1, column: null, reason: expect.stringContaining('not separated by "," or ";"') }]));
    expect(await memberCount(app, "party_card_number = 'RS-2'")).toBe(0);
  });
});

describe('problems of a row', () => {
  test('every bad value of a row is reported, not only the first', async () => {
    const csv = [
      `${MEMBER_HEADER},citizenId`,
      'RP-1,EN-01,Lò\u200bVăn Ẩn,X,2999-01-01,Thái,2012-13-01,,12ab,123',
      'RP-2,EN-01,Lò Thị Tốt,FEMALE,1980-01-01,Thái,2012-04-04,,,',
    ].join('\n');
    const result = await importMembers(csv);
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect(problemsOf(result)).toEqual([
      { row: 2, column: 'fullName', reason: 'must not contain zero-width characters' },
      { row: 2, column: 'birthDate', reason: 'must not be in the future' },
      { row: 2, column: 'admissionDate', reason: 'must be a date as YYYY-MM-DD' },
      { row: 2, column: 'citizenId', reason: 'must be 12 digits' },
      { row: 2, column: 'phone', reason: 'must be a phone number of 9 to 15 digits' },
      { row: 2, column: 'gender', reason: expect.stringContaining('must be one of') },
    ]);
    expect(await memberCount(app, "party_card_number like 'RP-%'")).toBe(0);
  });

  test('trailing empty rows (",,,," and blank lines, as Excel leaves them) are ignored', async () => {
    const csv = [MEMBER_HEADER, 'RT-1,EN-01,Lò Văn Cuối,MALE,1980-01-01,Thái,2012-04-04,,', ',,,,,,,,', ' , ,,,,,,,', '', ',,,,,,,,'].join('\r\n');
    expect((await importMembers(csv)).data).toEqual(created(1));
  });
});

describe('hidden characters in names', () => {
  test.each([
    ['a zero-width space', 'Lò\u200bVăn', 'must not contain zero-width characters'],
    ['a zero-width joiner', 'Lò\u200dVăn', 'must not contain zero-width characters'],
    ['a right-to-left override', 'Lò \u202eVăn', 'must not contain bidirectional control characters'],
    ['a right-to-left isolate', 'Lò \u2067Văn', 'must not contain bidirectional control characters'],
    ['a right-to-left mark', 'Lò\u200f Văn', 'must not contain bidirectional control characters'],
    ['an escape character', 'Lò\u001bVăn', 'must not contain control characters'],
  ])('%s: refused in a file (its row and column) and in createMember (input.fullName), the same reason', async (_what, name, reason) => {
    // As bytes: a control character in csv text is refused whole by the argument check, before any row is read.
    const file = Buffer.from([MEMBER_HEADER, `RH-1,EN-01,${name},MALE,1980-01-01,Thái,2012-04-04,,`].join('\n')).toString('base64');
    const result = await app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: communeId(app), csvBase64: file } });
    expect(problemsOf(result)).toEqual([{ row: 2, column: 'fullName', reason }]);
    const [cell] = await app.sql<{ id: number }>("select id from org_unit where code = 'EN-01'");
    const direct = await app.run('organizer:commune', 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
      input: { unitId: gid('OrgUnit', cell.id), fullName: name, gender: 'MALE', ethnicity: 'Thái', admissionDate: '2012-04-04' },
    });
    expect(direct.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.extensions?.reason])).toEqual([['BAD_USER_INPUT', 'input.fullName', reason]]);
    expect(await memberCount(app, "party_card_number = 'RH-1'")).toBe(0);
  });

  test('a byte-order mark inside a name is refused in a file; createMember folds it into a space, as any white space', async () => {
    const result = await importMembers([MEMBER_HEADER, 'RH-2,EN-01,Lò\ufeffVăn,MALE,1980-01-01,Thái,2012-04-04,,'].join('\n'));
    expect(problemsOf(result)).toEqual([{ row: 2, column: 'fullName', reason: 'must not contain zero-width characters' }]);
    expect(onlyError(await importMembers([MEMBER_HEADER, 'RH-3,EN-01,Lò\u001bVăn,MALE,1980-01-01,Thái,2012-04-04,,'].join('\n')))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
  });

  test('unit names in a file go through the same check', async () => {
    const result = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: communeId(app), csv: 'code,kind,name,cellType\nRH-U,CELL,Chi bộ\u202e gnaC,RESIDENTIAL' } });
    expect(problemsOf(result)).toEqual([{ row: 2, column: 'name', reason: 'must not contain bidirectional control characters' }]);
  });

  test('the shared check: names refuse them; multi-line text keeps line breaks and joiners; an emoji flag is a name', () => {
    expect(textProblem('Chi bộ\u2060A', 'singleLine')).toBe('must not contain zero-width characters');
    expect(textProblem('Dòng 1\nDòng 2 \u200d', 'multiline')).toBeNull();
    expect(textProblem('Chi bộ 🇻🇳', 'singleLine')).toBeNull();
  });
});
