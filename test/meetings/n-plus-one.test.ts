import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { AN, createMeeting, data, HUNG, MAI, memberGid, topicGid, unitGid, vietnamTime } from './support';

/**
 * The statements of a meeting list with all its parts depend on the query's shape, never on the
 * number of meetings: 2 meetings and 20 run the same number of SQL statements.
 */
let app: TestApp;
let made = 0;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const LIST = `{ meetings(first: 50) { nodes { attendance { member { fullName } } topics { code } guests { fullName } tasks { description } } } }`;

const MY_TASKS = `{ myTasks { description overdue owner { fullName } meeting { heldOn topics { code } } reports { status } } }`;

const FULL = `query($u: ID!) { orgUnit(id: $u) { meetings(first: 50) { totalCount nodes {
  id kind heldAt heldOn scheduledAt createdAt unit { name } chair { fullName } minutesTaker { fullName }
  attendanceSummary { roster present rate } attendance { status member { fullName } }
  topics { code name } guests { fullName position } amendments { field newText }
  tasks { description overdue owner { fullName } reports { status } meeting { id } }
} } } }`;

/** Adds meetings to the cell, each with attendance, two topics, a guest, a task with a report. */
async function addMeetings(count: number): Promise<void> {
  const topics = [await topicGid(app, 'HO_CHI_MINH'), await topicGid(app, 'LEGAL_EDUCATION')];
  for (let i = 0; i < count; i += 1) {
    made += 1;
    const day = new Date(Date.UTC(2026, 3, 1 + made)).toISOString().slice(0, 10);
    const m = await createMeeting(app, 'organizer:commune', {
      kind: 'THEMATIC', heldAt: vietnamTime(day), topicIds: topics, chairId: memberGid(app, HUNG), minutesTakerId: memberGid(app, AN),
      guests: [{ fullName: `Khách ${made}`, position: 'Đảng ủy viên', unitId: unitGid(app, 'commune') }],
      attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, MAI), status: 'EXEMPT' }, { memberId: memberGid(app, AN), status: 'PRESENT' }],
    });
    const task = (await data(app, 'organizer:commune', 'mutation($m: ID!, $o: ID!) { assignTask(input: { meetingId: $m, ownerId: $o, description: "Việc", deadline: "2026-01-01" }) { id version } }',
      { m: m.id, o: memberGid(app, AN) })).assignTask;
    ok(await app.run('organizer:commune', 'mutation($t: ID!, $v: Int!) { reportTask(input: { taskId: $t, version: $v, report: "Đang làm", status: IN_PROGRESS }) { id } }', { t: task.id, v: task.version }));
  }
}

async function measure(query: string, variables?: Record<string, unknown>, as: Parameters<TestApp['run']>[0] = 'organizer:province'): Promise<{ statements: number; result: GqlResult }> {
  const { result, statements } = await app.countSql(() => app.run(as, query, variables));
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { statements, result };
}

test('the meetings list with attendance, topics, guests and tasks: as many statements for 20 meetings as for 2', async () => {
  await addMeetings(2);
  const small = await measure(LIST);
  const smallTasks = await measure(MY_TASKS, undefined, 'member:cell');
  expect((small.result.data as any).meetings.nodes).toHaveLength(2);
  await addMeetings(18);
  const large = await measure(LIST);
  const nodes = (large.result.data as any).meetings.nodes;
  expect(nodes).toHaveLength(20);
  expect(nodes[0]).toEqual({ attendance: expect.any(Array), topics: [{ code: 'HO_CHI_MINH' }, { code: 'LEGAL_EDUCATION' }], guests: [{ fullName: 'Khách 20' }], tasks: [{ description: 'Việc' }] });
  for (const node of nodes) expect(node.attendance.map((a: any) => a.member.fullName).sort()).toEqual([HUNG, MAI, AN].sort());
  expect(large.statements).toBe(small.statements);

  // The member's own tasks across the 20 meetings, each with its meeting: no statement per task either.
  const largeTasks = await measure(MY_TASKS, undefined, 'member:cell');
  expect((largeTasks.result.data as any).myTasks).toHaveLength(20);
  expect(largeTasks.statements).toBe(smallTasks.statements);
});

test('a unit’s meetings with every part, nested two levels: the same count for 20 meetings as for 40', async () => {
  const variables = { u: unitGid(app, 'cell') };
  const before = await measure(FULL, variables);
  await addMeetings(20);
  const after = await measure(FULL, variables);
  const page = (after.result.data as any).orgUnit.meetings;
  expect(page.totalCount).toBe(40);
  expect(page.nodes[0]).toMatchObject({ unit: { name: 'Chi bộ bản Nậm Cười' }, chair: { fullName: HUNG }, attendanceSummary: { roster: 3, present: 2, rate: 1 } });
  expect(page.nodes[0].tasks[0]).toMatchObject({ overdue: true, owner: { fullName: AN }, reports: [{ status: 'IN_PROGRESS' }], meeting: { id: page.nodes[0].id } });
  expect(typeof page.nodes[0].heldAt).toBe('string');
  expect(after.statements).toBe(before.statements);
});
