import { createTestApp, type TestApp } from '../support/test-app';
import { data, unitGid, vietnamToday, type Actor } from '../meetings/support';
import { auditSince, expectRejected, lastAuditId } from '../validation/support';
import { ASSESS_FOUR_GOOD, EVALUATION_TABLES } from './support';

/**
 * The four-good model (chi bộ bốn tốt, issue #4): the superior committee records, per unit and year,
 * the four criteria; a unit is four-good when all four hold. Recorded, changed with its version,
 * and counted in the evaluation summary.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const ALL = { politicalTask: true, meetingQuality: true, unityDiscipline: true, cadresMembers: true };
const input = (unit: 'cell' | 'school' | 'commune' | 'otherCell' | 'province', year: number, over: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ i: { unitId: unitGid(app, unit), year, ...ALL, ...over } });
const assess = async (as: Actor, variables: Record<string, unknown>): Promise<any> => (await data(app, as, ASSESS_FOUR_GOOD, variables)).assessFourGood;
const counts = async (unit: 'province' | 'commune', year: number): Promise<[number, number]> => {
  const s = (await data(app, 'analyst:province', 'query($u: ID!, $y: Int!) { evaluationSummary(unitId: $u, period: { year: $y }) { fourGoodAssessed fourGoodAchieved } }', { u: unitGid(app, unit), y: year })).evaluationSummary;
  return [s.fourGoodAssessed, s.fourGoodAchieved];
};

test('the commune records its cells: four-good only when all four criteria hold', async () => {
  const cell = await assess('organizer:commune', input('cell', 2025, { note: 'Đạt cả bốn tiêu chí', decisionRef: '30-QĐ/ĐU' }));
  expect(cell).toMatchObject({ year: 2025, ...ALL, fourGood: true, note: 'Đạt cả bốn tiêu chí', decisionRef: '30-QĐ/ĐU', unit: { name: 'Chi bộ bản Nậm Cười' } });
  // The school, 2020–2023: each year one criterion missed.
  const criteria = ['politicalTask', 'meetingQuality', 'unityDiscipline', 'cadresMembers'];
  for (const [i, missing] of criteria.entries()) {
    const { fourGood } = await assess('organizer:commune', input('school', 2020 + i, { [missing]: false }));
    expect([missing, fourGood]).toEqual([missing, false]);
  }
});

test('counted per year over the subtree', async () => {
  await assess('organizer:province', input('otherCell', 2025, { unityDiscipline: false }));
  await assess('organizer:province', input('commune', 2025));
  await assess('organizer:commune', input('school', 2025));
  // 2025: cell ✓, school ✓, commune ✓, Lả Mường ✗.
  expect(await counts('province', 2025)).toEqual([4, 3]);
  expect(await counts('commune', 2025)).toEqual([3, 3]);
  // 2020–2023: one school assessment each, none four-good.
  expect(await counts('commune', 2021)).toEqual([1, 0]);
  expect(await counts('province', 2024)).toEqual([0, 0]);
});

test('changed with the version read; without it, or stale, a CONFLICT', async () => {
  const [{ version }] = await app.sql<{ version: number }>('select version from four_good_assessment where unit_id = ? and year = 2025', [app.fixture.units.school.id]);
  await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, ASSESS_FOUR_GOOD, input('school', 2025, { cadresMembers: false }), { code: 'CONFLICT', field: 'input.version' });
  await expectRejected(app, 'organizer:commune', EVALUATION_TABLES, ASSESS_FOUR_GOOD, input('school', 2025, { cadresMembers: false, version: version + 1 }), { code: 'CONFLICT', field: 'version' });
  const since = await lastAuditId(app);
  const changed = await assess('organizer:commune', input('school', 2025, { cadresMembers: false, version }));
  expect(changed).toMatchObject({ cadresMembers: false, fourGood: false, version: version + 1 });
  const [entry] = await auditSince(app, since);
  expect([entry.operation, entry.before.fourGood, entry.after.fourGood]).toEqual(['assessFourGood', true, false]);
  expect(await counts('commune', 2025)).toEqual([3, 2]);
});

test('by a superior of the unit only; cells and grassroots committees only; a year begun', async () => {
  const reject = (as: Actor, variables: Record<string, unknown>, code: string, field?: string): Promise<unknown> =>
    expectRejected(app, as, EVALUATION_TABLES, ASSESS_FOUR_GOOD, variables, { code, field });
  await reject('organizer:cell', input('cell', 2024), 'FORBIDDEN');
  await reject('organizer:commune', input('commune', 2024), 'FORBIDDEN');
  await reject('inspector:province', input('cell', 2024), 'FORBIDDEN');
  await reject('organizer:commune', input('otherCell', 2024), 'NOT_FOUND');
  await reject('admin:national', input('province', 2024), 'BAD_USER_INPUT', 'input.unitId');
  await reject('organizer:commune', input('cell', vietnamToday().year + 1), 'BAD_USER_INPUT', 'input.year');
  await reject('organizer:commune', input('cell', 2024, { decisionRef: 'x'.repeat(201) }), 'BAD_USER_INPUT', 'input.decisionRef');
});

test('a unit’s assessments, newest first: for its members and the grade readers, not for analysts', async () => {
  const query = 'query($u: ID!) { orgUnit(id: $u) { fourGoodAssessments { year fourGood } } }';
  expect((await data(app, 'member:cell', query, { u: unitGid(app, 'cell') })).orgUnit.fourGoodAssessments).toEqual([{ year: 2025, fourGood: true }]);
  expect((await data(app, 'inspector:commune', query, { u: unitGid(app, 'school') })).orgUnit.fourGoodAssessments).toEqual([
    { year: 2025, fourGood: false }, { year: 2023, fourGood: false }, { year: 2022, fourGood: false }, { year: 2021, fourGood: false }, { year: 2020, fourGood: false },
  ]);
  expect((await data(app, 'analyst:province', query, { u: unitGid(app, 'cell') })).orgUnit.fourGoodAssessments).toEqual([]);
});
