import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { AN, data, HUNG, unitGid } from '../meetings/support';
import { expectRejected } from '../validation/support';
import { CREATE_CRITERIA_SET, CREATE_EVALUATION, criteriaOf, EVALUATION_TABLES, heldMeeting, scores, UPDATE_EVALUATION, type CriterionRef } from './support';

/**
 * Criteria sets are data, versioned per province by effective date (issue #4): the seeded sample
 * serves provinces without their own; a new version applies from its date; an evaluation keeps the
 * set in force on its meeting date, even after later versions appear.
 */
let app: TestApp;
let sample: CriterionRef[];
beforeAll(async () => {
  app = await createTestApp();
  sample = await criteriaOf(app);
});
afterAll(() => app.close());

const SAMPLE_CODES = ['PREP_AGENDA', 'PREP_NOTICE', 'HELD_ON_TIME', 'PROCEDURE', 'DEMOCRACY', 'IDEOLOGY', 'REVIEW', 'RESOLUTION', 'FOLLOW_UP', 'MINUTES'];
const SET_FIELDS = 'code title effectiveFrom isSample goodMin fairMin averageMin maxTotal criteria { code groupName maxPoints }';

/** Lai Châu's own regulation from 1 July 2025: 50 points in three criteria, thresholds 40 / 30 / 20. */
const LAI_CHAU_2025 = {
  code: '14-QĐi/TU',
  title: 'Quy định chấm điểm chất lượng sinh hoạt chi bộ',
  effectiveFrom: '2025-07-01',
  goodMin: 40,
  fairMin: 30,
  averageMin: 20,
  criteria: [
    { groupName: 'Chuẩn bị', code: 'CB', name: 'Chuẩn bị nội dung', maxPoints: 20 },
    { groupName: 'Tổ chức', code: 'TC', name: 'Tổ chức sinh hoạt', maxPoints: 20 },
    { groupName: 'Biên bản', code: 'BB', name: 'Biên bản', maxPoints: 10 },
  ],
};

const inForce = async (unit: 'province' | 'otherProvince', on: string): Promise<any> =>
  (await data(app, 'admin:national', `query($p: ID!, $on: LocalDate!) { criteriaSetInForce(provinceId: $p, on: $on) { ${SET_FIELDS} } }`, { p: unitGid(app, unit), on })).criteriaSetInForce;

describe('the seeded sample set', () => {
  test('province null, code MẪU-01, isSample, 10 criteria × 10 points, thresholds 90 / 70 / 50', async () => {
    const sets = (await data(app, 'member:cell', `query($p: ID!) { criteriaSets(provinceId: $p) { ${SET_FIELDS} } }`, { p: unitGid(app, 'province') })).criteriaSets;
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ code: 'MẪU-01', isSample: true, effectiveFrom: '2020-01-01', goodMin: 90, fairMin: 70, averageMin: 50, maxTotal: 100 });
    expect(sets[0].criteria.map((c: any) => c.code)).toEqual(SAMPLE_CODES);
    expect(sets[0].criteria.every((c: any) => c.maxPoints === 10)).toBe(true);
    expect(await app.sql("select province_id, is_sample from criteria_set where code = 'MẪU-01'")).toEqual([{ province_id: null, is_sample: true }]);
  });

  test('it is in force everywhere from 2020-01-01, and nothing before', async () => {
    expect((await inForce('province', '2020-01-01')).code).toBe('MẪU-01');
    expect((await inForce('otherProvince', '2026-11-01')).code).toBe('MẪU-01');
    expect(await inForce('province', '2019-12-31')).toBeNull();
  });
});

