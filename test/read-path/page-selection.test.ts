import { createTestApp, type TestApp } from '../support/test-app';
import { unitGid } from '../support/permission-cases';

/**
 * List pages fetch only the columns their nodes' selected fields read (src/schema/selected-columns.ts):
 * plain fields by their column, fragments included; every column as soon as a field with a resolver
 * of its own is selected. The answers are the same either way.
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
  const pageSql = statements.find((sql) => sql.includes('cross join lateral') && sql.includes('from member t'));
  if (pageSql === undefined) throw new Error(`no member page statement among ${JSON.stringify(statements)}`);
  return { data: result.data, pageSql };
}

const lateralSelect = (sql: string): string => sql.slice(sql.indexOf('cross join lateral (select ') + 'cross join lateral (select '.length, sql.indexOf(' from member t'));

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
