import { cells, gid, type Actor, type Outcome } from '../support/permission-cases';
import type { GqlResult } from '../support/test-app';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Personal data (birthDate, citizenId, partyCardNumber, phone, address, religion): only for roles
 * holding MEMBERS_PERSONAL over the member's cell (ADMIN, ORGANIZER, INSPECTOR) and for the member
 * themself. Anyone else who may read the row gets the row with those fields null and one FORBIDDEN
 * error per field.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // The fixture leaves religion empty; give it a value so that "visible" is told apart from "null".
  await app.sql("update member set religion = 'Phật giáo'");
});
afterAll(() => app.close());

const PERSONAL = ['address', 'birthDate', 'citizenId', 'partyCardNumber', 'phone', 'religion'] as const;
const MEMBER_FIELDS = `fullName gender ethnicity status ${PERSONAL.join(' ')}`;

type Column = 'cellMember' | 'self' | 'schoolMember' | 'otherProvinceMember';
const COLUMNS: readonly Column[] = ['cellMember', 'self', 'schoolMember', 'otherProvinceMember'];
const NAME: Record<Column, string> = { cellMember: 'Lò Văn Hùng', self: 'Nguyễn Văn An', schoolMember: 'Trần Thị Bình', otherProvinceMember: 'Lò Thị Ánh' };

/** `personal`: the row with every personal field; `withheld`: the row, personal fields null + FORBIDDEN each. */
type Seen = 'personal' | 'withheld' | Exclude<Outcome, 'allowed' | 'null'>;

