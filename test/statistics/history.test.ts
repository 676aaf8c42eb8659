import { todayInVietnam } from '../../src/services/calendar';
import { DEATH, newMember, RECOGNIZE, TIMELINE } from '../members/lifecycle-support';
import { MOVE, ref } from '../restructuring/support';
import { gid } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { recountDifferences } from './support';

/**
 * Stock figures as of a day (issue #7): members, units and positions on any day since the
 * rollups' history horizon come from the rollups; an earlier day is recounted from the base
 * tables and says so. Moves carry a subtree's figures to its new committees in the same
 * transaction. Dates are the events' own, not when they were recorded.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // Admitted on 3 March 2023 in Nậm Cười, recognised on 4 March 2024, died on 1 June 2025.
  const m = await newMember(app, 'cell', { fullName: 'Hà Thị Lịch Sử', gender: 'FEMALE', admissionDate: '2023-03-03', officialDate: null, birthDate: '1990-05-05', ethnicity: 'Thái' });
  const recognised = ok(await app.run('admin:national', RECOGNIZE, { input: { memberId: m.id, version: m.version, occurredOn: '2024-03-04', decisionRef: 'CN-1' } })).recognizeOfficialMember;
  ok(await app.run('admin:national', DEATH, { input: { memberId: m.id, version: recognised.version, occurredOn: '2025-06-01' } }));
  await app.refreshStatistics();
});
afterAll(() => app.close());

const MEMBERS = `query($u: ID, $p: StatisticsPeriodInput!, $asOf: LocalDate) { statistics(unitId: $u, period: $p, asOf: $asOf) {
  asOf freshness { countedFrom historyFrom pendingChanges } members { total status: by(dimension: STATUS) { key count } gender: by(dimension: GENDER) { key count } age: by(dimension: AGE_BAND) { key count } }
  units { cells } admissions { admitted } } }`;
const unit = (name: 'province' | 'commune' | 'otherCommune' | 'otherProvince'): string => gid('OrgUnit', app.fixture.units[name].id);
const members = async (name: 'province' | 'commune' | 'otherCommune' | 'otherProvince' | null, asOf: string, period: Record<string, unknown> = { year: Number(asOf.slice(0, 4)) }): Promise<any> =>
  ok(await app.run('admin:national', MEMBERS, { u: name === null ? null : unit(name), p: period, asOf })).statistics;
const count = (list: Array<{ key: string; count: number }>, key: string): number => list.find((x) => x.key === key)?.count ?? -1;

test('a member counts from the day of admission, as probationary until recognised, until the day of death', async () => {
  // The commune: Hùng, An, Bình, Páo before 2023; Mai from March 2026.
  const before = await members('commune', '2023-03-02');
  const probation = await members('commune', '2023-12-31');
  const official = await members('commune', '2024-12-31');
  const gone = await members('commune', '2025-06-01');
  expect([before.members.total, probation.members.total, official.members.total, gone.members.total]).toEqual([4, 5, 5, 4]);
  expect([count(probation.members.status, 'PROBATIONARY'), count(official.members.status, 'PROBATIONARY')]).toEqual([1, 0]);
  expect([count(before.members.gender, 'FEMALE'), count(probation.members.gender, 'FEMALE')]).toEqual([1, 2]);
  // Born in 1990: 33 by year of birth at the end of 2023.
  expect(count(probation.members.age, 'FROM_31_TO_40') - count(before.members.age, 'FROM_31_TO_40')).toBe(1);
  expect(probation.freshness.countedFrom).toBe('ROLLUPS');
  expect((await members('commune', '2023-12-31')).admissions.admitted).toBe(1);
});

test('a day before the rollups keep their history is recounted from the base tables', async () => {
  const old = await members('province', '2019-12-31');
  expect(old.freshness).toMatchObject({ countedFrom: 'BASE_TABLES' });
  expect(old.freshness.historyFrom <= todayInVietnam()).toBe(true);
  // Hùng 2001, An 2010, Bình 2015, Páo 2018, Cường 2005, Dợ 2012: all official by 2019.
  expect(old.members.total).toBe(6);
  expect(count(old.members.status, 'OFFICIAL')).toBe(6);
  expect(old.units.cells).toBe(3);
});

test('the recount from the base tables and the rollups give the same answer for the same day', async () => {
  const fromRollups = await members('province', '2024-12-31');
  const [{ horizon }] = await app.sql<{ horizon: string }>('select horizon::text as horizon from stat_state');
  // Pretend the history starts later, so that the same day is recounted.
  await app.sql("update stat_state set horizon = '2025-06-01'");
  try {
    const recounted = await members('province', '2024-12-31');
    expect(recounted.freshness.countedFrom).toBe('BASE_TABLES');
    expect({ ...recounted, freshness: null }).toEqual({ ...fromRollups, freshness: null });
  } finally {
    await app.sql('update stat_state set horizon = ?::date', [horizon]);
  }
});

test('a cell moved to another commune takes its figures along; the province keeps them; the nation keeps all', async () => {
  const today = todayInVietnam();
  const [commune, other, province, nation] = await Promise.all([members('commune', today), members('otherCommune', today), members('province', today), members(null, today)]);
  ok(await app.run('admin:national', MOVE, { i: { ...(await ref(app, 'school')), newParentId: unit('otherCommune'), on: today, decisionRef: 'ĐC-01' } }));
  await app.refreshStatistics();
  const after = await Promise.all([members('commune', today), members('otherCommune', today), members('province', today), members(null, today)]);
  expect(after.map((s) => s.members.total)).toEqual([commune.members.total - 2, other.members.total + 2, province.members.total, nation.members.total]);
  expect(after.map((s) => s.units.cells)).toEqual([commune.units.cells - 1, other.units.cells + 1, province.units.cells, nation.units.cells]);
  expect(await recountDifferences(app)).toEqual([]);
});

test('a commune moved to another province by a national administrator: both provinces change, the nation does not', async () => {
  const today = todayInVietnam();
  const [laiChau, dienBien, nation] = await Promise.all([members('province', today), members('otherProvince', today), members(null, today)]);
  ok(await app.run('admin:national', MOVE, { i: { ...(await ref(app, 'otherCommune')), newParentId: unit('otherProvince'), on: today, decisionRef: 'ĐC-02' } }));
  await app.refreshStatistics();
  const after = await Promise.all([members('province', today), members('otherProvince', today), members(null, today)]);
  // Phong Thổ holds Lả Mường's two members and, since the previous move, the school's two.
  expect(after.map((s) => s.members.total)).toEqual([laiChau.members.total - 4, dienBien.members.total + 4, nation.members.total]);
  expect(await recountDifferences(app)).toEqual([]);
  const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from stat_fact f join org_unit u on u.id = f.unit_id where f.province_id <> u.province_id');
  expect(n).toBe(0);
});

test('the history the figures come from is the members\' own', async () => {
  const [row] = await app.sql<{ id: number }>("select id from member where full_name = 'Hà Thị Lịch Sử'");
  const timeline = ok(await app.run('admin:national', TIMELINE, { id: gid('Member', row.id) })).member.timeline.map((e: { kind: string; occurredOn: string }) => [e.kind, e.occurredOn]);
  expect(timeline).toEqual([['ADMITTED', '2023-03-03'], ['RECOGNISED_OFFICIAL', '2024-03-04'], ['DIED', '2025-06-01']]);
});
