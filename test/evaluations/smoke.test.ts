import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { AN, HUNG, createMeeting, data, memberGid, unitGid } from '../meetings/support';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

test('self-evaluation, submission, appraisal, reopen, summary', async () => {
  const meeting = await createMeeting(app, 'organizer:commune', {
    scheduledAt: '2025-06-03T01:00:00Z', heldAt: '2025-06-03T01:00:00Z', chairId: memberGid(app, HUNG),
    attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, AN), status: 'PRESENT' }],
  });
  const sets = await data(app, 'organizer:commune', `query($p: ID!) { criteriaSetInForce(provinceId: $p, on: "2025-06-03") { id code maxTotal isSample criteria { id code maxPoints } } }`, { p: unitGid(app, 'province') });
  const criteria = sets.criteriaSetInForce.criteria as Array<{ id: string; maxPoints: number }>;
  expect(sets.criteriaSetInForce.maxTotal).toBe(100);
  const created = await data(app, 'organizer:commune', `mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id state selfTotal selfRating version } }`, {
    i: { meetingId: meeting.id, scores: criteria.map((c) => ({ criterionId: c.id, points: 9 })), votes: { for: 2, against: 0, abstain: 0 } },
  });
  expect(created.createMeetingEvaluation).toMatchObject({ state: 'DRAFT', selfTotal: 90, selfRating: 'GOOD' });
  const dup = await app.run('organizer:commune', `mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id } }`, { i: { meetingId: meeting.id } });
  expect(onlyError(dup)).toMatchObject({ code: 'CONFLICT' });
  const id = created.createMeetingEvaluation.id;
  const submitted = await data(app, 'organizer:commune', `mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { state version } }`, { id, v: created.createMeetingEvaluation.version });
  expect(submitted.submitMeetingEvaluation.state).toBe('SELF_ASSESSED');
  const appraised = await data(app, 'organizer:commune', `mutation($i: AppraiseMeetingEvaluationInput!) { appraiseMeetingEvaluation(input: $i) { state appraisedTotal appraisedRating version scores { selfPoints appraisedPoints criterion { code } } history { action toState } } }`, {
    i: { id, version: submitted.submitMeetingEvaluation.version, adjustments: [{ criterionId: criteria[0].id, points: 5, comment: 'Chưa chuẩn bị kỹ' }] },
  });
  expect(appraised.appraiseMeetingEvaluation).toMatchObject({ state: 'APPRAISED', appraisedTotal: 86, appraisedRating: 'FAIR' });
  const summary = await data(app, 'analyst:province', `query($u: ID!) { evaluationSummary(unitId: $u, period: { year: 2025 }) { meetingRatings { rating count } evaluatedMeetings appraisedMeetings cellRatings { rating count } cellsGoodOrBetter { counted achieved share gap } weakCells { name } } }`, { u: unitGid(app, 'province') });
  expect(summary.evaluationSummary).toMatchObject({ evaluatedMeetings: 1, appraisedMeetings: 1, cellsGoodOrBetter: { counted: 1, achieved: 0, share: 0 } });
  const unitRatings = await data(app, 'organizer:commune', `query($u: ID!) { orgUnit(id: $u) { meetingRatings(year: 2025) { year { rating averageShare } } meetingEvaluations(first: 5) { totalCount } } }`, { u: unitGid(app, 'cell') });
  expect(unitRatings.orgUnit.meetingRatings.year).toEqual({ rating: 'FAIR', averageShare: 0.86 });
});

test('annual grading: propose, decide with the cap, publish', async () => {
  const propose = `mutation($i: ProposeAnnualGradeInput!) { proposeAnnualGrade(input: $i) { id version state } }`;
  const g1 = await data(app, 'organizer:commune', propose, { i: { subjectKind: 'MEMBER', memberId: memberGid(app, HUNG), year: 2025, level: 'EXCELLENT' } });
  const g2 = await data(app, 'organizer:commune', propose, { i: { subjectKind: 'MEMBER', memberId: memberGid(app, AN), year: 2025, level: 'GOOD' } });
  const decide = `mutation($i: DecideAnnualGradesInput!) { decideAnnualGrades(input: $i) { id state decidedLevel version } }`;
  const breach = await app.run('organizer:province', decide, { i: { decisionRef: '01-QĐ/ĐU', decisions: [{ id: g1.proposeAnnualGrade.id, version: g1.proposeAnnualGrade.version, level: 'EXCELLENT' }, { id: g2.proposeAnnualGrade.id, version: g2.proposeAnnualGrade.version, level: 'GOOD' }] } });
  expect(breach.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', constraint: 'EXCELLENT_SHARE_OF_GOOD' });
  const decided = await data(app, 'organizer:province', decide, { i: { decisionRef: '01-QĐ/ĐU', decisions: [{ id: g1.proposeAnnualGrade.id, version: g1.proposeAnnualGrade.version, level: 'GOOD' }, { id: g2.proposeAnnualGrade.id, version: g2.proposeAnnualGrade.version, level: 'GOOD' }] } });
  expect(decided.decideAnnualGrades).toHaveLength(2);
  const published = await data(app, 'organizer:province', `mutation($i: PublishAnnualGradesInput!) { publishAnnualGrades(input: $i) { state inputs { attendance { meetings present rate } tasks { assigned } } } }`, {
    i: { grades: decided.decideAnnualGrades.map((g: { id: string; version: number }) => ({ id: g.id, version: g.version })) },
  });
  expect(published.publishAnnualGrades[0].state).toBe('PUBLISHED');
  const mine = await data(app, 'member:cell', `{ annualGrades(first: 10) { totalCount nodes { decidedLevel member { fullName } } } }`);
  expect(mine.annualGrades.totalCount).toBe(2);
  const analyst = await data(app, 'analyst:province', `{ annualGrades(first: 10) { totalCount } }`);
  expect(analyst.annualGrades.totalCount).toBe(0);
});
