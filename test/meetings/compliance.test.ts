// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): meetings and compliance SQL
import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { AN, BINH, CANCEL_MEETING, createMeeting, data, HUNG, memberGid, PAO, topicGid, unitGid, vietnamTime, vietnamToday } from './support';

/**
 * Compliance on a small hand-built situation whose answer is known, third quarter of 2025
 * (default rules: the 3rd, window 1–7, one thematic meeting a quarter, 85%):
 *
 *   Chi bộ bản Nậm Cười (cell; Hùng, An)
 *     Jul 3  regular, both present                       → fine
 *     Aug 20 regular off-plan, both present              → OUTSIDE_WINDOW
 *     Sep 3  regular, Hùng present, An absent            → LOW_ATTENDANCE (50%)
 *     Aug 10 thematic                                    → the quarter's thematic meeting
 *   Chi bộ Trường Tiểu học Bình Lư (school; Bình, Páo)
 *     Jul    an extraordinary meeting and a cancelled regular one only → NO_REGULAR_MEETING
 *     Aug 5  regular (in the window), Bình present, Páo not recorded   → ATTENDANCE_NOT_RECORDED, LOW_ATTENDANCE
 *     Sep 3  regular, both present; Sep 25 another, off-plan          → fine (the in-window one counts)
 *     no thematic meeting                                              → NO_THEMATIC_MEETING
 *   Chi bộ bản Lả Mường (otherCell, in the other commune): nothing at all.
 *
 * A line not recorded counts as not present (the rate is present ÷ roster less the exempt).
 */
let app: TestApp;
const AS = 'organizer:province' as const;

beforeAll(async () => {
  app = await createTestApp();
  const cell = unitGid(app, 'cell');
  const school = unitGid(app, 'school');
  const line = (name: string, status: string): Record<string, string> => ({ memberId: memberGid(app, name), status });
  await createMeeting(app, AS, { unitId: cell, heldAt: vietnamTime('2025-07-03'), attendance: [line(HUNG, 'PRESENT'), line(AN, 'PRESENT')] });
  await createMeeting(app, AS, { unitId: cell, heldAt: vietnamTime('2025-08-20'), offPlanReason: 'Lũ', attendance: [line(HUNG, 'PRESENT'), line(AN, 'PRESENT')] });
  await createMeeting(app, AS, { unitId: cell, heldAt: vietnamTime('2025-09-03'), attendance: [line(HUNG, 'PRESENT'), line(AN, 'ABSENT_UNEXCUSED')] });
  await createMeeting(app, AS, { unitId: cell, kind: 'THEMATIC', topicIds: [await topicGid(app, 'HO_CHI_MINH')], heldAt: vietnamTime('2025-08-10') });

  await createMeeting(app, AS, { unitId: school, kind: 'EXTRAORDINARY', heldAt: vietnamTime('2025-07-03'), attendance: [line(BINH, 'PRESENT'), line(PAO, 'PRESENT')] });
  const cancelled = await createMeeting(app, AS, { unitId: school, scheduledAt: vietnamTime('2025-07-03') });
  ok(await app.run(AS, CANCEL_MEETING, { id: cancelled.id, version: cancelled.version, reason: 'Bí thư ốm' }));
  await createMeeting(app, AS, { unitId: school, heldAt: vietnamTime('2025-08-05'), offPlanReason: 'Khai giảng sớm', attendance: [line(BINH, 'PRESENT')] });
  await createMeeting(app, AS, { unitId: school, heldAt: vietnamTime('2025-09-03'), attendance: [line(BINH, 'PRESENT'), line(PAO, 'PRESENT')] });
  await createMeeting(app, AS, { unitId: school, heldAt: vietnamTime('2025-09-25'), offPlanReason: 'Họp bổ sung' });
});
afterAll(() => app.close());

