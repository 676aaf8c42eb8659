import { createTestApp, type TestApp } from '../support/test-app';
import { unitGid } from '../support/permission-cases';

/**
 * List pages fetch only the columns their nodes' selected fields read (src/schema/page-selection.ts):
 * plain fields by their column, fragments included; every column as soon as a field with a resolver
 * of its own is selected; the total in the page's own statement when it is selected. The answers
 * are the same either way.
 */
let app: TestApp;
const statements: string[] = [];

beforeAll(async () => {
  app = await createTestApp();
  app.orm.em.getConnection().getKnex().on('query', (query: { sql: string }) => statements.push(query.sql));
});
afterAll(() => app.close());

async function membersPage(selection: string, fragments = ''): Promise<{ data: unknown; pageSql: string }> {
  statements.length = 0;
  const result = await app.run('organizer:commune', `query($id: ID!) { orgUnit(id: $id) { members(first: 5) { edges { node { ${selection} } } } } } ${fragments}`, { id: unitGid(app.fixture, 'commune') });
  expect(result.errors).toBeUndefined();
  const pageSql = statements.find((sql) => sql.includes('lateral (select true') && sql.includes('from member t'));
  if (pageSql === undefined) throw new Error(`no member page statement among ${JSON.stringify(statements)}`);
  return { data: result.data, pageSql };
}

const lateralSelect = (sql: string): string => {
  const start = sql.indexOf('lateral (select true as "__row", ') + 'lateral (select true as "__row", '.length;
  return sql.slice(start, sql.indexOf(' from member t', start));
};

test('plain fields: their columns and the structural ones, nothing personal that was not asked for', async () => {
  const { pageSql } = await membersPage('id fullName status');
  const select = lateralSelect(pageSql);
  expect(select).toContain('t."full_name"');
  expect(select).toContain('t."unit_path"');
  expect(select).toContain('t."id"');
  expect(select).not.toContain('t.*');
  expect(select).not.toContain('address');
  expect(select).not.toContain('citizen_id');
});

test('fields selected through named and inline fragments are fetched too', async () => {
  const { data, pageSql } = await membersPage('id ...Contact ... on Member { birthDate }', 'fragment Contact on Member { address }');
  const select = lateralSelect(pageSql);
  expect(select).toContain('t."address"');
  expect(select).toContain('t."birth_date"');
  const full = await membersPage('id address birthDate probationEndsOn');
  const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/,"probationEndsOn":(null|"[^"]*")/g, ''));
  expect(data).toEqual(strip(full.data));
});

test('a field with a resolver of its own fetches every column, with the same answers', async () => {
  const { data, pageSql } = await membersPage('id fullName probationEndsOn unit { id }');
  expect(lateralSelect(pageSql)).toBe('t.*');
  const rows = await app.sql<{ n: number }>("select count(*)::int as n from member where status = 'PROBATIONARY'");
  expect(rows[0].n).toBeGreaterThan(0);
  expect(JSON.stringify(data)).toContain('"probationEndsOn":"20');
});

test('totalCount selected: counted in the page statement, also for a parent whose page is empty', async () => {
  const query = `query($id: ID!, $after: String) { orgUnit(id: $id) { descendants(kind: CELL, first: 2) { totalCount edges { node { id
    members(first: 2, after: $after) { totalCount pageInfo { hasNextPage } edges { node { id fullName } } } } } } } }`;
  const run = async (after: string | null): Promise<{ data: unknown; statements: number }> => {
    statements.length = 0;
    const result = await app.run('organizer:commune', query, { id: unitGid(app.fixture, 'commune'), after });
    expect(result.errors).toBeUndefined();
    // The harness loads the caller first (src/auth/identify.ts's statement); the request's own follow.
    return { data: result.data, statements: statements.filter((sql) => !sql.includes('from account a')).length };
  };
  // Unit, cells page with its count, members pages with their counts: three statements.
  const first = await run(null);
  expect(first.statements).toBe(3);
  // Past the end of every cell's members: empty pages, the totals still there.
  const beyond = await run(Buffer.from('o:50').toString('base64url'));
  const cells = (beyond.data as { orgUnit: { descendants: { edges: Array<{ node: { members: { totalCount: number; edges: unknown[] } } }> } } }).orgUnit.descendants.edges;
  expect(cells.map((c) => c.node.members.edges.length)).toEqual([0, 0]);
  const counts = await app.sql<{ n: number }>("select count(*)::int as n from member m join org_unit u on u.id = m.unit_id where u.parent_id = ? and m.status in ('PROBATIONARY', 'OFFICIAL') group by u.id order by u.id", [app.fixture.units.commune.id]);
  expect(cells.map((c) => c.node.members.totalCount).sort()).toEqual(counts.map((c) => c.n).sort());
});
