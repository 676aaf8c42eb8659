// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): members
import { personSortKey } from '../../src/services/tree/vietnamese-text';
import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';

/** member(id) and members: fields, filters, Vietnamese order by given name, scope and pagination. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const memberId = (fullName: string): string => gid('Member', app.fixture.members[fullName].id);
const LIST = 'query($filter: MemberFilterInput, $orderBy: ListOrderInput) { members(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { fullName } } }';

/** Every fixture member, by given name: An, Ánh, Bình, Cường, Dợ, Đức, Hùng, Mai, Páo. */
const ALL_BY_NAME = ['Nguyễn Văn An', 'Lò Thị Ánh', 'Trần Thị Bình', 'Lê Văn Cường', 'Giàng Thị Dợ', 'Quàng Văn Đức', 'Lò Văn Hùng', 'Tẩn Thị Mai', 'Vàng A Páo'];
const FIXTURE_ORDER = ['Lò Văn Hùng', 'Tẩn Thị Mai', 'Nguyễn Văn An', 'Trần Thị Bình', 'Vàng A Páo', 'Lê Văn Cường', 'Giàng Thị Dợ', 'Lò Thị Ánh', 'Quàng Văn Đức'];

async function names(filter: Record<string, unknown> | null, orderBy: Record<string, unknown> | null = null, as: AccountName = 'admin:national'): Promise<string[]> {
  const data = ok(await app.run(as, LIST, { filter, orderBy }));
  const list = data.members.nodes.map((n: { fullName: string }) => n.fullName);
  expect(data.members.totalCount).toBe(list.length);
  return list;
}

describe('member', () => {
  test('returns the record with its personal data to an organizer of the commune', async () => {
    const data = ok(await app.run('organizer:commune', `query($id: ID!) { member(id: $id) {
      id fullName gender ethnicity status admissionDate officialDate partyCardNumber citizenId phone address birthDate version
      generalEducation professionalQualification politicalTheory } }`, { id: memberId('Lò Văn Hùng') }));
    expect(data.member).toEqual({
      id: memberId('Lò Văn Hùng'),
      fullName: 'Lò Văn Hùng',
      gender: 'MALE',
      ethnicity: 'Thái',
      status: 'OFFICIAL',
      admissionDate: '2001-05-10',
      officialDate: '2002-05-10',
      partyCardNumber: '90000001',
      citizenId: '001080000001',
      phone: '0912000001',
      address: 'Bản Chi bộ bản Nậm Cười',
      birthDate: '1980-01-02',
      version: 1,
      generalEducation: 'UPPER_SECONDARY',
      professionalQualification: 'BACHELOR',
      politicalTheory: 'ELEMENTARY',
    });
  });

  test('a probationary member has no official date', async () => {
    const data = ok(await app.run('organizer:commune', 'query($id: ID!) { member(id: $id) { status officialDate admissionDate } }', { id: memberId('Tẩn Thị Mai') }));
    expect(data.member).toEqual({ status: 'PROBATIONARY', officialDate: null, admissionDate: '2026-03-02' });
  });

  test('answers NOT_FOUND for a member outside the viewer scope', async () => {
    const result = await app.run('organizer:commune', 'query($id: ID!) { member(id: $id) { id } }', { id: memberId('Lê Văn Cường') });
    expect(onlyError(result).code).toBe('NOT_FOUND');
  });

  test('answers NOT_FOUND for a member that does not exist', async () => {
    const result = await app.run('admin:national', 'query($id: ID!) { member(id: $id) { id } }', { id: gid('Member', 999999) });
    expect(onlyError(result).code).toBe('NOT_FOUND');
  });
});

describe('members order', () => {
  test('sorts by given name first, in Vietnamese order, by default', async () => {
    expect(await names(null)).toEqual(ALL_BY_NAME);
  });

  test('puts "Nguyễn Văn An" before "Trần Thị Bình" before "Lò Văn Hùng"', async () => {
    const list = await names({ subtreeOf: unitId('commune') });
    expect(list.indexOf('Nguyễn Văn An')).toBeLessThan(list.indexOf('Trần Thị Bình'));
    expect(list.indexOf('Trần Thị Bình')).toBeLessThan(list.indexOf('Lò Văn Hùng'));
  });

  test('the expected order is the order of personSortKey', () => {
    const byKey = [...ALL_BY_NAME].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
    expect(byKey).toEqual(ALL_BY_NAME);
  });

  test('NAME DESC is the exact reverse', async () => {
    expect(await names(null, { field: 'NAME', direction: 'DESC' })).toEqual([...ALL_BY_NAME].reverse());
  });

  test('CREATED_AT ASC is creation order', async () => {
    expect(await names(null, { field: 'CREATED_AT', direction: 'ASC' })).toEqual(FIXTURE_ORDER);
  });

  test('CREATED_AT DESC is the reverse of creation order', async () => {
    expect(await names(null, { field: 'CREATED_AT', direction: 'DESC' })).toEqual([...FIXTURE_ORDER].reverse());
  });

  test('orderBy null sorts by name', async () => {
    expect(await names(null, null)).toEqual(ALL_BY_NAME);
  });

});

