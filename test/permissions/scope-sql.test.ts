import { personSortKey, searchKey, sortKey } from '../../src/services/tree/vietnamese-text';
import type { AccountName } from '../support/fixture';
import { gid } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Rows outside scope are filtered in SQL, not loaded and hidden: lists and totals match raw SQL over
 * the paths, pages are full even when out-of-scope rows sort first, and no statement of a request
 * ever returns a row outside the caller's subtree.
 */
let app: TestApp;
let baselineStatements: number;
const LISTS = '{ orgUnits(first: 100) { totalCount nodes { id } } members(first: 100) { totalCount nodes { id } } }';
const OUT_OF_SCOPE_UNITS = 150;
const OUT_OF_SCOPE_MEMBERS = 200;

beforeAll(async () => {
  app = await createTestApp();
  baselineStatements = (await app.countSql(() => app.run('organizer:commune', LISTS))).statements;
  // Bulk rows outside Bình Lư commune, named to sort before every fixture row ("A…"), half of them
  // inside the province (otherCommune) and half in the other province.
  const unitKey = sortKey('A Chi bộ ngoài phạm vi');
  const memberKey = personSortKey('A A');
  for (const parent of ['otherCommune', 'otherProvinceCommune'] as const) {
    const p = app.fixture.units[parent];
    const [{ province_id: provinceId }] = await app.sql<{ province_id: number }>('select province_id from org_unit where id = ?', [p.id]);
    await app.sql(
      `insert into org_unit (id, province_id, parent_id, path, depth, kind, cell_type, name, name_search, name_sort_key)
       select n.id, ?, ?, ? || n.id || '/', 2, 'CELL', 'RESIDENTIAL', 'A Chi bộ ngoài ' || n.id, ?, ?
         from (select nextval('org_unit_id_seq')::int as id from generate_series(1, ?)) n`,
      [provinceId, p.id, p.path, searchKey('A Chi bộ ngoài'), unitKey, OUT_OF_SCOPE_UNITS / 2],
    );
  }
  for (const cell of ['otherCell', 'otherProvinceCell'] as const) {
    const c = app.fixture.units[cell];
    await app.sql(
      `insert into member (province_id, unit_id, unit_path, full_name, name_search, name_sort_key, gender, ethnicity, admission_date, status)
       select o.province_id, o.id, o.path, 'A A ' || g, 'a a', ?, 'MALE', 'Kinh', '2010-01-01', 'PROBATIONARY'
         from org_unit o cross join generate_series(1, ?) g where o.id = ?`,
      [memberKey, OUT_OF_SCOPE_MEMBERS / 2, c.id],
    );
  }
});
afterAll(() => app.close());

/** Ids the account may see, computed from its role assignments with raw SQL over the paths. */
async function idsInScope(account: AccountName, table: 'org_unit' | 'member', roles: string[]): Promise<number[]> {
  const column = table === 'org_unit' ? 't.path' : 't.unit_path';
  const rows = await app.sql<{ id: number }>(
    `select distinct t.id from ${table} t join role_assignment ra on ${column} like coalesce(ra.unit_path, '') || '%'
      where ra.account_id = ? and ra.revoked_at is null and ra.role = any(string_to_array(?, ',')) order by t.id`,
    [app.fixture.accounts[account], roles.join(',')],
  );
  return rows.map((r) => r.id);
}

