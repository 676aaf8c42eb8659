import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { expectRejected, ok } from '../validation/support';
import { data, unitGid } from './support';

/**
 * Meeting rules as data (issue #3): the default (Lai Châu's: the 3rd, else the first week, one
 * thematic meeting a quarter, 85%) until a province sets its own; versions; bad input; the holiday
 * calendar seeded with the national holidays of 2026 and 2027 and maintained by administrators.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const RULES = `query($p: ID!) { meetingRules(provinceId: $p) { isDefault regularDay windowFirstDay windowLastDay thematicPerQuarter attendanceThreshold version } }`;
const UPDATE = `mutation($input: MeetingRulesInput!) { updateMeetingRules(input: $input) { isDefault regularDay windowFirstDay windowLastDay thematicPerQuarter attendanceThreshold version } }`;
const HOLIDAYS = `query($p: ID!, $y: Int!) { holidays(provinceId: $p, year: $y) { id day name national } }`;
const ADD = `mutation($input: HolidayInput!) { addHoliday(input: $input) { id day name national } }`;
const REMOVE = `mutation($id: ID!) { removeHoliday(id: $id) { id day name } }`;

const DEFAULT = { isDefault: true, regularDay: 3, windowFirstDay: 1, windowLastDay: 7, thematicPerQuarter: 1, attendanceThreshold: 0.85, version: 1 };

describe('meetingRules and updateMeetingRules', () => {
  const province = (): string => unitGid(app, 'province');
  const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    provinceId: province(), version: 1, regularDay: 5, windowFirstDay: 1, windowLastDay: 5, thematicPerQuarter: 2, attendanceThreshold: 0.9, ...over,
  });

  test('a province without rules of its own reads the default', async () => {
    for (const as of ['member:cell', 'analyst:province', 'admin:national'] as const) {
      expect((await data(app, as, RULES, { p: province() })).meetingRules).toEqual(DEFAULT);
    }
  });

  test('meetingRules of a unit that is not a province is BAD_USER_INPUT; of a province out of scope, NOT_FOUND', async () => {
    expect(onlyError(await app.run('admin:province', RULES, { p: unitGid(app, 'commune') }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provinceId' });
    expect(onlyError(await app.run('admin:province', RULES, { p: unitGid(app, 'otherProvince') }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  // [what, override, field]
  // prettier-ignore
  const BAD: Array<[string, Record<string, unknown>, string]> = [
    ['rule day 0',                       { regularDay: 0, windowFirstDay: 0 },         'input.regularDay'],
    ['rule day 29',                      { regularDay: 29, windowLastDay: 28 },        'input.regularDay'],
    ['window last day 29',               { windowLastDay: 29 },                         'input.windowLastDay'],
    ['window first day 0',               { windowFirstDay: 0 },                         'input.windowFirstDay'],
    ['rule day after the window',        { regularDay: 9, windowFirstDay: 1, windowLastDay: 7 }, 'input.regularDay'],
    ['rule day before the window',       { regularDay: 2, windowFirstDay: 3, windowLastDay: 7 }, 'input.regularDay'],
    ['threshold 0',                      { attendanceThreshold: 0 },                    'input.attendanceThreshold'],
    ['threshold 1.5',                    { attendanceThreshold: 1.5 },                  'input.attendanceThreshold'],
    ['threshold below 0',                { attendanceThreshold: -0.2 },                 'input.attendanceThreshold'],
    ['thematic per quarter -1',          { thematicPerQuarter: -1 },                    'input.thematicPerQuarter'],
    ['thematic per quarter 13',          { thematicPerQuarter: 13 },                    'input.thematicPerQuarter'],
  ];
  test.each(BAD)('%s is BAD_USER_INPUT and writes nothing', async (_what, over, field) => {
    await expectRejected(app, 'admin:province', ['meeting_rules'], UPDATE, { input: valid(over) }, { code: 'BAD_USER_INPUT', field });
  });

  test('a commune is not a province', async () => {
    await expectRejected(app, 'admin:province', ['meeting_rules'], UPDATE, { input: valid({ provinceId: unitGid(app, 'commune') }) }, { code: 'BAD_USER_INPUT', field: 'input.provinceId' });
  });

  test('the province sets its own rules; they replace the default for it only, with versions and an audit entry', async () => {
    await expectRejected(app, 'admin:province', ['meeting_rules'], UPDATE, { input: valid({ version: 7 }) }, { code: 'CONFLICT', field: 'version' });

    const first = ok(await app.run('admin:province', UPDATE, { input: valid() })).updateMeetingRules;
    expect(first).toEqual({ isDefault: false, regularDay: 5, windowFirstDay: 1, windowLastDay: 5, thematicPerQuarter: 2, attendanceThreshold: 0.9, version: 1 });
    expect((await data(app, 'member:cell', RULES, { p: province() })).meetingRules).toEqual(first);
    // The default row, and the other province reading it, are untouched.
    expect((await data(app, 'admin:national', RULES, { p: unitGid(app, 'otherProvince') })).meetingRules).toEqual(DEFAULT);
    expect(await app.sql('select regular_day, version, attendance_threshold::text as t from meeting_rules where province_id is null')).toEqual([{ regular_day: 3, version: 1, t: '0.8500' }]);

    const second = ok(await app.run('admin:national', UPDATE, { input: valid({ version: 1, regularDay: 3, windowLastDay: 7, attendanceThreshold: 0.8 }) })).updateMeetingRules;
    expect(second).toMatchObject({ isDefault: false, regularDay: 3, windowLastDay: 7, attendanceThreshold: 0.8, version: 2 });
    // Stale: the version read before the second update.
    await expectRejected(app, 'admin:province', ['meeting_rules'], UPDATE, { input: valid({ version: 1 }) }, { code: 'CONFLICT', field: 'version' });

    const audits = await app.sql<{ operation: string; before: any; after: any }>("select operation, before, after from audit_entry where operation = 'updateMeetingRules' order by id");
    expect(audits).toHaveLength(2);
    expect(audits[0].before).toMatchObject({ regularDay: 3, attendanceThreshold: 0.85 });
    expect(audits[0].after).toMatchObject({ regularDay: 5, attendanceThreshold: 0.9 });
    expect(audits[1].after).toMatchObject({ regularDay: 3, attendanceThreshold: 0.8, version: 2 });

    // Put the default back for the rest of this file's tests.
    ok(await app.run('admin:province', UPDATE, { input: valid({ version: 2, regularDay: 3, windowLastDay: 7, thematicPerQuarter: 1, attendanceThreshold: 0.85 }) }));
  });

  test('the organizer of the province may not set the rules (FORBIDDEN); another province is NOT_FOUND to its admin', async () => {
    await expectRejected(app, 'organizer:province', ['meeting_rules'], UPDATE, { input: valid({ version: 3 }) }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'admin:province', ['meeting_rules'], UPDATE, { input: valid({ provinceId: unitGid(app, 'otherProvince') }) }, { code: 'NOT_FOUND' });
  });
});

describe('holidays', () => {
  const province = (): string => unitGid(app, 'province');

  test.each([
    [2026, ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']],
    [2027, ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02', '2027-09-03']],
  ])('the national holidays of %i are seeded, Tết included, in date order', async (year, days) => {
    const list = (await data(app, 'member:cell', HOLIDAYS, { p: province(), y: year })).holidays as Array<{ day: string; name: string; national: boolean }>;
    expect(list.map((h) => h.day)).toEqual(days);
    expect(list.every((h) => h.national)).toBe(true);
    expect(list.filter((h) => h.name.startsWith('Tết Nguyên đán'))).toHaveLength(5);
  });

  test('a year without seeded holidays is empty', async () => {
    expect((await data(app, 'member:cell', HOLIDAYS, { p: province(), y: 2030 })).holidays).toEqual([]);
  });

  test('a provincial holiday shows for its province only; a duplicate is BAD_USER_INPUT; removal takes it away', async () => {
    const added = ok(await app.run('admin:province', ADD, { input: { provinceId: province(), day: '2026-03-10', name: 'Ngày thành lập tỉnh' } })).addHoliday;
    expect(added).toMatchObject({ day: '2026-03-10', name: 'Ngày thành lập tỉnh', national: false });
    const days = async (p: string): Promise<string[]> => ((await data(app, 'admin:national', HOLIDAYS, { p, y: 2026 })).holidays as Array<{ day: string }>).map((h) => h.day);
    expect(await days(province())).toContain('2026-03-10');
    expect(await days(unitGid(app, 'otherProvince'))).not.toContain('2026-03-10');

    await expectRejected(app, 'admin:province', ['holiday'], ADD, { input: { provinceId: province(), day: '2026-03-10', name: 'Lần nữa' } }, { code: 'BAD_USER_INPUT', field: 'input.day' });
    await expectRejected(app, 'admin:national', ['holiday'], ADD, { input: { provinceId: null, day: '2026-02-17', name: 'Mùng 1 Tết' } }, { code: 'BAD_USER_INPUT', field: 'input.day' });
    await expectRejected(app, 'admin:province', ['holiday'], ADD, { input: { provinceId: province(), day: '2026-03-11', name: '  ' } }, { code: 'BAD_USER_INPUT', field: 'input.name' });

    const removed = ok(await app.run('admin:province', REMOVE, { id: added.id })).removeHoliday;
    expect(removed).toEqual({ id: added.id, day: '2026-03-10', name: 'Ngày thành lập tỉnh' });
    expect(await days(province())).not.toContain('2026-03-10');
    expect(onlyError(await app.run('admin:province', REMOVE, { id: added.id }))).toMatchObject({ code: 'NOT_FOUND' });

    const audits = await app.sql<{ operation: string }>("select operation from audit_entry where target_type = 'Holiday' order by id");
    expect(audits.map((a) => a.operation)).toEqual(['addHoliday', 'removeHoliday']);
  });

  test('national holidays are kept by the national administrator only', async () => {
    await expectRejected(app, 'admin:province', ['holiday'], ADD, { input: { provinceId: null, day: '2026-06-01', name: 'Quốc tế Thiếu nhi' } }, { code: 'FORBIDDEN' });
    const [tet] = await app.sql<{ id: number }>("select id from holiday where province_id is null and day = '2026-02-17'");
    await expectRejected(app, 'admin:province', ['holiday'], REMOVE, { id: toGlobalId('Holiday', tet.id) }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'organizer:province', ['holiday'], ADD, { input: { provinceId: province(), day: '2026-06-01', name: 'X' } }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'admin:province', ['holiday'], ADD, { input: { provinceId: unitGid(app, 'otherProvince'), day: '2026-06-01', name: 'X' } }, { code: 'NOT_FOUND' });
    const added = ok(await app.run('admin:national', ADD, { input: { provinceId: null, day: '2026-06-01', name: 'Quốc tế Thiếu nhi' } })).addHoliday;
    expect(added.national).toBe(true);
    ok(await app.run('admin:national', REMOVE, { id: added.id }));
  });
});
