import { createTestApp, type TestApp } from '../support/test-app';
import { AN, BINH, CUONG, data, HUNG, MAI, memberGid, PAO, unitGid, type Actor } from '../meetings/support';
import { expectRejected } from '../validation/support';
import {
  APPRAISE_EVALUATION,
  criteriaOf,
  DECIDE_GRADES,
  evaluate,
  EVALUATION_TABLES,
  extensionsOf,
  heldMeeting,
  pointsSumming,
  PROPOSE_GRADE,
  UPDATE_GRADING_RULES,
  type CriterionRef,
} from './support';

/**
 * The configurable constraints checked when the committee decides (issue #4): a cap on "excellent"
 * among those graded good or better in a group (default 20%), and no weak month for an excellent
 * cell. A breach is a CONFLICT naming the constraint in `extensions.constraint`, and rejects the
 * whole batch with nothing written.
 */
let app: TestApp;
let criteria: CriterionRef[];
beforeAll(async () => {
  app = await createTestApp();
  criteria = await criteriaOf(app);
});
afterAll(() => app.close());

type Grade = { id: string; version: number };
const DO = 'Giàng Thị Dợ';

async function proposeMember(name: string, year: number, as: Actor = 'organizer:province'): Promise<Grade> {
  return (await data(app, as, PROPOSE_GRADE, { i: { subjectKind: 'MEMBER', memberId: memberGid(app, name), year, level: 'GOOD' } })).proposeAnnualGrade;
}
async function proposeCell(unit: 'cell' | 'school' | 'otherCell', year: number): Promise<Grade> {
  return (await data(app, 'organizer:province', PROPOSE_GRADE, { i: { subjectKind: 'ORGANISATION', unitId: unitGid(app, unit), year, level: 'GOOD' } })).proposeAnnualGrade;
}
const decisions = (entries: ReadonlyArray<[Grade, string]>): Record<string, unknown> => ({ i: { decisionRef: '21-QĐ/ĐU', decisions: entries.map(([g, level]) => ({ id: g.id, version: g.version, level })) } });

/** Decides and keeps the new versions in the grades given. */
async function decide(entries: ReadonlyArray<[Grade, string]>, as: Actor = 'organizer:province'): Promise<string[]> {
  const decided = (await data(app, as, DECIDE_GRADES, decisions(entries))).decideAnnualGrades as Array<Grade & { decidedLevel: string }>;
  decided.forEach((d, i) => Object.assign(entries[i][0], { version: d.version }));
  return decided.map((d) => d.decidedLevel);
}

async function breach(entries: ReadonlyArray<[Grade, string]>, as: Actor = 'organizer:province'): Promise<Record<string, unknown>> {
  const result = await expectRejected(app, as, EVALUATION_TABLES, DECIDE_GRADES, decisions(entries), { code: 'CONFLICT', field: 'input.decisions' });
  return extensionsOf(result);
}

async function setRules(cap: number | null, noWeakMonth: boolean, province: 'province' | 'otherProvince' = 'province'): Promise<unknown> {
  const { version } = (await data(app, 'admin:national', 'query($p: ID!) { gradingRules(provinceId: $p) { version } }', { p: unitGid(app, province) })).gradingRules;
  return (await data(app, 'admin:national', UPDATE_GRADING_RULES, { i: { provinceId: unitGid(app, province), version, excellentMaxShareOfGood: cap, excellentRequiresNoWeakMonth: noWeakMonth } })).updateGradingRules;
}

