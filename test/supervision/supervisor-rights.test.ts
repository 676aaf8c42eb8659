import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { AN, HUNG, createMeeting, data, memberGid, unitGid, vietnamTime, vietnamToday, type MeetingView } from '../meetings/support';
import { END, addDays, assign, supervisorAccount } from './support';

/**
 * What an assignment gives its holder (issue #5): for that cell only and only while it runs
 * (today within its dates), reading the cell's meetings and minutes and appraising its meeting
 * evaluations. Both sides: before it starts, after it ended (by its dates or ended early), other cells.
 */
let app: TestApp;
const today = vietnamToday().iso;
let cellMeeting: MeetingView;
let schoolMeeting: MeetingView;

const MEETINGS = '{ meetings(first: 20) { totalCount nodes { id minutes } } }';
const MEETING = 'query($id: ID!) { meeting(id: $id) { id minutes } }';
const APPRAISE = 'mutation($i: AppraiseMeetingEvaluationInput!) { appraiseMeetingEvaluation(input: $i) { state appraisedTotal version } }';
const code = (r: Awaited<ReturnType<TestApp['run']>>): unknown => onlyError(r).code;

async function submittedEvaluation(meeting: MeetingView): Promise<{ id: string; version: number; criterionId: string }> {
  const heldOn = meeting.heldOn as string;
  const set = (await data(app, 'organizer:commune', 'query($p: ID!, $on: LocalDate!) { criteriaSetInForce(provinceId: $p, on: $on) { criteria { id } } }', { p: unitGid(app, 'province'), on: heldOn })).criteriaSetInForce;
  const criteria = set.criteria as Array<{ id: string }>;
  const created = (await data(app, 'organizer:commune', 'mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id version } }', {
    i: { meetingId: meeting.id, scores: criteria.map((c) => ({ criterionId: c.id, points: 8 })), votes: { for: 2, against: 0, abstain: 0 } },
  })).createMeetingEvaluation;
  const submitted = (await data(app, 'organizer:commune', 'mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { id version } }', { id: created.id, v: created.version })).submitMeetingEvaluation;
  return { ...submitted, criterionId: criteria[0].id };
}

beforeAll(async () => {
  app = await createTestApp();
  for (const name of ['sup:active', 'sup:ended', 'sup:future', 'sup:endedEarly']) await supervisorAccount(app, name);
  await supervisorAccount(app, 'sup:member', 'commune', AN);
  const heldAt = vietnamTime(addDays(today, -3));
  cellMeeting = await createMeeting(app, 'organizer:commune', {
    heldAt, offPlanReason: 'Họp bù', chairId: memberGid(app, HUNG), minutes: 'Biên bản chi bộ bản Nậm Cười',
    attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, AN), status: 'PRESENT' }],
  });
  schoolMeeting = await createMeeting(app, 'organizer:commune', { unitId: unitGid(app, 'school'), heldAt, offPlanReason: 'Họp bù', minutes: 'Biên bản chi bộ trường' });
  await assign(app, { account: 'sup:active', cell: 'cell', startsOn: addDays(today, -30), endsOn: addDays(today, 30) });
  await assign(app, { account: 'sup:ended', cell: 'cell', startsOn: addDays(today, -90), endsOn: addDays(today, -1) });
  await assign(app, { account: 'sup:future', cell: 'cell', startsOn: addDays(today, 1), endsOn: addDays(today, 90) });
  await assign(app, { account: 'sup:member', cell: 'cell', startsOn: addDays(today, -30), endsOn: addDays(today, 30) });
});
afterAll(() => app.close());

