import { toGlobalId } from '../../src/services/global-id';
import { ASSESS_FOUR_GOOD, CREATE_CRITERIA_SET, UPDATE_GRADING_RULES, CREATE_EVALUATION, criteriaOf, DECIDE_GRADES, heldMeeting, PROPOSE_GRADE, scores, type CriterionRef } from '../evaluations/support';
import { AN, BINH, CUONG, HUNG, MAI, memberDbId, memberGid, PAO, unitGid } from '../meetings/support';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectHeld, race } from './support';

/**
 * Evaluation rules under concurrency (issue #16, decision 39): each racing pair runs ROUNDS times
 * on fresh subjects, and the rule must hold after every round, with the loser answering the same
 * typed error as when the two calls come one after the other.
 */
let app: TestApp;
let sample: CriterionRef[];
beforeAll(async () => {
  app = await createTestApp();
  sample = await criteriaOf(app);
});
afterAll(() => app.close());

/** Bình Lư's two cells: their members' grades are one group for the cap. */
const GROUP = [HUNG, MAI, AN, BINH, PAO];

test('the cap on excellent (20% of good or better): two decisions each raising one grade to EXCELLENT, one wins', async () => {
  const report = await race(
    app,
    async (round) => {
      // A fresh year per round: five members already decided GOOD, so one excellent is 20% and two are 40%.
      const year = 2000 + round;
      const ids: number[] = [];
      for (const name of GROUP) {
        const member = app.fixture.members[name];
        const unit = app.fixture.units[member.unit];
        const [{ id }] = await app.sql<{ id: number }>(
          `insert into annual_grade (province_id, year, subject_kind, unit_id, unit_path, member_id, state, proposed_level, decided_level, decision_ref, decided_at)
           values (?, ?, 'MEMBER', ?, ?, ?, 'DECIDED', 'GOOD', 'GOOD', '1-QĐ/ĐU', now()) returning id`,
          [app.fixture.units.province.id, year, unit.id, unit.path, member.id],
        );
        ids.push(id);
      }
      return { year, ids };
    },
    ({ ids }) => {
      const raise = (id: number) => ({ i: { decisionRef: '2-QĐ/ĐU', decisions: [{ id: toGlobalId('AnnualGrade', id), version: 1, level: 'EXCELLENT' }] } });
      return [
        { as: 'organizer:province', query: DECIDE_GRADES, variables: raise(ids[0]) },
        { as: 'organizer:province', query: DECIDE_GRADES, variables: raise(ids[1]) },
      ];
    },
    async ({ year }, outcomes) => {
      const [{ n }] = await app.sql<{ n: number }>("select count(*)::int as n from annual_grade where year = ? and decided_level = 'EXCELLENT'", [year]);
      const loser = outcomes.find((o) => !o.ok);
      return n <= 1 && (!loser || loser.result.errors?.[0].extensions?.constraint === 'EXCELLENT_SHARE_OF_GOOD' || loser.retryable);
    },
  );
  expectHeld(report);
});

test('one grade per subject and year: two first proposals at once, one CONFLICT (input.version)', async () => {
  const report = await race(
    app,
    async () => {
      // Undone each round: Cường (outside the group above) has no grade for the year yet.
      await app.sql('delete from annual_grade where member_id = ?', [memberDbId(app, CUONG)]);
      return 2025;
    },
    (year) => {
      const propose = { i: { subjectKind: 'MEMBER', memberId: memberGid(app, CUONG), year, level: 'GOOD' } };
      return [
        { as: 'organizer:province', query: PROPOSE_GRADE, variables: propose },
        { as: 'organizer:province', query: PROPOSE_GRADE, variables: propose },
      ];
    },
    async (year, outcomes) => {
      const [{ n }] = await app.sql<{ n: number }>("select count(*)::int as n from annual_grade where year = ? and member_id = ? and state = 'PROPOSED'", [year, memberDbId(app, CUONG)]);
      return n === 1 && outcomes.filter((o) => o.ok).length === 1 && outcomes.every((o) => o.ok || o.field === 'input.version');
    },
  );
  expectHeld(report);
});

