import { createTestApp, type TestApp } from '../support/test-app';
import { AN, data, HUNG, MAI } from '../meetings/support';
import { expectRejected, rawId } from '../validation/support';
import {
  APPRAISE_EVALUATION,
  CREATE_EVALUATION,
  criteriaOf,
  evaluate,
  EVALUATION_TABLES,
  heldMeeting,
  REOPEN_EVALUATION,
  scores,
  SUBMIT_EVALUATION,
  UPDATE_EVALUATION,
  type CriterionRef,
  type EvaluationView,
} from './support';

/**
 * What a meeting evaluation refuses (issue #4), each with the table state unchanged:
 * BAD_USER_INPUT on the field for points out of range, criteria not of the set in force, a meeting
 * not held, votes beyond the attendance; CONFLICT for a second evaluation and for changing what was
 * submitted or appraised without reopening.
 */
let app: TestApp;
let criteria: CriterionRef[];
let day = 0;
beforeAll(async () => {
  app = await createTestApp();
  criteria = await criteriaOf(app);
});
afterAll(() => app.close());

/** A fresh held regular meeting with Hùng and An present (two votes at most). */
async function meeting(): Promise<string> {
  day += 1;
  return (await heldMeeting(app, { on: `2025-09-${String(day).padStart(2, '0')}`, present: [HUNG, AN] })).id;
}

const AS = 'organizer:commune';
const reject = (query: string, variables: Record<string, unknown>, code: string, field?: string): Promise<unknown> =>
  expectRejected(app, AS, EVALUATION_TABLES, query, variables, { code, field });