describe('reading the cell’s meetings and minutes', () => {
  test('an active assignment: the assigned cell’s meetings with minutes, and no other cell’s', async () => {
    const list = (await data(app, 'sup:active' as never, MEETINGS)).meetings;
    expect(list.nodes).toEqual([{ id: cellMeeting.id, minutes: 'Biên bản chi bộ bản Nậm Cười' }]);
    expect((await data(app, 'sup:active' as never, MEETING, { id: cellMeeting.id })).meeting.minutes).toBe('Biên bản chi bộ bản Nậm Cười');
    expect(code(await app.run('sup:active' as never, MEETING, { id: schoolMeeting.id }))).toBe('NOT_FOUND');
  });

  test('an assignment that has ended, or has not begun: nothing (FORBIDDEN at the root field, holding no such right anywhere)', async () => {
    for (const who of ['sup:ended', 'sup:future']) {
      expect(code(await app.run(who as never, MEETINGS))).toBe('FORBIDDEN');
      expect(code(await app.run(who as never, MEETING, { id: cellMeeting.id }))).toBe('FORBIDDEN');
    }
  });

  test('ended early with endSupervisoryAssignment: the right goes at once', async () => {
    const a = await assign(app, { account: 'sup:endedEarly', cell: 'cell', startsOn: addDays(today, -10), endsOn: addDays(today, 10) });
    expect((await data(app, 'sup:endedEarly' as never, MEETINGS)).meetings.totalCount).toBe(1);
    await data(app, 'organizer:commune', END, { i: { id: a.id, version: a.version, endsOn: addDays(today, -1) } });
    expect(code(await app.run('sup:endedEarly' as never, MEETINGS))).toBe('FORBIDDEN');
  });

  test('the holder reads their own assignments; others’ only with SUPERVISION_READ', async () => {
    const Q = '{ supervisoryAssignments(first: 10, filter: { mine: true }) { totalCount nodes { active visits { id } } } }';
    expect((await data(app, 'sup:ended' as never, Q)).supervisoryAssignments).toEqual({ totalCount: 1, nodes: [{ active: false, visits: [] }] });
    expect((await data(app, 'sup:active' as never, '{ supervisoryAssignments(first: 10) { totalCount } }')).supervisoryAssignments.totalCount).toBe(1);
    expect((await data(app, 'inspector:commune', '{ supervisoryAssignments(first: 10) { totalCount } }')).supervisoryAssignments.totalCount).toBe(5);
    expect((await data(app, 'member:cell', '{ supervisoryAssignments(first: 10) { totalCount } }')).supervisoryAssignments.totalCount).toBe(0);
    expect((await data(app, 'inspector:province', `query($on: LocalDate!) { supervisoryAssignments(first: 10, filter: { activeOn: $on }) { totalCount } }`, { on: today })).supervisoryAssignments.totalCount).toBe(2);
  });
});

describe('appraising the cell’s meeting evaluations', () => {
  test('an ended assignment may not (FORBIDDEN), nor an active holder for another cell; the active holder may', async () => {
    const evaluation = await submittedEvaluation(cellMeeting);
    const input = { id: evaluation.id, version: evaluation.version, adjustments: [{ criterionId: evaluation.criterionId, points: 5, comment: 'Chưa kỹ' }] };
    expect(code(await app.run('sup:ended' as never, APPRAISE, { i: input }))).toBe('FORBIDDEN');
    expect(code(await app.run('sup:future' as never, APPRAISE, { i: input }))).toBe('FORBIDDEN');
    // A member of the cell assigned to it (the province allows it by default) still may not appraise the own cell.
    expect(code(await app.run('sup:member' as never, APPRAISE, { i: input }))).toBe('FORBIDDEN');
    const appraised = (await data(app, 'sup:active' as never, APPRAISE, { i: input })).appraiseMeetingEvaluation;
    expect(appraised.state).toBe('APPRAISED');
    const [step] = await app.sql<{ appraised_by_id: number }>('select appraised_by_id from meeting_evaluation where id = ?', [Number(Buffer.from(evaluation.id, 'base64url').toString().split(':')[1])]);
    expect(step.appraised_by_id).toBe(app.fixture.accounts['sup:active' as never]);
  });

  test('the school’s evaluation is out of the active holder’s sight (NOT_FOUND)', async () => {
    const set = (await data(app, 'organizer:commune', 'query($p: ID!, $on: LocalDate!) { criteriaSetInForce(provinceId: $p, on: $on) { criteria { id } } }', { p: unitGid(app, 'province'), on: schoolMeeting.heldOn })).criteriaSetInForce;
    const created = (await data(app, 'organizer:commune', 'mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id version } }', {
      i: { meetingId: schoolMeeting.id, scores: (set.criteria as Array<{ id: string }>).map((c) => ({ criterionId: c.id, points: 8 })), votes: { for: 0, against: 0, abstain: 0 } },
    })).createMeetingEvaluation;
    const r = await app.run('sup:active' as never, APPRAISE, { i: { id: created.id, version: created.version, adjustments: [] } });
    expect(code(r)).toBe('NOT_FOUND');
  });
});