test('one evaluation per meeting: two creations at once, one CONFLICT (input.meetingId)', async () => {
  const report = await race(
    app,
    async (round) => heldMeeting(app, { on: `2024-${String((round % 12) + 1).padStart(2, '0')}-${String(Math.floor(round / 12) + 3).padStart(2, '0')}`, present: [HUNG, AN] }),
    (meeting) => {
      const create = { i: { meetingId: meeting.id, scores: scores(sample, 8) } };
      return [
        { as: 'organizer:commune', query: CREATE_EVALUATION, variables: create },
        { as: 'organizer:commune', query: CREATE_EVALUATION, variables: create },
      ];
    },
    async (meeting, outcomes) => {
      const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from meeting_evaluation where meeting_id = ?', [meeting.dbId]);
      return n === 1 && outcomes.filter((o) => o.ok).length === 1 && outcomes.every((o) => o.ok || o.field === 'input.meetingId');
    },
  );
  expectHeld(report);
});

test('one four-good assessment per unit and year: two first assessments at once, one CONFLICT (input.version)', async () => {
  const report = await race(
    app,
    async () => {
      await app.sql('delete from four_good_assessment where unit_id = ?', [app.fixture.units.cell.id]);
      return 2025;
    },
    (year) => {
      const assess = (politicalTask: boolean) => ({ i: { unitId: unitGid(app, 'cell'), year, politicalTask, meetingQuality: true, unityDiscipline: true, cadresMembers: true } });
      return [
        { as: 'organizer:commune', query: ASSESS_FOUR_GOOD, variables: assess(true) },
        { as: 'organizer:commune', query: ASSESS_FOUR_GOOD, variables: assess(false) },
      ];
    },
    async (year, outcomes) => {
      const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from four_good_assessment where unit_id = ? and year = ?', [app.fixture.units.cell.id, year]);
      return n === 1 && outcomes.filter((o) => o.ok).length === 1 && outcomes.every((o) => o.ok || o.field === 'input.version');
    },
  );
  expectHeld(report);
});

test("one criteria set per province and start date: two at once, one CONFLICT (input.effectiveFrom)", async () => {
  const report = await race(
    app,
    async (round) => `2019-${String((round % 12) + 1).padStart(2, '0')}-${String(Math.floor(round / 12) + 1).padStart(2, '0')}`,
    (effectiveFrom) => {
      const set = (code: string) => ({
        i: { provinceId: unitGid(app, 'province'), code, title: 'Quy định chấm điểm', effectiveFrom, goodMin: 40, fairMin: 30, averageMin: 20,
          criteria: [{ groupName: 'Chung', code: 'CHUNG', name: 'Đánh giá chung', maxPoints: 50 }] },
      });
      return [
        { as: 'admin:province', query: CREATE_CRITERIA_SET, variables: set(`A-${effectiveFrom}`) },
        { as: 'admin:province', query: CREATE_CRITERIA_SET, variables: set(`B-${effectiveFrom}`) },
      ];
    },
    async (effectiveFrom, outcomes) => {
      const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from criteria_set where province_id = ? and effective_from = ?', [app.fixture.units.province.id, effectiveFrom]);
      return n === 1 && outcomes.filter((o) => o.ok).length === 1 && outcomes.every((o) => o.ok || o.field === 'input.effectiveFrom');
    },
  );
  expectHeld(report);
});

test("a province's grading rules: two first changes at once (both creating its own row), one CONFLICT (version)", async () => {
  const province = app.fixture.units.otherProvince.id;
  const report = await race(
    app,
    // Undone each round: the province follows the national rules again (version 1 of those).
    async () => {
      await app.sql('delete from grading_rules where province_id = ?', [province]);
      const [{ version }] = await app.sql<{ version: number }>('select version from grading_rules where province_id is null');
      return version;
    },
    (version) => {
      const update = (cap: number) => ({ i: { provinceId: unitGid(app, 'otherProvince'), version, excellentMaxShareOfGood: cap, excellentRequiresNoWeakMonth: true } });
      return [
        { as: 'admin:national', query: UPDATE_GRADING_RULES, variables: update(0.25) },
        { as: 'admin:national', query: UPDATE_GRADING_RULES, variables: update(0.3) },
      ];
    },
    async (_, outcomes) =>
      (await app.sql<{ n: number }>('select count(*)::int as n from grading_rules where province_id = ?', [province]))[0].n === 1 && outcomes.every((o) => o.ok || o.field === 'version'),
  );
  expectHeld(report);
});
