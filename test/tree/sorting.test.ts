// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): Vietnamese order
import { sortKey } from '../../src/services/tree/vietnamese-text';
import { createTestApp, type TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';

/**
 * Units sort in Vietnamese alphabetical order (sortKey in vietnamese-text.ts): a ă â b c d đ e ê …,
 * a word that is a prefix first, tones only between otherwise equal names, numbers naturally.
 * The units are created through the API, in an order unrelated to their names.
 */
let app: TestApp;
let communeId: string;

/** In the expected NAME ASC order. */
const SORTED = [
  'Chi bộ An',
  'Chi bộ An Bình',
  'Chi bộ Ánh',
  'Chi bộ Ăn',
  'Chi bộ Âu',
  'Chi bộ Ba',
  'Chi bộ Bà',
  'Chi bộ Bả',
  'Chi bộ Bã',
  'Chi bộ Bá',
  'Chi bộ Bạ',
  'Chi bộ Bình',
  'Chi bộ Dương',
  'Chi bộ Đông',
  'Chi bộ Oanh',
  'Chi bộ Ông',
  'Chi bộ Ơn',
  'Chi bộ thôn 2',
  'Chi bộ thôn 10',
];
/** Creation order: a fixed shuffle. */
const CREATED = [12, 3, 17, 0, 8, 14, 5, 18, 1, 10, 6, 15, 2, 13, 9, 4, 16, 7, 11].map((i) => SORTED[i]);

const CREATE = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }';
const CHILDREN = 'query($id: ID!, $order: ListOrderInput) { orgUnit(id: $id) { children(first: 100, orderBy: $order) { nodes { name } } } }';
const LIST = 'query($s: ID, $order: ListOrderInput) { orgUnits(first: 100, filter: { subtreeOf: $s, kinds: [CELL] }, orderBy: $order) { nodes { name } } }';

beforeAll(async () => {
  app = await createTestApp();
  const commune = ok(await app.run('admin:province', CREATE, {
    input: { parentId: gid('OrgUnit', app.fixture.units.province.id), kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Sắp Xếp' },
  }));
  communeId = commune.createOrgUnit.id;
  for (const name of CREATED) {
    ok(await app.run('admin:province', CREATE, { input: { parentId: communeId, kind: 'CELL', name, cellType: 'RESIDENTIAL' } }));
  }
});
afterAll(() => app.close());

async function childNames(order?: Record<string, string>): Promise<string[]> {
  const data = ok(await app.run('admin:province', CHILDREN, { id: communeId, order }));
  return data.orgUnit.children.nodes.map((n: { name: string }) => n.name);
}

test('the expected order is the order of sortKey', () => {
  const byKey = [...SORTED].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  expect(byKey).toEqual(SORTED);
});

test('children sort by name in Vietnamese order by default', async () => {
  expect(await childNames()).toEqual(SORTED);
});

test('NAME ASC puts A before Ă before Â before B, and D before Đ', async () => {
  const names = await childNames({ field: 'NAME', direction: 'ASC' });
  const at = (name: string): number => names.indexOf(name);
  expect(at('Chi bộ An')).toBeLessThan(at('Chi bộ Ánh'));
  expect(at('Chi bộ Ánh')).toBeLessThan(at('Chi bộ Ăn'));
  expect(at('Chi bộ Ăn')).toBeLessThan(at('Chi bộ Âu'));
  expect(at('Chi bộ Âu')).toBeLessThan(at('Chi bộ Bình'));
  expect(at('Chi bộ Bình')).toBeLessThan(at('Chi bộ Dương'));
  expect(at('Chi bộ Dương')).toBeLessThan(at('Chi bộ Đông'));
});

test('NAME ASC orders tones none, huyền, hỏi, ngã, sắc, nặng between otherwise equal names', async () => {
  const names = await childNames({ field: 'NAME', direction: 'ASC' });
  expect(names.filter((n) => /^Chi bộ B[aàảãáạ]$/u.test(n))).toEqual(['Chi bộ Ba', 'Chi bộ Bà', 'Chi bộ Bả', 'Chi bộ Bã', 'Chi bộ Bá', 'Chi bộ Bạ']);
});

test('NAME ASC orders o, ô, ơ as three letters and numbers naturally', async () => {
  const names = await childNames({ field: 'NAME', direction: 'ASC' });
  expect(names.slice(-5)).toEqual(['Chi bộ Oanh', 'Chi bộ Ông', 'Chi bộ Ơn', 'Chi bộ thôn 2', 'Chi bộ thôn 10']);
});

test('NAME DESC is the exact reverse', async () => {
  expect(await childNames({ field: 'NAME', direction: 'DESC' })).toEqual([...SORTED].reverse());
});

test('CREATED_AT ASC is creation order', async () => {
  expect(await childNames({ field: 'CREATED_AT', direction: 'ASC' })).toEqual(CREATED);
});

test('CREATED_AT DESC is the reverse of creation order', async () => {
  expect(await childNames({ field: 'CREATED_AT', direction: 'DESC' })).toEqual([...CREATED].reverse());
});

test('orgUnits sorts the same way as children', async () => {
  const data = ok(await app.run('admin:province', LIST, { s: communeId, order: { field: 'NAME' } }));
  expect(data.orgUnits.nodes.map((n: { name: string }) => n.name)).toEqual(SORTED);
});

test('names that differ only in case sort together, then by creation', async () => {
  ok(await app.run('admin:province', CREATE, { input: { parentId: communeId, kind: 'CELL', name: 'chi bộ an', cellType: 'RESIDENTIAL' } }));
  const names = await childNames();
  expect(names.slice(0, 3)).toEqual(['Chi bộ An', 'chi bộ an', 'Chi bộ An Bình']);
});

test('a rename moves the unit to its new place', async () => {
  const data = ok(await app.run('admin:province', LIST, { s: communeId, order: { field: 'NAME' } }));
  expect(data.orgUnits.nodes[0].name).toBe('Chi bộ An');
  const [row] = await app.sql<{ id: number; version: number }>("select id, version from org_unit where name = 'Chi bộ An'");
  ok(await app.run('admin:province', 'mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { id } }', {
    input: { id: gid('OrgUnit', row.id), version: row.version, name: 'Chi bộ Yên' },
  }));
  const names = await childNames();
  expect(names[names.length - 1]).toBe('Chi bộ Yên');
  expect(names[0]).toBe('chi bộ an');
});
