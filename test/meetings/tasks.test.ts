import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { auditSince, expectRejected, lastAuditId } from '../validation/support';
import { addAccount, AN, BINH, createMeeting, data, dbIdOf, HUNG, MAI, memberGid, unitGid, vietnamTime, type MeetingView } from './support';

/**
 * Tasks assigned at a meeting to members of the cell (owner, description, deadline) and progress
 * reported later, by the owner or by those who write the cell's meetings, every report kept in
 * order; a member sees their own tasks across meetings; overdue = past the deadline and not done.
 */
let app: TestApp;
let m1: MeetingView;
let m2: MeetingView;
beforeAll(async () => {
  app = await createTestApp();
  m1 = await createMeeting(app, 'organizer:commune', { heldAt: vietnamTime('2026-03-01', '08:00'), kind: 'EXTRAORDINARY' });
  m2 = await createMeeting(app, 'organizer:commune', { heldAt: vietnamTime('2026-05-03') });
});
afterAll(() => app.close());

const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { id version description deadline status overdue owner { fullName } meeting { heldOn } reports { report status } } }`;
const REPORT = `mutation($input: ReportTaskInput!) { reportTask(input: $input) { id version status overdue reports { report status createdAt } } }`;
const MY_TASKS = `{ myTasks { description deadline status overdue owner { fullName } meeting { heldOn } } }`;
const TABLES = ['meeting_task', 'task_report'];

async function assign(meeting: MeetingView, owner: string, description: string, deadline: string | null): Promise<any> {
  return (await data(app, 'organizer:commune', ASSIGN, { input: { meetingId: meeting.id, ownerId: memberGid(app, owner), description, deadline } })).assignTask;
}

describe('assignTask', () => {
  test('to a member of the cell: the task, its owner and its meeting; audited', async () => {
    const since = await lastAuditId(app);
    const task = await assign(m1, AN, 'Vận động 3 hộ làm nhà vệ sinh', '2026-04-30');
    expect(task).toMatchObject({ description: 'Vận động 3 hộ làm nhà vệ sinh', deadline: '2026-04-30', status: 'OPEN', overdue: true, owner: { fullName: AN }, meeting: { heldOn: '2026-03-01' }, reports: [] });
    expect((await auditSince(app, since)).map((a) => [a.operation, a.target_type, a.after.ownerId])).toEqual([['assignTask', 'MeetingTask', app.fixture.members[AN].id]]);
  });

  // [what, input overrides, field]
  // prettier-ignore
  const BAD: Array<[string, () => Record<string, unknown>, string]> = [
    ['an owner from another cell',              () => ({ ownerId: memberGid(app, BINH) }),           'input.ownerId'],
    ['an owner not yet a member on that date',  () => ({ ownerId: memberGid(app, MAI) }),            'input.ownerId'],
    ['a blank description',                     () => ({ description: '   ' }),                     'input.description'],
  ];
  test.each(BAD)('%s is BAD_USER_INPUT on the field, nothing written', async (_what, over, field) => {
    const input = { meetingId: m1.id, ownerId: memberGid(app, HUNG), description: 'Việc', deadline: '2026-06-01', ...over() };
    await expectRejected(app, 'organizer:commune', TABLES, ASSIGN, { input }, { code: 'BAD_USER_INPUT', field });
  });

  test('a planned meeting’s roster is that of its Vietnam date: 00:30 on 2 March includes Mai, admitted that day', async () => {
    const planned = await createMeeting(app, 'organizer:commune', { kind: 'EXTRAORDINARY', scheduledAt: '2026-03-01T17:30:00Z' });
    expect((await data(app, 'organizer:commune', ASSIGN, { input: { meetingId: planned.id, ownerId: memberGid(app, MAI), description: 'Chuẩn bị hội trường' } })).assignTask.owner).toEqual({ fullName: MAI });
    const before = await createMeeting(app, 'organizer:commune', { kind: 'EXTRAORDINARY', scheduledAt: '2026-03-01T16:30:00Z' });
    await expectRejected(app, 'organizer:commune', TABLES, ASSIGN, { input: { meetingId: before.id, ownerId: memberGid(app, MAI), description: 'X' } }, { code: 'BAD_USER_INPUT', field: 'input.ownerId' });
  });

  test('an impossible deadline is refused by the LocalDate scalar (graphql-js names no field)', async () => {
    const input = { meetingId: m1.id, ownerId: memberGid(app, HUNG), description: 'Việc', deadline: '2026-02-30' };
    await expectRejected(app, 'organizer:commune', TABLES, ASSIGN, { input }, { code: 'BAD_USER_INPUT' });
  });

  test('members, inspectors and analysts may not assign (FORBIDDEN); another province’s meeting is NOT_FOUND', async () => {
    const input = { meetingId: m1.id, ownerId: memberGid(app, HUNG), description: 'Việc' };
    for (const as of ['member:cell', 'inspector:province', 'analyst:province'] as const) {
      await expectRejected(app, as, TABLES, ASSIGN, { input }, { code: 'FORBIDDEN' });
    }
    const far = await createMeeting(app, 'admin:national', { unitId: unitGid(app, 'otherProvinceCell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-05-05') });
    await expectRejected(app, 'organizer:province', TABLES, ASSIGN, { input: { ...input, meetingId: far.id, ownerId: memberGid(app, 'Lò Thị Ánh') } }, { code: 'NOT_FOUND' });
  });
});

describe('reportTask and myTasks', () => {
  let anTask: any;
  let hungTask: any;
  let anLater: any;
  beforeAll(async () => {
    anTask = await assign(m2, AN, 'Tuyên truyền phòng chống ma túy', '2026-06-15');
    hungTask = await assign(m2, HUNG, 'Chuẩn bị nội dung sinh hoạt chuyên đề', '2099-12-31');
    anLater = await assign(m2, AN, 'Thu đảng phí quý III', null);
  });

  test('myTasks: the member’s own tasks across meetings, open ones first by deadline; nothing of others', async () => {
    const mine = (await data(app, 'member:cell', MY_TASKS)).myTasks;
    expect(mine.map((t: any) => [t.description, t.deadline, t.overdue, t.owner.fullName, t.meeting.heldOn])).toEqual([
      ['Vận động 3 hộ làm nhà vệ sinh', '2026-04-30', true, AN, '2026-03-01'],
      ['Tuyên truyền phòng chống ma túy', '2026-06-15', true, AN, '2026-05-03'],
      ['Thu đảng phí quý III', null, false, AN, '2026-05-03'],
    ]);
    // Hùng's own account sees Hùng's task only; an account without a member link has none.
    const hung = await addAccount(app, 'member:hung', { member: HUNG, role: 'MEMBER', at: 'cell' });
    expect((await data(app, hung, MY_TASKS)).myTasks.map((t: any) => t.description)).toEqual(['Chuẩn bị nội dung sinh hoạt chuyên đề']);
    expect((await data(app, 'organizer:commune', MY_TASKS)).myTasks).toEqual([]);
    expect(onlyError(await app.run('anonymous', MY_TASKS)).code).toBe('UNAUTHENTICATED');
  });

  test('the owner reports, then an organizer; every report is kept in order; done is not overdue', async () => {
    const since = await lastAuditId(app);
    const first = (await data(app, 'member:cell', REPORT, { input: { taskId: anTask.id, version: anTask.version, report: 'Đã họp 2 tổ', status: 'IN_PROGRESS', meetingId: m2.id } })).reportTask;
    expect(first).toMatchObject({ status: 'IN_PROGRESS', overdue: true });
    expect(first.version).toBeGreaterThan(anTask.version);
    await expectRejected(app, 'organizer:commune', TABLES, REPORT, { input: { taskId: anTask.id, version: anTask.version, report: 'Cũ', status: 'DONE' } }, { code: 'CONFLICT', field: 'version' });
    const second = (await data(app, 'organizer:commune', REPORT, { input: { taskId: anTask.id, version: first.version, report: 'Hoàn thành, 40 hộ', status: 'DONE' } })).reportTask;
    expect(second).toMatchObject({ status: 'DONE', overdue: false });
    expect(second.reports.map((r: any) => [r.report, r.status])).toEqual([['Đã họp 2 tổ', 'IN_PROGRESS'], ['Hoàn thành, 40 hộ', 'DONE']]);
    expect(Date.parse(second.reports[0].createdAt)).toBeLessThanOrEqual(Date.parse(second.reports[1].createdAt));

    const rows = await app.sql('select meeting_id, author_id, status from task_report where task_id = ? order by id', [dbIdOf(anTask.id)]);
    expect(rows).toEqual([
      { meeting_id: dbIdOf(m2.id), author_id: app.fixture.accounts['member:cell'], status: 'IN_PROGRESS' },
      { meeting_id: null, author_id: app.fixture.accounts['organizer:commune'], status: 'DONE' },
    ]);
    expect((await auditSince(app, since)).map((a) => [a.operation, a.before.status, a.after.status])).toEqual([
      ['reportTask', 'OPEN', 'IN_PROGRESS'],
      ['reportTask', 'IN_PROGRESS', 'DONE'],
    ]);
    // Done tasks come after open ones in myTasks.
    expect((await data(app, 'member:cell', MY_TASKS)).myTasks.map((t: any) => [t.description, t.status])).toEqual([
      ['Vận động 3 hộ làm nhà vệ sinh', 'OPEN'],
      ['Thu đảng phí quý III', 'OPEN'],
      ['Tuyên truyền phòng chống ma túy', 'DONE'],
    ]);
  });

  test('an owner whose account holds no role at all still reports on their own task', async () => {
    const bare = await addAccount(app, 'an:no-role', { member: AN });
    const done = (await data(app, bare, REPORT, { input: { taskId: anLater.id, version: anLater.version, report: 'Đã thu đủ', status: 'DONE' } })).reportTask;
    expect(done.reports.map((r: any) => r.report)).toEqual(['Đã thu đủ']);
    expect((await data(app, bare, MY_TASKS)).myTasks).toHaveLength(3);
  });

  test('third parties: a fellow member is FORBIDDEN, another cell’s member and analysts get NOT_FOUND', async () => {
    const input = { taskId: hungTask.id, version: hungTask.version, report: 'Không phải việc của tôi', status: 'DONE' };
    await expectRejected(app, 'member:cell', TABLES, REPORT, { input }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'inspector:commune', TABLES, REPORT, { input }, { code: 'FORBIDDEN' });
    const school = await addAccount(app, 'member:school', { member: BINH, role: 'MEMBER', at: 'school' });
    await expectRejected(app, school, TABLES, REPORT, { input }, { code: 'NOT_FOUND' });
    await expectRejected(app, 'analyst:province', TABLES, REPORT, { input }, { code: 'NOT_FOUND' });
    await expectRejected(app, 'anonymous', TABLES, REPORT, { input }, { code: 'UNAUTHENTICATED' });
  });

  test('a report may name a later meeting of the same cell only', async () => {
    const other = await createMeeting(app, 'organizer:province', { unitId: unitGid(app, 'otherCell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-06-20') });
    await expectRejected(app, 'organizer:province', TABLES, REPORT, { input: { taskId: hungTask.id, version: hungTask.version, report: 'X', status: 'IN_PROGRESS', meetingId: other.id } },
      { code: 'BAD_USER_INPUT', field: 'input.meetingId' });
  });

  test('the meeting lists its tasks with their reports', async () => {
    const result = await data(app, 'member:cell', `query($id: ID!) { meeting(id: $id) { tasks { description owner { fullName } status reports { status } } } }`, { id: m2.id });
    expect(result.meeting.tasks).toEqual([
      { description: 'Tuyên truyền phòng chống ma túy', owner: { fullName: AN }, status: 'DONE', reports: [{ status: 'IN_PROGRESS' }, { status: 'DONE' }] },
      { description: 'Chuẩn bị nội dung sinh hoạt chuyên đề', owner: { fullName: HUNG }, status: 'OPEN', reports: [] },
      { description: 'Thu đảng phí quý III', owner: { fullName: AN }, status: 'DONE', reports: [{ status: 'DONE' }] },
    ]);
  });
});
