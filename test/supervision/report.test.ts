// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): supervision
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { AN, BINH, HUNG, PAO, createMeeting, data, memberGid, unitGid, vietnamTime } from '../meetings/support';
import { expectRejected } from '../validation/support';
import { SUPERVISION_TABLES, accountGid, assign, supervisorAccount } from './support';

/**
 * The supervision report on a hand-built case whose figures are known (Bình Lư commune: cells
 * "cell" and "school"; Phong Thổ's "otherCell" only at province level):
 *
 *   A1 exec     → cell    2026-07-01..09-30  default 1 / QUARTER
 *   A2 standing → school  2026-07-01..12-31  2 / QUARTER
 *   A3 staff    → cell    2026-01-01..12-31  3 / YEAR
 *   A4 standing → cell    2026-07-01..09-30  default 1 / QUARTER
 *   cell meetings: 2026-06-03 (guests exec, staff), 2026-08-03 (guests exec, staff, standing)
 *   school meeting 2026-08-05, no supervisor, self-assessed weak; school flagged weak for Q3;
 *   cell flagged weak for the year 2026.
 */
let app: TestApp;
const ids: Record<string, string> = {};

const REPORT = `query($u: ID!, $y: Int!, $q: Int) { supervisionReport(unitId: $u, year: $y, quarter: $q) {
  year quarter from to cellCount attendedCellCount committee { name }
  assignments { required actual shortfall assignment { id assigneeName } }
  shortfalls { shortfall assignment { assigneeName } }
  unattendedCells { name }
  weakCells { unit { name } ratedWeak visits standingCommitteeVisits activeAssignments inspections { count } flags { year quarter reason } }
  weakCellsWithoutStandingCommitteeVisit { unit { name } }
} }`;

const LIST = '{ supervisoryAssignments(first: 50) { totalCount nodes { assigneeName active unit { name } committee { name } visits { id heldOn } } } }';

const figures = (report: any): Record<string, [number, number, number]> =>
  Object.fromEntries(report.assignments.map((a: any) => [a.assignment.assigneeName, [a.required, a.actual, a.shortfall]]));

const guest = (name: string): Record<string, unknown> => ({ fullName: name, position: 'Ủy viên', unitId: unitGid(app, 'commune'), accountId: accountGid(app, name) });

beforeAll(async () => {
  app = await createTestApp();
  for (const name of ['exec', 'standing', 'staff', 'unassigned']) await supervisorAccount(app, name);
  ids.A1 = (await assign(app, { account: 'exec', cell: 'cell', startsOn: '2026-07-01', endsOn: '2026-09-30' })).id;
  ids.A2 = (await assign(app, { account: 'standing', cell: 'school', kind: 'STANDING_COMMITTEE', startsOn: '2026-07-01', endsOn: '2026-12-31', requiredAttendances: 2 })).id;
  ids.A3 = (await assign(app, { account: 'staff', cell: 'cell', kind: 'STAFF', startsOn: '2026-01-01', endsOn: '2026-12-31', requiredAttendances: 3, per: 'YEAR' })).id;
  ids.A4 = (await assign(app, { account: 'standing', cell: 'cell', kind: 'STANDING_COMMITTEE', startsOn: '2026-07-01', endsOn: '2026-09-30' })).id;
  const cellAttendance = [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, AN), status: 'PRESENT' }];
  await createMeeting(app, 'organizer:commune', { heldAt: vietnamTime('2026-06-03'), chairId: memberGid(app, HUNG), attendance: cellAttendance, guests: [guest('exec'), guest('staff')] });
  await createMeeting(app, 'organizer:commune', { heldAt: vietnamTime('2026-08-03'), chairId: memberGid(app, HUNG), attendance: cellAttendance, guests: [guest('exec'), guest('staff'), guest('standing')] });
  const school = await createMeeting(app, 'organizer:commune', {
    unitId: unitGid(app, 'school'), heldAt: vietnamTime('2026-08-05'), offPlanReason: 'Họp bù', chairId: memberGid(app, BINH),
    attendance: [{ memberId: memberGid(app, BINH), status: 'PRESENT' }, { memberId: memberGid(app, PAO), status: 'PRESENT' }],
  });
  const set = (await data(app, 'organizer:commune', 'query($p: ID!) { criteriaSetInForce(provinceId: $p, on: "2026-08-05") { criteria { id } } }', { p: unitGid(app, 'province') })).criteriaSetInForce;
  const created = (await data(app, 'organizer:commune', 'mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id version } }', {
    i: { meetingId: school.id, scores: (set.criteria as Array<{ id: string }>).map((c) => ({ criterionId: c.id, points: 1 })), votes: { for: 2, against: 0, abstain: 0 } },
  })).createMeetingEvaluation;
  await data(app, 'organizer:commune', 'mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { state } }', { id: created.id, v: created.version });
  const FLAG = 'mutation($i: FlagWeakCellInput!) { flagWeakCell(input: $i) { year quarter reason } }';
  await data(app, 'organizer:commune', FLAG, { i: { unitId: unitGid(app, 'school'), year: 2026, quarter: 3, reason: 'Sinh hoạt không đều', decisionRef: '12-QĐ/ĐU' } });
  await data(app, 'organizer:province', FLAG, { i: { unitId: unitGid(app, 'cell'), year: 2026, reason: 'Nội bộ mất đoàn kết' } });
});
afterAll(() => app.close());

