import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected } from '../validation/support';
import { transferMember } from '../members/lifecycle-support';
import { AN, CREATE_MEETING, createMeeting, CUONG, data, GET_MEETING, HUNG, MAI, MEETING_TABLES, memberGid, topicGid, unitGid, UPDATE_MEETING, updateMeeting, vietnamTime } from './support';

/**
 * Dates are Vietnam dates (UTC+7): a meeting at 23:30 on 31 March in Hà Nội is a March (Q1)
 * meeting, one at 00:30 on 1 April an April (Q2) one, in the record and in compliance alike.
 * The roster is the cell's membership on the meeting date (the membership periods the member
 * lifecycle writes), frozen when the meeting is held: a later transfer does not rewrite it, and a
 * meeting recorded late gets the roster of its date; exempt members do not count against the rate.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:province' as const;
const LAST_MINUTES_OF_Q1 = '2026-03-31T16:30:00Z'; // 23:30 on 31 March in Vietnam
const FIRST_MINUTES_OF_Q2 = '2026-03-31T17:30:00Z'; // 00:30 on 1 April in Vietnam

const COMPLIANCE = `query($u: ID!, $p: CompliancePeriodInput!) { meetingCompliance(unitId: $u, period: $p) {
  summary { regularExpected regularHeld regularInWindow thematicExpected thematicHeld }
  shortfalls(first: 10) { nodes { cell { name } slots { month quarter heldOn reasons thematicHeld } } } } }`;

async function compliance(period: Record<string, number>): Promise<any> {
  return (await data(app, 'analyst:province', COMPLIANCE, { u: unitGid(app, 'commune'), p: period })).meetingCompliance;
}

describe('month and quarter edges in Vietnam time', () => {
  beforeAll(async () => {
    const hcm = await topicGid(app, 'HO_CHI_MINH');
    const reason = 'Dời lịch vì bầu cử';
    // Chi bộ bản Nậm Cười: the last minutes of March; the school cell: the first minutes of April.
    const present = (...names: string[]): Array<Record<string, string>> => names.map((n) => ({ memberId: memberGid(app, n), status: 'PRESENT' }));
    await createMeeting(app, AS, { unitId: unitGid(app, 'cell'), heldAt: LAST_MINUTES_OF_Q1, offPlanReason: reason, attendance: present(HUNG, MAI, AN) });
    await createMeeting(app, AS, { unitId: unitGid(app, 'cell'), kind: 'THEMATIC', topicIds: [hcm], heldAt: LAST_MINUTES_OF_Q1 });
    await createMeeting(app, AS, { unitId: unitGid(app, 'school'), heldAt: FIRST_MINUTES_OF_Q2, offPlanReason: reason, attendance: present('Trần Thị Bình', 'Vàng A Páo') });
    await createMeeting(app, AS, { unitId: unitGid(app, 'school'), kind: 'THEMATIC', topicIds: [hcm], heldAt: FIRST_MINUTES_OF_Q2 });
  });

  test('heldOn is the Vietnam date', async () => {
    const list = (await data(app, AS, '{ meetings(first: 10, filter: { to: "2026-04-30" }) { nodes { unit { name } kind heldAt heldOn } } }')).meetings.nodes;
    expect(list.map((m: any) => [m.unit.name, m.kind, m.heldAt, m.heldOn])).toEqual([
      ['Chi bộ Trường Tiểu học Bình Lư', 'THEMATIC', '2026-03-31T17:30:00.000Z', '2026-04-01'],
      ['Chi bộ Trường Tiểu học Bình Lư', 'REGULAR', '2026-03-31T17:30:00.000Z', '2026-04-01'],
      ['Chi bộ bản Nậm Cười', 'THEMATIC', '2026-03-31T16:30:00.000Z', '2026-03-31'],
      ['Chi bộ bản Nậm Cười', 'REGULAR', '2026-03-31T16:30:00.000Z', '2026-03-31'],
    ]);
  });

  test('the meetings filter by Vietnam date: April holds the school only', async () => {
    const april = (await data(app, AS, '{ meetings(first: 10, filter: { from: "2026-04-01", to: "2026-04-30" }) { nodes { heldOn unit { name } } } }')).meetings.nodes;
    expect(april.map((m: any) => m.unit.name)).toEqual(['Chi bộ Trường Tiểu học Bình Lư', 'Chi bộ Trường Tiểu học Bình Lư']);
    const march = (await data(app, AS, '{ meetings(first: 10, filter: { from: "2026-03-01", to: "2026-03-31" }) { nodes { unit { name } } } }')).meetings.nodes;
    expect(march.map((m: any) => m.unit.name)).toEqual(['Chi bộ bản Nậm Cười', 'Chi bộ bản Nậm Cười']);
  });

  test('compliance for March counts 23:30 on 31 March (outside the window), not 00:30 on 1 April', async () => {
    const march = await compliance({ year: 2026, month: 3 });
    expect(march.summary).toEqual({ regularExpected: 2, regularHeld: 1, regularInWindow: 0, thematicExpected: 2, thematicHeld: 1 });
    expect(march.shortfalls.nodes).toEqual([
      { cell: { name: 'Chi bộ bản Nậm Cười' }, slots: [{ month: 3, quarter: null, heldOn: '2026-03-31', reasons: ['OUTSIDE_WINDOW'], thematicHeld: null }] },
      { cell: { name: 'Chi bộ Trường Tiểu học Bình Lư' }, slots: [
        { month: 3, quarter: null, heldOn: null, reasons: ['NO_REGULAR_MEETING'], thematicHeld: null },
        { month: null, quarter: 1, heldOn: null, reasons: ['NO_THEMATIC_MEETING'], thematicHeld: 0 },
      ] },
    ]);
  });

  test('compliance for April counts 00:30 on 1 April, in the window', async () => {
    const april = await compliance({ year: 2026, month: 4 });
    expect(april.summary).toEqual({ regularExpected: 2, regularHeld: 1, regularInWindow: 1, thematicExpected: 2, thematicHeld: 1 });
    const byCell = Object.fromEntries(april.shortfalls.nodes.map((n: any) => [n.cell.name, n.slots]));
    expect(byCell['Chi bộ bản Nậm Cười']).toEqual([
      { month: 4, quarter: null, heldOn: null, reasons: ['NO_REGULAR_MEETING'], thematicHeld: null },
      { month: null, quarter: 2, heldOn: null, reasons: ['NO_THEMATIC_MEETING'], thematicHeld: 0 },
    ]);
    // The school met on 1 April, in the window, everyone present: no shortfall in April but the thematic one (Q2 has it).
    expect(byCell['Chi bộ Trường Tiểu học Bình Lư']).toBeUndefined();
  });

  test('quarters: Q1 has the cell’s thematic meeting, Q2 the school’s', async () => {
    expect((await compliance({ year: 2026, quarter: 1 })).summary).toMatchObject({ regularExpected: 6, regularHeld: 1, thematicExpected: 2, thematicHeld: 1 });
    expect((await compliance({ year: 2026, quarter: 2 })).summary).toMatchObject({ regularExpected: 6, regularHeld: 1, thematicExpected: 2, thematicHeld: 1 });
    const q1 = (await compliance({ year: 2026, quarter: 1 })).shortfalls.nodes;
    expect(q1.find((n: any) => n.cell.name === 'Chi bộ bản Nậm Cười').slots.filter((s: any) => s.quarter !== null)).toEqual([]);
  });
});

describe('the roster is the membership on the meeting date', () => {
  const cell = (): string => unitGid(app, 'cell');
  const names = (m: { attendance: Array<{ member: { fullName: string } | null }> }): string[] => m.attendance.map((a) => a.member?.fullName ?? '?').sort();

  test('Mai, admitted on 2 March 2026, is not on a roster of 1 March (even at 23:30), and is from 00:30 on 2 March', async () => {
    const before = await createMeeting(app, AS, { kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-03-01', '23:30') });
    expect(names(before)).toEqual([HUNG, AN].sort());
    const after = await createMeeting(app, AS, { kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-03-02', '00:30') });
    expect(names(after)).toEqual([HUNG, MAI, AN].sort());

    const held = { unitId: cell(), kind: 'EXTRAORDINARY', format: 'IN_PERSON', scheduledAt: vietnamTime('2026-02-10'), heldAt: vietnamTime('2026-02-10') };
    await expectRejected(app, AS, MEETING_TABLES, CREATE_MEETING, { input: { ...held, attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, MAI), status: 'PRESENT' }] } },
      { code: 'BAD_USER_INPUT', field: 'input.attendance.1.memberId' });
    await expectRejected(app, AS, MEETING_TABLES, CREATE_MEETING, { input: { ...held, chairId: memberGid(app, MAI) } }, { code: 'BAD_USER_INPUT', field: 'input.chairId' });
    await expectRejected(app, AS, MEETING_TABLES, CREATE_MEETING, { input: { ...held, heldAt: undefined, minutesTakerId: memberGid(app, MAI) } }, { code: 'BAD_USER_INPUT', field: 'input.minutesTakerId' });
  });

  test('a transfer after the meeting does not change its roster, attendance or rate; later meetings have the new roster', async () => {
    const m = await createMeeting(app, AS, {
      heldAt: vietnamTime('2026-05-03'),
      attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, MAI), status: 'PRESENT' }, { memberId: memberGid(app, AN), status: 'ABSENT_EXCUSED', reason: 'Đi viện' }],
    });
    const read = async (): Promise<any> => (await data(app, AS, GET_MEETING, { id: m.id })).meeting;
    const beforeTransfer = await read();
    expect(beforeTransfer.attendanceSummary).toEqual({ roster: 3, present: 2, exempt: 0, notRecorded: 0, rate: 0.6667 });

    // An moves to Chi bộ bản Lả Mường: sent on 10 May, received on 15 May.
    await transferMember(app, AS, AN, 'otherCell', '2026-05-10', '2026-05-15');
    expect(await read()).toEqual(beforeTransfer);
    // The frozen roster still takes An's attendance on the past meeting.
    const corrected = await updateMeeting(app, AS, { id: m.id, version: beforeTransfer.version, attendance: [{ memberId: memberGid(app, AN), status: 'PRESENT' }] });
    expect(corrected.attendanceSummary).toEqual({ roster: 3, present: 3, exempt: 0, notRecorded: 0, rate: 1 });

    // A meeting after the transfer: An is on the other cell's roster, not this one's.
    const next = await createMeeting(app, AS, { heldAt: vietnamTime('2026-06-03') });
    expect(names(next)).toEqual([HUNG, MAI].sort());
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: next.id, version: next.version, attendance: [{ memberId: memberGid(app, AN), status: 'PRESENT' }] } },
      { code: 'BAD_USER_INPUT', field: 'input.attendance.0.memberId' });
    const there = await createMeeting(app, AS, { unitId: unitGid(app, 'otherCell'), heldAt: vietnamTime('2026-06-03') });
    expect(names(there)).toEqual([CUONG, 'Giàng Thị Dợ', AN].sort());

    // Back to Nậm Cười in June, for the tests below.
    await transferMember(app, AS, AN, 'cell', '2026-06-10', '2026-06-15');
  });

  test('a meeting recorded after a transfer still has the roster of its date', async () => {
    const planned = await createMeeting(app, AS, { scheduledAt: vietnamTime('2026-07-03') });
    await transferMember(app, AS, AN, 'otherCell', '2026-07-10', '2026-07-12');
    const held = await updateMeeting(app, AS, { id: planned.id, version: planned.version, heldAt: vietnamTime('2026-07-03') });
    expect(names(held)).toEqual([HUNG, MAI, AN].sort());
    // And the other cell's meeting of that date does not have An yet.
    const there = await createMeeting(app, AS, { unitId: unitGid(app, 'otherCell'), heldAt: vietnamTime('2026-07-03') });
    expect(names(there)).toEqual([CUONG, 'Giàng Thị Dợ'].sort());
    await transferMember(app, AS, AN, 'cell', '2026-07-20', '2026-07-25');
  });

  test('exempt members do not count against the rate, in the meeting and in compliance', async () => {
    const m = await createMeeting(app, AS, {
      heldAt: vietnamTime('2026-08-03'),
      attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, MAI), status: 'EXEMPT', reason: 'Tuổi cao, sức yếu' }, { memberId: memberGid(app, AN), status: 'ABSENT_UNEXCUSED' }],
    });
    expect(m.attendanceSummary).toEqual({ roster: 3, present: 1, exempt: 1, notRecorded: 0, rate: 0.5 });
    expect(m.attendance.find((a) => a.member?.fullName === MAI)).toEqual({ status: 'EXEMPT', reason: 'Tuổi cao, sức yếu', member: { fullName: MAI } });

    const fixed = await updateMeeting(app, AS, { id: m.id, version: m.version, attendance: [{ memberId: memberGid(app, AN), status: 'PRESENT' }] });
    expect(fixed.attendanceSummary).toEqual({ roster: 3, present: 2, exempt: 1, notRecorded: 0, rate: 1 });
    const result = await data(app, 'analyst:province', `query($u: ID!) { meetingCompliance(unitId: $u, period: { year: 2026, month: 8 }) {
      summary { regularHeld lowAttendance attendanceRate } shortfalls(first: 5) { totalCount } } }`, { u: unitGid(app, 'cell') });
    expect(result.meetingCompliance).toEqual({ summary: { regularHeld: 1, lowAttendance: 0, attendanceRate: 1 }, shortfalls: { totalCount: 1 } });
  });
});
