import { createTestApp, type TestApp } from '../support/test-app';
import { AN, data, HUNG, unitGid } from '../meetings/support';
import { CREATE_CRITERIA_SET, criteriaOf, heldMeeting, type CriterionRef } from './support';

// Lean documents: the property reads the database, not the answers.
const CREATE_EVALUATION = 'mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id version selfTotal selfRating } }';
const UPDATE_EVALUATION = 'mutation($i: UpdateMeetingEvaluationInput!) { updateMeetingEvaluation(input: $i) { id version } }';
const SUBMIT_EVALUATION = 'mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { id version } }';
const APPRAISE_EVALUATION = 'mutation($i: AppraiseMeetingEvaluationInput!) { appraiseMeetingEvaluation(input: $i) { id version } }';
const REOPEN_EVALUATION = 'mutation($i: ReopenMeetingEvaluationInput!) { reopenMeetingEvaluation(input: $i) { id } }';

/**
 * Totals and ratings are derived in one place (src/services/evaluations/scoring.ts). Property: for
 * random point vectors, partial updates, appraisals with random adjustments and reopenings, every
 * stored self_total / self_rating / appraised_total / appraised_rating equals a recomputation in SQL
 * from the meeting_evaluation_score rows and the thresholds of the evaluation's own criteria set.
 * The generator is seeded: a failure names its seed.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** mulberry32: a small deterministic generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stored figures that differ from the SQL recomputation: must be none. */
const MISMATCHES = `
with sums as (
  select e.id, e.state, e.self_total, e.self_rating, e.appraised_total, e.appraised_rating, cs.good_min, cs.fair_min, cs.average_min,
         coalesce(sum(s.self_points), 0) as self_sum,
         coalesce(sum(coalesce(s.appraised_points, s.self_points)), 0) as appraised_sum
    from meeting_evaluation e join criteria_set cs on cs.id = e.criteria_set_id
    left join meeting_evaluation_score s on s.evaluation_id = e.id
   group by e.id, cs.id
), expected as (
  select *, case when self_sum >= good_min then 'GOOD' when self_sum >= fair_min then 'FAIR' when self_sum >= average_min then 'AVERAGE' else 'WEAK' end as self_expected,
         case when state <> 'APPRAISED' then null
              when appraised_sum >= good_min then 'GOOD' when appraised_sum >= fair_min then 'FAIR' when appraised_sum >= average_min then 'AVERAGE' else 'WEAK' end as appraised_expected
    from sums
)
select id, state, self_total::text, self_sum::text, self_rating, self_expected, appraised_total::text, appraised_sum::text, appraised_rating, appraised_expected
  from expected
 where self_total <> self_sum or self_rating <> self_expected
    or appraised_total is distinct from (case when state = 'APPRAISED' then appraised_sum end)
    or appraised_rating is distinct from appraised_expected`;