describe('supervisionReport', () => {
  test('Q3 2026: each assignment’s required and actual attendances, shortfalls, unattended and weak cells', async () => {
    const r = (await data(app, 'inspector:commune', REPORT, { u: unitGid(app, 'commune'), y: 2026, q: 3 })).supervisionReport;
    expect(r).toMatchObject({ year: 2026, quarter: 3, from: '2026-07-01', to: '2026-09-30', cellCount: 2, attendedCellCount: 1, committee: { name: 'Đảng bộ xã Bình Lư' } });
    expect(r.assignments).toHaveLength(4);
    expect(figures(r)).toEqual({ exec: [1, 1, 0], staff: [1, 1, 0], standing: expect.anything() });
    const byId = Object.fromEntries(r.assignments.map((a: any) => [a.assignment.id, [a.required, a.actual, a.shortfall]]));
    expect(byId).toEqual({ [ids.A1]: [1, 1, 0], [ids.A2]: [2, 0, 2], [ids.A3]: [1, 1, 0], [ids.A4]: [1, 1, 0] });
    expect(r.shortfalls).toEqual([{ shortfall: 2, assignment: { assigneeName: 'standing' } }]);
    expect(r.unattendedCells).toEqual([{ name: 'Chi bộ Trường Tiểu học Bình Lư' }]);
    expect(r.weakCells).toEqual([
      { unit: { name: 'Chi bộ bản Nậm Cười' }, ratedWeak: false, visits: 3, standingCommitteeVisits: 1, activeAssignments: 3, inspections: { count: 0 }, flags: [{ year: 2026, quarter: null, reason: 'Nội bộ mất đoàn kết' }] },
      { unit: { name: 'Chi bộ Trường Tiểu học Bình Lư' }, ratedWeak: true, visits: 0, standingCommitteeVisits: 0, activeAssignments: 1, inspections: { count: 0 }, flags: [{ year: 2026, quarter: 3, reason: 'Sinh hoạt không đều' }] },
    ]);
    expect(r.weakCellsWithoutStandingCommitteeVisit).toEqual([{ unit: { name: 'Chi bộ Trường Tiểu học Bình Lư' } }]);
  });

  test('the year 2026: quarterly requirements add up over the quarters run, yearly ones count once', async () => {
    const r = (await data(app, 'organizer:commune', REPORT, { u: unitGid(app, 'commune'), y: 2026, q: null })).supervisionReport;
    const byId = Object.fromEntries(r.assignments.map((a: any) => [a.assignment.id, [a.required, a.actual, a.shortfall]]));
    expect(byId).toEqual({ [ids.A1]: [1, 1, 0], [ids.A2]: [4, 0, 4], [ids.A3]: [3, 2, 1], [ids.A4]: [1, 1, 0] });
    expect(r.shortfalls.map((s: any) => s.shortfall).sort()).toEqual([1, 4]);
    expect(r.unattendedCells).toEqual([{ name: 'Chi bộ Trường Tiểu học Bình Lư' }]);
  });

  test('Q2 2026: only the yearly assignment runs (a quarter of 3, rounded up); a visit outside an assignment does not count', async () => {
    const r = (await data(app, 'organizer:commune', REPORT, { u: unitGid(app, 'commune'), y: 2026, q: 2 })).supervisionReport;
    expect(figures(r)).toEqual({ staff: [1, 1, 0] });
    expect(r.attendedCellCount).toBe(1);
    // The cell's flag covers the whole year; the school's Q3 flag and Q3 rating do not reach Q2.
    expect(r.weakCells.map((w: any) => w.unit.name)).toEqual(['Chi bộ bản Nậm Cười']);
  });

  test('at the province: the other commune’s cell counts, unattended', async () => {
    const r = (await data(app, 'organizer:province', REPORT, { u: unitGid(app, 'province'), y: 2026, q: 3 })).supervisionReport;
    expect(r.cellCount).toBe(3);
    expect(r.unattendedCells.map((u: any) => u.name).sort()).toEqual(['Chi bộ Trường Tiểu học Bình Lư', 'Chi bộ bản Lả Mường']);
  });

  test('who reads it: SUPERVISION_READ holders; others FORBIDDEN; units out of scope NOT_FOUND; bad periods BAD_USER_INPUT', async () => {
    const run = (as: string, u: string, q: number | null = 3, y = 2026): Promise<any> => app.run(as as never, REPORT, { u, y, q });
    expect(onlyError(await run('member:cell', unitGid(app, 'cell'))).code).toBe('FORBIDDEN');
    expect(onlyError(await run('analyst:province', unitGid(app, 'commune'))).code).toBe('FORBIDDEN');
    expect(onlyError(await run('organizer:commune', unitGid(app, 'otherCommune'))).code).toBe('NOT_FOUND');
    expect(onlyError(await run('organizer:commune', unitGid(app, 'commune'), 5))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
    expect(onlyError(await run('organizer:commune', unitGid(app, 'commune'), 1, 1999))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('visits and weak-cell flags', () => {
  test('a guest account must be assigned to the cell; the guest is marked as a supervisor', async () => {
    const bad = await app.run('organizer:commune', 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
      i: { unitId: unitGid(app, 'cell'), kind: 'EXTRAORDINARY', format: 'IN_PERSON', scheduledAt: vietnamTime('2026-08-20'), guests: [guest('unassigned')] },
    });
    expect(onlyError(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.guests.0.accountId' });
    const other = await app.run('organizer:commune', 'mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }', {
      i: { unitId: unitGid(app, 'school'), kind: 'EXTRAORDINARY', format: 'IN_PERSON', scheduledAt: vietnamTime('2026-08-20'), guests: [guest('exec')] },
    });
    expect(onlyError(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.guests.0.accountId' });
    const visits = (await data(app, 'organizer:commune', 'query($id: ID!) { node(id: $id) { ... on SupervisoryAssignment { visits { heldOn guests { fullName assignedSupervisor } } } } }', { id: ids.A3 })).node.visits;
    expect(visits.map((v: any) => v.heldOn)).toEqual(['2026-06-03', '2026-08-03']);
    expect(visits[0].guests).toEqual([{ fullName: 'exec', assignedSupervisor: true }, { fullName: 'staff', assignedSupervisor: true }]);
  });

  test('flagWeakCell: from a committee above only, once per cell and period, with a reason', async () => {
    const FLAG = 'mutation($i: FlagWeakCellInput!) { flagWeakCell(input: $i) { year } }';
    const i = { unitId: unitGid(app, 'school'), year: 2026, quarter: 3, reason: 'Lặp lại' };
    await expectRejected(app, 'organizer:commune', SUPERVISION_TABLES, FLAG, { i }, { code: 'CONFLICT', field: 'input.quarter' });
    await expectRejected(app, 'organizer:cell', SUPERVISION_TABLES, FLAG, { i: { ...i, unitId: unitGid(app, 'cell'), quarter: 4 } }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'inspector:commune', SUPERVISION_TABLES, FLAG, { i: { ...i, quarter: 4 } }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'organizer:commune', SUPERVISION_TABLES, FLAG, { i: { ...i, unitId: unitGid(app, 'otherCell'), quarter: 4 } }, { code: 'NOT_FOUND' });
    await expectRejected(app, 'organizer:commune', SUPERVISION_TABLES, FLAG, { i: { ...i, quarter: 4, reason: ' ' } }, { code: 'BAD_USER_INPUT', field: 'input.reason' });
    await expectRejected(app, 'organizer:commune', SUPERVISION_TABLES, FLAG, { i: { ...i, quarter: 5 } }, { code: 'BAD_USER_INPUT', field: 'input.quarter' });
  });

  test('the report runs a fixed number of statements, however many assignments', async () => {
    const q3 = await app.countSql(() => app.run('organizer:commune', REPORT, { u: unitGid(app, 'commune'), y: 2026, q: 3 }));
    const list = await app.countSql(() => app.run('organizer:commune', LIST));
    await assign(app, { account: 'unassigned', cell: 'school', startsOn: '2026-07-01', endsOn: '2026-09-30' });
    await assign(app, { account: 'exec', cell: 'school', startsOn: '2026-07-01', endsOn: '2026-09-30' });
    const more = await app.countSql(() => app.run('organizer:commune', REPORT, { u: unitGid(app, 'commune'), y: 2026, q: 3 }));
    expect(more.result.errors).toBeUndefined();
    expect(more.statements).toBe(q3.statements);
    const longer = await app.countSql(() => app.run('organizer:commune', LIST));
    expect((longer.result.data as any).supervisoryAssignments.nodes).toHaveLength(6);
    expect(longer.statements).toBe(list.statements);
  });
});