const SUMMARY = 'summary { cells months regularExpected regularHeld regularInWindow lowAttendance attendanceRate thematicExpected thematicHeld cellsFallingShort attendanceThreshold }';
const SLOTS = 'nodes { cell { name } slots { month quarter heldOn attendanceRate thematicHeld reasons } }';
const QUERY = `query($u: ID!, $p: CompliancePeriodInput!, $r: [ShortfallReason!], $first: Int, $after: String) { meetingCompliance(unitId: $u, period: $p) {
  ${SUMMARY} shortfalls(reasons: $r, first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } ${SLOTS} } } }`;

const NAM_CUOI = 'Chi bộ bản Nậm Cười';
const SCHOOL = 'Chi bộ Trường Tiểu học Bình Lư';
const LA_MUONG = 'Chi bộ bản Lả Mường';
const Q3_2025 = { year: 2025, quarter: 3 };

async function compliance(unit: 'province' | 'commune' | 'cell', period: Record<string, number>, extra: Record<string, unknown> = {}, as: Parameters<TestApp['run']>[0] = 'analyst:province'): Promise<any> {
  return (await data(app, as, QUERY, { u: unitGid(app, unit), p: period, first: 10, ...extra })).meetingCompliance;
}

const slot = (month: number | null, quarter: number | null, heldOn: string | null, attendanceRate: number | null, thematicHeld: number | null, reasons: string[]): Record<string, unknown> =>
  ({ month, quarter, heldOn, attendanceRate, thematicHeld, reasons });

describe('the commune, third quarter of 2025', () => {
  test('every summary number', async () => {
    expect((await compliance('commune', Q3_2025)).summary).toEqual({
      cells: 2, months: 3, regularExpected: 6, regularHeld: 5, regularInWindow: 4, lowAttendance: 2,
      attendanceRate: 0.8, // (2 + 2 + 1 + 1 + 2) present ÷ (2 + 2 + 2 + 2 + 2) expected
      thematicExpected: 2, thematicHeld: 1, cellsFallingShort: 2, attendanceThreshold: 0.85,
    });
  });

  test('every shortfall with its reasons, cells in name order, slots by month then quarter', async () => {
    const result = await compliance('commune', Q3_2025);
    expect(result.shortfalls.totalCount).toBe(2);
    expect(result.shortfalls.nodes).toEqual([
      { cell: { name: NAM_CUOI }, slots: [slot(8, null, '2025-08-20', 1, null, ['OUTSIDE_WINDOW']), slot(9, null, '2025-09-03', 0.5, null, ['LOW_ATTENDANCE'])] },
      { cell: { name: SCHOOL }, slots: [
        slot(7, null, null, null, null, ['NO_REGULAR_MEETING']),
        slot(8, null, '2025-08-05', 0.5, null, ['ATTENDANCE_NOT_RECORDED', 'LOW_ATTENDANCE']),
        slot(null, 3, null, null, 0, ['NO_THEMATIC_MEETING']),
      ] },
    ]);
  });

  // [reasons, expected cells with their matching slots' reasons]
  // prettier-ignore
  const BY_REASON: Array<[string, Array<[string, string[][]]>]> = [
    ['NO_REGULAR_MEETING',      [[SCHOOL, [['NO_REGULAR_MEETING']]]]],
    ['OUTSIDE_WINDOW',          [[NAM_CUOI, [['OUTSIDE_WINDOW']]]]],
    ['ATTENDANCE_NOT_RECORDED', [[SCHOOL, [['ATTENDANCE_NOT_RECORDED', 'LOW_ATTENDANCE']]]]],
    ['LOW_ATTENDANCE',          [[NAM_CUOI, [['LOW_ATTENDANCE']]], [SCHOOL, [['ATTENDANCE_NOT_RECORDED', 'LOW_ATTENDANCE']]]]],
    ['NO_THEMATIC_MEETING',     [[SCHOOL, [['NO_THEMATIC_MEETING']]]]],
  ];
  test.each(BY_REASON)('shortfalls(reasons: [%s])', async (reason, expected) => {
    const result = await compliance('commune', Q3_2025, { r: [reason] });
    expect(result.shortfalls.totalCount).toBe(expected.length);
    expect(result.shortfalls.nodes.map((n: any) => [n.cell.name, n.slots.map((s: any) => s.reasons)])).toEqual(expected);
  });

  test('one month (August): the quarter’s thematic slot comes with it', async () => {
    expect((await compliance('commune', { year: 2025, month: 8 })).summary).toEqual({
      cells: 2, months: 1, regularExpected: 2, regularHeld: 2, regularInWindow: 1, lowAttendance: 1, attendanceRate: 0.75,
      thematicExpected: 2, thematicHeld: 1, cellsFallingShort: 2, attendanceThreshold: 0.85,
    });
  });

  test('the whole year 2025: twelve months and four quarters per cell', async () => {
    expect((await compliance('commune', { year: 2025 })).summary).toMatchObject({ cells: 2, months: 12, regularExpected: 24, regularHeld: 5, regularInWindow: 4, thematicExpected: 8, thematicHeld: 1, cellsFallingShort: 2 });
  });

  test('one cell: its own slots only', async () => {
    const result = await compliance('cell', Q3_2025);
    expect(result.summary).toMatchObject({ cells: 1, regularExpected: 3, regularHeld: 3, regularInWindow: 2, lowAttendance: 1, attendanceRate: 0.8333, thematicExpected: 1, thematicHeld: 1 });
    expect(result.shortfalls.nodes.map((n: any) => n.cell.name)).toEqual([NAM_CUOI]);
  });

  test('the province’s own threshold is the one applied', async () => {
    const input = { provinceId: unitGid(app, 'province'), version: 1, regularDay: 3, windowFirstDay: 1, windowLastDay: 7, thematicPerQuarter: 1, attendanceThreshold: 0.5 };
    const set = ok(await app.run('admin:province', 'mutation($input: MeetingRulesInput!) { updateMeetingRules(input: $input) { version } }', { input })).updateMeetingRules;
    try {
      expect((await compliance('commune', Q3_2025)).summary).toMatchObject({ lowAttendance: 0, attendanceThreshold: 0.5 });
    } finally {
      ok(await app.run('admin:province', 'mutation($input: MeetingRulesInput!) { updateMeetingRules(input: $input) { version } }', { input: { ...input, version: set.version, attendanceThreshold: 0.85 } }));
    }
  });
});

