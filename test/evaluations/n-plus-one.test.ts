import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { AN, data, HUNG, unitGid } from '../meetings/support';
import { criteriaOf, DECIDE_GRADES, evaluate, heldMeeting, PROPOSE_GRADE, versions, type CriterionRef } from './support';

/**
 * The statements of an evaluation query depend on its shape, never on the data: meetings with
 * their evaluation, scores, criteria and history, and cells with their ratings and grades, run as
 * many SQL statements for 2 cells and 2 meetings as for 6 cells and 14 meetings.
 */
let app: TestApp;
let criteria: CriterionRef[];
let cells = 0;
beforeAll(async () => {
  app = await createTestApp();
  criteria = await criteriaOf(app);
});
afterAll(() => app.close());

const QUERY = `query($commune: ID!) {
  meetings(first: 40) { totalCount nodes { heldOn evaluation { state selfTotal appraisedTotal criteriaSet { code maxTotal }
    scores { selfPoints appraisedPoints criterion { code } } history { action toState } unit { name } } } }
  orgUnit(id: $commune) { children(first: 12) { nodes { name
    meetingRatings(year: 2025) { year { rating averageShare } quarters { rating } months { evaluatedMeetings rating } }
    annualGrades(first: 3) { totalCount nodes { year state decidedLevel } }
    meetingEvaluations(first: 3) { totalCount nodes { selfRating } }
    fourGoodAssessments { fourGood }
  } } }
}`;

/** A cell under the commune with `meetings` evaluated meetings (appraised, one reopened) and a decided grade. */
async function addCell(unit: { id: number; path: string }, meetings: number): Promise<void> {
  for (let i = 0; i < meetings; i += 1) {
    const m = await heldMeeting(app, { unit, on: `2025-${String(i + 1).padStart(2, '0')}-03`, present: [HUNG, AN] });
    const e = await evaluate(app, m.id, { criteria, points: 9 - (i % 3), appraise: { adjustments: [[0, 5]] } });
    if (i === 0) await data(app, 'organizer:commune', 'mutation($i: ReopenMeetingEvaluationInput!) { reopenMeetingEvaluation(input: $i) { id } }', { i: { id: e.id, version: e.version, reason: 'Xem lại' } });
  }
  const grade = (await data(app, 'organizer:province', PROPOSE_GRADE, { i: { subjectKind: 'ORGANISATION', unitId: Buffer.from(`OrgUnit:${unit.id}`).toString('base64url'), year: 2025, level: 'GOOD' } })).proposeAnnualGrade;
  await data(app, 'organizer:province', DECIDE_GRADES, { i: { decisionRef: '50-QĐ/TU', decisions: [{ ...versions([grade])[0], level: 'GOOD' }] } });
}

async function newCell(): Promise<{ id: number; path: string }> {
  cells += 1;
  const created = (await data(app, 'admin:commune', 'mutation($p: ID!, $n: String!) { createOrgUnit(input: { parentId: $p, kind: CELL, name: $n, cellType: RESIDENTIAL }) { id } }', { p: unitGid(app, 'commune'), n: `Chi bộ bản Thử ${cells}` })).createOrgUnit;
  const id = Number(Buffer.from(created.id, 'base64url').toString().split(':')[1]);
  const [{ path }] = await app.sql<{ path: string }>('select path from org_unit where id = ?', [id]);
  return { id, path };
}

async function measure(): Promise<{ statements: number; result: GqlResult }> {
  const { result, statements } = await app.countSql(() => app.run('organizer:province', QUERY, { commune: unitGid(app, 'commune') }));
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { statements, result };
}