// prettier-ignore
const TABLE: Record<Actor, Seen[]> = {
  //                      cellMember   self(An)     school       otherProvince
  'admin:national':     ['personal',  'personal',  'personal',  'personal'],
  'admin:province':     ['personal',  'personal',  'personal',  'NOT_FOUND'],
  'admin:commune':      ['personal',  'personal',  'personal',  'NOT_FOUND'],
  'admin:cell':         ['personal',  'personal',  'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['personal',  'personal',  'personal',  'NOT_FOUND'],
  'organizer:commune':  ['personal',  'personal',  'personal',  'NOT_FOUND'],
  'organizer:cell':     ['personal',  'personal',  'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['personal',  'personal',  'personal',  'NOT_FOUND'],
  'inspector:commune':  ['personal',  'personal',  'personal',  'NOT_FOUND'],
  'inspector:cell':     ['personal',  'personal',  'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'member:cell':        ['withheld',  'personal',  'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

interface StoredMember {
  fullName: string;
  address: string | null;
  birthDate: string | null;
  citizenId: string | null;
  partyCardNumber: string | null;
  phone: string | null;
  religion: string | null;
}

async function stored(fullName: string): Promise<StoredMember> {
  const [row] = await app.sql<StoredMember>(
    `select full_name as "fullName", address, to_char(birth_date, 'YYYY-MM-DD') as "birthDate", citizen_id as "citizenId",
            party_card_number as "partyCardNumber", phone, religion from member where full_name = ?`,
    [fullName],
  );
  return row;
}

/** Paths of the FORBIDDEN errors, as strings, sorted. */
const forbiddenPaths = (result: GqlResult): string[] =>
  (result.errors ?? []).map((e) => `${e.extensions?.code} ${(e.path ?? []).join('.')}`).sort();

function expectSeen(result: GqlResult, member: Record<string, unknown> | null | undefined, row: StoredMember, seen: 'personal' | 'withheld', path: string): void {
  expect(member?.fullName).toBe(row.fullName);
  expect(member?.gender).toBeTruthy();
  if (seen === 'personal') {
    for (const field of PERSONAL) expect([field, member?.[field]]).toEqual([field, row[field]]);
    expect(row.phone).not.toBeNull();
    expect(row.religion).not.toBeNull();
  } else {
    for (const field of PERSONAL) expect([field, member?.[field]]).toEqual([field, null]);
    expect(forbiddenPaths(result)).toEqual(PERSONAL.map((f) => `FORBIDDEN ${path}.${f}`).sort());
  }
}

describe('member(id): personal fields by role and target', () => {
  test.each(cells(COLUMNS, TABLE as Record<Actor, Outcome[]>))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, `query($id: ID!) { member(id: $id) { ${MEMBER_FIELDS} } }`, { id: gid('Member', app.fixture.members[NAME[column]].id) });
    const seen = expected as Seen;
    if (seen === 'personal' || seen === 'withheld') {
      if (seen === 'personal') expect(result.errors).toBeUndefined();
      expectSeen(result, result.data?.member as Record<string, unknown>, await stored(NAME[column]), seen, 'member');
    } else {
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual([seen]);
      expect(result.data).toBeNull();
    }
  });
});

describe('personal fields in lists and nested paths', () => {
  test('member:cell lists its cell: its own phone and citizen id, the others withheld, every name present', async () => {
    const result = await app.run('member:cell', '{ members(first: 10, orderBy: { field: NAME }) { nodes { fullName phone citizenId } } }');
    const nodes = (result.data?.members as { nodes: Array<{ fullName: string; phone: string | null; citizenId: string | null }> }).nodes;
    const self = await stored('Nguyễn Văn An');
    expect(nodes.map((n) => n.fullName).sort()).toEqual(['Lò Văn Hùng', 'Nguyễn Văn An', 'Tẩn Thị Mai'].sort());
    for (const [i, node] of nodes.entries()) {
      if (node.fullName === self.fullName) expect(node).toEqual({ fullName: self.fullName, phone: self.phone, citizenId: self.citizenId });
      else expect(node).toEqual({ fullName: node.fullName, phone: null, citizenId: null });
      const errors = forbiddenPaths({ errors: (result.errors ?? []).filter((e) => e.path?.[2] === i) });
      expect(errors).toEqual(node.fullName === self.fullName ? [] : [`FORBIDDEN members.nodes.${i}.citizenId`, `FORBIDDEN members.nodes.${i}.phone`]);
    }
  });

  test('an organizer of the commune sees every phone in its list, without errors', async () => {
    const result = await app.run('organizer:commune', '{ members(first: 10) { nodes { fullName phone } } }');
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.members as { nodes: Array<{ phone: string | null }> }).nodes;
    expect(nodes).toHaveLength(5);
    for (const node of nodes) expect(node.phone).toMatch(/^0912/);
  });

  test('member:cell reads its own record through viewer.member, personal data included', async () => {
    const result = await app.run('member:cell', `{ viewer { member { ${MEMBER_FIELDS} } } }`);
    expect(result.errors).toBeUndefined();
    expectSeen(result, (result.data?.viewer as { member: Record<string, unknown> }).member, await stored('Nguyễn Văn An'), 'personal', 'viewer.member');
  });

  test('member:cell through its cell: the members of the cell with their personal data withheld, its own kept', async () => {
    const cell = gid('OrgUnit', app.fixture.units.cell.id);
    const result = await app.run('member:cell', 'query($id: ID!) { orgUnit(id: $id) { members(first: 10) { nodes { fullName address } } } }', { id: cell });
    const nodes = (result.data?.orgUnit as { members: { nodes: Array<{ fullName: string; address: string | null }> } }).members.nodes;
    expect(nodes.filter((n) => n.address !== null).map((n) => n.fullName)).toEqual(['Nguyễn Văn An']);
    expect((result.errors ?? []).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  test('an inspector gets personal data on the member returned by node(id) as well', async () => {
    const result = await app.run('inspector:cell', 'query($id: ID!) { node(id: $id) { ... on Member { citizenId } } }', {
      id: gid('Member', app.fixture.members['Lò Văn Hùng'].id),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toEqual({ citizenId: (await stored('Lò Văn Hùng')).citizenId });
  });

  test('member:cell gets the same withholding through node(id) of a fellow member', async () => {
    const result = await app.run('member:cell', 'query($id: ID!) { node(id: $id) { ... on Member { fullName partyCardNumber } } }', {
      id: gid('Member', app.fixture.members['Lò Văn Hùng'].id),
    });
    expect(result.data?.node).toEqual({ fullName: 'Lò Văn Hùng', partyCardNumber: null });
    expect(forbiddenPaths(result)).toEqual(['FORBIDDEN node.partyCardNumber']);
  });

  test('personal data written by an organizer comes back to it in the mutation result', async () => {
    const unitId = gid('OrgUnit', app.fixture.units.cell.id);
    const result = await app.run('organizer:cell', 'mutation($input: CreateMemberInput!) { createMember(input: $input) { fullName phone } }', {
      input: { unitId, fullName: 'Đảng viên có điện thoại', gender: 'MALE', ethnicity: 'Kinh', admissionDate: '2019-01-01', phone: '0987654321' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createMember).toEqual({ fullName: 'Đảng viên có điện thoại', phone: '0987654321' });
  });
});
