// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): statistics rollups and their triggers
import { criteriaOf, evaluate, heldMeeting, pointsSumming } from '../evaluations/support';
import { AN, BINH, CUONG, HUNG, PAO } from '../meetings/support';
import { gid } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { startedInspection } from '../inspections/support';

/**
 * The statistics and the reports that came before them agree on the same data: meeting
 * compliance (issue #3), the evaluation summary (issue #4) and inspection coverage (issue #5)
 * compute their figures from the base tables on every request; the statistics read rollups.
 */
let app: TestApp;
const DO = 'Giàng Thị Dợ';
beforeAll(async () => {
  app = await createTestApp();
  const criteria = await criteriaOf(app);
  const cellMembers = { cell: [HUNG, AN], school: [BINH, PAO], otherCell: [CUONG, DO] } as const;
  const plan: Array<[keyof typeof cellMembers, string, 'REGULAR' | 'THEMATIC', number, number]> = [
    // unit, day, kind, present of the two, points
    ['cell', '2025-01-03', 'REGULAR', 2, 95], ['cell', '2025-02-12', 'REGULAR', 1, 80], ['cell', '2025-02-03', 'REGULAR', 2, 70],
    ['cell', '2025-03-15', 'THEMATIC', 2, 60], ['cell', '2025-04-03', 'REGULAR', 1, 50], ['cell', '2025-05-20', 'REGULAR', 2, 92],
    ['school', '2025-01-04', 'REGULAR', 2, 40], ['school', '2025-02-03', 'REGULAR', 0, 30], ['school', '2025-04-10', 'THEMATIC', 2, 90],
    ['school', '2025-05-13', 'THEMATIC', 1, 88], ['otherCell', '2025-01-03', 'REGULAR', 2, 99], ['otherCell', '2025-07-03', 'REGULAR', 2, 91],
  ];
  for (const [unit, on, kind, present, points] of plan) {
    const [first, second] = cellMembers[unit];
    const meeting = await heldMeeting(app, { unit, on, kind, present: present === 2 ? [first, second] : present === 1 ? [first] : [], absent: present === 2 ? [] : present === 1 ? [second] : [first, second] });
    if (present === 0) continue;
    await evaluate(app, meeting.id, {
      as: unit === 'otherCell' ? 'organizer:province' : 'organizer:commune', criteria, points: pointsSumming(points), votes: { for: present, against: 0, abstain: 0 },
      appraise: points > 90 ? { as: 'organizer:province', adjustments: [] } : undefined,
    });
  }
  await startedInspection(app);
  await app.refreshStatistics();
}, 120_000);
afterAll(() => app.close());

const province = (): string => gid('OrgUnit', app.fixture.units.province.id);

test.each([{ year: 2025 }, { year: 2025, quarter: 1 }, { year: 2025, month: 2 }])('meeting compliance of %o: the same counts and rates', async (period) => {
  const answer = await app.run('analyst:province', `query($u: ID!, $p: CompliancePeriodInput!, $s: StatisticsPeriodInput!) {
    meetingCompliance(unitId: $u, period: $p) { summary { cells regularExpected regularHeld regularInWindow lowAttendance attendanceRate thematicExpected thematicHeld } }
    statistics(unitId: $u, period: $s) { meetings { cells compliance { regularExpected regularHeld regularInWindow lowAttendance attendanceRate thematicExpected thematicMet } } } }`,
  { u: province(), p: period, s: period });
  expect(answer.errors).toBeUndefined();
  const { summary } = answer.data?.meetingCompliance as any;
  const { meetings } = answer.data?.statistics as any;
  expect(meetings.cells).toBe(summary.cells);
  expect(meetings.compliance).toEqual({
    regularExpected: summary.regularExpected, regularHeld: summary.regularHeld, regularInWindow: summary.regularInWindow, lowAttendance: summary.lowAttendance,
    attendanceRate: summary.attendanceRate, thematicExpected: summary.thematicExpected, thematicMet: summary.thematicHeld,
  });
  expect(meetings.compliance.regularHeld).toBeGreaterThan(0);
});

test.each([{ year: 2025 }, { year: 2025, quarter: 1 }, { year: 2025, quarter: 2 }, { year: 2025, month: 1 }])('the evaluation summary of %o: the same ratings', async (period) => {
  const answer = await app.run('analyst:province', `query($u: ID!, $p: EvaluationPeriodInput!, $s: StatisticsPeriodInput!) {
    evaluationSummary(unitId: $u, period: $p) { meetingRatings { rating count } evaluatedMeetings appraisedMeetings awaitingAppraisal draftEvaluations heldWithoutEvaluation cellRatings { rating count } }
    statistics(unitId: $u, period: $s) { evaluations { meetingRatings { rating count } evaluatedMeetings appraisedMeetings awaitingAppraisal draftEvaluations heldWithoutEvaluation cellRatings { rating count } } } }`,
  { u: province(), p: period, s: period });
  expect(answer.errors).toBeUndefined();
  expect((answer.data?.statistics as any).evaluations).toEqual(answer.data?.evaluationSummary);
  expect((answer.data?.evaluationSummary as any).evaluatedMeetings).toBeGreaterThan(0);
});

test('inspection coverage of the year: the same cells', async () => {
  const answer = await app.run('inspector:province', `query($u: ID!) {
    inspectionCoverage(unitId: $u, year: 2026) { cellCount inspectedCellCount supervisedCellCount coveredCellCount coverageRate meetsRequirement }
    statistics(unitId: $u, period: { year: 2026 }) { oversight { cells inspectedCells supervisedCells coveredCells coverageRate meetsRequirement } } }`, { u: province() });
  expect(answer.errors).toBeUndefined();
  const c = answer.data?.inspectionCoverage as any;
  const o = (answer.data?.statistics as any).oversight;
  expect(o).toEqual({ cells: c.cellCount, inspectedCells: c.inspectedCellCount, supervisedCells: c.supervisedCellCount, coveredCells: c.coveredCellCount, coverageRate: Math.round(c.coverageRate * 10000) / 10000, meetsRequirement: c.meetsRequirement });
  expect(o.inspectedCells).toBe(1);
});