test('meetings with evaluation, scores, criteria and history; cells with ratings and grades: as many statements for 6 cells and 14 meetings as for 2 and 2', async () => {
  await addCell(app.fixture.units.cell, 1);
  await addCell(app.fixture.units.school, 1);
  const small = await measure();
  const smallData = small.result.data as any;
  expect(smallData.meetings.totalCount).toBe(2);
  expect(smallData.orgUnit.children.nodes).toHaveLength(2);

  for (let i = 0; i < 4; i += 1) await addCell(await newCell(), 3);
  const large = await measure();
  const largeData = large.result.data as any;
  expect(largeData.meetings.totalCount).toBe(14);
  expect(largeData.orgUnit.children.nodes).toHaveLength(6);
  for (const node of largeData.meetings.nodes) {
    expect(node.evaluation.scores).toHaveLength(10);
    expect(node.evaluation.scores[0]).toMatchObject({ appraisedPoints: node.heldOn === '2025-01-03' ? null : 5, criterion: { code: 'PREP_AGENDA' } });
  }
  const march = largeData.meetings.nodes.find((n: any) => n.heldOn === '2025-03-03');
  expect(march.evaluation).toMatchObject({ state: 'APPRAISED', selfTotal: 70, appraisedTotal: 68, criteriaSet: { code: 'MẪU-01', maxTotal: 100 } });
  expect(march.evaluation.history.map((h: any) => h.action)).toEqual(['CREATED', 'SUBMITTED', 'APPRAISED']);
  const january = largeData.meetings.nodes.find((n: any) => n.heldOn === '2025-01-03');
  expect(january.evaluation.history.map((h: any) => h.action)).toEqual(['CREATED', 'SUBMITTED', 'APPRAISED', 'REOPENED']);
  const added = largeData.orgUnit.children.nodes.find((n: any) => n.name === 'Chi bộ bản Thử 1');
  // January 90 reopened (self-assessed counts), February 80 → 77, March 70 → 68: (.90 + .77 + .68) / 3 = .78333.
  expect(added.meetingRatings.year).toEqual({ rating: 'FAIR', averageShare: 0.7833 });
  expect(added.meetingRatings.months.slice(0, 4).map((m: any) => [m.evaluatedMeetings, m.rating])).toEqual([[1, 'GOOD'], [1, 'FAIR'], [1, 'AVERAGE'], [0, null]]);
  expect(added.annualGrades).toEqual({ totalCount: 1, nodes: [{ year: 2025, state: 'DECIDED', decidedLevel: 'GOOD' }] });
  expect(added.meetingEvaluations.totalCount).toBe(3);

  expect(large.statements).toBe(small.statements);
});

test('grades with their unit, member and inputs (monthly ratings, attendance, tasks): as many statements for 11 grades as for 2', async () => {
  const GRADES = `query($y: Int!) { annualGrades(first: 30, filter: { year: $y }) { totalCount nodes { subjectKind unit { name } member { fullName }
    inputs { monthlyMeetingRatings { month rating } attendance { meetings present rate } tasks { assigned done overdue } } } } }`;
  const propose = async (input: Record<string, unknown>): Promise<unknown> => data(app, 'organizer:province', PROPOSE_GRADE, { i: { level: 'GOOD', ...input } });
  const memberId = (name: string): string => Buffer.from(`Member:${app.fixture.members[name].id}`).toString('base64url');
  await propose({ subjectKind: 'ORGANISATION', unitId: unitGid(app, 'cell'), year: 2024 });
  await propose({ subjectKind: 'MEMBER', memberId: memberId(HUNG), year: 2024 });
  for (const name of [HUNG, AN, 'Trần Thị Bình', 'Vàng A Páo', 'Tẩn Thị Mai']) await propose({ subjectKind: 'MEMBER', memberId: memberId(name), year: 2025 });
  const run = async (year: number): Promise<{ statements: number; nodes: any[] }> => {
    const { result, statements } = await app.countSql(() => app.run('organizer:province', GRADES, { y: year }));
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return { statements, nodes: (result.data as any).annualGrades.nodes };
  };
  const small = await run(2024);
  expect(small.nodes.map((n) => n.subjectKind)).toEqual(['MEMBER', 'ORGANISATION']);
  const large = await run(2025);
  expect(large.nodes).toHaveLength(11);
  const hung = large.nodes.find((n) => n.subjectKind === 'MEMBER');
  // Hùng attended every meeting of the test cells in 2025 (the attendance rows name him): 14 meetings.
  expect(hung.member).toEqual({ fullName: HUNG });
  expect(hung.inputs).toEqual({ monthlyMeetingRatings: null, attendance: { meetings: 14, present: 14, rate: 1 }, tasks: { assigned: 0, done: 0, overdue: 0 } });
  expect(large.nodes.find((n) => n.subjectKind === 'ORGANISATION').inputs.monthlyMeetingRatings).toHaveLength(12);
  expect(large.statements).toBe(small.statements);
});
