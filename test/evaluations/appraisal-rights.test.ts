import { createTestApp, type TestApp } from '../support/test-app';
import { addAccount, AN, BINH, data, dbIdOf, HUNG, type Actor } from '../meetings/support';
import { expectRejected } from '../validation/support';
import { APPRAISE_EVALUATION, cellSecretary, criteriaOf, evaluate, EVALUATION_TABLES, heldMeeting, REOPEN_EVALUATION, type CriterionRef, type EvaluationRef } from './support';

/**
 * Who appraises (issue #4): an organizer of a unit above the cell, never the cell itself, and never
 * a member of that cell even if they hold a superior role. The cell's secretary prepares, submits and
 * may withdraw a submission; only a superior reopens an appraisal.
 */
let app: TestApp;
let criteria: CriterionRef[];
let secretary: Actor;
let hungAtCommune: Actor;
let hungAtProvince: Actor;
let binhAtCommune: Actor;
let organizerOtherCommune: Actor;
let day = 0;
beforeAll(async () => {
  app = await createTestApp();
  criteria = await criteriaOf(app);
  secretary = await cellSecretary(app);
  // Members of the cell who sit on the commune's or the province's committee.
  hungAtCommune = await addAccount(app, 'organizer:commune (Hùng)', { member: HUNG, role: 'ORGANIZER', at: 'commune' });
  hungAtProvince = await addAccount(app, 'organizer:province (Hùng)', { member: HUNG, role: 'ORGANIZER', at: 'province' });
  // A member of the school cell on the commune's committee: a superior of Nậm Cười, not a member of it.
  binhAtCommune = await addAccount(app, 'organizer:commune (Bình)', { member: BINH, role: 'ORGANIZER', at: 'commune' });
  organizerOtherCommune = await addAccount(app, 'organizer:otherCommune', { role: 'ORGANIZER', at: 'otherCommune' });
});
afterAll(() => app.close());

/** A submitted evaluation of a fresh meeting of the cell. */
async function submitted(): Promise<EvaluationRef> {
  day += 1;
  const m = await heldMeeting(app, { on: `2025-10-${String(day).padStart(2, '0')}`, present: [HUNG, AN] });
  return evaluate(app, m.id, { as: secretary, criteria, points: 9 });
}

const appraise = (e: EvaluationRef): Record<string, unknown> => ({ i: { id: e.id, version: e.version, adjustments: [{ criterionId: criteria[0].id, points: 5, comment: 'Chưa đạt' }] } });

describe('appraiseMeetingEvaluation', () => {
  let e: EvaluationRef;
  beforeAll(async () => {
    e = await submitted();
  });

  test.each<[string, string, () => Actor]>([
    ['the cell’s organizer (the cell itself)', 'FORBIDDEN', () => 'organizer:cell'],
    ['the cell’s administrator', 'FORBIDDEN', () => 'admin:cell'],
    ['the cell’s secretary', 'FORBIDDEN', () => secretary],
    ['a member of the cell', 'FORBIDDEN', () => 'member:cell'],
    ['an inspector of the commune (reads, does not appraise)', 'FORBIDDEN', () => 'inspector:commune'],
    ['an analyst of the province', 'FORBIDDEN', () => 'analyst:province'],
    ['a commune organizer who is a member of the cell', 'FORBIDDEN', () => hungAtCommune],
    ['a province organizer who is a member of the cell', 'FORBIDDEN', () => hungAtProvince],
    ['an organizer of another commune', 'NOT_FOUND', () => organizerOtherCommune],
    ['someone with no role', 'FORBIDDEN', () => 'norole'],
  ])('%s → %s, nothing written', async (_who, code, actor) => {
    await expectRejected(app, actor(), EVALUATION_TABLES, APPRAISE_EVALUATION, appraise(e), { code });
  });

  test.each<[string, () => Actor]>([
    ['an organizer of the commune', () => 'organizer:commune'],
    ['an organizer of the province', () => 'organizer:province'],
    ['the national administrator', () => 'admin:national'],
    ['a commune organizer who is a member of another cell', () => binhAtCommune],
  ])('%s appraises', async (_who, actor) => {
    const fresh = await submitted();
    const done = (await data(app, actor(), APPRAISE_EVALUATION, appraise(fresh))).appraiseMeetingEvaluation;
    expect(done).toMatchObject({ state: 'APPRAISED', appraisedTotal: 86, appraisedRating: 'FAIR' });
    const [row] = await app.sql<{ appraised_by_id: number }>('select appraised_by_id from meeting_evaluation where id = ?', [dbIdOf(fresh.id)]);
    expect(row.appraised_by_id).toBe(app.fixture.accounts[actor() as keyof typeof app.fixture.accounts]);
  });
});