describe('the province: scope, pagination, set-based SQL', () => {
  test('three cells, the other commune’s cell having met not once', async () => {
    const result = await compliance('province', Q3_2025);
    expect(result.summary).toMatchObject({ cells: 3, regularExpected: 9, regularHeld: 5, regularInWindow: 4, lowAttendance: 2, attendanceRate: 0.8, thematicExpected: 3, thematicHeld: 1, cellsFallingShort: 3 });
    expect(result.shortfalls.nodes[0]).toEqual({ cell: { name: LA_MUONG }, slots: [
      slot(7, null, null, null, null, ['NO_REGULAR_MEETING']), slot(8, null, null, null, null, ['NO_REGULAR_MEETING']), slot(9, null, null, null, null, ['NO_REGULAR_MEETING']),
      slot(null, 3, null, null, 0, ['NO_THEMATIC_MEETING']),
    ] });
  });

  test('shortfalls page forward with first/after', async () => {
    const first = (await compliance('province', Q3_2025, { first: 2 })).shortfalls;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n: any) => n.cell.name)).toEqual([LA_MUONG, NAM_CUOI]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await compliance('province', Q3_2025, { first: 2, after: first.pageInfo.endCursor })).shortfalls;
    expect(second.nodes.map((n: any) => n.cell.name)).toEqual([SCHOOL]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(second.totalCount).toBe(3);
  });

  test('each caller measures its own subtree', async () => {
    expect((await compliance('commune', Q3_2025, {}, 'analyst:commune')).summary.cells).toBe(2);
    expect((await compliance('cell', Q3_2025, {}, 'member:cell')).summary.cells).toBe(1);
    expect((await compliance('province', Q3_2025, {}, 'admin:national')).summary.cells).toBe(3);
  });

  test('the number of statements does not grow with the subtree', async () => {
    // Commune (2 cells) and province (3 cells, 2 communes): the same statements (a cell itself would
    // save the one that reads the shortfalls' cells, already loaded as the measured unit).
    const run = (unit: 'province' | 'commune'): Promise<{ statements: number }> =>
      app.countSql(async () => ok(await app.run('analyst:province', QUERY, { u: unitGid(app, unit), p: Q3_2025, first: 10 })));
    expect((await run('province')).statements).toBe((await run('commune')).statements);
  });
});