describe('the cap on excellent among good or better (default 20%), per group of one kind, year and parent', () => {
  const g: Record<string, Grade> = {};
  beforeAll(async () => {
    // The members of Bình Lư's two cells form one group; Phong Thổ's another.
    for (const name of [HUNG, MAI, AN, BINH, PAO, CUONG, DO]) g[name] = await proposeMember(name, 2026);
  });

  test('the default rules', async () => {
    const rules = (await data(app, 'member:cell', 'query($p: ID!) { gradingRules(provinceId: $p) { excellentMaxShareOfGood excellentRequiresNoWeakMonth version } }', { p: unitGid(app, 'province') })).gradingRules;
    expect(rules).toEqual({ excellentMaxShareOfGood: 0.2, excellentRequiresNoWeakMonth: true, version: 1 });
  });

  test('one excellent alone is 100% of those graded good or better: refused', async () => {
    expect(await breach([[g[HUNG], 'EXCELLENT']])).toMatchObject({ code: 'CONFLICT', constraint: 'EXCELLENT_SHARE_OF_GOOD', limit: 0.2, actual: 1 });
  });

  test('one excellent among five good or better is exactly 20%: allowed, the batch checked as a whole', async () => {
    expect(await decide([[g[HUNG], 'EXCELLENT'], [g[MAI], 'GOOD'], [g[AN], 'GOOD'], [g[BINH], 'GOOD'], [g[PAO], 'GOOD']])).toEqual(['EXCELLENT', 'GOOD', 'GOOD', 'GOOD', 'GOOD']);
  });

  test('a second excellent (40%) is refused, counting the grades decided earlier; so is lowering a good one to completed (25%)', async () => {
    expect(await breach([[g[AN], 'EXCELLENT']])).toMatchObject({ constraint: 'EXCELLENT_SHARE_OF_GOOD', limit: 0.2, actual: 0.4 });
    expect(await breach([[g[PAO], 'COMPLETED']], 'organizer:commune')).toMatchObject({ constraint: 'EXCELLENT_SHARE_OF_GOOD', actual: 0.25 });
    // Lowering the excellent one instead is fine.
    expect(await decide([[g[HUNG], 'GOOD']])).toEqual(['GOOD']);
    expect(await decide([[g[HUNG], 'EXCELLENT']])).toEqual(['EXCELLENT']);
  });

  test('another commune is another group: its own share, not diluted by Bình Lư’s good grades', async () => {
    expect(await breach([[g[CUONG], 'EXCELLENT'], [g[DO], 'GOOD']])).toMatchObject({ constraint: 'EXCELLENT_SHARE_OF_GOOD', actual: 0.5 });
    expect(await decide([[g[CUONG], 'GOOD'], [g[DO], 'COMPLETED']])).toEqual(['GOOD', 'COMPLETED']);
  });

  test('the province’s own cap (50%) applies from then on; another province keeps the default', async () => {
    expect(await setRules(0.5, true)).toEqual({ excellentMaxShareOfGood: 0.5, excellentRequiresNoWeakMonth: true, version: 1 });
    expect(await decide([[g[AN], 'EXCELLENT']])).toEqual(['EXCELLENT']);
    expect(await breach([[g[MAI], 'EXCELLENT']])).toMatchObject({ constraint: 'EXCELLENT_SHARE_OF_GOOD', limit: 0.5, actual: 0.6 });
    const other = (await data(app, 'admin:national', 'query($p: ID!) { gradingRules(provinceId: $p) { excellentMaxShareOfGood } }', { p: unitGid(app, 'otherProvince') })).gradingRules;
    expect(other.excellentMaxShareOfGood).toBe(0.2);
  });

  test('no cap: every one excellent', async () => {
    await setRules(null, true);
    expect(await decide([[g[MAI], 'EXCELLENT'], [g[BINH], 'EXCELLENT'], [g[PAO], 'EXCELLENT']])).toEqual(['EXCELLENT', 'EXCELLENT', 'EXCELLENT']);
  });

  test('updateGradingRules input: a share above 0 and at most 1; the version read', async () => {
    const { version } = (await data(app, 'admin:province', 'query($p: ID!) { gradingRules(provinceId: $p) { version } }', { p: unitGid(app, 'province') })).gradingRules;
    const input = (over: Record<string, unknown>): Record<string, unknown> => ({ i: { provinceId: unitGid(app, 'province'), version, excellentMaxShareOfGood: 0.2, excellentRequiresNoWeakMonth: true, ...over } });
    await expectRejected(app, 'admin:province', EVALUATION_TABLES, UPDATE_GRADING_RULES, input({ excellentMaxShareOfGood: 0 }), { code: 'BAD_USER_INPUT', field: 'input.excellentMaxShareOfGood' });
    await expectRejected(app, 'admin:province', EVALUATION_TABLES, UPDATE_GRADING_RULES, input({ excellentMaxShareOfGood: 1.01 }), { code: 'BAD_USER_INPUT', field: 'input.excellentMaxShareOfGood' });
    await expectRejected(app, 'admin:province', EVALUATION_TABLES, UPDATE_GRADING_RULES, input({ version: version - 1 }), { code: 'CONFLICT', field: 'version' });
    await expectRejected(app, 'admin:province', EVALUATION_TABLES, UPDATE_GRADING_RULES, input({ provinceId: unitGid(app, 'commune') }), { code: 'BAD_USER_INPUT', field: 'input.provinceId' });
    // The province's own row, changed again: a share replaces "no cap" (this was an INTERNAL_SERVER_ERROR).
    expect((await data(app, 'admin:province', UPDATE_GRADING_RULES, input({ excellentMaxShareOfGood: 0.3 }))).updateGradingRules).toEqual({ excellentMaxShareOfGood: 0.3, excellentRequiresNoWeakMonth: true, version: version + 1 });
    const [row] = await app.sql<{ cap: string; n: number }>('select max(excellent_max_share_of_good)::text as cap, count(*)::int as n from grading_rules where province_id = ?', [app.fixture.units.province.id]);
    expect(row).toEqual({ cap: '0.3000', n: 1 });
  });
});