describe('BAD_USER_INPUT on the field', () => {
  test('points above the criterion’s maximum, below zero, or with three decimals', async () => {
    const m = await meeting();
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: scores(criteria, [10, 10.01]) } }, 'BAD_USER_INPUT', 'input.scores.1.points');
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: scores(criteria, [-0.5]) } }, 'BAD_USER_INPUT', 'input.scores.0.points');
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: scores(criteria, [9.125]) } }, 'BAD_USER_INPUT', 'input.scores.0.points');
    // The bounds themselves are fine.
    const e = (await data(app, AS, CREATE_EVALUATION, { i: { meetingId: m, scores: scores(criteria, [10, 0, 9.99]) } })).createMeetingEvaluation;
    expect(e.selfTotal).toBe(19.99);
    await reject(UPDATE_EVALUATION, { i: { id: e.id, version: e.version, scores: scores(criteria, [5, 5, 5, 11]) } }, 'BAD_USER_INPUT', 'input.scores.3.points');
  });

  test('a criterion scored twice, an id that is no criterion, a criterion of a set not in force on the meeting date', async () => {
    const m = await meeting();
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: [{ criterionId: criteria[0].id, points: 5 }, { criterionId: criteria[0].id, points: 6 }] } }, 'BAD_USER_INPUT', 'input.scores.1.criterionId');
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: [{ criterionId: rawId('Criterion:999999'), points: 5 }] } }, 'BAD_USER_INPUT', 'input.scores.0.criterionId');
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: [{ criterionId: rawId('Member:1'), points: 5 }] } }, 'BAD_USER_INPUT', 'input.scores.0.criterionId');
    // The province's own set from 2026: in force for a 2026 meeting, not for this September 2025 one.
    await data(app, 'admin:province', 'mutation($i: CreateCriteriaSetInput!) { createCriteriaSet(input: $i) { id } }', {
      i: { provinceId: Buffer.from(`OrgUnit:${app.fixture.units.province.id}`).toString('base64url'), code: 'LC-2026', title: 'Bộ tiêu chí 2026', effectiveFrom: '2026-01-01', goodMin: 9, fairMin: 7, averageMin: 5, criteria: [{ groupName: 'Chung', code: 'CHUNG', name: 'Chung', maxPoints: 10 }] },
    });
    const [lc2026] = await criteriaOf(app, 'LC-2026');
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: [{ criterionId: lc2026.id, points: 5 }] } }, 'BAD_USER_INPUT', 'input.scores.0.criterionId');
    const m2026 = (await heldMeeting(app, { on: '2026-06-03', present: [HUNG, AN] })).id;
    await reject(CREATE_EVALUATION, { i: { meetingId: m2026, scores: [{ criterionId: criteria[0].id, points: 5 }] } }, 'BAD_USER_INPUT', 'input.scores.0.criterionId');
    expect((await data(app, AS, CREATE_EVALUATION, { i: { meetingId: m2026, scores: [{ criterionId: lc2026.id, points: 9 }] } })).createMeetingEvaluation).toMatchObject({ selfTotal: 9, selfRating: 'GOOD', criteriaSet: { code: 'LC-2026' } });
  });

  test('a meeting not yet held, a cancelled one, an extraordinary one, a meeting id that is not one, a meeting with no criteria set in force', async () => {
    const planned = await heldMeeting(app, { on: '2026-12-03', status: 'PLANNED' });
    await reject(CREATE_EVALUATION, { i: { meetingId: planned.id, scores: scores(criteria, 5) } }, 'BAD_USER_INPUT', 'input.meetingId');
    const cancelled = await heldMeeting(app, { on: '2025-10-03', status: 'CANCELLED' });
    await reject(CREATE_EVALUATION, { i: { meetingId: cancelled.id } }, 'BAD_USER_INPUT', 'input.meetingId');
    const extraordinary = await heldMeeting(app, { on: '2025-10-15', kind: 'EXTRAORDINARY', present: [HUNG, AN] });
    await reject(CREATE_EVALUATION, { i: { meetingId: extraordinary.id } }, 'BAD_USER_INPUT', 'input.meetingId');
    await reject(CREATE_EVALUATION, { i: { meetingId: 'not-an-id' } }, 'BAD_USER_INPUT', 'input.meetingId');
    // Held before the sample set's 2020-01-01 and before any set of the province: nothing to score against.
    const tooEarly = await heldMeeting(app, { on: '2019-12-03', present: [HUNG, AN] });
    await reject(CREATE_EVALUATION, { i: { meetingId: tooEarly.id } }, 'BAD_USER_INPUT', 'input.meetingId');
  });

  test('more votes than members recorded present; a negative vote', async () => {
    // Hùng and An present, Mai excused: 3 on the roster, 2 present.
    const m = (await heldMeeting(app, { on: '2026-04-03', present: [HUNG, AN], absent: [MAI] })).id;
    await reject(CREATE_EVALUATION, { i: { meetingId: m, votes: { for: 2, against: 0, abstain: 1 } } }, 'BAD_USER_INPUT', 'input.votes');
    await reject(CREATE_EVALUATION, { i: { meetingId: m, votes: { for: 3, against: 0, abstain: 0 } } }, 'BAD_USER_INPUT', 'input.votes');
    await reject(CREATE_EVALUATION, { i: { meetingId: m, votes: { for: 2, against: -1, abstain: 0 } } }, 'BAD_USER_INPUT', 'input.votes.against');
    const e = (await data(app, AS, CREATE_EVALUATION, { i: { meetingId: m, votes: { for: 1, against: 1, abstain: 0 } } })).createMeetingEvaluation;
    expect(e.votes).toEqual({ for: 1, against: 1, abstain: 0 });
    await reject(UPDATE_EVALUATION, { i: { id: e.id, version: e.version, votes: { for: 0, against: 1, abstain: 2 } } }, 'BAD_USER_INPUT', 'input.votes');
    // A meeting whose attendance was never recorded has nobody present to vote.
    const unrecorded = (await heldMeeting(app, { on: '2026-05-03' })).id;
    await reject(CREATE_EVALUATION, { i: { meetingId: unrecorded, votes: { for: 1, against: 0, abstain: 0 } } }, 'BAD_USER_INPUT', 'input.votes');
  });

  test('submission needs every criterion scored and the vote, adopted by more than half of those present', async () => {
    const m = await meeting();
    let e = (await data(app, AS, CREATE_EVALUATION, { i: { meetingId: m, scores: scores(criteria, [9, 9, 9, 9, 9, 9, 9, 9, 9]) } })).createMeetingEvaluation;
    await reject(SUBMIT_EVALUATION, { id: e.id, v: e.version }, 'BAD_USER_INPUT', 'input.scores');
    e = (await data(app, AS, UPDATE_EVALUATION, { i: { id: e.id, version: e.version, scores: scores(criteria, 9) } })).updateMeetingEvaluation;
    await reject(SUBMIT_EVALUATION, { id: e.id, v: e.version }, 'BAD_USER_INPUT', 'input.votes');
    e = (await data(app, AS, UPDATE_EVALUATION, { i: { id: e.id, version: e.version, votes: { for: 1, against: 1, abstain: 0 } } })).updateMeetingEvaluation;
    await reject(SUBMIT_EVALUATION, { id: e.id, v: e.version }, 'BAD_USER_INPUT', 'input.votes.for');
    e = (await data(app, AS, UPDATE_EVALUATION, { i: { id: e.id, version: e.version, votes: { for: 2, against: 0, abstain: 0 } } })).updateMeetingEvaluation;
    expect((await data(app, AS, SUBMIT_EVALUATION, { id: e.id, v: e.version })).submitMeetingEvaluation.state).toBe('SELF_ASSESSED');
  });

  test('appraisal: adjusted points out of range or of another set; an adjustment without its comment', async () => {
    const e = await evaluate(app, await meeting(), { criteria, points: 8 });
    const adjust = (criterionId: string, points: number, comment: string): Record<string, unknown> => ({ i: { id: e.id, version: e.version, adjustments: [{ criterionId: criteria[0].id, points: 7, comment: 'Ổn' }, { criterionId, points, comment }] } });
    await reject(APPRAISE_EVALUATION, adjust(criteria[1].id, 12, 'Quá điểm'), 'BAD_USER_INPUT', 'input.adjustments.1.points');
    await reject(APPRAISE_EVALUATION, adjust(criteria[1].id, -1, 'Âm'), 'BAD_USER_INPUT', 'input.adjustments.1.points');
    await reject(APPRAISE_EVALUATION, adjust(criteria[1].id, 6, '   '), 'BAD_USER_INPUT', 'input.adjustments.1.comment');
    await reject(APPRAISE_EVALUATION, adjust(criteria[0].id, 6, 'Hai lần'), 'BAD_USER_INPUT', 'input.adjustments.1.criterionId');
  });

  test('reopening needs a reason', async () => {
    const e = await evaluate(app, await meeting(), { criteria, points: 8 });
    await reject(REOPEN_EVALUATION, { i: { id: e.id, version: e.version, reason: '' } }, 'BAD_USER_INPUT', 'input.reason');
    await reject(REOPEN_EVALUATION, { i: { id: e.id, version: e.version, reason: ' \n ' } }, 'BAD_USER_INPUT', 'input.reason');
  });
});

