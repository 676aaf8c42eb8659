// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): evaluations
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { AN, BINH, CUONG, data, HUNG, memberGid, PAO, unitGid, type Actor } from '../meetings/support';
import { ASSESS_FOUR_GOOD, criteriaOf, DECIDE_GRADES, evaluate, heldMeeting, pointsSumming, PROPOSE_GRADE, PUBLISH_GRADES, UPDATE_GRADING_RULES, versions } from './support';

/**
 * evaluationSummary over a subtree and period (issue #4), expected figures built by hand on the
 * small fixture:
 *
 *   2025            meeting            score                        counted as
 *   Nậm Cười        03 Jan regular     95 submitted                 GOOD
 *                   03 Feb regular     85, appraised 75             FAIR (appraised)
 *                   15 Mar thematic    60, appraised as is          AVERAGE (meetings only, not the cell's rating)
 *                   03 Apr regular     50 draft                     draft
 *                   03 May regular     no evaluation                held without evaluation
 *                   10 Jun extraord.   —                            not counted
 *                   (03 Dec 2024: 100, another year)
 *   Trường TH       03 Jan, 03 Feb     40, 30 submitted             WEAK, WEAK
 *   Lả Mường        03 Jan regular     92 submitted                 GOOD
 *   Che Căn (Điện Biên) 03 Jan         100                          other province
 *
 *   Cells' ratings (regular meetings): Nậm Cười (.95 + .75) / 2 = .85 FAIR; school .35 WEAK; Lả Mường .92 GOOD.
 *   Grades 2025: cells: Nậm Cười GOOD (published), school COMPLETED, Lả Mường NOT_COMPLETED;
 *   members: An GOOD (published), Hùng COMPLETED, Bình COMPLETED, Cường EXCELLENT, Dợ GOOD; Páo only proposed.
 *   Four-good 2025: Nậm Cười yes, school no.
 */
let app: TestApp;
const DO = 'Giàng Thị Dợ';
beforeAll(async () => {
  app = await createTestApp();
  const c = await criteriaOf(app);
  const meeting = async (unit: 'cell' | 'school' | 'otherCell' | 'otherProvinceCell', on: string, kind: 'REGULAR' | 'THEMATIC' | 'EXTRAORDINARY' = 'REGULAR'): Promise<string> =>
    (await heldMeeting(app, { unit, on, kind, present: { cell: [HUNG, AN], school: [BINH, PAO], otherCell: [CUONG, DO], otherProvinceCell: ['Lò Thị Ánh', 'Quàng Văn Đức'] }[unit] })).id;
  await evaluate(app, await meeting('cell', '2025-01-03'), { criteria: c, points: pointsSumming(95) });
  await evaluate(app, await meeting('cell', '2025-02-03'), { criteria: c, points: pointsSumming(85), appraise: { adjustments: [[8, 0]] } });
  await evaluate(app, await meeting('cell', '2025-03-15', 'THEMATIC'), { criteria: c, points: 6, appraise: { adjustments: [] } });
  await evaluate(app, await meeting('cell', '2025-04-03'), { criteria: c, points: 5, submit: false });
  await meeting('cell', '2025-05-03');
  await meeting('cell', '2025-06-10', 'EXTRAORDINARY');
  await evaluate(app, await meeting('cell', '2024-12-03'), { criteria: c, points: 10 });
  await evaluate(app, await meeting('school', '2025-01-03'), { criteria: c, points: 4 });
  await evaluate(app, await meeting('school', '2025-02-03'), { criteria: c, points: 3 });
  await evaluate(app, await meeting('otherCell', '2025-01-03'), { criteria: c, points: pointsSumming(92), as: 'organizer:province' });
  await evaluate(app, await meeting('otherProvinceCell', '2025-01-03'), { criteria: c, points: 10, as: 'admin:national' });

  await data(app, 'admin:province', UPDATE_GRADING_RULES, { i: { provinceId: unitGid(app, 'province'), version: 1, excellentMaxShareOfGood: null, excellentRequiresNoWeakMonth: true } });
  const propose = async (input: Record<string, unknown>): Promise<{ id: string; version: number }> => (await data(app, 'organizer:province', PROPOSE_GRADE, { i: { year: 2025, level: 'GOOD', ...input } })).proposeAnnualGrade;
  const cellGrade = (unit: 'cell' | 'school' | 'otherCell'): Promise<{ id: string; version: number }> => propose({ subjectKind: 'ORGANISATION', unitId: unitGid(app, unit) });
  const memberGrade = (name: string): Promise<{ id: string; version: number }> => propose({ subjectKind: 'MEMBER', memberId: memberGid(app, name) });
  const decided = (await data(app, 'organizer:province', DECIDE_GRADES, {
    i: {
      decisionRef: '40-QĐ/TU',
      decisions: [
        [await cellGrade('cell'), 'GOOD'], [await cellGrade('school'), 'COMPLETED'], [await cellGrade('otherCell'), 'NOT_COMPLETED'],
        [await memberGrade(AN), 'GOOD'], [await memberGrade(HUNG), 'COMPLETED'], [await memberGrade(BINH), 'COMPLETED'], [await memberGrade(CUONG), 'EXCELLENT'], [await memberGrade(DO), 'GOOD'],
      ].map(([g, level]) => ({ ...versions([g as { id: string; version: number }])[0], level })),
    },
  })).decideAnnualGrades;
  await memberGrade(PAO);
  await data(app, 'organizer:province', PUBLISH_GRADES, { i: { grades: versions([decided[0], decided[3]]) } });
  const fourGood = (unit: 'cell' | 'school', yes: boolean): Promise<unknown> =>
    data(app, 'organizer:commune', ASSESS_FOUR_GOOD, { i: { unitId: unitGid(app, unit), year: 2025, politicalTask: true, meetingQuality: yes, unityDiscipline: true, cadresMembers: true } });
  await fourGood('cell', true);
  await fourGood('school', false);
});
afterAll(() => app.close());