describe('no weak month for an excellent cell', () => {
  const g: Record<string, Grade> = {};
  let mayEvaluation: { id: string; version: number };
  beforeAll(async () => {
    await setRules(null, true);
    // Nậm Cười 2025: good in January, weak (40) in May, submitted.
    await evaluate(app, (await heldMeeting(app, { on: '2025-01-03', present: [HUNG, AN] })).id, { criteria, points: 10 });
    mayEvaluation = await evaluate(app, (await heldMeeting(app, { on: '2025-05-03', present: [HUNG, AN] })).id, { criteria, points: pointsSumming(40) });
    // The school: good in January; a weak March still in draft does not count.
    await evaluate(app, (await heldMeeting(app, { unit: 'school', on: '2025-01-03', present: [BINH, PAO] })).id, { criteria, points: 10 });
    await evaluate(app, (await heldMeeting(app, { unit: 'school', on: '2025-03-03', present: [BINH, PAO] })).id, { criteria, points: 2, submit: false });
    // Lả Mường (Phong Thổ): weak in February.
    await evaluate(app, (await heldMeeting(app, { unit: 'otherCell', on: '2025-02-03', present: [CUONG, DO] })).id, { criteria, points: 3, as: 'organizer:province' });
    g.cell = await proposeCell('cell', 2025);
    g.school = await proposeCell('school', 2025);
    g.otherCell = await proposeCell('otherCell', 2025);
  });

  test('a cell rated weak in May cannot be excellent; good is fine', async () => {
    expect(await breach([[g.cell, 'EXCELLENT']], 'organizer:commune')).toMatchObject({ code: 'CONFLICT', constraint: 'EXCELLENT_REQUIRES_NO_WEAK_MONTH', months: [5] });
    expect(await decide([[g.cell, 'GOOD']], 'organizer:commune')).toEqual(['GOOD']);
  });

  test('a weak draft does not count: the school may be excellent', async () => {
    expect(await decide([[g.school, 'EXCELLENT']], 'organizer:commune')).toEqual(['EXCELLENT']);
  });

  test('once the appraisal lifts May to average, the cell may be excellent', async () => {
    const lifted = (await data(app, 'organizer:commune', APPRAISE_EVALUATION, {
      i: { id: mayEvaluation.id, version: mayEvaluation.version, adjustments: [{ criterionId: criteria[4].id, points: 10, comment: 'Có phát huy dân chủ' }, { criterionId: criteria[5].id, points: 10, comment: 'Có trao đổi tư tưởng' }] },
    })).appraiseMeetingEvaluation;
    expect(lifted).toMatchObject({ appraisedTotal: 60, appraisedRating: 'AVERAGE' });
    expect(await decide([[g.cell, 'EXCELLENT']], 'organizer:commune')).toEqual(['EXCELLENT']);
  });

  test('the rule switched off by the province: a weak cell may be excellent', async () => {
    expect(await breach([[g.otherCell, 'EXCELLENT']])).toMatchObject({ constraint: 'EXCELLENT_REQUIRES_NO_WEAK_MONTH', months: [2] });
    await setRules(null, false);
    expect(await decide([[g.otherCell, 'EXCELLENT']])).toEqual(['EXCELLENT']);
  });

  test('with both constraints on, a batch breaking the cap is refused on the cap', async () => {
    await setRules(0.2, true);
    const hung = await proposeMember(HUNG, 2025);
    const an = await proposeMember(AN, 2025);
    expect(await breach([[hung, 'EXCELLENT'], [an, 'GOOD']])).toMatchObject({ constraint: 'EXCELLENT_SHARE_OF_GOOD', actual: 0.5 });
  });
});

