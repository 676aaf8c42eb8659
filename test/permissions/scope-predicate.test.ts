import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #15 item 11, in place of row-level security (decisions.md §37): every statement that reads
 * a tenant table while a narrowly scoped caller reads through the API carries that caller's
 * scope predicate, so a query that forgot its scopeFilter fails here instead of answering
 * another commune's rows. Tenant tables are found, not listed: every table with a unit path.
 */
let app: TestApp;
let tenantTables: string[];
let statements: string[] = [];
const record = (query: { sql: string; bindings?: unknown }): void => {
  statements.push(`${query.sql} -- ${JSON.stringify(query.bindings ?? [])}`);
};

beforeAll(async () => {
  app = await createTestApp();
  const rows = await app.sql<{ table_name: string }>(
    `select distinct table_name from information_schema.columns where table_schema = 'public' and column_name in ('unit_path', 'path') and table_name not like 'mikro%' order by 1`,
  );
  tenantTables = rows.map((r) => r.table_name);
  app.orm.em.getConnection().getKnex().on('query', record);
});
afterAll(async () => {
  app.orm.em.getConnection().getKnex().off('query', record);
  await app?.close();
});

/** The caller: an admin of the commune Bình Lư; their scope is its subtree. */
const AS = 'admin:commune' as const;

/** Statements of one request that read a tenant table, with the tables they read. */
function tenantReads(captured: readonly string[]): Array<{ sql: string; tables: string[] }> {
  return captured
    .filter((sql) => /^\s*(with|select)\b/i.test(sql))
    .map((sql) => ({ sql, tables: tenantTables.filter((t) => new RegExp(`\\b(from|join)\\s+"?${t}"?\\b`, 'i').test(sql)) }))
    .filter((s) => s.tables.length > 0);
}

/**
 * The scope predicate: the commune's path as a prefix (LIKE '/1/2/%', or a bound '/1/2/%'), or
 * subtree ranges (path ~>=~ k.path …) whose every key path lies inside the commune.
 */
function scoped(sql: string, communePath: string): boolean {
  const prefix = `${communePath}%`;
  if (sql.includes(`like '${prefix}'`) || (/\blike \?/.test(sql) && sql.includes(`"${prefix}"`))) return true;
  // Per-key subtree ranges (counts under each unit of a page): scoped when every key path lies inside the scope.
  const keys = /unnest\(string_to_array\('([^']*)', ','\)::text\[\]\) with ordinality as k\((path|key), ord\)/.exec(sql);
  return keys !== null && /~>=~ k\.(path|key) and \S+ ~<~ \(k\.(path|key) \|\| '~'\)/.test(sql) && keys[1].split(',').every((path) => path.startsWith(communePath));
}

/**
 * Statements that read a tenant table without the caller's predicate, on purpose: identifying the
 * caller reads their own grants (role_assignment of their account). Each entry matches one
 * statement shape and says why.
 */
const UNSCOPED_BY_DESIGN: ReadonlyArray<[RegExp, string]> = [[/from account a\s+left join lateral \(\s*select ra\.id as ra_id/, "the viewer's own grants"]];

const reads = (): ReadonlyArray<[string, string, () => Record<string, unknown>]> => {
  const { units, members } = app.fixture;
  const commune = toGlobalId('OrgUnit', units.commune.id);
  const cell = toGlobalId('OrgUnit', units.cell.id);
  const member = toGlobalId('Member', Object.values(members).find((m) => m.unit === 'cell')!.id);
  return [
    ['units by filter', '{ orgUnits(first: 10) { totalCount nodes { id name memberCount parent { id } } } }', () => ({})],
    ['a unit and its cells with members', 'query($u: ID!) { orgUnit(id: $u) { name descendants(kind: CELL, first: 5) { totalCount nodes { name members(first: 3) { totalCount nodes { fullName } } } } } }', () => ({ u: commune })],
    ['members by filter', '{ members(first: 10, filter: { nameContains: "a" }) { totalCount nodes { id fullName unit { name } } } }', () => ({})],
    ['a member by id', 'query($m: ID!) { member(id: $m) { fullName unit { name path: id } } }', () => ({ m: member })],
    ['node and nodes', 'query($m: ID!, $c: ID!) { node(id: $m) { id } nodes(ids: [$m, $c]) { id } }', () => ({ m: member, c: cell })],
    ['meetings', '{ meetings(first: 5) { totalCount nodes { id heldOn } } }', () => ({})],
    ['transfers', '{ memberTransfers(first: 5) { totalCount } }', () => ({})],
    ['inspections', '{ inspections(first: 5) { totalCount } }', () => ({})],
    ['annual grades', '{ annualGrades(first: 5) { totalCount } }', () => ({})],
    ['audit log', '{ auditLog(first: 5) { totalCount } }', () => ({})],
  ];
};

test('the tenant tables are found (control)', () => {
  expect(tenantTables).toEqual(expect.arrayContaining(['member', 'org_unit', 'meeting', 'membership', 'audit_entry', 'role_assignment']));
});

test('every read of a tenant table by a commune admin carries the commune scope', async () => {
  const communePath = app.fixture.units.commune.path;
  const missing: string[] = [];
  let checked = 0;
  for (const [name, query, variables] of reads()) {
    statements = [];
    const result = await app.run(AS, query, variables());
    expect([name, result.errors]).toEqual([name, undefined]);
    for (const { sql, tables } of tenantReads(statements)) {
      checked += 1;
      if (scoped(sql, communePath) || UNSCOPED_BY_DESIGN.some(([shape]) => shape.test(sql))) continue;
      missing.push(`${name} [${tables.join(', ')}]: ${sql.slice(0, 400)}`);
    }
  }
  expect(checked).toBeGreaterThan(10);
  expect(missing).toEqual([]);
});
