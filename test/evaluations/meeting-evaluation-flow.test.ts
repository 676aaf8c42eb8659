import { createTestApp, type TestApp } from '../support/test-app';
import { AN, createMeeting, data, HUNG, memberGid, unitGid, vietnamTime, type Actor } from '../meetings/support';
import {
  APPRAISE_EVALUATION,
  CREATE_EVALUATION,
  cellSecretary,
  criteriaOf,
  evaluate,
  GET_EVALUATION,
  heldMeeting,
  REOPEN_EVALUATION,
  scores,
  SUBMIT_EVALUATION,
  UPDATE_EVALUATION,
  type CriterionRef,
  type EvaluationView,
} from './support';

/**
 * The meeting-quality evaluation of issue #4, start to end: the cell's secretary records the chair's
 * proposed points and the cell's vote, submits; an organizer of the commune appraises, adjusting
 * criteria with a comment each; reopening takes a reason and the history keeps every step.
 */
let app: TestApp;
let criteria: CriterionRef[];
let secretary: Actor;
beforeAll(async () => {
  app = await createTestApp();
  criteria = await criteriaOf(app);
  secretary = await cellSecretary(app);
});
afterAll(() => app.close());

const stepsOf = (e: EvaluationView): Array<[string, string | null, string, string | null]> => e.history.map((h) => [h.action, h.fromState, h.toState, h.reason]);

