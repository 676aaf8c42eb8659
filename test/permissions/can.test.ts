import { can, canSomewhere, isWithin, permissionsAt, scopeFor } from '../../src/auth/can';
import type { Grant } from '../../src/auth/grant';
import { Permission } from '../../src/auth/permission';
import { Role } from '../../src/auth/role';
import { scopeSql } from '../../src/auth/scope-sql';

/**
 * The pure permission functions, without a database. Paths are materialized paths of unit ids:
 * province /1/, its communes /1/2/ and /1/5/, cell /1/2/3/; another province /4/; and /12/,
 * a province whose path starts with the characters of /1 but is not under /1/.
 */
const PROVINCE = '/1/';
const COMMUNE = '/1/2/';
const CELL = '/1/2/3/';
const OTHER_COMMUNE = '/1/5/';
const OTHER_PROVINCE = '/4/';
const LOOKALIKE_PROVINCE = '/12/';

let nextId = 1;
function grant(role: Role, unitPath: string | null): Grant {
  const unitId = unitPath === null ? null : Number(unitPath.split('/').filter(Boolean).pop());
  return { assignmentId: nextId++, role, unitId, unitPath, provinceId: unitPath === null ? null : Number(unitPath.split('/')[1]) };
}

const P = Permission;
const ALL_PERMISSIONS = Object.values(Permission);