const SUMMARY = `query($u: ID!, $p: EvaluationPeriodInput!) { evaluationSummary(unitId: $u, period: $p) {
  unit { name } from to meetingRatings { rating count } evaluatedMeetings appraisedMeetings awaitingAppraisal draftEvaluations heldWithoutEvaluation
  cellRatings { rating count } cellsGoodOrBetter { counted achieved share target gap } weakCells { name }
  grades { subjectKind level count } gradeShares { subjectKind counted achieved share target gap } fourGoodAssessed fourGoodAchieved } }`;

const summary = async (as: Actor, unit: 'province' | 'commune' | 'cell' | 'otherProvince', period: Record<string, number>): Promise<any> =>
  (await data(app, as, SUMMARY, { u: unitGid(app, unit), p: period })).evaluationSummary;

const ratings = (good: number, fair: number, average: number, weak: number): unknown[] =>
  [{ rating: 'GOOD', count: good }, { rating: 'FAIR', count: fair }, { rating: 'AVERAGE', count: average }, { rating: 'WEAK', count: weak }];

/** Grade counts by kind, in the API's order (kinds, then EXCELLENT → NOT_COMPLETED). */
const gradeCounts = (counts: Partial<Record<'ORGANISATION' | 'MEMBER' | 'COMMITTEE_HEAD', [number, number, number, number]>>): unknown[] =>
  (['ORGANISATION', 'MEMBER', 'COMMITTEE_HEAD'] as const).flatMap((kind) =>
    ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'].map((level, i) => ({ subjectKind: kind, level, count: (counts[kind] ?? [0, 0, 0, 0])[i] })));

const share = (kind: string, counted: number, achieved: number, value: number | null, gap: number | null): unknown => ({ subjectKind: kind, counted, achieved, share: value, target: 0.9, gap });

const SCHOOL = 'Chi bộ Trường Tiểu học Bình Lư';

test('the province, a year: every figure', async () => {
  expect(await summary('analyst:province', 'province', { year: 2025 })).toEqual({
    unit: { name: 'Đảng bộ tỉnh Lai Châu' },
    from: '2025-01-01',
    to: '2025-12-31',
    meetingRatings: ratings(2, 1, 1, 2),
    evaluatedMeetings: 6,
    appraisedMeetings: 2,
    awaitingAppraisal: 4,
    draftEvaluations: 1,
    heldWithoutEvaluation: 1,
    cellRatings: ratings(1, 1, 0, 1),
    cellsGoodOrBetter: { counted: 3, achieved: 1, share: 0.3333, target: 0.9, gap: -0.5667 },
    weakCells: [{ name: SCHOOL }],
    grades: gradeCounts({ ORGANISATION: [0, 1, 1, 1], MEMBER: [1, 2, 2, 0] }),
    gradeShares: [share('ORGANISATION', 3, 1, 0.3333, -0.5667), share('MEMBER', 5, 3, 0.6, -0.3), share('COMMITTEE_HEAD', 0, 0, null, null)],
    fourGoodAssessed: 2,
    fourGoodAchieved: 1,
  });
});

test('the commune: Lả Mường and its members drop out', async () => {
  expect(await summary('organizer:commune', 'commune', { year: 2025 })).toMatchObject({
    meetingRatings: ratings(1, 1, 1, 2),
    evaluatedMeetings: 5,
    appraisedMeetings: 2,
    awaitingAppraisal: 3,
    draftEvaluations: 1,
    heldWithoutEvaluation: 1,
    cellRatings: ratings(0, 1, 0, 1),
    cellsGoodOrBetter: { counted: 2, achieved: 0, share: 0, target: 0.9, gap: -0.9 },
    weakCells: [{ name: SCHOOL }],
    grades: gradeCounts({ ORGANISATION: [0, 1, 1, 0], MEMBER: [0, 1, 2, 0] }),
    gradeShares: [share('ORGANISATION', 2, 1, 0.5, -0.4), share('MEMBER', 3, 1, 0.3333, -0.5667), share('COMMITTEE_HEAD', 0, 0, null, null)],
  });
});

test('a quarter and a month: only the meetings of the period (grades and four-good stay the year’s)', async () => {
  expect(await summary('analyst:province', 'province', { year: 2025, quarter: 1 })).toMatchObject({
    from: '2025-01-01', to: '2025-03-31', meetingRatings: ratings(2, 1, 1, 2), evaluatedMeetings: 6, draftEvaluations: 0, heldWithoutEvaluation: 0, cellRatings: ratings(1, 1, 0, 1), fourGoodAssessed: 2,
  });
  expect(await summary('analyst:province', 'province', { year: 2025, month: 2 })).toMatchObject({
    from: '2025-02-01', to: '2025-02-28', meetingRatings: ratings(0, 1, 0, 1), evaluatedMeetings: 2, appraisedMeetings: 1, awaitingAppraisal: 1, cellRatings: ratings(0, 1, 0, 1),
    cellsGoodOrBetter: { counted: 2, achieved: 0, share: 0, target: 0.9, gap: -0.9 }, weakCells: [{ name: SCHOOL }],
  });
  expect(await summary('analyst:province', 'province', { year: 2025, quarter: 2 })).toMatchObject({
    from: '2025-04-01', to: '2025-06-30', meetingRatings: ratings(0, 0, 0, 0), evaluatedMeetings: 0, draftEvaluations: 1, heldWithoutEvaluation: 1, cellRatings: ratings(0, 0, 0, 0),
    cellsGoodOrBetter: { counted: 0, achieved: 0, share: null, target: 0.9, gap: null }, weakCells: [],
  });
  expect((await summary('analyst:province', 'province', { year: 2024, month: 2 })).to).toBe('2024-02-29');
  expect(await summary('analyst:province', 'province', { year: 2024 })).toMatchObject({ evaluatedMeetings: 1, meetingRatings: ratings(1, 0, 0, 0), grades: gradeCounts({}), fourGoodAssessed: 0 });
});

test('another province counts its own', async () => {
  expect(await summary('admin:national', 'otherProvince', { year: 2025 })).toMatchObject({ meetingRatings: ratings(1, 0, 0, 0), evaluatedMeetings: 1, cellRatings: ratings(1, 0, 0, 0), weakCells: [], grades: gradeCounts({}) });
});

test('a member’s summary of their cell counts only published grades: a decision is not theirs to see before publication', async () => {
  // Published: the cell GOOD, An GOOD. Hùng's COMPLETED is decided, not published.
  expect((await summary('member:cell', 'cell', { year: 2025 })).grades).toEqual(gradeCounts({ ORGANISATION: [0, 1, 0, 0], MEMBER: [0, 1, 0, 0] }));
  expect((await summary('organizer:cell', 'cell', { year: 2025 })).grades).toEqual(gradeCounts({ ORGANISATION: [0, 1, 0, 0], MEMBER: [0, 1, 1, 0] }));
  expect((await summary('analyst:cell', 'cell', { year: 2025 })).grades).toEqual(gradeCounts({ ORGANISATION: [0, 1, 0, 0], MEMBER: [0, 1, 1, 0] }));
});

test('the period must be a year, a quarter 1–4 or a month 1–12, not both', async () => {
  const code = async (period: Record<string, number>): Promise<unknown> => {
    const error = onlyError(await app.run('analyst:province', SUMMARY, { u: unitGid(app, 'province'), p: period }));
    return [error.code, error.field];
  };
  expect(await code({ year: 2025, quarter: 5 })).toEqual(['BAD_USER_INPUT', 'period.quarter']);
  expect(await code({ year: 2025, quarter: 0 })).toEqual(['BAD_USER_INPUT', 'period.quarter']);
  expect(await code({ year: 2025, month: 13 })).toEqual(['BAD_USER_INPUT', 'period.month']);
  expect(await code({ year: 2025, quarter: 1, month: 2 })).toEqual(['BAD_USER_INPUT', 'period.month']);
  expect(await code({ year: 1999 })).toEqual(['BAD_USER_INPUT', 'period.year']);
});
