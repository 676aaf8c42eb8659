import { addDays, todayInVietnam } from '../../src/services/calendar';
import { gid, rawId } from '../validation/support';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';

/**
 * Bad statistics questions get BAD_USER_INPUT with the offending field (issue #7): a period that
 * ends before it starts, a breakdown deeper than allowed, an unknown dimension, and the rest of
 * what a client can get wrong. Nothing is counted before the question is checked.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const ask = (fields: string, variables: Record<string, unknown>): ReturnType<TestApp['run']> =>
  app.run('analyst:province', `query($u: ID, $p: StatisticsPeriodInput!, $asOf: LocalDate) { statistics(unitId: $u, period: $p, asOf: $asOf) { ${fields} } }`, {
    u: gid('OrgUnit', app.fixture.units.province.id),
    ...variables,
  });

const tomorrow = addDays(todayInVietnam(), 1);

test.each([
  ['a period that ends before it starts', 'period.to', { p: { from: '2025-06-30', to: '2025-06-01' } }],
  ['a range without its end', 'period.to', { p: { from: '2025-06-01' } }],
  ['a range without its start', 'period.from', { p: { to: '2025-06-01' } }],
  ['a year and a range at once', 'period', { p: { year: 2025, from: '2025-01-01', to: '2025-02-01' } }],
  ['a quarter and a month at once', 'period.month', { p: { year: 2025, quarter: 1, month: 2 } }],
  ['a quarter out of range', 'period.quarter', { p: { year: 2025, quarter: 5 } }],
  ['a month out of range', 'period.month', { p: { year: 2025, month: 13 } }],
  ['a year out of range', 'period.year', { p: { year: 1890 } }],
  ['no year and no range', 'period.year', { p: {} }],
  ['a range of more than ten years', 'period.to', { p: { from: '2000-01-01', to: '2012-01-01' } }],
  ['an asOf in the future', 'asOf', { p: { year: 2025 }, asOf: tomorrow }],
  ['a malformed unit id', 'unitId', { p: { year: 2025 }, u: 'not-an-id' }],
  ['the id of another type', 'unitId', { p: { year: 2025 }, u: gid('Member', 1) }],
  ['an id of no known type', 'unitId', { p: { year: 2025 }, u: rawId('Planet:1') }],
])('%s → BAD_USER_INPUT on %s', async (_what, field, variables) => {
  const error = onlyError(await ask('members { total }', variables));
  expect({ code: error.code, field: error.field }).toEqual({ code: 'BAD_USER_INPUT', field });
});

describe('breakdowns', () => {
  test('child units by period is allowed (two levels)', async () => {
    const result = await ask('children { nodes { periods(grain: QUARTER) { members { total } } } }', { p: { year: 2025 } });
    expect(result.errors).toBeUndefined();
  });

  test.each([
    ['children of children of children', 'children { nodes { children { nodes { children { totalCount } } } } }', 'children'],
    ['periods of periods of periods', 'periods(grain: QUARTER) { periods(grain: MONTH) { periods(grain: MONTH) { asOf } } }', 'periods'],
    ['periods of the children of the children', 'children { nodes { children { nodes { periods(grain: MONTH) { asOf } } } } }', 'periods'],
  ])('%s is deeper than allowed → BAD_USER_INPUT', async (_what, fields, field) => {
    const result = await ask(fields, { p: { year: 2025 } });
    const codes = new Set((result.errors ?? []).map((e) => `${String(e.extensions?.code)} ${String(e.extensions?.field)}`));
    expect([...codes]).toEqual([`BAD_USER_INPUT ${field}`]);
  });

  test('a breakdown by RANGE is not a grain → BAD_USER_INPUT on grain', async () => {
    const error = onlyError(await ask('periods(grain: RANGE) { asOf }', { p: { year: 2025 } }));
    expect({ code: error.code, field: error.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'grain' });
  });
});

test('a day that does not exist is refused by the date type itself: BAD_USER_INPUT', async () => {
  expect((await ask('asOf', { p: { from: '2025-02-30', to: '2025-03-01' } })).errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});

test('an unknown dimension is BAD_USER_INPUT', async () => {
  const result = await app.run('analyst:province', 'query($u: ID, $d: MemberDimension!) { statistics(unitId: $u, period: { year: 2025 }) { members { by(dimension: $d) { key } } } }', {
    u: gid('OrgUnit', app.fixture.units.province.id),
    d: 'SHOE_SIZE',
  });
  expect((result.errors ?? []).map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});

test('a unit outside the scope answers exactly like a missing one', async () => {
  const outside = onlyError(await app.run('analyst:commune', 'query($u: ID) { statistics(unitId: $u, period: { year: 2025 }) { asOf } }', { u: gid('OrgUnit', app.fixture.units.otherCommune.id) }));
  const missing = onlyError(await app.run('analyst:commune', 'query($u: ID) { statistics(unitId: $u, period: { year: 2025 }) { asOf } }', { u: gid('OrgUnit', 999_999) }));
  expect(outside).toEqual(missing);
  expect(outside.code).toBe('NOT_FOUND');
});

test('the question is checked before anything is counted', async () => {
  const { statements } = await app.countSql(() => ask('members { total } meetings { regularHeld }', { p: { from: '2025-06-30', to: '2025-06-01' } }));
  // The caller's grants (loaded by the test harness per request) and the unit: no rollup read for a refused period.
  expect(statements).toBe(2);
});