describe('a province version with an effective date', () => {
  let laiChau: CriterionRef[];
  beforeAll(async () => {
    const created = (await data(app, 'admin:province', CREATE_CRITERIA_SET, { i: { ...LAI_CHAU_2025, provinceId: unitGid(app, 'province') } })).createCriteriaSet;
    expect(created).toMatchObject({ code: '14-QĐi/TU', effectiveFrom: '2025-07-01', isSample: false, goodMin: 40, fairMin: 30, averageMin: 20, maxTotal: 50 });
    expect(created.criteria.map((c: any) => [c.code, c.maxPoints])).toEqual([['CB', 20], ['TC', 20], ['BB', 10]]);
    laiChau = await criteriaOf(app, '14-QĐi/TU');
  });

  test('criteriaSets lists the province’s versions newest first, then the sample; another province still has only the sample', async () => {
    const codes = async (unit: 'province' | 'otherProvince'): Promise<string[]> =>
      (await data(app, 'admin:national', 'query($p: ID!) { criteriaSets(provinceId: $p) { code } }', { p: unitGid(app, unit) })).criteriaSets.map((s: any) => s.code);
    expect(await codes('province')).toEqual(['14-QĐi/TU', 'MẪU-01']);
    expect(await codes('otherProvince')).toEqual(['MẪU-01']);
  });

  test('in force from its date: the sample on 30 June, the province’s set on 1 July and after; not in the other province', async () => {
    expect((await inForce('province', '2025-06-30')).code).toBe('MẪU-01');
    expect((await inForce('province', '2025-07-01')).code).toBe('14-QĐi/TU');
    expect((await inForce('province', '2026-11-24')).code).toBe('14-QĐi/TU');
    expect((await inForce('otherProvince', '2025-07-01')).code).toBe('MẪU-01');
  });

  test('a June meeting is scored under the sample, a July meeting under the new set, each against its own thresholds', async () => {
    const june = await heldMeeting(app, { on: '2025-06-03', present: [HUNG, AN] });
    const july = await heldMeeting(app, { on: '2025-07-03', present: [HUNG, AN] });
    const juneEval = (await data(app, 'organizer:commune', CREATE_EVALUATION, { i: { meetingId: june.id, scores: scores(sample, 8) } })).createMeetingEvaluation;
    expect(juneEval).toMatchObject({ criteriaSet: { code: 'MẪU-01' }, selfTotal: 80, selfRating: 'FAIR' });
    // 20 + 15 + 6 = 41 of 50: good under 14-QĐi/TU (40), although 82% would be fair under the sample.
    const julyEval = (await data(app, 'organizer:commune', CREATE_EVALUATION, { i: { meetingId: july.id, scores: scores(laiChau, [20, 15, 6]) } })).createMeetingEvaluation;
    expect(julyEval).toMatchObject({ criteriaSet: { code: '14-QĐi/TU' }, selfTotal: 41, selfRating: 'GOOD' });
    expect(julyEval.scores.map((s: any) => s.criterion.code)).toEqual(['CB', 'TC', 'BB']);
  });

  test('a criterion of the other set is BAD_USER_INPUT on its entry, both ways', async () => {
    const july = await heldMeeting(app, { on: '2025-07-04', present: [HUNG, AN] });
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, CREATE_EVALUATION,
      { i: { meetingId: july.id, scores: [{ criterionId: laiChau[0].id, points: 10 }, { criterionId: sample[0].id, points: 5 }] } },
      { code: 'BAD_USER_INPUT', field: 'input.scores.1.criterionId' });
    const june = await heldMeeting(app, { on: '2025-06-30', present: [HUNG, AN] });
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, CREATE_EVALUATION,
      { i: { meetingId: june.id, scores: [{ criterionId: laiChau[2].id, points: 5 }] } },
      { code: 'BAD_USER_INPUT', field: 'input.scores.0.criterionId' });
  });

  test('past scores keep their version: a later version changes neither the set of an existing evaluation nor what it accepts', async () => {
    const august = await heldMeeting(app, { on: '2025-08-03', present: [HUNG, AN] });
    const draft = (await data(app, 'organizer:commune', CREATE_EVALUATION, { i: { meetingId: august.id, scores: scores(laiChau, [10]) } })).createMeetingEvaluation;
    // A correction in force from 1 August, after the evaluation was started.
    await data(app, 'admin:province', CREATE_CRITERIA_SET, {
      i: { ...LAI_CHAU_2025, code: '14-QĐi/TU (sửa đổi)', effectiveFrom: '2025-08-01', criteria: [{ groupName: 'Chung', code: 'CHUNG', name: 'Đánh giá chung', maxPoints: 100 }], goodMin: 90, fairMin: 70, averageMin: 50, provinceId: unitGid(app, 'province') },
    });
    expect((await inForce('province', '2025-08-03')).code).toBe('14-QĐi/TU (sửa đổi)');
    const [corrected] = await criteriaOf(app, '14-QĐi/TU (sửa đổi)');

    const read = (await data(app, 'organizer:commune', 'query($id: ID!) { meetingEvaluation(id: $id) { criteriaSet { code maxTotal } selfTotal selfRating } }', { id: draft.id })).meetingEvaluation;
    expect(read).toEqual({ criteriaSet: { code: '14-QĐi/TU', maxTotal: 50 }, selfTotal: 10, selfRating: 'WEAK' });
    await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, UPDATE_EVALUATION,
      { i: { id: draft.id, version: draft.version, scores: [{ criterionId: corrected.id, points: 95 }] } },
      { code: 'BAD_USER_INPUT', field: 'input.scores.0.criterionId' });
    const updated = (await data(app, 'organizer:commune', UPDATE_EVALUATION, { i: { id: draft.id, version: draft.version, scores: scores(laiChau, [20, 20, 5]) } })).updateMeetingEvaluation;
    expect(updated).toMatchObject({ criteriaSet: { code: '14-QĐi/TU' }, selfTotal: 45, selfRating: 'GOOD' });
    // The earlier evaluations are untouched by the new versions.
    const sets = await app.sql<{ held_on: string; code: string }>(
      "select to_char(e.held_on, 'YYYY-MM-DD') as held_on, s.code from meeting_evaluation e join criteria_set s on s.id = e.criteria_set_id order by e.held_on");
    expect(sets).toEqual([{ held_on: '2025-06-03', code: 'MẪU-01' }, { held_on: '2025-07-03', code: '14-QĐi/TU' }, { held_on: '2025-08-03', code: '14-QĐi/TU' }]);
  });
});