test.each([[20261124, 2022], [4242, 2023]])('seed %i: stored totals and ratings equal the SQL recomputation from the scores', async (seed, year) => {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const sample = await criteriaOf(app);
  // A set with uneven maxima and thresholds that are not round, in force from a year of its own per seed.
  await data(app, 'admin:province', CREATE_CRITERIA_SET, {
    i: {
      provinceId: unitGid(app, 'province'), code: `P-${seed}`, title: `Bộ tiêu chí thử ${seed}`, effectiveFrom: `${year}-01-01`, goodMin: 33.33, fairMin: 25.5, averageMin: 12.75,
      criteria: [12.5, 7.25, 0.5, 10, 3.33].map((maxPoints, i) => ({ groupName: 'Nhóm', code: `C${i}`, name: `Tiêu chí ${i}`, maxPoints })),
    },
  });
  const uneven = await criteriaOf(app, `P-${seed}`);
  // The sample is in force in 2020, before any province set; the uneven set in its year.
  const sets: Array<{ criteria: CriterionRef[]; on: (i: number) => string }> = [
    { criteria: sample, on: (i) => `2020-${String((i % 12) + 1).padStart(2, '0')}-03` },
    { criteria: uneven, on: (i) => `${year}-${String((i % 12) + 1).padStart(2, '0')}-03` },
  ];
  const points = (max: number): number => {
    const r = random();
    if (r < 0.15) return 0;
    if (r < 0.3) return max;
    return Math.round(random() * max * 100) / 100;
  };

  for (let i = 0; i < 12; i += 1) {
    const set = sets[i % 2];
    const meeting = await heldMeeting(app, { on: set.on(i), present: [HUNG, AN] });
    const vector = set.criteria.map((c) => ({ criterionId: c.id, points: points(c.maxPoints) }));
    // Sometimes a partial first save, completed by an update that also rewrites some points.
    const split = random() < 0.5 ? Math.floor(random() * vector.length) : vector.length;
    let e = (await data(app, 'organizer:commune', CREATE_EVALUATION, { i: { meetingId: meeting.id, scores: vector.slice(0, split), votes: { for: 2, against: 0, abstain: 0 } } })).createMeetingEvaluation;
    if (split < vector.length || random() < 0.3) {
      const rest = [...vector.slice(split), ...set.criteria.filter(() => random() < 0.3).map((c) => ({ criterionId: c.id, points: points(c.maxPoints) }))];
      const unique = [...new Map(rest.map((r) => [r.criterionId, r])).values()];
      e = (await data(app, 'organizer:commune', UPDATE_EVALUATION, { i: { id: e.id, version: e.version, scores: unique } })).updateMeetingEvaluation;
    }
    const outcome = pick(['draft', 'submitted', 'appraised', 'appraised', 'reopened'] as const);
    if (outcome === 'draft') continue;
    e = (await data(app, 'organizer:commune', SUBMIT_EVALUATION, { id: e.id, v: e.version })).submitMeetingEvaluation;
    if (outcome === 'submitted') continue;
    const adjustments = set.criteria.filter(() => random() < 0.4).map((c) => ({ criterionId: c.id, points: points(c.maxPoints), comment: 'Điều chỉnh' }));
    e = (await data(app, 'organizer:province', APPRAISE_EVALUATION, { i: { id: e.id, version: e.version, adjustments } })).appraiseMeetingEvaluation;
    if (outcome === 'reopened') await data(app, 'organizer:province', REOPEN_EVALUATION, { i: { id: e.id, version: e.version, reason: 'Thẩm định lại' } });
  }

  expect(await app.sql(MISMATCHES)).toEqual([]);
  const [{ n, appraised }] = await app.sql<{ n: number; appraised: number }>("select count(*)::int as n, count(*) filter (where state = 'APPRAISED')::int as appraised from meeting_evaluation");
  expect(n).toBeGreaterThanOrEqual(12);
  expect(appraised).toBeGreaterThan(0);
});

test('totals at the thresholds and sums of cents: exact, not floating', async () => {
  const sample = await criteriaOf(app);
  const cases: Array<[number[], number, string]> = [
    [[10, 10, 10, 10, 10, 10, 10, 10, 10, 0], 90, 'GOOD'],
    [[10, 10, 10, 10, 10, 10, 10, 10, 9.99, 0], 89.99, 'FAIR'],
    [[10, 10, 10, 10, 10, 10, 10, 0, 0, 0], 70, 'FAIR'],
    [[10, 10, 10, 10, 9.99, 0, 0, 0, 0, 0], 49.99, 'WEAK'],
    [[10, 10, 10, 10, 10, 0, 0, 0, 0, 0], 50, 'AVERAGE'],
    // 0.1 + 0.2 in floating point is 0.30000000000000004.
    [[0.1, 0.2, 0, 0, 0, 0, 0, 0, 0, 0], 0.3, 'WEAK'],
    [[9.97, 9.98, 9.99, 9.01, 9.02, 9.03, 9.04, 8.96, 8.01, 7.99], 91, 'GOOD'],
  ];
  for (const [i, [vector, total, rating]] of cases.entries()) {
    const meeting = await heldMeeting(app, { on: `2021-${String(i + 1).padStart(2, '0')}-03`, present: [HUNG, AN] });
    const created = (await data(app, 'organizer:commune', CREATE_EVALUATION, { i: { meetingId: meeting.id, scores: vector.map((p, k) => ({ criterionId: sample[k].id, points: p })) } })).createMeetingEvaluation;
    expect([created.selfTotal, created.selfRating]).toEqual([total, rating]);
  }
  expect(await app.sql(MISMATCHES)).toEqual([]);
});
