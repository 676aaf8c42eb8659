import { buildGraphQLSchema } from '../../src/schema/build-schema';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { cells, expectOutcome, gid, MISSING_DB_ID, type Actor, type Outcome } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { STATISTICS } from './support';

/**
 * Who reads statistics where (issue #7): STATISTICS_READ over the unit's whole subtree, national
 * for the nation; a unit outside the caller's scope answers exactly like a missing one. Aggregate
 * roles (analysts, service accounts) get every figure and nothing about a person.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await app.refreshStatistics();
});
afterAll(() => app.close());

const UNITS = ['province', 'commune', 'cell', 'otherCommune', 'otherProvince', 'missing', 'nation'] as const;
type Column = (typeof UNITS)[number];
const unitArg = (column: Column): string | null =>
  column === 'nation' ? null : column === 'missing' ? gid('OrgUnit', MISSING_DB_ID) : gid('OrgUnit', app.fixture.units[column].id);

const A: Outcome = 'allowed';
const F: Outcome = 'FORBIDDEN';
const N: Outcome = 'NOT_FOUND';
const U: Outcome = 'UNAUTHENTICATED';

// Columns: province, commune, cell, other commune, other province, a missing id, the nation.
const READ: Readonly<Record<Actor, readonly Outcome[]>> = {
  'admin:national': [A, A, A, A, A, N, A],
  'admin:province': [A, A, A, A, N, N, F],
  'admin:commune': [N, A, A, N, N, N, F],
  'admin:cell': [N, N, A, N, N, N, F],
  'organizer:province': [A, A, A, A, N, N, F],
  'organizer:commune': [N, A, A, N, N, N, F],
  'organizer:cell': [N, N, A, N, N, N, F],
  'inspector:province': [A, A, A, A, N, N, F],
  'inspector:commune': [N, A, A, N, N, N, F],
  'inspector:cell': [N, N, A, N, N, N, F],
  'analyst:province': [A, A, A, A, N, N, F],
  'analyst:commune': [N, A, A, N, N, N, F],
  'analyst:cell': [N, N, A, N, N, N, F],
  'service:province': [A, A, A, A, N, N, F],
  // Members hold no STATISTICS_READ anywhere: refused before any unit is looked up.
  'member:cell': [F, F, F, F, F, F, F],
  norole: [F, F, F, F, F, F, F],
  anonymous: [U, U, U, U, U, U, U],
};

describe.each(cells(UNITS, READ))('%s reads the statistics of %s', (actor, column, outcome) => {
  test(outcome, async () => {
    expectOutcome(await app.run(actor, 'query($u: ID) { statistics(unitId: $u, period: { year: 2026 }) { members { total } } }', { u: unitArg(column) }), 'statistics', outcome);
  });
});

const PERSONAL = /fullName|birthDate|citizenId|partyCardNumber|phone|address|religion|username|displayName/i;

test('nothing an answer can reach, apart from units and topics, is about a person', () => {
  const schema = buildGraphQLSchema();
  const seen = new Set<string>();
  const offending: string[] = [];
  const visit = (type: GraphQLOutputType, via: string): void => {
    const named = type instanceof GraphQLNonNull || type instanceof GraphQLList ? type.ofType : type;
    if (named instanceof GraphQLNonNull || named instanceof GraphQLList) return visit(named, via);
    if (!(named instanceof GraphQLObjectType) || seen.has(named.name)) return;
    seen.add(named.name);
    // Units are organisations, shown to these callers already; their member lists are scoped by MEMBERS_READ.
    if (named.name === 'OrgUnit') return;
    if (['Member', 'Account', 'MemberPosition', 'Meeting'].includes(named.name)) offending.push(`${via} → ${named.name}`);
    for (const [name, field] of Object.entries(named.getFields())) {
      if (PERSONAL.test(name)) offending.push(`${named.name}.${name}`);
      visit(field.type, `${named.name}.${name}`);
    }
  };
  visit(schema.getQueryType()?.getFields().statistics.type as GraphQLOutputType, 'statistics');
  expect(seen.has('Statistics')).toBe(true);
  expect(offending).toEqual([]);
});

test.each(['analyst:province', 'service:province'] as const)('%s gets every section, and no name or birth date of a member', async (actor) => {
  const result = await app.run(actor, STATISTICS.replace('unit { name }', 'unit { name } children(first: 10) { nodes { unit { name } members { total } } }'),
    { u: gid('OrgUnit', app.fixture.units.province.id), p: { year: 2026 } });
  expect(result.errors).toBeUndefined();
  const text = JSON.stringify(result.data);
  expect(JSON.parse(text).statistics.members.total).toBe(7);
  const people = await app.sql<{ full_name: string; birth_date: string; phone: string }>("select full_name, birth_date::text, phone from member");
  for (const p of people) {
    expect(text).not.toContain(p.full_name);
    expect(text).not.toContain(p.birth_date);
    expect(text).not.toContain(p.phone);
  }
});

describe('counts equal what the same caller counts from the rows they may see', () => {
  const count = async (actor: Actor, query: string, variables: Record<string, unknown>): Promise<number> => {
    const result = await app.run(actor, query, variables);
    expect(result.errors).toBeUndefined();
    return (Object.values(result.data as Record<string, { totalCount: number }>)[0]).totalCount;
  };
  const stats = async (actor: Actor, unit: 'province' | 'commune'): Promise<any> =>
    (await app.run(actor, STATISTICS, { u: gid('OrgUnit', app.fixture.units[unit].id), p: { year: 2026 } })).data?.statistics;

  test.each(['organizer:commune', 'organizer:province', 'inspector:province', 'admin:province'] as const)('%s: members by status and gender against the member lists', async (actor) => {
    const unit = actor.endsWith('commune') ? 'commune' : 'province';
    const s = await stats(actor, unit);
    const subtreeOf = gid('OrgUnit', app.fixture.units[unit].id);
    const list = (filter: Record<string, unknown>): Promise<number> => count(actor, 'query($f: MemberFilterInput) { members(filter: $f) { totalCount } }', { f: { subtreeOf, ...filter } });
    expect(s.members.total).toBe(await list({}));
    for (const status of ['OFFICIAL', 'PROBATIONARY']) expect(s.members.status.find((x: any) => x.key === status).count).toBe(await list({ statuses: [status] }));
    for (const gender of ['MALE', 'FEMALE']) expect(s.members.gender.find((x: any) => x.key === gender).count).toBe(await list({ genders: [gender] }));
  });

  test.each(['analyst:province', 'analyst:commune', 'service:province'] as const)('%s: units by kind and cell type against the unit lists', async (actor) => {
    const unit = actor.endsWith('commune') ? 'commune' : 'province';
    const s = await stats(actor, unit);
    const subtreeOf = gid('OrgUnit', app.fixture.units[unit].id);
    const list = (filter: Record<string, unknown>): Promise<number> => count(actor, 'query($f: OrgUnitFilterInput) { orgUnits(filter: $f, first: 1) { totalCount } }', { f: { subtreeOf, statuses: ['ACTIVE'], ...filter } });
    // The unit itself is in its own subtree's list, not among its organisations.
    expect(s.units.total).toBe((await list({})) - 1);
    for (const { kind, count: n } of s.units.byKind.filter((k: any) => k.kind !== 'PROVINCE')) expect([kind, n]).toEqual([kind, await list({ kinds: [kind] }) - (kind === 'COMMUNE_COMMITTEE' && unit === 'commune' ? 1 : 0)]);
    for (const { cellType, count: n } of s.units.byCellType) expect([cellType, n]).toEqual([cellType, await list({ kinds: ['CELL', 'GRASSROOTS_CELL'], cellTypes: [cellType] })]);
  });
});