describe('reopenMeetingEvaluation', () => {
  const reopen = (e: EvaluationRef, reason = 'Xem lại'): Record<string, unknown> => ({ i: { id: e.id, version: e.version, reason } });

  test('an appraisal is reopened only by a superior who is not a member of the cell', async () => {
    const fresh = await submitted();
    const appraised = (await data(app, 'organizer:commune', APPRAISE_EVALUATION, appraise(fresh))).appraiseMeetingEvaluation;
    for (const actor of [secretary, 'organizer:cell', 'admin:cell', 'member:cell', hungAtCommune, 'inspector:province'] as Actor[]) {
      await expectRejected(app, actor, EVALUATION_TABLES, REOPEN_EVALUATION, reopen(appraised), { code: 'FORBIDDEN' });
    }
    for (const actor of ['analyst:province', 'service:province', 'norole', organizerOtherCommune] as Actor[]) {
      await expectRejected(app, actor, EVALUATION_TABLES, REOPEN_EVALUATION, reopen(appraised), { code: 'NOT_FOUND' });
    }
    await expectRejected(app, 'anonymous', EVALUATION_TABLES, REOPEN_EVALUATION, reopen(appraised), { code: 'UNAUTHENTICATED' });
    const reopened = (await data(app, binhAtCommune, REOPEN_EVALUATION, reopen(appraised))).reopenMeetingEvaluation;
    expect(reopened.state).toBe('SELF_ASSESSED');
  });

  test('a submission is withdrawn by the cell (secretary, cell organizer) or returned by a superior; a plain member may not', async () => {
    for (const actor of ['member:cell', 'inspector:commune'] as Actor[]) {
      await expectRejected(app, actor, EVALUATION_TABLES, REOPEN_EVALUATION, reopen(await submitted()), { code: 'FORBIDDEN' });
    }
    for (const actor of [secretary, 'organizer:cell', 'organizer:commune', hungAtCommune] as Actor[]) {
      const back = (await data(app, actor, REOPEN_EVALUATION, reopen(await submitted(), `Rút lại bởi ${actor}`))).reopenMeetingEvaluation;
      expect(back).toMatchObject({ state: 'DRAFT' });
      expect(back.history.at(-1)).toMatchObject({ action: 'REOPENED', reason: `Rút lại bởi ${actor}` });
    }
  });
});

describe('preparing is for the cell’s writers: members, inspectors and analysts may not', () => {
  test('the secretary prepares; a member or an inspector of the cell may not create an evaluation', async () => {
    const m = await heldMeeting(app, { on: '2025-11-03', present: [HUNG, AN] });
    const create = 'mutation($m: ID!) { createMeetingEvaluation(input: { meetingId: $m }) { id } }';
    for (const actor of ['member:cell', 'inspector:cell', 'analyst:cell'] as Actor[]) {
      await expectRejected(app, actor, EVALUATION_TABLES, create, { m: m.id }, { code: 'FORBIDDEN' });
    }
    const created = (await data(app, secretary, create, { m: m.id })).createMeetingEvaluation;
    expect(created.id).toEqual(expect.any(String));
  });
});