describe('periods and errors', () => {
  // [what, period, field]
  // prettier-ignore
  const BAD: Array<[string, Record<string, number>, string]> = [
    ['a month and a quarter together', { year: 2025, month: 3, quarter: 1 }, 'period.quarter'],
    ['month 13',                       { year: 2025, month: 13 },             'period.month'],
    ['month 0',                        { year: 2025, month: 0 },              'period.month'],
    ['quarter 5',                      { year: 2025, quarter: 5 },            'period.quarter'],
    ['the year 1999',                  { year: 1999 },                        'period.year'],
  ];
  test.each(BAD)('%s is BAD_USER_INPUT on the field', async (_what, period, field) => {
    const result = await app.run('analyst:province', QUERY, { u: unitGid(app, 'commune'), p: period });
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.data?.meetingCompliance ?? null).toBeNull();
  });

  test.each([
    ['organizer:commune', 'otherCommune'],
    ['analyst:commune', 'province'],
    ['admin:province', 'otherProvince'],
    ['member:cell', 'school'],
  ] as const)('%s on %s: NOT_FOUND', async (as, unit) => {
    expect(onlyError(await app.run(as, QUERY, { u: unitGid(app, unit), p: Q3_2025 })).code).toBe('NOT_FOUND');
  });

  test('a missing unit is NOT_FOUND', async () => {
    expect(onlyError(await app.run('admin:national', QUERY, { u: toGlobalId('OrgUnit', 999999), p: Q3_2025 })).code).toBe('NOT_FOUND');
  });
});

describe('this month, and months not yet begun', () => {
  const today = vietnamToday();

  test('"which cells have not met yet this month" is shortfalls(reasons: [NO_REGULAR_MEETING])', async () => {
    const heldAt = new Date(Date.now() - 60_000).toISOString();
    await createMeeting(app, AS, { unitId: unitGid(app, 'cell'), heldAt, offPlanReason: 'Họp đầu tháng' });
    const result = await compliance('province', { year: today.year, month: today.month }, { r: ['NO_REGULAR_MEETING'] });
    expect(result.shortfalls.totalCount).toBe(2);
    expect(result.shortfalls.nodes.map((n: any) => [n.cell.name, n.slots])).toEqual([
      [LA_MUONG, [slot(today.month, null, null, null, null, ['NO_REGULAR_MEETING'])]],
      [SCHOOL, [slot(today.month, null, null, null, null, ['NO_REGULAR_MEETING'])]],
    ]);
    expect(result.summary).toMatchObject({ months: 1, regularExpected: 3, regularHeld: 1 });
  });

  test('the current year counts the months begun so far; the current quarter likewise; next year none', async () => {
    expect((await compliance('province', { year: today.year })).summary).toMatchObject({ months: today.month, regularExpected: 3 * today.month });
    const quarter = Math.floor((today.month - 1) / 3) + 1;
    expect((await compliance('province', { year: today.year, quarter })).summary).toMatchObject({ months: ((today.month - 1) % 3) + 1, thematicExpected: 3 });
    const next = await compliance('province', { year: today.year + 1 });
    expect(next.summary).toEqual({
      cells: 3, months: 0, regularExpected: 0, regularHeld: 0, regularInWindow: 0, lowAttendance: 0, attendanceRate: null,
      thematicExpected: 0, thematicHeld: 0, cellsFallingShort: 0, attendanceThreshold: 0.85,
    });
    expect(next.shortfalls).toMatchObject({ totalCount: 0, nodes: [] });
  });
});