describe('can: the role table, written out (role held at the province, checked at a cell below it)', () => {
  // Every cell explicit: true = allowed, false = denied.
  const table: Array<[Role, Record<Permission, boolean>]> = [
    [Role.ADMIN,          { TREE_READ: true, TREE_WRITE: true,  MEMBERS_READ: true,  MEMBERS_PERSONAL: true,  MEMBERS_WRITE: true,  ACCOUNTS_MANAGE: true,  MEETINGS_READ: true,  MEETINGS_WRITE: true,  MEETING_RULES_MANAGE: true,  STATISTICS_READ: true, TARGETS_MANAGE: true, GRADES_READ: true,  PUBLISHED_GRADES_READ: true,  EVALUATIONS_WRITE: true,  EVALUATIONS_APPRAISE: true,  EVALUATION_RULES_MANAGE: true, AUDIT_READ: true, INSPECTIONS_READ: true, INSPECTIONS_WRITE: true, INSPECTION_CONCLUSIONS_READ: true, SUPERVISION_MANAGE: true,  SUPERVISION_READ: true,  EVALUATIONS_APPRAISE_ASSIGNED: false }],
    [Role.ORGANIZER,      { TREE_READ: true, TREE_WRITE: false, MEMBERS_READ: true,  MEMBERS_PERSONAL: true,  MEMBERS_WRITE: true,  ACCOUNTS_MANAGE: false, MEETINGS_READ: true,  MEETINGS_WRITE: true,  MEETING_RULES_MANAGE: false, STATISTICS_READ: true, TARGETS_MANAGE: true, GRADES_READ: true,  PUBLISHED_GRADES_READ: true,  EVALUATIONS_WRITE: true,  EVALUATIONS_APPRAISE: true,  EVALUATION_RULES_MANAGE: false, AUDIT_READ: false, INSPECTIONS_READ: false, INSPECTIONS_WRITE: false, INSPECTION_CONCLUSIONS_READ: true, SUPERVISION_MANAGE: true,  SUPERVISION_READ: true,  EVALUATIONS_APPRAISE_ASSIGNED: false }],
    [Role.INSPECTOR,      { TREE_READ: true, TREE_WRITE: false, MEMBERS_READ: true,  MEMBERS_PERSONAL: true,  MEMBERS_WRITE: false, ACCOUNTS_MANAGE: false, MEETINGS_READ: true,  MEETINGS_WRITE: false, MEETING_RULES_MANAGE: false, STATISTICS_READ: true, TARGETS_MANAGE: false, GRADES_READ: true,  PUBLISHED_GRADES_READ: true,  EVALUATIONS_WRITE: false, EVALUATIONS_APPRAISE: false, EVALUATION_RULES_MANAGE: false, AUDIT_READ: true, INSPECTIONS_READ: true, INSPECTIONS_WRITE: true, INSPECTION_CONCLUSIONS_READ: true, SUPERVISION_MANAGE: false, SUPERVISION_READ: true,  EVALUATIONS_APPRAISE_ASSIGNED: false }],
    [Role.MEMBER,         { TREE_READ: true, TREE_WRITE: false, MEMBERS_READ: true,  MEMBERS_PERSONAL: false, MEMBERS_WRITE: false, ACCOUNTS_MANAGE: false, MEETINGS_READ: true,  MEETINGS_WRITE: false, MEETING_RULES_MANAGE: false, STATISTICS_READ: false, TARGETS_MANAGE: false, GRADES_READ: false, PUBLISHED_GRADES_READ: true,  EVALUATIONS_WRITE: false, EVALUATIONS_APPRAISE: false, EVALUATION_RULES_MANAGE: false, AUDIT_READ: false, INSPECTIONS_READ: false, INSPECTIONS_WRITE: false, INSPECTION_CONCLUSIONS_READ: true, SUPERVISION_MANAGE: false, SUPERVISION_READ: false, EVALUATIONS_APPRAISE_ASSIGNED: false }],
    [Role.ANALYST,        { TREE_READ: true, TREE_WRITE: false, MEMBERS_READ: false, MEMBERS_PERSONAL: false, MEMBERS_WRITE: false, ACCOUNTS_MANAGE: false, MEETINGS_READ: false, MEETINGS_WRITE: false, MEETING_RULES_MANAGE: false, STATISTICS_READ: true, TARGETS_MANAGE: false, GRADES_READ: false, PUBLISHED_GRADES_READ: false, EVALUATIONS_WRITE: false, EVALUATIONS_APPRAISE: false, EVALUATION_RULES_MANAGE: false, AUDIT_READ: false, INSPECTIONS_READ: false, INSPECTIONS_WRITE: false, INSPECTION_CONCLUSIONS_READ: false, SUPERVISION_MANAGE: false, SUPERVISION_READ: false, EVALUATIONS_APPRAISE_ASSIGNED: false }],
    [Role.CELL_SECRETARY, { TREE_READ: true, TREE_WRITE: false, MEMBERS_READ: true,  MEMBERS_PERSONAL: false, MEMBERS_WRITE: false, ACCOUNTS_MANAGE: false, MEETINGS_READ: true,  MEETINGS_WRITE: true,  MEETING_RULES_MANAGE: false, STATISTICS_READ: false, TARGETS_MANAGE: false, GRADES_READ: true,  PUBLISHED_GRADES_READ: true,  EVALUATIONS_WRITE: true,  EVALUATIONS_APPRAISE: false, EVALUATION_RULES_MANAGE: false, AUDIT_READ: false, INSPECTIONS_READ: false, INSPECTIONS_WRITE: false, INSPECTION_CONCLUSIONS_READ: true, SUPERVISION_MANAGE: false, SUPERVISION_READ: false, EVALUATIONS_APPRAISE_ASSIGNED: false }],
    [Role.SUPERVISOR,     { TREE_READ: true, TREE_WRITE: false, MEMBERS_READ: false, MEMBERS_PERSONAL: false, MEMBERS_WRITE: false, ACCOUNTS_MANAGE: false, MEETINGS_READ: true,  MEETINGS_WRITE: false, MEETING_RULES_MANAGE: false, STATISTICS_READ: false, TARGETS_MANAGE: false, GRADES_READ: false, PUBLISHED_GRADES_READ: false, EVALUATIONS_WRITE: false, EVALUATIONS_APPRAISE: false, EVALUATION_RULES_MANAGE: false, AUDIT_READ: false, SUPERVISION_MANAGE: false, SUPERVISION_READ: false, EVALUATIONS_APPRAISE_ASSIGNED: true, INSPECTIONS_READ: false, INSPECTIONS_WRITE: false, INSPECTION_CONCLUSIONS_READ: false }],
  ];
  const cases = table.flatMap(([role, row]) => ALL_PERMISSIONS.map((permission) => [role, permission, row[permission]] as const));

  test('the table covers every role and every permission', () => {
    expect(table.map(([role]) => role).sort()).toEqual(Object.values(Role).sort());
    for (const [, row] of table) expect(Object.keys(row).sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  test.each(cases)('%s holds %s: %s', (role, permission, expected) => {
    const grants = [grant(role, PROVINCE)];
    expect(can(grants, permission, CELL)).toBe(expected);
    expect(can(grants, permission, PROVINCE)).toBe(expected);
    // Outside the subtree nothing holds, whatever the role.
    expect(can(grants, permission, OTHER_PROVINCE)).toBe(false);
  });
});

describe('can: subtree bounds', () => {
  const admin = [grant(Role.ADMIN, COMMUNE)];

  test('a role covers its own unit and every unit below it', () => {
    expect(can(admin, P.TREE_WRITE, COMMUNE)).toBe(true);
    expect(can(admin, P.TREE_WRITE, CELL)).toBe(true);
  });

  test('a role does not cover the parent, a sibling or another province', () => {
    expect(can(admin, P.TREE_READ, PROVINCE)).toBe(false);
    expect(can(admin, P.TREE_READ, OTHER_COMMUNE)).toBe(false);
    expect(can(admin, P.TREE_READ, OTHER_PROVINCE)).toBe(false);
  });

  test('a path that merely starts with the same digits is not inside (/1/ does not cover /12/)', () => {
    const provinceAdmin = [grant(Role.ADMIN, PROVINCE)];
    expect(isWithin(LOOKALIKE_PROVINCE, PROVINCE)).toBe(false);
    expect(can(provinceAdmin, P.TREE_READ, LOOKALIKE_PROVINCE)).toBe(false);
    expect(can(provinceAdmin, P.TREE_READ, '/1/23/')).toBe(true);
  });

  test('a scoped role never covers the national level (a null path)', () => {
    expect(can([grant(Role.ADMIN, PROVINCE)], P.ACCOUNTS_MANAGE, null)).toBe(false);
  });

  test('a national role covers every path and the national level', () => {
    const national = [grant(Role.ADMIN, null)];
    expect(can(national, P.ACCOUNTS_MANAGE, null)).toBe(true);
    expect(can(national, P.ACCOUNTS_MANAGE, OTHER_PROVINCE)).toBe(true);
    expect(can(national, P.ACCOUNTS_MANAGE, CELL)).toBe(true);
  });

  test('a national role still only grants its own permissions', () => {
    const nationalAnalyst = [grant(Role.ANALYST, null)];
    expect(can(nationalAnalyst, P.STATISTICS_READ, CELL)).toBe(true);
    expect(can(nationalAnalyst, P.MEMBERS_READ, CELL)).toBe(false);
    expect(can(nationalAnalyst, P.MEMBERS_PERSONAL, null)).toBe(false);
  });

  test('no grants: nothing anywhere', () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(can([], permission, CELL)).toBe(false);
      expect(can([], permission, null)).toBe(false);
    }
  });

  test('two grants do not combine a permission of one with the subtree of the other', () => {
    // ANALYST over the whole province, ORGANIZER only over the commune.
    const grants = [grant(Role.ANALYST, PROVINCE), grant(Role.ORGANIZER, COMMUNE)];
    expect(can(grants, P.MEMBERS_READ, CELL)).toBe(true);
    expect(can(grants, P.MEMBERS_READ, OTHER_COMMUNE)).toBe(false);
    expect(can(grants, P.STATISTICS_READ, OTHER_COMMUNE)).toBe(true);
  });
});

describe('canSomewhere', () => {
  test('true when any grant holds the permission, wherever it is held', () => {
    expect(canSomewhere([grant(Role.ORGANIZER, CELL)], P.MEMBERS_WRITE)).toBe(true);
    expect(canSomewhere([grant(Role.ANALYST, PROVINCE), grant(Role.INSPECTOR, CELL)], P.MEMBERS_PERSONAL)).toBe(true);
  });

  test('false when no grant holds it', () => {
    expect(canSomewhere([grant(Role.ANALYST, null)], P.MEMBERS_READ)).toBe(false);
    expect(canSomewhere([grant(Role.INSPECTOR, PROVINCE), grant(Role.MEMBER, CELL)], P.MEMBERS_WRITE)).toBe(false);
    expect(canSomewhere([grant(Role.ORGANIZER, PROVINCE)], P.ACCOUNTS_MANAGE)).toBe(false);
  });

  test('false without grants', () => {
    for (const permission of ALL_PERMISSIONS) expect(canSomewhere([], permission)).toBe(false);
  });
});

describe('permissionsAt', () => {
  const sorted = (set: Set<Permission>): Permission[] => [...set].sort();

  test('the union of the roles whose units cover the path', () => {
    const grants = [grant(Role.ANALYST, PROVINCE), grant(Role.MEMBER, CELL)];
    expect(sorted(permissionsAt(grants, CELL))).toEqual([P.INSPECTION_CONCLUSIONS_READ, P.MEETINGS_READ, P.MEMBERS_READ, P.PUBLISHED_GRADES_READ, P.STATISTICS_READ, P.TREE_READ]);
  });

  test('grants that do not cover the path add nothing', () => {
    const grants = [grant(Role.ANALYST, PROVINCE), grant(Role.ADMIN, CELL)];
    expect(sorted(permissionsAt(grants, COMMUNE))).toEqual([P.STATISTICS_READ, P.TREE_READ]);
    expect(sorted(permissionsAt(grants, OTHER_PROVINCE))).toEqual([]);
  });

  test('at the national level only national grants count', () => {
    const grants = [grant(Role.ADMIN, PROVINCE), grant(Role.INSPECTOR, null)];
    expect(sorted(permissionsAt(grants, null))).toEqual([P.AUDIT_READ, P.GRADES_READ, P.INSPECTIONS_READ, P.INSPECTIONS_WRITE, P.INSPECTION_CONCLUSIONS_READ, P.MEETINGS_READ, P.MEMBERS_PERSONAL, P.MEMBERS_READ, P.PUBLISHED_GRADES_READ, P.STATISTICS_READ, P.SUPERVISION_READ, P.TREE_READ]);
  });

  test('an ADMIN holds every permission at its unit and below but the assignment-only one: it may grant every role there', () => {
    expect(sorted(permissionsAt([grant(Role.ADMIN, COMMUNE)], CELL))).toEqual(ALL_PERMISSIONS.filter((p) => p !== P.EVALUATIONS_APPRAISE_ASSIGNED).sort());
  });

  test('an ORGANIZER lacks ACCOUNTS_MANAGE and TREE_WRITE: it could not grant ADMIN even if it managed accounts', () => {
    const held = permissionsAt([grant(Role.ORGANIZER, PROVINCE)], CELL);
    expect(held.has(P.ACCOUNTS_MANAGE)).toBe(false);
    expect(held.has(P.TREE_WRITE)).toBe(false);
  });

  test('nothing without grants', () => {
    expect(sorted(permissionsAt([], CELL))).toEqual([]);
    expect(sorted(permissionsAt([], null))).toEqual([]);
  });
});

describe('scopeFor', () => {
  const sortedScope = (scope: ReturnType<typeof scopeFor>): unknown => (scope === 'ALL' ? scope : [...scope].sort());

  test("'ALL' when a national grant holds the permission", () => {
    expect(scopeFor([grant(Role.ORGANIZER, CELL), grant(Role.ADMIN, null)], P.MEMBERS_READ)).toBe('ALL');
    expect(scopeFor([grant(Role.ANALYST, null)], P.STATISTICS_READ)).toBe('ALL');
  });

  test('a national grant of a role without the permission does not make it national', () => {
    expect(scopeFor([grant(Role.ANALYST, null)], P.MEMBERS_READ)).toEqual([]);
    expect(scopeFor([grant(Role.ANALYST, null), grant(Role.ORGANIZER, CELL)], P.MEMBERS_READ)).toEqual([CELL]);
  });

  test('the paths of the grants holding the permission, and only those', () => {
    const grants = [grant(Role.ORGANIZER, COMMUNE), grant(Role.ANALYST, OTHER_PROVINCE)];
    expect(scopeFor(grants, P.MEMBERS_WRITE)).toEqual([COMMUNE]);
    expect(sortedScope(scopeFor(grants, P.TREE_READ))).toEqual([COMMUNE, OTHER_PROVINCE].sort());
  });

  test('collapses to minimal prefixes: a path under another one is dropped, in any grant order', () => {
    const grants = [grant(Role.ADMIN, CELL), grant(Role.INSPECTOR, OTHER_PROVINCE), grant(Role.ORGANIZER, PROVINCE), grant(Role.MEMBER, COMMUNE)];
    expect(sortedScope(scopeFor(grants, P.TREE_READ))).toEqual([PROVINCE, OTHER_PROVINCE].sort());
  });

  test('keeps siblings and look-alike paths that are not nested (/1/ and /12/)', () => {
    const grants = [grant(Role.ADMIN, LOOKALIKE_PROVINCE), grant(Role.ADMIN, PROVINCE), grant(Role.ADMIN, '/1/5/')];
    expect(sortedScope(scopeFor(grants, P.TREE_READ))).toEqual([PROVINCE, LOOKALIKE_PROVINCE].sort());
    const siblings = [grant(Role.ORGANIZER, COMMUNE), grant(Role.ORGANIZER, OTHER_COMMUNE)];
    expect(sortedScope(scopeFor(siblings, P.MEMBERS_READ))).toEqual([COMMUNE, OTHER_COMMUNE].sort());
  });

  test('the same path twice appears once', () => {
    expect(scopeFor([grant(Role.ORGANIZER, COMMUNE), grant(Role.INSPECTOR, COMMUNE)], P.MEMBERS_READ)).toEqual([COMMUNE]);
  });

  test('empty without a grant holding the permission', () => {
    expect(scopeFor([], P.TREE_READ)).toEqual([]);
    expect(scopeFor([grant(Role.INSPECTOR, PROVINCE)], P.MEMBERS_WRITE)).toEqual([]);
  });
});

describe('scopeSql: the predicate built from a scope', () => {
  test("'ALL' filters nothing, an empty scope matches nothing", () => {
    expect(scopeSql('ALL', 't.path')).toEqual({ sql: 'true', params: [] });
    expect(scopeSql([], 't.path')).toEqual({ sql: 'false', params: [] });
  });

  test('one bound LIKE prefix per scope path', () => {
    expect(scopeSql([PROVINCE, OTHER_PROVINCE], 't.path')).toEqual({ sql: '(t.path like ? or t.path like ?)', params: ['/1/%', '/4/%'] });
  });
});