/** Every id of a connection, page after page. */
async function allIds(account: AccountName, field: 'orgUnits' | 'members'): Promise<{ ids: number[]; totalCount: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const result = await app.run(account, `query($after: String) { ${field}(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { after });
    expect(result.errors).toBeUndefined();
    const page = result.data?.[field] as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] };
    totalCount = page.totalCount;
    ids.push(...page.nodes.map((n) => Number(Buffer.from(n.id, 'base64url').toString('utf8').split(':')[1])));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids: ids.sort((a, b) => a - b), totalCount };
}

const TREE_READERS = ['ADMIN', 'ORGANIZER', 'INSPECTOR', 'ANALYST', 'MEMBER'];
const MEMBER_READERS = ['ADMIN', 'ORGANIZER', 'INSPECTOR', 'MEMBER'];

describe('lists hold exactly the rows of the subtree, as raw SQL over the paths finds them', () => {
  const UNIT_READERS: AccountName[] = ['admin:national', 'organizer:province', 'organizer:commune', 'inspector:cell', 'analyst:province', 'analyst:commune', 'member:cell'];
  const MEMBER_READERS_ACCOUNTS: AccountName[] = ['admin:national', 'admin:province', 'organizer:commune', 'inspector:province', 'organizer:cell', 'member:cell'];

  test.each(UNIT_READERS)('orgUnits as %s', async (account) => {
    const expected = await idsInScope(account, 'org_unit', TREE_READERS);
    const { ids, totalCount } = await allIds(account, 'orgUnits');
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  test.each(MEMBER_READERS_ACCOUNTS)('members as %s', async (account) => {
    const expected = await idsInScope(account, 'member', MEMBER_READERS);
    const { ids, totalCount } = await allIds(account, 'members');
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  test('the out-of-scope rows exist and are what the province and the nation see', async () => {
    expect((await allIds('organizer:province', 'orgUnits')).totalCount).toBe(6 + OUT_OF_SCOPE_UNITS / 2);
    expect((await allIds('admin:national', 'orgUnits')).totalCount).toBe(9 + OUT_OF_SCOPE_UNITS);
    expect((await allIds('admin:national', 'members')).totalCount).toBe(9 + OUT_OF_SCOPE_MEMBERS);
    expect((await allIds('organizer:commune', 'members')).totalCount).toBe(5);
  });
});

describe('pages are cut in SQL, after the scope predicate', () => {
  test('the rows sorting first in the whole table are out of scope (premise)', async () => {
    const first = await app.sql<{ path: string }>('select path from org_unit order by name_sort_key, id limit 2');
    for (const row of first) expect(row.path.startsWith(app.fixture.units.commune.path)).toBe(false);
    const firstMembers = await app.sql<{ unit_path: string }>('select unit_path from member order by name_sort_key, id limit 2');
    for (const row of firstMembers) expect(row.unit_path.startsWith(app.fixture.units.commune.path)).toBe(false);
  });

  test('a first page of 2 units is full for organizer:commune, with the right total', async () => {
    const result = await app.run('organizer:commune', '{ orgUnits(first: 2, orderBy: { field: NAME }) { totalCount pageInfo { hasNextPage } nodes { name } } }');
    expect(result.data?.orgUnits).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
      nodes: [{ name: 'Chi bộ bản Nậm Cười' }, { name: 'Chi bộ Trường Tiểu học Bình Lư' }],
    });
  });

  test('a last page of 2 members is full for organizer:commune, with the right total', async () => {
    const result = await app.run('organizer:commune', '{ members(last: 2, orderBy: { field: NAME }) { totalCount pageInfo { hasPreviousPage } nodes { fullName } } }');
    expect(result.errors).toBeUndefined();
    const page = result.data?.members as { totalCount: number; pageInfo: { hasPreviousPage: boolean }; nodes: unknown[] };
    expect([page.totalCount, page.pageInfo.hasPreviousPage, page.nodes.length]).toEqual([5, true, 2]);
  });
});

describe('no statement of a request returns a row outside the subtree', () => {
  interface Captured {
    sql: string;
    rows: Array<Record<string, unknown>>;
  }

  async function capture(account: AccountName, query: string, variables?: Record<string, unknown>): Promise<Captured[]> {
    const knex = app.orm.em.getConnection().getKnex();
    const captured: Captured[] = [];
    const onResponse = (response: { rows?: Array<Record<string, unknown>> }, query: { sql: string }): void => {
      captured.push({ sql: query.sql, rows: response?.rows ?? [] });
    };
    knex.on('query-response', onResponse);
    try {
      await app.run(account, query, variables);
    } finally {
      knex.removeListener('query-response', onResponse);
    }
    return captured;
  }

  const outside = (prefix: string, row: Record<string, unknown>): boolean =>
    (typeof row.path === 'string' && !row.path.startsWith(prefix)) || (typeof row.unit_path === 'string' && !row.unit_path.startsWith(prefix));

  /** The caller's own account and grants (incl. positions in cells): identity, not a scoped read. */
  const isIdentity = (sql: string): boolean => sql.trimStart().startsWith('select a.id, a.kind, a.member_id');

  test('organizer:commune: lists, nested lists, lookups in and out of scope, node and nodes', async () => {
    const prefix = app.fixture.units.commune.path;
    const query = `query($in: ID!, $out: ID!, $m: ID!, $mOut: ID!) {
      orgUnits(first: 100) { totalCount nodes { id parent { id } ancestors { id } children { nodes { id } } members { nodes { id } } } }
      members(first: 100) { totalCount nodes { id unit { id } } }
      inside: orgUnit(id: $in) { id }
      member(id: $m) { id }
      node(id: $in) { id }
      nodes(ids: [$out, $mOut, $in, $m]) { id }
    }`;
    const variables = { in: gid('OrgUnit', app.fixture.units.cell.id), out: gid('OrgUnit', app.fixture.units.otherCell.id), m: gid('Member', app.fixture.members['Lò Văn Hùng'].id), mOut: gid('Member', app.fixture.members['Lò Thị Ánh'].id) };
    const captured = await capture('organizer:commune', query, variables);
    const tableReads = captured.filter((c) => /\b(org_unit|member)\b/.test(c.sql) && !isIdentity(c.sql));
    expect(tableReads.length).toBeGreaterThan(3);
    // Every read of units or members carries the scope predicate in its SQL…
    // (memberCount counts inside units already read through scope, and is checked per unit in code.)
    for (const c of tableReads.filter((t) => !/count\(\*\) from member m where m.unit_path ~>=~ k.path/.test(t.sql))) expect(c.sql).toContain(`like '${prefix}%'`);
    // …and no row outside the subtree ever comes back from the database.
    const leaked = captured.flatMap((c) => c.rows.filter((row) => outside(prefix, row)).map((row) => ({ sql: c.sql.slice(0, 80), id: row.id })));
    expect(leaked).toEqual([]);
  });

  test('a lookup of an out-of-scope id loads nothing at all', async () => {
    const captured = await capture('organizer:commune', 'query($id: ID!) { orgUnit(id: $id) { id } }', { id: gid('OrgUnit', app.fixture.units.otherCell.id) });
    const reads = captured.filter((c) => /\borg_unit\b/.test(c.sql) && !isIdentity(c.sql));
    expect(reads).toHaveLength(1);
    expect(reads[0].rows).toEqual([]);
  });

  test('an analyst listing the members of its units loads no member row', async () => {
    const captured = await capture('analyst:province', '{ orgUnits(first: 100) { nodes { memberCount members { totalCount nodes { id } } } } }');
    const memberRows = captured.filter((c) => /from member t\b/.test(c.sql)).flatMap((c) => c.rows.filter((r) => 'full_name' in r));
    expect(memberRows).toEqual([]);
  });
});

describe('the cost of a request does not grow with out-of-scope rows', () => {
  test('organizer:commune lists with the same number of statements before and after 350 rows were added elsewhere', async () => {
    const { statements, result } = await app.countSql(() => app.run('organizer:commune', LISTS));
    expect(result.errors).toBeUndefined();
    expect(statements).toBe(baselineStatements);
  });
});
