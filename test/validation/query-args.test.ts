import type { UnitName } from '../support/fixture';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { gid, rawId } from './support';

/** Bad arguments to queries: global ids, filters and Relay page arguments name the offending argument. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const cursor = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

async function rejection(query: string, variables: Record<string, unknown> = {}, as: 'admin:province' | 'organizer:commune' = 'admin:province'): Promise<{ code: unknown; field: unknown }> {
  const { code, field } = onlyError(await app.run(as, query, variables));
  return { code, field };
}

describe('global ids', () => {
  const ORG_UNIT = 'query($id: ID!) { orgUnit(id: $id) { id } }';
  const MEMBER = 'query($id: ID!) { member(id: $id) { id } }';
  const NODE = 'query($id: ID!) { node(id: $id) { id } }';

  test.each([
    ['"not-an-id"', 'not-an-id'],
    ['base64 of "Foo:1"', rawId('Foo:1')],
    ['base64 of "OrgUnit:abc"', rawId('OrgUnit:abc')],
    ['base64 of "OrgUnit:-5"', rawId('OrgUnit:-5')],
    ['an id beyond a 32-bit integer', rawId('OrgUnit:99999999999')],
    ['an empty string', ''],
  ])('orgUnit rejects %s on id', async (_label, id) => {
    expect(await rejection(ORG_UNIT, { id })).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('orgUnit rejects a Member id on id', async () => {
    expect(await rejection(ORG_UNIT, { id: gid('Member', app.fixture.members['Lò Văn Hùng'].id) })).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('member rejects an OrgUnit id on id', async () => {
    expect(await rejection(MEMBER, { id: unitId('cell') })).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('node rejects an id of an unknown type on id', async () => {
    expect(await rejection(NODE, { id: rawId('Foo:1') })).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('nodes names the position of the malformed id', async () => {
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    expect(await rejection(query, { ids: [unitId('cell'), 'not-an-id'] })).toEqual({ code: 'BAD_USER_INPUT', field: 'ids.1' });
  });

  test('orgUnit answers NOT_FOUND for a unit outside the viewer scope', async () => {
    expect(await rejection(ORG_UNIT, { id: unitId('otherProvinceCell') })).toEqual({ code: 'NOT_FOUND', field: undefined });
  });

  test('member answers NOT_FOUND for a member outside the viewer scope', async () => {
    const id = gid('Member', app.fixture.members['Lê Văn Cường'].id);
    expect(await rejection(MEMBER, { id }, 'organizer:commune')).toEqual({ code: 'NOT_FOUND', field: undefined });
  });
});

describe('filters', () => {
  test('orgUnits rejects a malformed subtreeOf on filter.subtreeOf', async () => {
    const query = 'query($s: ID) { orgUnits(filter: { subtreeOf: $s }) { totalCount } }';
    expect(await rejection(query, { s: 'not-an-id' })).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.subtreeOf' });
  });

  test('members rejects a Member id as subtreeOf on filter.subtreeOf', async () => {
    const query = 'query($s: ID) { members(filter: { subtreeOf: $s }) { totalCount } }';
    expect(await rejection(query, { s: gid('Member', app.fixture.members['Lò Văn Hùng'].id) })).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.subtreeOf' });
  });

  test('orgUnits answers NOT_FOUND for a subtreeOf outside the viewer scope', async () => {
    const query = 'query($s: ID) { orgUnits(filter: { subtreeOf: $s }) { totalCount } }';
    expect(await rejection(query, { s: unitId('otherProvince') })).toEqual({ code: 'NOT_FOUND', field: undefined });
  });
});

describe('page arguments', () => {
  const UNITS = 'query($first: Int, $last: Int, $after: String, $before: String) { orgUnits(first: $first, last: $last, after: $after, before: $before) { totalCount } }';

  test.each([
    ['first: 101', { first: 101 }, 'first'],
    ['last: 101', { last: 101 }, 'last'],
    ['first: -1', { first: -1 }, 'first'],
    ['last: -1', { last: -1 }, 'last'],
    ['first and last together', { first: 1, last: 1 }, 'last'],
    ['a malformed after cursor', { after: 'garbage!' }, 'after'],
    ['a malformed before cursor', { before: 'garbage!' }, 'before'],
    ['an after cursor of a negative offset', { after: cursor('o:-1') }, 'after'],
    ['an after cursor of another shape', { after: cursor('x:1') }, 'after'],
    ['a global id as after cursor', { after: 'T3JnVW5pdDox' }, 'after'],
    ['an empty after cursor', { after: '' }, 'after'],
    ['an empty before cursor', { before: '' }, 'before'],
  ])('orgUnits rejects %s', async (_label, variables, field) => {
    expect(await rejection(UNITS, variables)).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  test('orgUnits accepts first: 100', async () => {
    const result = await app.run('admin:province', UNITS, { first: 100 });
    expect(result.errors).toBeUndefined();
  });

  test('members rejects first: 101 on first', async () => {
    expect(await rejection('{ members(first: 101) { totalCount } }')).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('children rejects first: 101 on first, at the nested field', async () => {
    const result = await app.run('admin:province', 'query($id: ID!) { orgUnit(id: $id) { children(first: 101) { totalCount } } }', { id: unitId('province') });
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(result.errors?.[0].path).toEqual(['orgUnit', 'children']);
  });

  test('descendants rejects last: 101 on last', async () => {
    const result = await app.run('admin:province', 'query($id: ID!) { orgUnit(id: $id) { descendants(last: 101) { totalCount } } }', { id: unitId('province') });
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  test('members of a unit rejects a bad before cursor on before', async () => {
    const result = await app.run('admin:province', 'query($id: ID!) { orgUnit(id: $id) { members(before: "nope") { totalCount } } }', { id: unitId('cell') });
    expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });
});
