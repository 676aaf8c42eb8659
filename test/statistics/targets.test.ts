import { cells, expectOutcome, gid, type Actor, type Outcome } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected } from '../validation/support';

/**
 * Targets (chỉ tiêu, issue #7): organizers set them per committee and year for any indicator; the
 * statistics compare actual, target and gap; a unit without its own takes the nearest committee's
 * above; every change is a new version and the earlier ones stay readable.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await app.refreshStatistics();
});
afterAll(() => app.close());

const SET = `mutation($i: SetStatisticTargetInput!) { setStatisticTarget(input: $i) { indicator year value note version setAt supersededAt unit { name } } }`;
const HISTORY = `query($u: ID!, $y: Int!) { statisticTargets(unitId: $u, year: $y) { indicator value version supersededAt unit { name } } }`;
const INDICATORS = `query($u: ID!, $y: Int!) { statistics(unitId: $u, period: { year: $y }) {
  indicators(only: [ADMISSIONS, ADMISSION_RATE, ORGANISATIONS_GOOD_OR_BETTER]) { indicator value target { value source unit { name } version } gap met } } }`;
const unit = (name: 'province' | 'commune' | 'cell' | 'otherCommune'): string => gid('OrgUnit', app.fixture.units[name].id);
const set = (as: Actor, input: Record<string, unknown>): ReturnType<TestApp['run']> => app.run(as, SET, { i: { year: 2026, version: 0, ...input } });
const indicators = async (name: 'province' | 'commune', year = 2026): Promise<Record<string, any>> =>
  Object.fromEntries(((await app.run('analyst:province', INDICATORS, { u: unit(name), y: year })).data?.statistics as any).indicators.map((i: any) => [i.indicator, i]));

test('a commune takes the province target, overrides it with its own, and falls back when it removes its own', async () => {
  // The fixture's commune admitted Tẩn Thị Mai in March 2026 and had 4 members before: 1 of 4.
  expect((await set('organizer:province', { unitId: unit('province'), indicator: 'ADMISSION_RATE', value: 0.03, note: 'Nghị quyết Đại hội: 3–4% mỗi năm' })).errors).toBeUndefined();
  let commune = await indicators('commune');
  expect(commune.ADMISSION_RATE).toEqual({ indicator: 'ADMISSION_RATE', value: 0.25, target: { value: 0.03, source: 'SET', unit: { name: 'Đảng bộ tỉnh Lai Châu' }, version: 1 }, gap: 0.22, met: true });

  const own = await set('organizer:commune', { unitId: unit('commune'), indicator: 'ADMISSION_RATE', value: 0.5 });
  expect(own.data?.setStatisticTarget).toMatchObject({ value: 0.5, version: 1, supersededAt: null, unit: { name: 'Đảng bộ xã Bình Lư' } });
  commune = await indicators('commune');
  expect(commune.ADMISSION_RATE).toMatchObject({ target: { value: 0.5, source: 'SET', unit: { name: 'Đảng bộ xã Bình Lư' } }, gap: -0.25, met: false });

  expect((await set('organizer:commune', { unitId: unit('commune'), indicator: 'ADMISSION_RATE', value: null, version: 1 })).errors).toBeUndefined();
  expect((await indicators('commune')).ADMISSION_RATE.target).toMatchObject({ value: 0.03, unit: { name: 'Đảng bộ tỉnh Lai Châu' } });
  // Another year has no target; the rules' default stays where one exists.
  const other = await indicators('commune', 2025);
  expect(other.ADMISSION_RATE.target).toBeNull();
  expect(other.ORGANISATIONS_GOOD_OR_BETTER.target).toMatchObject({ value: 0.9, source: 'DEFAULT', unit: null });

  const history = (await app.run('organizer:commune', HISTORY, { u: unit('commune'), y: 2026 })).data?.statisticTargets as any[];
  expect(history.map((h) => [h.indicator, h.value, h.version, h.supersededAt === null])).toEqual([['ADMISSION_RATE', 0.5, 1, false], ['ADMISSION_RATE', null, 2, true]]);
});

test("the evaluation summary compares with the committee's targets, and 90% where it set none", async () => {
  const SUMMARY = 'query($u: ID!) { evaluationSummary(unitId: $u, period: { year: 2024 }) { cellsGoodOrBetter { target } gradeShares { subjectKind target } } }';
  const read = async (): Promise<unknown> => (await app.run('analyst:commune', SUMMARY, { u: unit('commune') })).data;
  expect(await read()).toEqual({ evaluationSummary: { cellsGoodOrBetter: { target: 0.9 }, gradeShares: [{ subjectKind: 'ORGANISATION', target: 0.9 }, { subjectKind: 'MEMBER', target: 0.9 }, { subjectKind: 'COMMITTEE_HEAD', target: 0.9 }] } });
  for (const [indicator, value] of [['CELLS_RATED_GOOD', 0.8], ['MEMBERS_GOOD_OR_BETTER', 0.95]] as const) {
    expect((await set('organizer:province', { unitId: unit('province'), year: 2024, indicator, value })).errors).toBeUndefined();
  }
  expect(await read()).toEqual({ evaluationSummary: { cellsGoodOrBetter: { target: 0.8 }, gradeShares: [{ subjectKind: 'ORGANISATION', target: 0.9 }, { subjectKind: 'MEMBER', target: 0.95 }, { subjectKind: 'COMMITTEE_HEAD', target: 0.9 }] } });
});

test('a count target against the plan, and its audit entry', async () => {
  const [{ id: before }] = await app.sql<{ id: number }>('select coalesce(max(id), 0)::int as id from audit_entry');
  expect((await set('organizer:province', { unitId: unit('province'), indicator: 'ADMISSIONS', value: 2 })).errors).toBeUndefined();
  expect((await indicators('province')).ADMISSIONS).toMatchObject({ value: 1, target: { value: 2, source: 'SET' }, gap: -1, met: false });
  const audit = await app.sql<{ operation: string; before: unknown; after: Record<string, unknown> }>('select operation, before, after from audit_entry where id > ?', [before]);
  expect(audit).toEqual([{ operation: 'setStatisticTarget', before: null, after: { indicator: 'ADMISSIONS', year: 2026, value: 2, note: null, version: 1 } }]);
});

describe('what is refused, and leaves every table as it was', () => {
  const TABLES = ['statistic_target'];
  test.each([
    ['a share above 1', { indicator: 'ADMISSION_RATE', value: 1.5 }, 'input.value'],
    ['a share with five decimals', { indicator: 'ADMISSION_RATE', value: 0.12345 }, 'input.value'],
    ['a count that is not whole', { indicator: 'ADMISSIONS', value: 2.5 }, 'input.value'],
    ['a negative count', { indicator: 'ADMISSIONS', value: -1 }, 'input.value'],
    ['a year out of range', { indicator: 'ADMISSIONS', value: 3, year: 1999 }, 'input.year'],
    ['a negative version', { indicator: 'ADMISSIONS', value: 3, version: -1 }, 'input.version'],
    ['a note too long', { indicator: 'ADMISSIONS', value: 3, note: 'x'.repeat(1001) }, 'input.note'],
  ])('%s → BAD_USER_INPUT', async (_what, input, field) => {
    await expectRejected(app, 'organizer:commune', TABLES, SET, { i: { unitId: unit('commune'), year: 2026, version: 0, ...input } }, { code: 'BAD_USER_INPUT', field });
  });

  test('a cell sets no targets → BAD_USER_INPUT on input.unitId', async () => {
    await expectRejected(app, 'organizer:commune', TABLES, SET, { i: { unitId: unit('cell'), year: 2026, version: 0, indicator: 'ADMISSIONS', value: 1 } }, { code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  test('a stale version → CONFLICT on version', async () => {
    await set('organizer:commune', { unitId: unit('commune'), indicator: 'ATTENDANCE_RATE', value: 0.9 });
    await expectRejected(app, 'organizer:commune', TABLES, SET, { i: { unitId: unit('commune'), year: 2026, version: 0, indicator: 'ATTENDANCE_RATE', value: 0.95 } }, { code: 'CONFLICT', field: 'version' });
  });

  test('two first settings at once: one wins, the other is a CONFLICT', async () => {
    const results = await Promise.all([1, 2].map((v) => set('organizer:commune', { unitId: unit('commune'), indicator: 'RURAL_ADMISSIONS', value: v })));
    expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
    expect(await app.sql("select count(*)::int as n from statistic_target where indicator = 'RURAL_ADMISSIONS'")).toEqual([{ n: 1 }]);
  });
});

const A: Outcome = 'allowed';
const F: Outcome = 'FORBIDDEN';
const N: Outcome = 'NOT_FOUND';
// Columns: the commune, the province, the other commune. TARGETS_MANAGE: administrators and organizers;
// a cell's administrator holds it, but only at the cell, and sees no committee (NOT_FOUND).
const WRITE: Readonly<Record<Actor, readonly Outcome[]>> = {
  'admin:national': [A, A, A],
  'admin:province': [A, A, A],
  'admin:commune': [A, N, N],
  'admin:cell': [N, N, N],
  'organizer:province': [A, A, A],
  'organizer:commune': [A, N, N],
  'organizer:cell': [N, N, N],
  'inspector:province': [F, F, F],
  'inspector:commune': [F, F, F],
  'inspector:cell': [F, F, F],
  'analyst:province': [F, F, F],
  'analyst:commune': [F, F, F],
  'analyst:cell': [F, F, F],
  'service:province': [F, F, F],
  'member:cell': [F, F, F],
  norole: [F, F, F],
  anonymous: ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

let year = 2030;
describe.each(cells(['commune', 'province', 'otherCommune'] as const, WRITE))('%s sets a target of %s', (actor, column, outcome) => {
  test(outcome, async () => {
    year += 1;
    expectOutcome(await set(actor, { unitId: unit(column), year, indicator: 'ADMISSIONS', value: 5 }), 'setStatisticTarget', outcome);
  });
});
