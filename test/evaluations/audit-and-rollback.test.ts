import { createTestApp, type TestApp } from '../support/test-app';
import { AN, data, dbIdOf, HUNG, memberGid, unitGid, type Actor } from '../meetings/support';
import { auditSince, expectRejected, lastAuditId, ok } from '../validation/support';
import {
  APPRAISE_EVALUATION,
  ASSESS_FOUR_GOOD,
  CREATE_CRITERIA_SET,
  CREATE_EVALUATION,
  criteriaOf,
  DECIDE_GRADES,
  EVALUATION_TABLES,
  heldMeeting,
  PROPOSE_GRADE,
  PUBLISH_GRADES,
  REOPEN_EVALUATION,
  scores,
  SUBMIT_EVALUATION,
  UPDATE_EVALUATION,
  UPDATE_GRADING_RULES,
  type CriterionRef,
} from './support';

/**
 * Every successful evaluation mutation writes one audit row (who, what, before and after) in its
 * own transaction; a rejected one writes nothing at all, including the rows a failing transaction
 * had already written (the evaluation row is inserted before its points are checked, a decision
 * batch is flushed before its constraints are checked).
 */
let app: TestApp;
let criteria: CriterionRef[];
beforeAll(async () => {
  app = await createTestApp();
  criteria = await criteriaOf(app);
});
afterAll(() => app.close());

async function xmin(table: string, where: string, params: unknown[]): Promise<string[]> {
  return (await app.sql<{ x: string }>(`select distinct xmin::text as x from ${table} where ${where}`, params)).map((r) => r.x);
}

/** Runs a mutation that must succeed; returns its data and the audit rows it wrote. */
async function audited(as: Actor, query: string, variables: Record<string, unknown>): Promise<{ result: Record<string, any>; entries: Record<string, any>[] }> {
  const since = await lastAuditId(app);
  const result = ok(await app.run(as, query, variables));
  return { result, entries: await auditSince(app, since) };
}

