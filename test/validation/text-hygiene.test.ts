import { textProblem } from '../../src/services/text-hygiene';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected, gid, ok } from './support';

/**
 * Issue #15: unbounded strings, NUL bytes, broken Unicode and hidden controls are refused with
 * BAD_USER_INPUT naming the field, before any SQL runs; text is stored in NFC.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const CREATE = 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id fullName } }';
const SEARCH_UNITS = 'query($q: String) { orgUnits(filter: { nameContains: $q }) { totalCount } }';
const SEARCH_MEMBERS = 'query($q: String, $u: ID!) { orgUnit(id: $u) { members(filter: { nameContains: $q }) { totalCount } } }';
const TABLES = ['member', 'member_event', 'membership', 'audit_entry'];
const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const newMember = (fullName: string): Record<string, unknown> => ({
  input: { unitId: unitId('cell'), fullName, gender: 'MALE', ethnicity: 'Kinh', admissionDate: '2020-05-01', officialDate: '2021-05-01' },
});

describe('search text', () => {
  test.each([
    ['201 characters', 'a'.repeat(201)],
    ['a megabyte', 'x'.repeat(1024 * 1024)],
    ['a NUL byte', 'Nậm\u0000Cười'],
    ['a lone surrogate', 'Nậm \ud800 Cười'],
  ])('%s in nameContains: BAD_USER_INPUT on the argument, nothing run', async (_what, q) => {
    const counted = await app.countSql(() => app.run(AS, SEARCH_UNITS, { q }));
    expect(counted.result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'filter.nameContains']]);
    const nested = await app.run(AS, SEARCH_MEMBERS, { q, u: unitId('commune') });
    expect(nested.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'filter.nameContains']]);
    // Only the viewer's own lookups, none for the search.
    expect(counted.statements).toBeLessThanOrEqual(2);
  });

  test('200 characters are still a search (control)', async () => {
    expect(ok(await app.run(AS, SEARCH_UNITS, { q: 'a'.repeat(200) }))).toEqual({ orgUnits: { totalCount: 0 } });
  });
});

describe('names', () => {
  test.each([
    ['a NUL byte', 'Hà Văn\u0000 Mới', 'must not contain a NUL character'],
    ['a lone surrogate', 'Hà Văn \udc00Mới', 'must be valid Unicode (it holds a lone surrogate)'],
    ['a bell', 'Hà Văn\u0007 Mới', 'must not contain control characters'],
    ['a C1 control', 'Hà Văn\u0085Mới', 'must not contain control characters'],
    ['a right-to-left override', 'Hà Văn \u202eiớM', 'must not contain bidirectional control characters'],
  ])('%s in a member\'s name: BAD_USER_INPUT on input.fullName, nothing written', async (_what, fullName) => {
    await expectRejected(app, AS, TABLES, CREATE, newMember(fullName), { code: 'BAD_USER_INPUT', field: 'input.fullName' });
  });

  test('a name sent decomposed (NFD) is stored composed (NFC)', async () => {
    const decomposed = 'Nguyễn Thị Hồng'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Thị Hồng');
    const { createMember } = ok(await app.run(AS, CREATE, newMember(decomposed)));
    expect(createMember.fullName).toBe('Nguyễn Thị Hồng');
    expect(createMember.fullName.normalize('NFC')).toBe(createMember.fullName);
  });
});

describe('textProblem', () => {
  test('multi-line text may hold tabs and line breaks, and bidi marks; a name may not', () => {
    expect(textProblem('Dòng 1\n\tDòng 2\r\n', 'multiline')).toBeNull();
    expect(textProblem('a\u202eb', 'multiline')).toBeNull();
    expect(textProblem('Dòng 1\nDòng 2', 'singleLine')).toBe('must not contain control characters');
  });

  test('a surrogate pair (an emoji) is valid Unicode', () => {
    expect(textProblem('Chi bộ 🇻🇳', 'singleLine')).toBeNull();
  });
});