describe('createCriteriaSet input', () => {
  const base = (over: Record<string, unknown>): Record<string, unknown> => ({ i: { ...LAI_CHAU_2025, effectiveFrom: '2027-01-01', provinceId: unitGid(app, 'province'), ...over } });
  const reject = (over: Record<string, unknown>, code: string, field: string): Promise<unknown> =>
    expectRejected(app, 'admin:province', EVALUATION_TABLES, CREATE_CRITERIA_SET, base(over), { code, field });

  test('no criteria, a repeated code, a maximum of 0 or with three decimals', async () => {
    await reject({ criteria: [] }, 'BAD_USER_INPUT', 'input.criteria');
    await reject({ criteria: [LAI_CHAU_2025.criteria[0], { ...LAI_CHAU_2025.criteria[1], code: 'CB' }] }, 'BAD_USER_INPUT', 'input.criteria.1.code');
    await reject({ criteria: [{ ...LAI_CHAU_2025.criteria[0], maxPoints: 0 }] }, 'BAD_USER_INPUT', 'input.criteria.0.maxPoints');
    await reject({ criteria: [LAI_CHAU_2025.criteria[0], { ...LAI_CHAU_2025.criteria[1], maxPoints: 2.125 }] }, 'BAD_USER_INPUT', 'input.criteria.1.maxPoints');
    await reject({ criteria: [{ ...LAI_CHAU_2025.criteria[0], name: '  ' }] }, 'BAD_USER_INPUT', 'input.criteria.0.name');
  });

  test('thresholds: above the set’s maximum, not descending', async () => {
    await reject({ goodMin: 51 }, 'BAD_USER_INPUT', 'input.goodMin');
    await reject({ fairMin: 40 }, 'BAD_USER_INPUT', 'input.fairMin');
    await reject({ averageMin: 30 }, 'BAD_USER_INPUT', 'input.averageMin');
    await reject({ averageMin: -1 }, 'BAD_USER_INPUT', 'input.averageMin');
  });

  test('a date the province already has a version for is a CONFLICT; a commune is not a province; an invalid date', async () => {
    await reject({ effectiveFrom: '2025-07-01' }, 'CONFLICT', 'input.effectiveFrom');
    await reject({ provinceId: unitGid(app, 'commune') }, 'BAD_USER_INPUT', 'input.provinceId');
    const result = await app.run('admin:province', CREATE_CRITERIA_SET, base({ effectiveFrom: '2027-02-30' }));
    expect(onlyError(result).code).toBe('BAD_USER_INPUT');
  });

  test('the same date in another province is fine: versions are per province', async () => {
    const created = (await data(app, 'admin:national', CREATE_CRITERIA_SET, { i: { ...LAI_CHAU_2025, provinceId: unitGid(app, 'otherProvince') } })).createCriteriaSet;
    expect(created.effectiveFrom).toBe('2025-07-01');
    expect((await inForce('otherProvince', '2025-07-01')).code).toBe('14-QĐi/TU');
  });
});
