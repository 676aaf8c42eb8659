import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected, ok } from '../validation/support';
import { CREATE_MEETING, createMeeting, data, MEETING_TABLES, unitGid, updateMeeting, vietnamTime } from './support';

/**
 * The planned calendar (issue #3): the rule day (the 3rd) each month; when it is a holiday (a
 * provincial holiday, or Tết) the date moves within the window, marked moved. A regular meeting held
 * off the planned date needs a reason (BAD_USER_INPUT on input.offPlanReason otherwise).
 *
 * In this file's database: Lai Châu has a provincial holiday on 2026-03-03; Điện Biên sets its own
 * rules (the 17th, window 14–21) so that its February 2026 rule day falls on Tết.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CALENDAR = `query($id: ID!, $year: Int!) { orgUnit(id: $id) { meetingCalendar(year: $year) { month plannedOn moved windowStart windowEnd } } }`;
const RULES = `mutation($input: MeetingRulesInput!) { updateMeetingRules(input: $input) { version } }`;

interface Planned {
  month: number;
  plannedOn: string | null;
  moved: boolean;
  windowStart: string;
  windowEnd: string;
}

async function calendar(unit: 'cell' | 'otherProvinceCell', year: number): Promise<Planned[]> {
  const as = unit === 'cell' ? 'member:cell' : 'admin:national';
  return (await data(app, as, CALENDAR, { id: unitGid(app, unit), year })).orgUnit.meetingCalendar;
}

const pad = (n: number): string => String(n).padStart(2, '0');

describe('OrgUnit.meetingCalendar', () => {
  test('by default the 3rd of every month, window 1st–7th; a seeded national holiday on the 3rd (2 September 2027) moves it', async () => {
    const expected = (year: number): Planned[] =>
      Array.from({ length: 12 }, (_, i) => ({ month: i + 1, plannedOn: `${year}-${pad(i + 1)}-03`, moved: false, windowStart: `${year}-${pad(i + 1)}-01`, windowEnd: `${year}-${pad(i + 1)}-07` }));
    expect(await calendar('cell', 2026)).toEqual(expected(2026));
    const y2027 = expected(2027);
    // Quốc khánh 2027: 2 and 3 September are holidays; the 4th is the next free day.
    y2027[8] = { ...y2027[8], plannedOn: '2027-09-04', moved: true };
    expect(await calendar('cell', 2027)).toEqual(y2027);
  });

  test('a year outside 2000–2100 is BAD_USER_INPUT', async () => {
    const result = await app.run('member:cell', CALENDAR, { id: unitGid(app, 'cell'), year: 1999 });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'year']]);
  });

  test('a provincial holiday on the rule day moves that month to the next free day of the window, in that province only', async () => {
    ok(await app.run('admin:province', 'mutation($p: ID!) { addHoliday(input: { provinceId: $p, day: "2026-03-03", name: "Lễ hội của tỉnh" }) { id } }', { p: unitGid(app, 'province') }));
    const march = (await calendar('cell', 2026))[2];
    expect(march).toEqual({ month: 3, plannedOn: '2026-03-04', moved: true, windowStart: '2026-03-01', windowEnd: '2026-03-07' });
    expect((await calendar('cell', 2026))[3]).toMatchObject({ plannedOn: '2026-04-03', moved: false });
    expect((await calendar('otherProvinceCell', 2026))[2]).toMatchObject({ plannedOn: '2026-03-03', moved: false });
  });

  test('a rule day on Tết moves past the Tết holidays, within the window; a window all holidays has no planned day', async () => {
    const input = { provinceId: unitGid(app, 'otherProvince'), version: 1, regularDay: 17, windowFirstDay: 14, windowLastDay: 21, thematicPerQuarter: 1, attendanceThreshold: 0.85 };
    ok(await app.run('admin:national', RULES, { input }));
    // Tết Nguyên đán 2026: 16–20 February.
    expect((await calendar('otherProvinceCell', 2026))[1]).toEqual({ month: 2, plannedOn: '2026-02-21', moved: true, windowStart: '2026-02-14', windowEnd: '2026-02-21' });
    expect((await calendar('otherProvinceCell', 2026))[0]).toMatchObject({ plannedOn: '2026-01-17', moved: false });
    // Lai Châu keeps the default.
    expect((await calendar('cell', 2026))[1]).toMatchObject({ plannedOn: '2026-02-03', moved: false });

    // Rule day 18 in a window of 16–20: every day of it is Tết in 2026.
    ok(await app.run('admin:national', RULES, { input: { ...input, version: 1, regularDay: 18, windowFirstDay: 16, windowLastDay: 20 } }));
    expect((await calendar('otherProvinceCell', 2026))[1]).toEqual({ month: 2, plannedOn: null, moved: true, windowStart: '2026-02-16', windowEnd: '2026-02-20' });
    // Rule day 17 again, for the off-plan tests below.
    ok(await app.run('admin:national', RULES, { input: { ...input, version: 2 } }));
  });

  test('a rule day before the holidays looks forward first, then back within the window', async () => {
    // Lai Châu: 2026-09-01 and 09-02 are holidays but the 3rd is not; add the 3rd to 7th of October 2026 as provincial holidays.
    for (const d of [3, 4, 5, 6, 7]) {
      ok(await app.run('admin:province', 'mutation($p: ID!, $d: LocalDate!) { addHoliday(input: { provinceId: $p, day: $d, name: "Nghỉ" }) { id } }', { p: unitGid(app, 'province'), d: `2026-10-0${d}` }));
    }
    expect((await calendar('cell', 2026))[9]).toMatchObject({ month: 10, plannedOn: '2026-10-02', moved: true });
  });
});

describe('off-plan regular meetings need a reason', () => {
  const cell = (): string => unitGid(app, 'cell');

  test('held on the holiday instead of the moved date: BAD_USER_INPUT on input.offPlanReason, nothing written', async () => {
    await expectRejected(app, 'organizer:commune', MEETING_TABLES, CREATE_MEETING,
      { input: { unitId: cell(), kind: 'REGULAR', format: 'IN_PERSON', scheduledAt: vietnamTime('2026-03-03'), heldAt: vietnamTime('2026-03-03') } },
      { code: 'BAD_USER_INPUT', field: 'input.offPlanReason' });
  });

  test('held on the moved date: accepted without a reason', async () => {
    const m = await createMeeting(app, 'organizer:commune', { heldAt: vietnamTime('2026-03-04') });
    expect(m).toMatchObject({ status: 'HELD', heldOn: '2026-03-04', offPlanReason: null });
  });

  test('held on the 20th: rejected without a reason, accepted with one, and the reason is kept', async () => {
    const input = { unitId: cell(), kind: 'REGULAR', format: 'IN_PERSON', scheduledAt: vietnamTime('2026-05-20'), heldAt: vietnamTime('2026-05-20') };
    await expectRejected(app, 'organizer:commune', MEETING_TABLES, CREATE_MEETING, { input }, { code: 'BAD_USER_INPUT', field: 'input.offPlanReason' });
    await expectRejected(app, 'organizer:commune', MEETING_TABLES, CREATE_MEETING, { input: { ...input, offPlanReason: '   ' } }, { code: 'BAD_USER_INPUT', field: 'input.offPlanReason' });
    const m = await createMeeting(app, 'organizer:commune', { ...input, offPlanReason: 'Mùa vụ, đảng viên đi nương' });
    expect(m).toMatchObject({ status: 'HELD', heldOn: '2026-05-20', offPlanReason: 'Mùa vụ, đảng viên đi nương' });
  });

  test('a planned meeting may be scheduled off-plan; recording it as held off-plan then needs the reason', async () => {
    const planned = await createMeeting(app, 'organizer:commune', { scheduledAt: vietnamTime('2026-06-10') });
    expect(planned).toMatchObject({ status: 'PLANNED', heldOn: null });
    await expectRejected(app, 'organizer:commune', MEETING_TABLES, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id } }`,
      { input: { id: planned.id, version: planned.version, heldAt: vietnamTime('2026-06-10') } }, { code: 'BAD_USER_INPUT', field: 'input.offPlanReason' });
    const held = await updateMeeting(app, 'organizer:commune', { id: planned.id, version: planned.version, heldAt: vietnamTime('2026-06-10'), offPlanReason: 'Bí thư đi tập huấn' });
    expect(held).toMatchObject({ status: 'HELD', heldOn: '2026-06-10', offPlanReason: 'Bí thư đi tập huấn' });
  });

  test('held on the planned 3rd, or any other kind held off-plan: no reason needed', async () => {
    expect(await createMeeting(app, 'organizer:commune', { heldAt: vietnamTime('2026-07-03') })).toMatchObject({ heldOn: '2026-07-03', offPlanReason: null });
    expect(await createMeeting(app, 'organizer:commune', { kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-07-21') })).toMatchObject({ status: 'HELD', offPlanReason: null });
    expect(await createMeeting(app, 'organizer:commune', { kind: 'CELL_COMMITTEE', heldAt: vietnamTime('2026-07-01') })).toMatchObject({ status: 'HELD' });
  });

  test('Điện Biên: its rule day on Tết moved to 21 February; held then, no reason; held on mùng 2 Tết, a reason', async () => {
    const input = { unitId: unitGid(app, 'otherProvinceCell'), kind: 'REGULAR', format: 'IN_PERSON' };
    await expectRejected(app, 'organizer:province', MEETING_TABLES, CREATE_MEETING, { input: { ...input, scheduledAt: vietnamTime('2026-02-21'), heldAt: vietnamTime('2026-02-21') } }, { code: 'NOT_FOUND' });
    const m = await createMeeting(app, 'admin:national', { ...input, heldAt: vietnamTime('2026-02-21') });
    expect(m).toMatchObject({ heldOn: '2026-02-21', offPlanReason: null });
    await expectRejected(app, 'admin:national', MEETING_TABLES, CREATE_MEETING, { input: { ...input, scheduledAt: vietnamTime('2026-02-18'), heldAt: vietnamTime('2026-02-18') } }, { code: 'BAD_USER_INPUT', field: 'input.offPlanReason' });
  });

  test('recording meetings never touches the rules rows', async () => {
    expect(await app.sql('select province_id is null as is_default, version from meeting_rules order by id')).toEqual([
      { is_default: true, version: 1 },
      { is_default: false, version: 3 },
    ]);
  });
});