describe('one audit row per successful mutation, in its transaction', () => {
  let evaluation: { id: string; version: number };

  test('the meeting evaluation: create, update, submit, appraise, reopen', async () => {
    const meeting = await heldMeeting(app, { on: '2025-06-03', present: [HUNG, AN] });
    const expectOne = (entries: Record<string, any>[], operation: string, as: Actor): Record<string, any> => {
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ operation, target_type: 'MeetingEvaluation', target_id: String(dbIdOf(evaluation.id)), account_id: app.fixture.accounts[as as 'organizer:commune'], province_id: app.fixture.units.province.id, unit_path: app.fixture.units.cell.path });
      return entries[0];
    };
    let step = await audited('organizer:commune', CREATE_EVALUATION, { i: { meetingId: meeting.id, scores: scores(criteria, 8), votes: { for: 2, against: 0, abstain: 0 } } });
    evaluation = step.result.createMeetingEvaluation;
    const created = expectOne(step.entries, 'createMeetingEvaluation', 'organizer:commune');
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ state: 'DRAFT', selfTotal: 80, selfRating: 'FAIR', votes: { for: 2, against: 0, abstain: 0 } });
    expect(created.after.scores).toHaveLength(10);
    const id = dbIdOf(evaluation.id);
    expect(await xmin('audit_entry', 'id = ?', [created.id])).toEqual(await xmin('meeting_evaluation', 'id = ?', [id]));
    expect(await xmin('meeting_evaluation_score', 'evaluation_id = ?', [id])).toEqual(await xmin('audit_entry', 'id = ?', [created.id]));

    step = await audited('organizer:commune', UPDATE_EVALUATION, { i: { id: evaluation.id, version: evaluation.version, scores: scores(criteria, [10]) } });
    evaluation = step.result.updateMeetingEvaluation;
    expect(expectOne(step.entries, 'updateMeetingEvaluation', 'organizer:commune')).toMatchObject({ before: { selfTotal: 80 }, after: { selfTotal: 82 } });

    step = await audited('organizer:commune', SUBMIT_EVALUATION, { id: evaluation.id, v: evaluation.version });
    evaluation = step.result.submitMeetingEvaluation;
    const submitted = expectOne(step.entries, 'submitMeetingEvaluation', 'organizer:commune');
    expect([submitted.before.state, submitted.after.state]).toEqual(['DRAFT', 'SELF_ASSESSED']);
    expect(await xmin('meeting_evaluation_step', "evaluation_id = ? and action = 'SUBMITTED'", [id])).toEqual(await xmin('audit_entry', 'id = ?', [submitted.id]));

    step = await audited('organizer:province', APPRAISE_EVALUATION, { i: { id: evaluation.id, version: evaluation.version, adjustments: [{ criterionId: criteria[1].id, points: 4, comment: 'Thông báo muộn' }] } });
    evaluation = step.result.appraiseMeetingEvaluation;
    expect(expectOne(step.entries, 'appraiseMeetingEvaluation', 'organizer:province')).toMatchObject({ before: { state: 'SELF_ASSESSED', appraisedTotal: null }, after: { state: 'APPRAISED', appraisedTotal: 78, appraisedRating: 'FAIR' } });

    step = await audited('organizer:province', REOPEN_EVALUATION, { i: { id: evaluation.id, version: evaluation.version, reason: 'Sai sót' } });
    expect(expectOne(step.entries, 'reopenMeetingEvaluation', 'organizer:province')).toMatchObject({ before: { state: 'APPRAISED', appraisedTotal: 78 }, after: { state: 'SELF_ASSESSED', appraisedTotal: null, reason: 'Sai sót' } });
  });

  test('criteria sets, grading rules, four-good: one row each', async () => {
    let step = await audited('admin:province', CREATE_CRITERIA_SET, {
      i: { provinceId: unitGid(app, 'province'), code: 'LC-A', title: 'Bộ A', effectiveFrom: '2027-01-01', goodMin: 9, fairMin: 7, averageMin: 5, criteria: [{ groupName: 'G', code: 'X', name: 'X', maxPoints: 10 }] },
    });
    expect(step.entries.map((e) => [e.operation, e.target_type, e.before, e.after.code])).toEqual([['createCriteriaSet', 'CriteriaSet', null, 'LC-A']]);
    step = await audited('admin:province', UPDATE_GRADING_RULES, { i: { provinceId: unitGid(app, 'province'), version: 1, excellentMaxShareOfGood: 0.25, excellentRequiresNoWeakMonth: false } });
    expect(step.entries.map((e) => [e.operation, e.before.excellentMaxShareOfGood, e.after.excellentMaxShareOfGood, e.after.excellentRequiresNoWeakMonth])).toEqual([['updateGradingRules', 0.2, 0.25, false]]);
    step = await audited('organizer:commune', ASSESS_FOUR_GOOD, { i: { unitId: unitGid(app, 'cell'), year: 2025, politicalTask: true, meetingQuality: true, unityDiscipline: true, cadresMembers: true } });
    expect(step.entries.map((e) => [e.operation, e.target_type, e.before, e.after.fourGood])).toEqual([['assessFourGood', 'FourGoodAssessment', null, true]]);
  });

  test('grades: a proposal and its revision one row each; a decision or publication one row per grade of the batch', async () => {
    let step = await audited('organizer:commune', PROPOSE_GRADE, { i: { subjectKind: 'MEMBER', memberId: memberGid(app, HUNG), year: 2025, level: 'GOOD' } });
    const hung = step.result.proposeAnnualGrade;
    expect(step.entries.map((e) => [e.operation, e.target_type, e.before, e.after.proposedLevel])).toEqual([['proposeAnnualGrade', 'AnnualGrade', null, 'GOOD']]);
    step = await audited('organizer:commune', PROPOSE_GRADE, { i: { subjectKind: 'MEMBER', memberId: memberGid(app, HUNG), year: 2025, level: 'COMPLETED', version: hung.version } });
    const revised = step.result.proposeAnnualGrade;
    expect(step.entries.map((e) => [e.operation, e.before.proposedLevel, e.after.proposedLevel])).toEqual([['reviseAnnualGradeProposal', 'GOOD', 'COMPLETED']]);
    const an = (await data(app, 'organizer:commune', PROPOSE_GRADE, { i: { subjectKind: 'MEMBER', memberId: memberGid(app, AN), year: 2025, level: 'GOOD' } })).proposeAnnualGrade;
    step = await audited('organizer:commune', DECIDE_GRADES, { i: { decisionRef: '60-QĐ/ĐU', decisions: [{ id: revised.id, version: revised.version, level: 'COMPLETED' }, { id: an.id, version: an.version, level: 'GOOD' }] } });
    expect(step.entries.map((e) => [e.operation, e.target_id])).toEqual([['decideAnnualGrade', String(dbIdOf(hung.id))], ['decideAnnualGrade', String(dbIdOf(an.id))]]);
    const decided = step.result.decideAnnualGrades;
    step = await audited('organizer:commune', PUBLISH_GRADES, { i: { grades: decided.map((g: any) => ({ id: g.id, version: g.version })) } });
    expect(step.entries.map((e) => [e.operation, e.before.state, e.after.state])).toEqual([['publishAnnualGrade', 'DECIDED', 'PUBLISHED'], ['publishAnnualGrade', 'DECIDED', 'PUBLISHED']]);
  });
});

