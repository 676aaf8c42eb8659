import { addCommuneWithCell, newMember } from '../members/lifecycle-support';
import { gid } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { STATISTICS_FIELDS } from './support';

/**
 * A breakdown costs the same number of statements however many rows it has: every section of
 * every child unit and period reads the rollups through one batched loader (issue #7).
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
}, 120_000);
afterAll(() => app.close());

const BREAKDOWN = `query($u: ID, $p: StatisticsPeriodInput!) { statistics(unitId: $u, period: $p) { ${STATISTICS_FIELDS}
  children(first: 100) { totalCount nodes { ${STATISTICS_FIELDS} periods(grain: QUARTER) { members { total } meetings { regularHeld compliance { regularExpected } } indicators { value } } } } } }`;

/**
 * Statements of one request, counted on the connection's query events while nothing else runs:
 * the sections query in parallel, and a query that waits for a pooled connection is reported
 * outside the request's async context, which the per-request counter (app.countSql) would miss.
 */
async function statementsFor(unit: 'province' | null): Promise<string[]> {
  await app.refreshStatistics();
  const seen: string[] = [];
  const listener = (q: { sql: string }): void => {
    seen.push(q.sql.replace(/\s+/g, ' ').slice(0, 100));
  };
  const knex = app.orm.em.getConnection().getKnex();
  knex.on('query', listener);
  try {
    const result = await app.run('admin:national', BREAKDOWN, { u: unit === null ? null : gid('OrgUnit', app.fixture.units.province.id), p: { year: 2026 } });
    expect(result.errors).toBeUndefined();
  } finally {
    knex.off('query', listener);
  }
  return seen;
}

/** Reads of the rollups: one batch per level of the answer (the unit, its children, their periods) at most. */
const rollupReads = (statements: readonly string[]): number => statements.filter((sql) => sql.startsWith('with w as')).length;

test('a province by commune, and the nation by province, with every section and quarter: a fixed number of statements', async () => {
  const small = await statementsFor('province');
  const nation = await statementsFor(null);
  for (let i = 0; i < 4; i += 1) {
    await addCommuneWithCell(app, `nplus${i}`, `nplus${i}cell`);
    await newMember(app, `nplus${i}cell` as 'cell');
  }
  const large = await statementsFor('province');
  expect((await app.run('admin:national', 'query($u: ID) { statistics(unitId: $u, period: { year: 2026 }) { children { totalCount } } }', { u: gid('OrgUnit', app.fixture.units.province.id) })).data)
    .toEqual({ statistics: { children: { totalCount: 6 } } });
  const nationAgain = await statementsFor(null);
  // Whether the unit's own reads join its children's batch depends on which query returns first,
  // so the bound is per level, not an exact count: 6 communes × 4 quarters × every section would
  // be hundreds of statements one per row, and a dozen with batching, whatever the row count.
  for (const statements of [small, large, nation, nationAgain]) {
    expect(rollupReads(statements)).toBeGreaterThanOrEqual(1);
    expect(rollupReads(statements)).toBeLessThanOrEqual(3);
    expect(statements.length).toBeLessThanOrEqual(15);
  }
});