describe('members filters', () => {
  test('subtreeOf a commune keeps its members', async () => {
    expect(await names({ subtreeOf: unitId('commune') }, null, 'admin:province')).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lò Văn Hùng', 'Tẩn Thị Mai', 'Vàng A Páo']);
  });

  test('subtreeOf a cell keeps only its members', async () => {
    expect(await names({ subtreeOf: unitId('cell') })).toEqual(['Nguyễn Văn An', 'Lò Văn Hùng', 'Tẩn Thị Mai']);
  });

  test('statuses PROBATIONARY keeps probationary members', async () => {
    expect(await names({ statuses: ['PROBATIONARY'], subtreeOf: unitId('province') })).toEqual(['Tẩn Thị Mai']);
  });

  test('statuses OFFICIAL leaves probationary members out', async () => {
    expect(await names({ statuses: ['OFFICIAL'], subtreeOf: unitId('cell') })).toEqual(['Nguyễn Văn An', 'Lò Văn Hùng']);
  });

  test('genders FEMALE keeps women', async () => {
    expect(await names({ genders: ['FEMALE'], subtreeOf: unitId('province') })).toEqual(['Trần Thị Bình', 'Giàng Thị Dợ', 'Tẩn Thị Mai']);
  });

  test('ethnicities keeps those ethnicities', async () => {
    expect(await names({ ethnicities: ['Mông', 'Dao'] })).toEqual(['Giàng Thị Dợ', 'Tẩn Thị Mai', 'Vàng A Páo']);
  });

  test('ethnicities match exact names only', async () => {
    expect(await names({ ethnicities: ['thai'] })).toEqual([]);
  });

  test.each([
    ['lo van', ['Lò Văn Hùng']],
    ['LÒ', ['Lò Thị Ánh', 'Lò Văn Hùng']],
    ['duc', ['Quàng Văn Đức']],
    ['thi', ['Lò Thị Ánh', 'Trần Thị Bình', 'Giàng Thị Dợ', 'Tẩn Thị Mai']],
  ])('nameContains %j ignores case and diacritics', async (term, expected) => {
    expect(await names({ nameContains: term })).toEqual(expected);
  });

  test('filters combine', async () => {
    expect(await names({ subtreeOf: unitId('province'), genders: ['MALE'], ethnicities: ['Kinh'], statuses: ['OFFICIAL'], nameContains: 'van' })).toEqual([
      'Nguyễn Văn An',
      'Lê Văn Cường',
    ]);
  });
});

describe('members scope', () => {
  test('an organizer of a commune sees only its members', async () => {
    expect(await names({ nameContains: 'a' }, null, 'organizer:commune')).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lò Văn Hùng', 'Tẩn Thị Mai', 'Vàng A Páo']);
  });

  test('a member sees the members of the own cell', async () => {
    expect(await names(null, null, 'member:cell')).toEqual(['Nguyễn Văn An', 'Lò Văn Hùng', 'Tẩn Thị Mai']);
  });

  test('members of a unit are its subtree members', async () => {
    const data = ok(await app.run('admin:province', 'query($id: ID!) { orgUnit(id: $id) { members(filter: { genders: [MALE] }) { totalCount nodes { fullName } } } }', { id: unitId('cell') }));
    expect(data.orgUnit.members).toEqual({ totalCount: 2, nodes: [{ fullName: 'Nguyễn Văn An' }, { fullName: 'Lò Văn Hùng' }] });
  });
});

test('members pages walk the list once with first/after', async () => {
  const query = 'query($s: ID, $after: String) { members(first: 2, after: $after, filter: { subtreeOf: $s }) { totalCount edges { cursor node { fullName } } pageInfo { hasNextPage endCursor } } }';
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 5; guard += 1) {
    const page: any = ok(await app.run('admin:province', query, { s: unitId('commune'), after })).members;
    expect(page.totalCount).toBe(5);
    seen.push(...page.edges.map((e: any) => e.node.fullName));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lò Văn Hùng', 'Tẩn Thị Mai', 'Vàng A Páo']);
});

/** Last: it adds members, which the lists above do not expect. */
test('members who share a given name sort by surname then middle name', async () => {
  const create = (fullName: string) =>
    app.run('organizer:commune', 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
      input: { unitId: unitId('school'), fullName, gender: 'MALE', ethnicity: 'Kinh', admissionDate: '2010-01-01' },
    });
  for (const fullName of ['Vũ Văn Tùng', 'Đặng Văn Tùng', 'Đặng Hữu Tùng', 'Bùi Văn Tùng']) ok(await create(fullName));
  expect(await names({ nameContains: 'tung' })).toEqual(['Bùi Văn Tùng', 'Đặng Hữu Tùng', 'Đặng Văn Tùng', 'Vũ Văn Tùng']);
});