describe('a rejected write leaves every evaluation table and the audit as they were', () => {
  test('failures inside the transaction, after rows were written: points checked after the evaluation row, votes after the points', async () => {
    const meeting = await heldMeeting(app, { on: '2025-07-03', present: [HUNG, AN] });
    const [{ seq: before }] = await app.sql<{ seq: string }>("select last_value::text as seq from meeting_evaluation_id_seq");
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, CREATE_EVALUATION, { i: { meetingId: meeting.id, scores: scores(criteria, [5, 5, 11]) } }, { code: 'BAD_USER_INPUT', field: 'input.scores.2.points' });
    // The row was inserted (the sequence moved on) and rolled back.
    const [{ seq: after }] = await app.sql<{ seq: string }>("select last_value::text as seq from meeting_evaluation_id_seq");
    expect(Number(after)).toBeGreaterThan(Number(before));
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, CREATE_EVALUATION, { i: { meetingId: meeting.id, scores: scores(criteria, 5), votes: { for: 3, against: 0, abstain: 0 } } }, { code: 'BAD_USER_INPUT', field: 'input.votes' });
    const e = (await data(app, 'organizer:commune', CREATE_EVALUATION, { i: { meetingId: meeting.id, scores: scores(criteria, 5) } })).createMeetingEvaluation;
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, UPDATE_EVALUATION, { i: { id: e.id, version: e.version, scores: scores(criteria, 9), votes: { for: 1, against: 1, abstain: 1 } } }, { code: 'BAD_USER_INPUT', field: 'input.votes' });
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, SUBMIT_EVALUATION, { id: e.id, v: e.version }, { code: 'BAD_USER_INPUT', field: 'input.votes' });
  });

  test('a decision batch that breaks a constraint: every decision of the batch rolled back', async () => {
    const propose = async (name: string): Promise<{ id: string; version: number }> => (await data(app, 'organizer:commune', PROPOSE_GRADE, { i: { subjectKind: 'MEMBER', memberId: memberGid(app, name), year: 2024, level: 'GOOD' } })).proposeAnnualGrade;
    const [a, b] = [await propose(HUNG), await propose(AN)];
    // The province's cap is 25% now: one excellent of two is 50%.
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, DECIDE_GRADES, { i: { decisionRef: '61-QĐ/ĐU', decisions: [{ id: a.id, version: a.version, level: 'GOOD' }, { id: b.id, version: b.version, level: 'EXCELLENT' }] } }, { code: 'CONFLICT', field: 'input.decisions' });
    expect(await app.sql("select state from annual_grade where year = 2024 order by id")).toEqual([{ state: 'PROPOSED' }, { state: 'PROPOSED' }]);
  });

  test('permission refusals write nothing either', async () => {
    const meeting = await heldMeeting(app, { on: '2025-08-03', present: [HUNG, AN] });
    await expectRejected(app, 'inspector:province', EVALUATION_TABLES, CREATE_EVALUATION, { i: { meetingId: meeting.id } }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'admin:commune', EVALUATION_TABLES, CREATE_CRITERIA_SET, {
      i: { provinceId: unitGid(app, 'province'), code: 'LC-B', title: 'Bộ B', effectiveFrom: '2027-02-01', goodMin: 9, fairMin: 7, averageMin: 5, criteria: [{ groupName: 'G', code: 'X', name: 'X', maxPoints: 10 }] },
    }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'anonymous', EVALUATION_TABLES, ASSESS_FOUR_GOOD, { i: { unitId: unitGid(app, 'school'), year: 2025, politicalTask: true, meetingQuality: true, unityDiscipline: true, cadresMembers: true } }, { code: 'UNAUTHENTICATED' });
  });
});
