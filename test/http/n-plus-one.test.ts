import { toGlobalId } from '../../src/services/global-id';
import { personSortKey, searchKey, sortKey } from '../../src/services/tree/vietnamese-text';
import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';

/**
 * The number of SQL statements of a nested query depends on its shape, never on the data:
 * growing from 2 to 20 cells and from a few to 200 members must not add a single statement.
 */
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

// Pages sized to stay under the query cost limit (QUERY_LIMITS.maxCost), which multiplies by `first`.
const PROVINCE_TREE = `query($id: ID!) {
  orgUnit(id: $id) {
    name
    committees: children(first: 4) {
      nodes {
        name
        cells: children(first: 20) {
          totalCount
          nodes { name members(first: 20) { totalCount nodes { fullName } } }
        }
      }
    }
  }
}`;

const COMMUNE_CELLS = `query($id: ID!) {
  orgUnit(id: $id) {
    descendants(kind: CELL, first: 100) {
      totalCount
      edges { node { name members(first: 20) { totalCount edges { node { fullName } } } } }
    }
  }
}`;

interface MemberPage {
  totalCount: number;
}

async function measure(query: string, unit: 'province' | 'commune'): Promise<{ statements: number; result: GqlResult }> {
  const { result, statements } = await app.countSql(() => app.run('organizer:province', query, { id: toGlobalId('OrgUnit', app.fixture.units[unit].id) }));
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { statements, result };
}

/** Adds `cells` cells under the commune; the first gets `first` members, the others `each`. */
async function growCommune(cells: number, first: number, each: number): Promise<void> {
  const commune = app.fixture.units.commune;
  const [{ province_id: provinceId }] = await app.sql<{ province_id: number }>('select province_id from org_unit where id = ?', [commune.id]);
  for (let c = 0; c < cells; c += 1) {
    const [{ id }] = await app.sql<{ id: number }>("select nextval('org_unit_id_seq')::int as id");
    const path = `${commune.path}${id}/`;
    const name = `Chi bộ thôn số ${c + 1}`;
    await app.sql(
      'insert into org_unit (id, province_id, parent_id, path, depth, kind, cell_type, name, name_search, name_sort_key) values (?,?,?,?,?,?,?,?,?,?)',
      [id, provinceId, commune.id, path, path.split('/').length - 3, 'CELL', 'RESIDENTIAL', name, searchKey(name), sortKey(name)],
    );
    const count = c === 0 ? first : each;
    for (let m = 0; m < count; m += 1) {
      const fullName = `Đảng viên ${c + 1}.${m + 1}`;
      await app.sql(
        `insert into member (province_id, unit_id, unit_path, full_name, name_search, name_sort_key, gender, ethnicity, admission_date, status)
         values (?,?,?,?,?,?,?,?,?,?)`,
        [provinceId, id, path, fullName, searchKey(fullName), personSortKey(fullName), m % 2 ? 'MALE' : 'FEMALE', 'Kinh', '2015-01-01', 'PROBATIONARY'],
      );
    }
  }
}

describe('statement counts do not grow with the data', () => {
  let before: { province: number; commune: number };

  beforeAll(async () => {
    const province = await measure(PROVINCE_TREE, 'province');
    const commune = await measure(COMMUNE_CELLS, 'commune');
    before = { province: province.statements, commune: commune.statements };
    const cells = (commune.result.data?.orgUnit as { descendants: { totalCount: number; edges: { node: { members: MemberPage } }[] } }).descendants;
    // The starting point: 2 cells with a few members.
    expect(cells.totalCount).toBe(2);
    expect(cells.edges.reduce((n, e) => n + e.node.members.totalCount, 0)).toBeLessThan(10);

    // 18 more cells: 20 in all; 25 + 17 × 10 + the 5 of the fixture = 200 members.
    await growCommune(18, 25, 10);
  });

  test('province → committees → cells → first 20 members: the same statement count with 20 cells and 200 members', async () => {
    const { statements, result } = await measure(PROVINCE_TREE, 'province');
    const committees = (result.data?.orgUnit as { committees: { nodes: { name: string; cells: { totalCount: number; nodes: { members: { totalCount: number; nodes: unknown[] } }[] } }[] } }).committees.nodes;
    const commune = committees.find((c) => c.name === app.fixture.units.commune.name);
    expect(commune?.cells.totalCount).toBe(20);
    expect(commune?.cells.nodes.reduce((n, c) => n + c.members.totalCount, 0)).toBe(200);
    expect(Math.max(...(commune?.cells.nodes ?? []).map((c) => c.members.nodes.length))).toBe(20);
    expect(statements).toBe(before.province);
  });

  test('commune descendants(kind: CELL) → first 20 members: the same statement count with 20 cells and 200 members', async () => {
    const { statements, result } = await measure(COMMUNE_CELLS, 'commune');
    const cells = (result.data?.orgUnit as { descendants: { totalCount: number; edges: { node: { members: { totalCount: number; edges: unknown[] } } }[] } }).descendants;
    expect(cells.totalCount).toBe(20);
    expect(cells.edges).toHaveLength(20);
    expect(cells.edges.reduce((n, e) => n + e.node.members.totalCount, 0)).toBe(200);
    expect(Math.max(...cells.edges.map((e) => e.node.members.edges.length))).toBe(20);
    expect(statements).toBe(before.commune);
  });

  test('the statement count stays small: a handful per level of the query, not per row', () => {
    expect(before.province).toBeLessThanOrEqual(12);
    expect(before.commune).toBeLessThanOrEqual(8);
  });
});
