import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';

/** parent, ancestors, children, descendants (kind, cellType) and memberCount of a unit, within scope. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const namesOf = (connection: { nodes: { name: string }[] }): string[] => connection.nodes.map((n) => n.name);

async function unit(name: UnitName, selection: string, as: AccountName = 'admin:national'): Promise<Record<string, any>> {
  return ok(await app.run(as, `query($id: ID!) { orgUnit(id: $id) { ${selection} } }`, { id: unitId(name) })).orgUnit;
}

describe('parent', () => {
  test('of a cell is its commune', async () => {
    expect((await unit('cell', 'parent { id name }')).parent).toEqual({ id: unitId('commune'), name: 'Đảng bộ xã Bình Lư' });
  });

  test('of a province is null', async () => {
    expect((await unit('province', 'parent { id }')).parent).toBeNull();
  });

  test('is null when the parent lies outside the viewer scope', async () => {
    expect((await unit('commune', 'parent { id }', 'organizer:commune')).parent).toBeNull();
  });
});

describe('ancestors', () => {
  test('of a cell are the province then the commune', async () => {
    expect((await unit('cell', 'ancestors { name }')).ancestors).toEqual([{ name: 'Đảng bộ tỉnh Lai Châu' }, { name: 'Đảng bộ xã Bình Lư' }]);
  });

  test('of a province are empty', async () => {
    expect((await unit('province', 'ancestors { name }')).ancestors).toEqual([]);
  });

  test('leave out the ancestors outside the viewer scope', async () => {
    expect((await unit('cell', 'ancestors { name }', 'organizer:commune')).ancestors).toEqual([{ name: 'Đảng bộ xã Bình Lư' }]);
  });
});

describe('children', () => {
  test('of a province are its communes, by name', async () => {
    const { children } = await unit('province', 'children { totalCount nodes { name } }');
    expect(children.totalCount).toBe(2);
    expect(namesOf(children)).toEqual(['Đảng bộ xã Bình Lư', 'Đảng bộ xã Phong Thổ']);
  });

  test('of a cell are empty', async () => {
    const { children } = await unit('cell', 'children { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }');
    expect(children).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  test('take a filter', async () => {
    const { children } = await unit('commune', 'children(filter: { cellTypes: [PUBLIC_SERVICE] }) { totalCount nodes { name } }');
    expect(namesOf(children)).toEqual(['Chi bộ Trường Tiểu học Bình Lư']);
    expect(children.totalCount).toBe(1);
  });

  test('of several parents in one query each hold their own units', async () => {
    const data = ok(await app.run('admin:national', '{ orgUnits(filter: { kinds: [COMMUNE_COMMITTEE] }) { nodes { name children { totalCount nodes { name } } } } }'));
    expect(data.orgUnits.nodes.map((n: any) => [n.name, n.children.totalCount, namesOf(n.children)])).toEqual([
      ['Đảng bộ xã Bình Lư', 2, ['Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư']],
      ['Đảng bộ xã Mường Phăng', 1, ['Chi bộ bản Che Căn']],
      ['Đảng bộ xã Phong Thổ', 1, ['Chi bộ bản Lả Mường']],
    ]);
  });
});

describe('descendants', () => {
  test('of a province are every unit below it, not itself', async () => {
    const { descendants } = await unit('province', 'descendants { totalCount nodes { name } }');
    expect(descendants.totalCount).toBe(5);
    expect(namesOf(descendants)).toEqual(['Chi bộ bản Lả Mường', 'Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư', 'Đảng bộ xã Bình Lư', 'Đảng bộ xã Phong Thổ']);
  });

  test('kind keeps one level', async () => {
    const { descendants } = await unit('province', 'descendants(kind: CELL) { totalCount nodes { name } }');
    expect(namesOf(descendants)).toEqual(['Chi bộ bản Lả Mường', 'Chi bộ bản Nậm Cười', 'Chi bộ Trường Tiểu học Bình Lư']);
    expect(descendants.totalCount).toBe(3);
  });

  test('cellType keeps one type of cell', async () => {
    const { descendants } = await unit('province', 'descendants(cellType: PUBLIC_SERVICE) { totalCount nodes { name } }');
    expect(namesOf(descendants)).toEqual(['Chi bộ Trường Tiểu học Bình Lư']);
  });

  test('kind and cellType together can match nothing', async () => {
    const { descendants } = await unit('province', 'descendants(kind: COMMUNE_COMMITTEE, cellType: RESIDENTIAL) { totalCount nodes { name } }');
    expect(descendants).toEqual({ totalCount: 0, nodes: [] });
  });

  test('of a province do not reach into another province', async () => {
    const { descendants } = await unit('otherProvince', 'descendants { nodes { name } }');
    expect(namesOf(descendants)).toEqual(['Chi bộ bản Che Căn', 'Đảng bộ xã Mường Phăng']);
  });
});

describe('memberCount', () => {
  test.each([
    ['province', 7],
    ['commune', 5],
    ['cell', 3],
    ['school', 2],
    ['otherProvince', 2],
  ] as const)('of %s counts the members of its subtree', async (name, count) => {
    expect((await unit(name, 'memberCount')).memberCount).toBe(count);
  });

  test('is visible to an analyst, who holds statistics', async () => {
    expect((await unit('commune', 'memberCount', 'analyst:commune')).memberCount).toBe(5);
  });

  test('of several units in one query each count their own subtree', async () => {
    const data = ok(await app.run('admin:national', '{ orgUnits(filter: { kinds: [PROVINCE] }) { nodes { name memberCount } } }'));
    expect(data.orgUnits.nodes).toEqual([
      { name: 'Đảng bộ tỉnh Điện Biên', memberCount: 2 },
      { name: 'Đảng bộ tỉnh Lai Châu', memberCount: 7 },
    ]);
  });

  test('follows a new member', async () => {
    ok(await app.run('organizer:commune', 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
      input: { unitId: unitId('school'), fullName: 'Phạm Thị Đếm', gender: 'FEMALE', ethnicity: 'Kinh', admissionDate: '2021-02-03' },
    }));
    expect((await unit('commune', 'memberCount')).memberCount).toBe(6);
    expect((await unit('cell', 'memberCount')).memberCount).toBe(3);
  });
});