describe('CONFLICT', () => {
  test('a second evaluation of the same meeting, whatever the first one’s state; the database refuses it too', async () => {
    const m = await meeting();
    await data(app, AS, CREATE_EVALUATION, { i: { meetingId: m } });
    await reject(CREATE_EVALUATION, { i: { meetingId: m, scores: scores(criteria, 9) } }, 'CONFLICT', 'input.meetingId');
    const [first] = await app.sql<Record<string, unknown>>('select * from meeting_evaluation where meeting_id = (select meeting_id from meeting_evaluation order by id desc limit 1)');
    const { id: _id, ...copy } = first;
    await expect(app.sql(`insert into meeting_evaluation (${Object.keys(copy).join(',')}) values (${Object.keys(copy).map(() => '?').join(',')})`, Object.values(copy)))
      .rejects.toThrow(/meeting_evaluation_meeting_uq/);
  });

  test('changing a submitted or appraised evaluation without reopening; submitting or appraising twice; appraising a draft; reopening a draft', async () => {
    const draft = (await data(app, AS, CREATE_EVALUATION, { i: { meetingId: await meeting(), scores: scores(criteria, 8), votes: { for: 2, against: 0, abstain: 0 } } })).createMeetingEvaluation;
    await reject(APPRAISE_EVALUATION, { i: { id: draft.id, version: draft.version, adjustments: [] } }, 'CONFLICT', 'state');
    await reject(REOPEN_EVALUATION, { i: { id: draft.id, version: draft.version, reason: 'Không có gì' } }, 'CONFLICT', 'state');

    const submitted: EvaluationView = (await data(app, AS, SUBMIT_EVALUATION, { id: draft.id, v: draft.version })).submitMeetingEvaluation;
    await reject(UPDATE_EVALUATION, { i: { id: submitted.id, version: submitted.version, scores: scores(criteria, [10]) } }, 'CONFLICT', 'state');
    await reject(SUBMIT_EVALUATION, { id: submitted.id, v: submitted.version }, 'CONFLICT', 'state');

    const appraised: EvaluationView = (await data(app, AS, APPRAISE_EVALUATION, { i: { id: submitted.id, version: submitted.version, adjustments: [] } })).appraiseMeetingEvaluation;
    await reject(UPDATE_EVALUATION, { i: { id: appraised.id, version: appraised.version, note: 'Sửa' } }, 'CONFLICT', 'state');
    await reject(SUBMIT_EVALUATION, { id: appraised.id, v: appraised.version }, 'CONFLICT', 'state');
    await reject(APPRAISE_EVALUATION, { i: { id: appraised.id, version: appraised.version, adjustments: [{ criterionId: criteria[0].id, points: 1, comment: 'Sửa' }] } }, 'CONFLICT', 'state');

    // Reopened twice (appraised → submitted → draft), it changes again.
    const once = (await data(app, AS, REOPEN_EVALUATION, { i: { id: appraised.id, version: appraised.version, reason: 'Thẩm định lại' } })).reopenMeetingEvaluation;
    await reject(UPDATE_EVALUATION, { i: { id: once.id, version: once.version, note: 'Sửa' } }, 'CONFLICT', 'state');
    const twice = (await data(app, AS, REOPEN_EVALUATION, { i: { id: once.id, version: once.version, reason: 'Chi bộ chấm lại' } })).reopenMeetingEvaluation;
    const changed = (await data(app, AS, UPDATE_EVALUATION, { i: { id: twice.id, version: twice.version, scores: scores(criteria, [10]) } })).updateMeetingEvaluation;
    expect(changed).toMatchObject({ state: 'DRAFT', selfTotal: 82 });
  });

  test('a stale version', async () => {
    const e = (await data(app, AS, CREATE_EVALUATION, { i: { meetingId: await meeting(), scores: scores(criteria, 8) } })).createMeetingEvaluation;
    await data(app, AS, UPDATE_EVALUATION, { i: { id: e.id, version: e.version, note: 'Lần 1' } });
    await reject(UPDATE_EVALUATION, { i: { id: e.id, version: e.version, note: 'Lần 2' } }, 'CONFLICT', 'version');
    await reject(SUBMIT_EVALUATION, { id: e.id, v: e.version }, 'CONFLICT', 'version');
  });
});

describe('NOT_FOUND', () => {
  test('an evaluation that does not exist, or a meeting outside the caller’s scope', async () => {
    await reject(SUBMIT_EVALUATION, { id: rawId('MeetingEvaluation:999999'), v: 1 }, 'NOT_FOUND');
    const other = await heldMeeting(app, { unit: 'otherCell', on: '2025-09-03' });
    await reject(CREATE_EVALUATION, { i: { meetingId: other.id } }, 'NOT_FOUND');
  });
});
