import { cells, gid, expectOutcome, type Actor, type Outcome } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Permission matrix of the tree and member mutations: every actor × mutation × target, each cell
 * written out. An allowed cell must really change the row and write one audit entry; a denied cell
 * must leave the table and the audit log as they were.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function count(table: 'org_unit' | 'member' | 'audit_entry'): Promise<number> {
  const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row.n;
}

async function versionOf(table: 'org_unit' | 'member', id: number): Promise<number> {
  const [row] = await app.sql<{ version: number }>(`select version from ${table} where id = ?`, [id]);
  return row.version;
}

const unitGid = (unit: UnitName): string => gid('OrgUnit', app.fixture.units[unit].id);
const denied = (expected: Outcome): boolean => expected !== 'allowed';
let serial = 0;
const unique = (what: string): string => `${what} ${(serial += 1)}`;

describe('createOrgUnit', () => {
  type Column = 'partyGroupUnderCell' | 'cellUnderCommune' | 'cellUnderOtherCommune' | 'cellUnderOtherProvince' | 'newProvince';
  const COLUMNS: readonly Column[] = ['partyGroupUnderCell', 'cellUnderCommune', 'cellUnderOtherCommune', 'cellUnderOtherProvince', 'newProvince'];
  const INPUT: Record<Column, { parent: UnitName | null; kind: string; cellType: string | null }> = {
    partyGroupUnderCell: { parent: 'cell', kind: 'PARTY_GROUP', cellType: null },
    cellUnderCommune: { parent: 'commune', kind: 'CELL', cellType: 'RESIDENTIAL' },
    cellUnderOtherCommune: { parent: 'otherCommune', kind: 'CELL', cellType: 'RESIDENTIAL' },
    cellUnderOtherProvince: { parent: 'otherProvinceCommune', kind: 'CELL', cellType: 'RESIDENTIAL' },
    newProvince: { parent: null, kind: 'PROVINCE', cellType: null },
  };
  // Only ADMIN holds TREE_WRITE; a province is a root and only a national admin founds one.
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      groupUnderCell cellUnderCommune underOtherCommune underOtherProv newProvince
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'FORBIDDEN'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s: %s → %s', async (actor, column, expected) => {
    const { parent, kind, cellType } = INPUT[column];
    const name = unique(`Đơn vị mới ${actor}`);
    const [units, audits] = [await count('org_unit'), await count('audit_entry')];
    const result = await app.run(actor, 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id name parent { id } } }', {
      input: { parentId: parent ? unitGid(parent) : null, kind, cellType, name },
    });
    expectOutcome(result, 'createOrgUnit', expected);
    const rows = await app.sql<{ parent_id: number | null }>('select parent_id from org_unit where name = ?', [name]);
    if (denied(expected)) {
      expect(rows).toEqual([]);
      expect([await count('org_unit'), await count('audit_entry')]).toEqual([units, audits]);
    } else {
      expect(rows).toEqual([{ parent_id: parent ? app.fixture.units[parent].id : null }]);
      expect([await count('org_unit'), await count('audit_entry')]).toEqual([units + 1, audits + 1]);
    }
  });
});

describe('updateOrgUnit', () => {
  type Column = 'province' | 'commune' | 'cell' | 'otherCell' | 'otherProvinceCell';
  const COLUMNS: readonly Column[] = ['province', 'commune', 'cell', 'otherCell', 'otherProvinceCell'];
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      province     commune      cell         otherCell    otherProvCell
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
    'admin:commune':      ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'admin:cell':         ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s on %s → %s', async (actor, column, expected) => {
    const id = app.fixture.units[column].id;
    const version = await versionOf('org_unit', id);
    const audits = await count('audit_entry');
    const name = unique(`Đổi tên bởi ${actor}`);
    const result = await app.run(actor, 'mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { id name } }', {
      input: { id: unitGid(column), version, name },
    });
    expectOutcome(result, 'updateOrgUnit', expected);
    const [row] = await app.sql<{ name: string; version: number }>('select name, version from org_unit where id = ?', [id]);
    if (denied(expected)) {
      expect(row.version).toBe(version);
      expect(row.name).not.toBe(name);
      expect(await count('audit_entry')).toBe(audits);
    } else {
      expect(row).toEqual({ name, version: version + 1 });
      expect(await count('audit_entry')).toBe(audits + 1);
    }
  });
});

describe('createMember', () => {
  type Column = 'cell' | 'school' | 'otherCell' | 'otherProvinceCell';
  const COLUMNS: readonly Column[] = ['cell', 'school', 'otherCell', 'otherProvinceCell'];
  // MEMBERS_WRITE: ADMIN and ORGANIZER, in their subtree.
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cell         school       otherCell    otherProvCell
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'organizer:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
    'organizer:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'organizer:cell':     ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s in %s → %s', async (actor, column, expected) => {
    const fullName = unique(`Đảng viên mới ${actor}`);
    const [members, audits] = [await count('member'), await count('audit_entry')];
    const result = await app.run(actor, 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id fullName } }', {
      input: { unitId: unitGid(column), fullName, gender: 'FEMALE', ethnicity: 'Thái', admissionDate: '2020-02-03' },
    });
    expectOutcome(result, 'createMember', expected);
    const rows = await app.sql<{ unit_id: number }>('select unit_id from member where full_name = ?', [fullName]);
    if (denied(expected)) {
      expect(rows).toEqual([]);
      expect([await count('member'), await count('audit_entry')]).toEqual([members, audits]);
    } else {
      expect(rows).toEqual([{ unit_id: app.fixture.units[column].id }]);
      expect([await count('member'), await count('audit_entry')]).toEqual([members + 1, audits + 1]);
    }
  });
});

describe('updateMember', () => {
  type Column = 'cellMember' | 'self' | 'schoolMember' | 'otherCellMember' | 'otherProvinceMember';
  const COLUMNS: readonly Column[] = ['cellMember', 'self', 'schoolMember', 'otherCellMember', 'otherProvinceMember'];
  const NAME: Record<Column, string> = {
    cellMember: 'Lò Văn Hùng',
    self: 'Nguyễn Văn An',
    schoolMember: 'Trần Thị Bình',
    otherCellMember: 'Lê Văn Cường',
    otherProvinceMember: 'Lò Thị Ánh',
  };
  // `self` is the member linked to member:cell, who may read but not edit their own record.
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cellMember   self(An)     school       otherCell    otherProv
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
    'admin:commune':      ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'admin:cell':         ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'organizer:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
    'organizer:commune':  ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'organizer:cell':     ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s on %s → %s', async (actor, column, expected) => {
    const id = app.fixture.members[NAME[column]].id;
    const version = await versionOf('member', id);
    const audits = await count('audit_entry');
    const ethnicity = unique('Dân tộc');
    const result = await app.run(actor, 'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id ethnicity } }', {
      input: { id: gid('Member', id), version, ethnicity },
    });
    expectOutcome(result, 'updateMember', expected);
    const [row] = await app.sql<{ ethnicity: string; version: number; full_name: string }>('select ethnicity, version, full_name from member where id = ?', [id]);
    expect(row.full_name).toBe(NAME[column]);
    if (denied(expected)) {
      expect(row.version).toBe(version);
      expect(row.ethnicity).not.toBe(ethnicity);
      expect(await count('audit_entry')).toBe(audits);
    } else {
      expect({ ethnicity: row.ethnicity, version: row.version }).toEqual({ ethnicity, version: version + 1 });
      expect(await count('audit_entry')).toBe(audits + 1);
    }
  });
});
