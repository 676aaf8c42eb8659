import { createTestApp, type TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';

/**
 * Relay pagination on orgUnits and on nested connections (children, descendants):
 * forward and backward walks cover the list exactly once, pageInfo and cursors are right.
 * A commune "Đảng bộ xã Phân Trang" holds 23 cells "Chi bộ thôn 1" … "Chi bộ thôn 23", created shuffled.
 */
let app: TestApp;
let communeId: string;
const TOTAL = 23;
const NAMES = Array.from({ length: TOTAL }, (_, i) => `Chi bộ thôn ${i + 1}`);

beforeAll(async () => {
  app = await createTestApp();
  const CREATE = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }';
  communeId = ok(await app.run('admin:province', CREATE, {
    input: { parentId: gid('OrgUnit', app.fixture.units.province.id), kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Phân Trang' },
  })).createOrgUnit.id;
  for (let i = 0; i < TOTAL; i += 1) {
    const name = NAMES[(i * 7) % TOTAL]; // 7 is coprime with 23: a permutation
    ok(await app.run('admin:province', CREATE, { input: { parentId: communeId, kind: 'CELL', name, cellType: 'RESIDENTIAL' } }));
  }
});
afterAll(() => app.close());

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { name: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
type PageArgs = { first?: number; last?: number; after?: string | null; before?: string | null };

const SELECTION = 'totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const ARGS = '$first: Int, $last: Int, $after: String, $before: String';
const PASS = 'first: $first, last: $last, after: $after, before: $before';

/** The three lists under test, all over the 23 cells. */
const LISTS: Record<string, (args: PageArgs) => Promise<Connection>> = {
  orgUnits: async (args) =>
    ok(await app.run('admin:province', `query($s: ID, ${ARGS}) { orgUnits(filter: { subtreeOf: $s, kinds: [CELL] }, ${PASS}) { ${SELECTION} } }`, { s: communeId, ...args })).orgUnits,
  children: async (args) => ok(await app.run('admin:province', `query($id: ID!, ${ARGS}) { orgUnit(id: $id) { children(${PASS}) { ${SELECTION} } } }`, { id: communeId, ...args })).orgUnit.children,
  descendants: async (args) =>
    ok(await app.run('admin:province', `query($id: ID!, ${ARGS}) { orgUnit(id: $id) { descendants(kind: CELL, ${PASS}) { ${SELECTION} } } }`, { id: communeId, ...args })).orgUnit.descendants,
};

const names = (c: Connection): string[] => c.edges.map((e) => e.node.name);

function checkPageInfo(page: Connection): void {
  expect(page.totalCount).toBe(TOTAL);
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
}

describe.each(Object.keys(LISTS))('%s', (listName) => {
  const list = (args: PageArgs): Promise<Connection> => LISTS[listName](args);

  test('first/after walks every page once, in order, with no duplicates or gaps', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = await list({ first: 5, after });
      checkPageInfo(page);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...names(page));
      sizes.push(page.edges.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    expect(seen).toEqual(NAMES);
  });

  test('last/before walks back every page once, and meets the forward order', async () => {
    const pages: string[][] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = await list({ last: 5, before });
      checkPageInfo(page);
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      pages.unshift(names(page));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(pages.map((p) => p.length)).toEqual([3, 5, 5, 5, 5]);
    expect(pages.flat()).toEqual(NAMES);
  });

  test('last alone is the end of the list', async () => {
    const page = await list({ last: 4 });
    expect(names(page)).toEqual(NAMES.slice(-4));
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    checkPageInfo(page);
  });

  test('first alone is the start of the list', async () => {
    const page = await list({ first: 4 });
    expect(names(page)).toEqual(NAMES.slice(0, 4));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  test('without first or last the page holds 20 items', async () => {
    const page = await list({});
    expect(names(page)).toEqual(NAMES.slice(0, 20));
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  test('first equal to the total has no next page', async () => {
    const page = await list({ first: TOTAL });
    expect(names(page)).toEqual(NAMES);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  test('first: 0 gives no edges and null cursors', async () => {
    const page = await list({ first: 0 });
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasNextPage: true });
    expect(page.totalCount).toBe(TOTAL);
  });

  test('after the last cursor is empty with no next page', async () => {
    const all = await list({ first: TOTAL });
    const page = await list({ first: 5, after: all.pageInfo.endCursor });
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  test('before the first cursor is empty with no previous page', async () => {
    const all = await list({ first: TOTAL });
    const page = await list({ last: 5, before: all.pageInfo.startCursor });
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  test('an edge cursor used as after continues right after that edge', async () => {
    const all = await list({ first: TOTAL });
    const page = await list({ first: 3, after: all.edges[9].cursor });
    expect(names(page)).toEqual(NAMES.slice(10, 13));
    expect(page.edges.map((e) => e.cursor)).toEqual(all.edges.slice(10, 13).map((e) => e.cursor));
  });

  test('last with before takes the items just before that edge', async () => {
    const all = await list({ first: TOTAL });
    const page = await list({ last: 3, before: all.edges[9].cursor });
    expect(names(page)).toEqual(NAMES.slice(6, 9));
  });

  test('last larger than what precedes before is cut at the start', async () => {
    const all = await list({ first: TOTAL });
    const page = await list({ last: 10, before: all.edges[2].cursor });
    expect(names(page)).toEqual(NAMES.slice(0, 2));
    expect(page.pageInfo.hasPreviousPage).toBe(false);
  });
});

test('nested pages of several parents in one query each hold their own window and pageInfo', async () => {
  const data = ok(await app.run('admin:province', `{ orgUnits(filter: { kinds: [COMMUNE_COMMITTEE] }) { nodes { name children(first: 2) { ${SELECTION} } } } }`));
  const byName = Object.fromEntries(data.orgUnits.nodes.map((n: { name: string; children: Connection }) => [n.name, n.children]));
  expect(names(byName['Đảng bộ xã Phân Trang'])).toEqual(NAMES.slice(0, 2));
  expect(byName['Đảng bộ xã Phân Trang'].pageInfo.hasNextPage).toBe(true);
  expect(byName['Đảng bộ xã Phân Trang'].totalCount).toBe(TOTAL);
  expect(names(byName['Đảng bộ xã Bình Lư'])).toEqual(['Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư']);
  expect(byName['Đảng bộ xã Bình Lư'].pageInfo.hasNextPage).toBe(false);
  expect(byName['Đảng bộ xã Bình Lư'].totalCount).toBe(2);
  expect(names(byName['Đảng bộ xã Phong Thổ'])).toEqual(['Chi bộ bản Lả Mường']);
});

test('nested backward pages of several parents each count their own list', async () => {
  const data = ok(await app.run('admin:province', `{ orgUnits(filter: { kinds: [COMMUNE_COMMITTEE] }) { nodes { name children(last: 1) { ${SELECTION} } } } }`));
  const byName = Object.fromEntries(data.orgUnits.nodes.map((n: { name: string; children: Connection }) => [n.name, n.children]));
  expect(names(byName['Đảng bộ xã Phân Trang'])).toEqual([NAMES[TOTAL - 1]]);
  expect(byName['Đảng bộ xã Phân Trang'].pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  expect(names(byName['Đảng bộ xã Bình Lư'])).toEqual(['Chi bộ Trường Tiểu học Bình Lư']);
  expect(names(byName['Đảng bộ xã Phong Thổ'])).toEqual(['Chi bộ bản Lả Mường']);
  expect(byName['Đảng bộ xã Phong Thổ'].pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
});

test('cursors of a DESC list walk the reversed order', async () => {
  const query = `query($s: ID, $after: String) { orgUnits(filter: { subtreeOf: $s, kinds: [CELL] }, orderBy: { field: NAME, direction: DESC }, first: 10, after: $after) { ${SELECTION} } }`;
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 5; guard += 1) {
    const page: Connection = ok(await app.run('admin:province', query, { s: communeId, after })).orgUnits;
    seen.push(...names(page));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual([...NAMES].reverse());
});

describe('cursors on both sides', () => {
  // Relay allows `first` with `before` and `last` with `after`: both bounds apply. pageWindow
  // (src/services/pagination.ts) keeps only one of them and silently drops the other, so these
  // pages reach past the cursor the client gave. Either honour both bounds or reject the pair
  // (BAD_USER_INPUT); a window that ignores a bound is wrong. Not a small fix: the forward
  // window would need an end bound through batched-page.ts.
  const windowOrRejection = async (args: PageArgs): Promise<string[] | 'rejected'> => {
    const result = await app.run('admin:province', `query($id: ID!, ${ARGS}) { orgUnit(id: $id) { children(${PASS}) { ${SELECTION} } } }`, { id: communeId, ...args });
    if (result.errors) return result.errors[0].extensions?.code === 'BAD_USER_INPUT' ? 'rejected' : [];
    return names((result.data as any).orgUnit.children);
  };

  test('first with after and before stays between the two cursors', async () => {
    const all = await LISTS.children({ first: TOTAL });
    const page = await windowOrRejection({ first: 5, after: all.edges[3].cursor, before: all.edges[5].cursor });
    expect(page === 'rejected' || JSON.stringify(page) === JSON.stringify([NAMES[4]])).toBe(true);
  });

  test('last with after and before stays between the two cursors', async () => {
    const all = await LISTS.children({ first: TOTAL });
    const page = await windowOrRejection({ last: 5, after: all.edges[20].cursor, before: all.edges[22].cursor });
    expect(page === 'rejected' || JSON.stringify(page) === JSON.stringify([NAMES[21]])).toBe(true);
  });
});