describe('a regular meeting recorded through the API, evaluated by the secretary, appraised by the commune', () => {
  let meetingId: string;
  let e: EvaluationView;

  beforeAll(async () => {
    const meeting = await createMeeting(app, secretary, {
      heldAt: vietnamTime('2025-06-03'), chairId: memberGid(app, HUNG),
      attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, AN), status: 'PRESENT' }],
    });
    meetingId = meeting.id;
  });

  test('the chair’s proposal, part of the criteria: a DRAFT with the total and rating of what is scored', async () => {
    e = (await data(app, secretary, CREATE_EVALUATION, { i: { meetingId, scores: scores(criteria, [10, 9, 9.5, 8.25]), note: 'Chủ trì đề xuất' } })).createMeetingEvaluation;
    expect(e).toMatchObject({ state: 'DRAFT', heldOn: '2025-06-03', meetingKind: 'REGULAR', selfTotal: 36.75, selfRating: 'WEAK', appraisedTotal: null, appraisedRating: null, votes: null, selfNote: 'Chủ trì đề xuất', submittedAt: null, criteriaSet: { code: 'MẪU-01' } });
    expect(e.scores.map((s) => [s.criterion.code, s.selfPoints, s.appraisedPoints])).toEqual([['PREP_AGENDA', 10, null], ['PREP_NOTICE', 9, null], ['HELD_ON_TIME', 9.5, null], ['PROCEDURE', 8.25, null]]);
    expect(stepsOf(e)).toEqual([['CREATED', null, 'DRAFT', null]]);
  });

  test('the rest of the points and the vote (for / against / abstain): criteria not named keep their points', async () => {
    const before = e.version;
    e = (await data(app, secretary, UPDATE_EVALUATION, {
      i: { id: e.id, version: e.version, scores: [{ criterionId: criteria[1].id, points: 8 }, ...scores(criteria, [10, 9, 9.5, 8.25, 9, 9, 8.5, 9, 8, 10]).slice(4)], votes: { for: 1, against: 0, abstain: 1 } },
    })).updateMeetingEvaluation;
    // 10 + 8 + 9.5 + 8.25 + 9 + 9 + 8.5 + 9 + 8 + 10 = 89.25: just short of good.
    expect(e).toMatchObject({ state: 'DRAFT', selfTotal: 89.25, selfRating: 'FAIR', votes: { for: 1, against: 0, abstain: 1 }, selfNote: 'Chủ trì đề xuất' });
    expect(e.version).toBeGreaterThan(before);
    expect(e.scores.map((s) => s.selfPoints)).toEqual([10, 8, 9.5, 8.25, 9, 9, 8.5, 9, 8, 10]);
    expect(stepsOf(e)).toEqual([['CREATED', null, 'DRAFT', null], ['SCORES_SAVED', 'DRAFT', 'DRAFT', null]]);
  });

  test('submitted with the cell’s vote: SELF_ASSESSED, to the superior', async () => {
    // One of two present voting for is not more than half: the vote is recorded again.
    e = (await data(app, secretary, UPDATE_EVALUATION, { i: { id: e.id, version: e.version, votes: { for: 2, against: 0, abstain: 0 } } })).updateMeetingEvaluation;
    e = (await data(app, secretary, SUBMIT_EVALUATION, { id: e.id, v: e.version })).submitMeetingEvaluation;
    expect(e).toMatchObject({ state: 'SELF_ASSESSED', selfTotal: 89.25, selfRating: 'FAIR', votes: { for: 2, against: 0, abstain: 0 }, appraisedTotal: null });
    expect(typeof e.submittedAt).toBe('string');
    expect(e.history.at(-1)).toMatchObject({ action: 'SUBMITTED', fromState: 'DRAFT', toState: 'SELF_ASSESSED' });
  });

  test('appraised by the commune: two criteria adjusted, each with its comment; the cell’s points stay beside them', async () => {
    e = (await data(app, 'organizer:commune', APPRAISE_EVALUATION, {
      i: { id: e.id, version: e.version, comment: 'Đạt yêu cầu', adjustments: [{ criterionId: criteria[1].id, points: 10, comment: 'Thông báo đúng hạn' }, { criterionId: criteria[9].id, points: 6.5, comment: 'Biên bản thiếu chữ ký' }] },
    })).appraiseMeetingEvaluation;
    // 89.25 − 8 + 10 − 10 + 6.5 = 87.75
    expect(e).toMatchObject({ state: 'APPRAISED', selfTotal: 89.25, selfRating: 'FAIR', appraisedTotal: 87.75, appraisedRating: 'FAIR', appraisalComment: 'Đạt yêu cầu' });
    expect(typeof e.appraisedAt).toBe('string');
    expect(e.scores.filter((s) => s.appraisedPoints !== null).map((s) => [s.criterion.code, s.selfPoints, s.appraisedPoints, s.appraisalComment]))
      .toEqual([['PREP_NOTICE', 8, 10, 'Thông báo đúng hạn'], ['MINUTES', 10, 6.5, 'Biên bản thiếu chữ ký']]);
    expect(e.scores.filter((s) => s.appraisedPoints === null)).toHaveLength(8);
  });

  test('reopened with a reason: back to awaiting appraisal, the appraisal kept in the history', async () => {
    e = (await data(app, 'organizer:province', REOPEN_EVALUATION, { i: { id: e.id, version: e.version, reason: 'Tỉnh ủy yêu cầu thẩm định lại' } })).reopenMeetingEvaluation;
    expect(e).toMatchObject({ state: 'SELF_ASSESSED', selfTotal: 89.25, appraisedTotal: null, appraisedRating: null, appraisalComment: null, appraisedAt: null });
    expect(e.scores.every((s) => s.appraisedPoints === null && s.appraisalComment === null)).toBe(true);
    expect(stepsOf(e)).toEqual([
      ['CREATED', null, 'DRAFT', null],
      ['SCORES_SAVED', 'DRAFT', 'DRAFT', null],
      ['SCORES_SAVED', 'DRAFT', 'DRAFT', null],
      ['SUBMITTED', 'DRAFT', 'SELF_ASSESSED', null],
      ['APPRAISED', 'SELF_ASSESSED', 'APPRAISED', null],
      ['REOPENED', 'APPRAISED', 'SELF_ASSESSED', 'Tỉnh ủy yêu cầu thẩm định lại'],
    ]);
    const appraisedStep = e.history[4].snapshot;
    expect(appraisedStep).toMatchObject({ state: 'APPRAISED', selfTotal: 89.25, appraisedTotal: 87.75, appraisedRating: 'FAIR', appraisalComment: 'Đạt yêu cầu' });
    expect(appraisedStep.scores.find((s: any) => s.criterionId === criteria[9].dbId)).toEqual({ criterionId: criteria[9].dbId, selfPoints: 10, appraisedPoints: 6.5 });
  });

  test('appraised again, accepting the self-assessment as it is: the final score is the cell’s', async () => {
    e = (await data(app, 'organizer:province', APPRAISE_EVALUATION, { i: { id: e.id, version: e.version, adjustments: [] } })).appraiseMeetingEvaluation;
    expect(e).toMatchObject({ state: 'APPRAISED', appraisedTotal: 89.25, appraisedRating: 'FAIR', appraisalComment: null });
    expect(e.history.map((h) => h.action)).toEqual(['CREATED', 'SCORES_SAVED', 'SCORES_SAVED', 'SUBMITTED', 'APPRAISED', 'REOPENED', 'APPRAISED']);
  });

  test('the meeting shows its evaluation; the unit lists it; node() finds it; members of the cell read it', async () => {
    const viaMeeting = (await data(app, 'member:cell', 'query($id: ID!) { meeting(id: $id) { evaluation { id state appraisedTotal meeting { id } unit { name } } } }', { id: meetingId })).meeting;
    expect(viaMeeting.evaluation).toEqual({ id: e.id, state: 'APPRAISED', appraisedTotal: 89.25, meeting: { id: meetingId }, unit: { name: 'Chi bộ bản Nậm Cười' } });
    const node = (await data(app, 'inspector:commune', 'query($id: ID!) { node(id: $id) { id ... on MeetingEvaluation { selfTotal } } }', { id: e.id })).node;
    expect(node).toEqual({ id: e.id, selfTotal: 89.25 });
    const read = (await data(app, 'member:cell', GET_EVALUATION, { id: e.id })).meetingEvaluation;
    expect(read.history).toHaveLength(7);
  });
});

