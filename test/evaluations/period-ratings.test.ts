import { createTestApp, type TestApp } from '../support/test-app';
import { AN, BINH, data, HUNG, PAO, unitGid } from '../meetings/support';
import { CREATE_CRITERIA_SET, criteriaOf, evaluate, heldMeeting, pointsSumming } from './support';

/**
 * A cell's meeting ratings per month, quarter and year (issue #4), computed by hand: the average of
 * each submitted regular meeting's score as a share of its set's maximum (appraised score where
 * appraised), rated against the thresholds of the period's latest set, as shares. Drafts and
 * thematic meetings do not count.
 *
 *   Nậm Cười 2025   score          share   month rating
 *   03 Jan          90             .90     GOOD
 *   03 Feb          85 → 80 appr.  .80     FAIR
 *   03 Mar          60             .60  ┐
 *   20 Mar          80             .80  ┘  .70 FAIR (exactly the fair threshold)
 *   03 Apr          100, draft     —       none
 *   03 May          40             .40     WEAK (sample: average from .50)
 *   20 May          100, thematic  —       (not counted)
 *   — from 1 July the province's set: 50 points, thresholds 40 / 30 / 20 (.80 / .60 / .40) —
 *   03 Jul          46 of 50       .92     GOOD
 *   03 Aug          20 of 50       .40     AVERAGE (exactly the average threshold)
 *
 *   Q1 (.90 + .80 + .60 + .80) / 4 = .775 FAIR;  Q2 .40 WEAK;  Q3 (.92 + .40) / 2 = .66 FAIR;  Q4 none
 *   Year 4.82 / 7 = .688571… → .6886, FAIR against the latest set (.60); it would be AVERAGE under the sample's .70.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  const sample = await criteriaOf(app);
  const cell = async (on: string, total: number, options: { kind?: 'THEMATIC'; submit?: false; appraiseTo?: number } = {}): Promise<void> => {
    const m = await heldMeeting(app, { on, kind: options.kind ?? 'REGULAR', present: [HUNG, AN] });
    const points = pointsSumming(total);
    const appraise = options.appraiseTo === undefined ? undefined : { adjustments: [[0, points[0] - (total - options.appraiseTo)] as const] };
    await evaluate(app, m.id, { criteria: sample, points, submit: options.submit, appraise });
  };
  await cell('2025-01-03', 90);
  await cell('2025-02-03', 85, { appraiseTo: 80 });
  await cell('2025-03-03', 60);
  await cell('2025-03-20', 80);
  await cell('2025-04-03', 100, { submit: false });
  await cell('2025-05-03', 40);
  await cell('2025-05-20', 100, { kind: 'THEMATIC' });
  await data(app, 'admin:province', CREATE_CRITERIA_SET, {
    i: {
      provinceId: unitGid(app, 'province'), code: 'LC-2025', title: 'Bộ tiêu chí Lai Châu 2025', effectiveFrom: '2025-07-01', goodMin: 40, fairMin: 30, averageMin: 20,
      criteria: ['A', 'B', 'C', 'D', 'E'].map((code) => ({ groupName: 'Chung', code, name: `Tiêu chí ${code}`, maxPoints: 10 })),
    },
  });
  const laiChau = await criteriaOf(app, 'LC-2025');
  await evaluate(app, (await heldMeeting(app, { on: '2025-07-03', present: [HUNG, AN] })).id, { criteria: laiChau, points: [10, 10, 10, 10, 6] });
  await evaluate(app, (await heldMeeting(app, { on: '2025-08-03', present: [HUNG, AN] })).id, { criteria: laiChau, points: [10, 10, 0, 0, 0] });
  // The school's only scored meeting, in January: its figures stay its own.
  await evaluate(app, (await heldMeeting(app, { unit: 'school', on: '2025-01-03', present: [BINH, PAO] })).id, { criteria: sample, points: 10 });
});
afterAll(() => app.close());

const PERIOD = 'year quarter month evaluatedMeetings appraisedMeetings averageShare rating';
const RATINGS = `query($c: ID!, $s: ID!, $y: Int!) {
  cell: orgUnit(id: $c) { meetingRatings(year: $y) { year { ${PERIOD} } quarters { ${PERIOD} } months { ${PERIOD} } } }
  school: orgUnit(id: $s) { meetingRatings(year: $y) { year { ${PERIOD} } quarters { ${PERIOD} } months { ${PERIOD} } } }
}`;

interface Figures { evaluatedMeetings: number; appraisedMeetings: number; averageShare: number | null; rating: string | null }
const none: Figures = { evaluatedMeetings: 0, appraisedMeetings: 0, averageShare: null, rating: null };
const month = (m: number, values: Partial<Figures> = none): Record<string, unknown> => ({ year: 2025, quarter: null, month: m, ...none, ...values });
const quarter = (q: number, values: Partial<Figures> = none): Record<string, unknown> => ({ year: 2025, quarter: q, month: null, ...none, ...values });

test('by month: each month’s regular meetings, drafts and thematic meetings left out', async () => {
  const result = await data(app, 'organizer:commune', RATINGS, { c: unitGid(app, 'cell'), s: unitGid(app, 'school'), y: 2025 });
  expect(result.cell.meetingRatings.months).toEqual([
    month(1, { evaluatedMeetings: 1, averageShare: 0.9, rating: 'GOOD' }),
    month(2, { evaluatedMeetings: 1, appraisedMeetings: 1, averageShare: 0.8, rating: 'FAIR' }),
    month(3, { evaluatedMeetings: 2, averageShare: 0.7, rating: 'FAIR' }),
    month(4),
    month(5, { evaluatedMeetings: 1, averageShare: 0.4, rating: 'WEAK' }),
    month(6),
    month(7, { evaluatedMeetings: 1, averageShare: 0.92, rating: 'GOOD' }),
    month(8, { evaluatedMeetings: 1, averageShare: 0.4, rating: 'AVERAGE' }),
    month(9),
    month(10),
    month(11),
    month(12),
  ]);
});

test('by quarter and year: averages over the meetings, rated against the period’s latest set', async () => {
  const result = await data(app, 'inspector:province', RATINGS, { c: unitGid(app, 'cell'), s: unitGid(app, 'school'), y: 2025 });
  expect(result.cell.meetingRatings.quarters).toEqual([
    quarter(1, { evaluatedMeetings: 4, appraisedMeetings: 1, averageShare: 0.775, rating: 'FAIR' }),
    quarter(2, { evaluatedMeetings: 1, averageShare: 0.4, rating: 'WEAK' }),
    quarter(3, { evaluatedMeetings: 2, averageShare: 0.66, rating: 'FAIR' }),
    quarter(4),
  ]);
  expect(result.cell.meetingRatings.year).toEqual({ year: 2025, quarter: null, month: null, evaluatedMeetings: 7, appraisedMeetings: 1, averageShare: 0.6886, rating: 'FAIR' });
});

test('another cell in the same request keeps its own figures; a year without meetings has none', async () => {
  const result = await data(app, 'analyst:province', RATINGS, { c: unitGid(app, 'cell'), s: unitGid(app, 'school'), y: 2025 });
  expect(result.school.meetingRatings.year).toEqual({ year: 2025, quarter: null, month: null, evaluatedMeetings: 1, appraisedMeetings: 0, averageShare: 1, rating: 'GOOD' });
  expect(result.school.meetingRatings.months[0]).toEqual(month(1, { evaluatedMeetings: 1, averageShare: 1, rating: 'GOOD' }));
  expect(result.school.meetingRatings.months.slice(1)).toEqual(Array.from({ length: 11 }, (_, i) => month(i + 2)));
  expect(result.cell.meetingRatings.year.averageShare).toBe(0.6886);

  const empty = await data(app, 'organizer:commune', RATINGS, { c: unitGid(app, 'cell'), s: unitGid(app, 'school'), y: 2024 });
  expect(empty.cell.meetingRatings.year).toEqual({ year: 2024, quarter: null, month: null, ...none });
  expect(empty.cell.meetingRatings.months.every((m: any) => m.evaluatedMeetings === 0 && m.rating === null)).toBe(true);
});

test('a reopened appraisal counts the self-assessed score again until it is appraised anew', async () => {
  const [{ id }] = await app.sql<{ id: number }>("select id from meeting_evaluation where held_on = '2025-02-03'");
  const gid = Buffer.from(`MeetingEvaluation:${id}`).toString('base64url');
  const { version } = (await data(app, 'organizer:commune', 'query($id: ID!) { meetingEvaluation(id: $id) { version } }', { id: gid })).meetingEvaluation;
  await data(app, 'organizer:commune', 'mutation($i: ReopenMeetingEvaluationInput!) { reopenMeetingEvaluation(input: $i) { state } }', { i: { id: gid, version, reason: 'Thẩm định lại' } });
  const result = await data(app, 'organizer:commune', RATINGS, { c: unitGid(app, 'cell'), s: unitGid(app, 'school'), y: 2025 });
  expect(result.cell.meetingRatings.months[1]).toEqual(month(2, { evaluatedMeetings: 1, averageShare: 0.85, rating: 'FAIR' }));
  // Q1: (.90 + .85 + .60 + .80) / 4 = .7875
  expect(result.cell.meetingRatings.quarters[0]).toEqual(quarter(1, { evaluatedMeetings: 4, averageShare: 0.7875, rating: 'FAIR' }));
});