describe('a submission withdrawn by the cell, and other kinds of meeting', () => {
  test('the secretary withdraws a submitted evaluation with a reason, corrects it and submits again', async () => {
    const m = await heldMeeting(app, { on: '2025-07-03', present: [HUNG, AN] });
    const first = await evaluate(app, m.id, { as: secretary, criteria, points: 9 });
    expect(first.state).toBe('SELF_ASSESSED');
    let e: EvaluationView = (await data(app, secretary, REOPEN_EVALUATION, { i: { id: first.id, version: first.version, reason: 'Chấm nhầm tiêu chí 3' } })).reopenMeetingEvaluation;
    expect(e).toMatchObject({ state: 'DRAFT', submittedAt: null, votes: { for: 2, against: 0, abstain: 0 } });
    e = (await data(app, secretary, UPDATE_EVALUATION, { i: { id: e.id, version: e.version, scores: [{ criterionId: criteria[2].id, points: 4 }] } })).updateMeetingEvaluation;
    e = (await data(app, secretary, SUBMIT_EVALUATION, { id: e.id, v: e.version })).submitMeetingEvaluation;
    expect(e).toMatchObject({ state: 'SELF_ASSESSED', selfTotal: 85, selfRating: 'FAIR' });
    expect(stepsOf(e)).toEqual([
      ['CREATED', null, 'DRAFT', null],
      ['SUBMITTED', 'DRAFT', 'SELF_ASSESSED', null],
      ['REOPENED', 'SELF_ASSESSED', 'DRAFT', 'Chấm nhầm tiêu chí 3'],
      ['SCORES_SAVED', 'DRAFT', 'DRAFT', null],
      ['SUBMITTED', 'DRAFT', 'SELF_ASSESSED', null],
    ]);
  });

  test('the superior returns a submission to draft (trả lại)', async () => {
    const m = await heldMeeting(app, { on: '2025-08-03', present: [HUNG, AN] });
    const e = await evaluate(app, m.id, { as: secretary, criteria, points: 7 });
    const returned = (await data(app, 'organizer:commune', REOPEN_EVALUATION, { i: { id: e.id, version: e.version, reason: 'Thiếu biên bản' } })).reopenMeetingEvaluation;
    expect(returned).toMatchObject({ state: 'DRAFT', selfTotal: 70, selfRating: 'FAIR' });
    expect(returned.history.at(-1)).toMatchObject({ action: 'REOPENED', fromState: 'SELF_ASSESSED', toState: 'DRAFT', reason: 'Thiếu biên bản' });
  });

  test('a thematic meeting is evaluated like a regular one', async () => {
    const m = await heldMeeting(app, { on: '2025-08-20', kind: 'THEMATIC', present: [HUNG, AN] });
    const e = await evaluate(app, m.id, { as: secretary, criteria, points: 5, appraise: { adjustments: [[0, 0]] } });
    expect(e).toMatchObject({ meetingKind: 'THEMATIC', state: 'APPRAISED', selfTotal: 50, selfRating: 'AVERAGE', appraisedTotal: 45, appraisedRating: 'WEAK' });
  });

  test('the unit’s evaluations, newest first, filtered by year, state and (appraised) rating', async () => {
    const list = async (filter: Record<string, unknown> | null): Promise<string[]> =>
      (await data(app, 'organizer:commune', 'query($u: ID!, $f: MeetingEvaluationFilterInput) { orgUnit(id: $u) { meetingEvaluations(first: 20, filter: $f) { totalCount nodes { heldOn } } } }', { u: unitGid(app, 'cell'), f: filter }))
        .orgUnit.meetingEvaluations.nodes.map((n: any) => n.heldOn);
    expect(await list(null)).toEqual(['2025-08-20', '2025-08-03', '2025-07-03', '2025-06-03']);
    expect(await list({ year: 2024 })).toEqual([]);
    expect(await list({ states: ['APPRAISED'] })).toEqual(['2025-08-20', '2025-06-03']);
    expect(await list({ states: ['DRAFT', 'SELF_ASSESSED'] })).toEqual(['2025-08-03', '2025-07-03']);
    // Appraised rating where appraised: the thematic meeting was self-rated average, appraised weak.
    expect(await list({ ratings: ['WEAK'] })).toEqual(['2025-08-20']);
    expect(await list({ ratings: ['FAIR'] })).toEqual(['2025-08-03', '2025-07-03', '2025-06-03']);
    expect(await list({ ratings: ['AVERAGE'] })).toEqual([]);
  });
});
