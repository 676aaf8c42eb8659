import { Permission } from './permission';
import { Role } from './role';

const P = Permission;

/**
 * The one table of what each role may do. A role held at a unit applies to its whole subtree.
 * ADMIN holds every permission so that it can grant every role: nobody grants more than they hold.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.ADMIN]: [
    P.TREE_READ,
    P.TREE_WRITE,
    P.MEMBERS_READ,
    P.MEMBERS_PERSONAL,
    P.MEMBERS_WRITE,
    P.ACCOUNTS_MANAGE,
    P.MEETINGS_READ,
    P.MEETINGS_WRITE,
    P.MEETING_RULES_MANAGE,
    P.GRADES_READ,
    P.PUBLISHED_GRADES_READ,
    P.EVALUATIONS_WRITE,
    P.EVALUATIONS_APPRAISE,
    P.EVALUATION_RULES_MANAGE,
    P.STATISTICS_READ,
    P.TARGETS_MANAGE,
    P.AUDIT_READ,
    P.INSPECTIONS_READ,
    P.INSPECTIONS_WRITE,
    P.INSPECTION_CONCLUSIONS_READ,
    P.SUPERVISION_MANAGE,
    P.SUPERVISION_READ,
  ],
  [Role.ORGANIZER]: [
    P.TREE_READ,
    P.MEMBERS_READ,
    P.MEMBERS_PERSONAL,
    P.MEMBERS_WRITE,
    P.MEETINGS_READ,
    P.MEETINGS_WRITE,
    P.GRADES_READ,
    P.PUBLISHED_GRADES_READ,
    P.EVALUATIONS_WRITE,
    P.EVALUATIONS_APPRAISE,
    P.STATISTICS_READ,
    P.TARGETS_MANAGE,
    P.INSPECTION_CONCLUSIONS_READ,
    P.SUPERVISION_MANAGE,
    P.SUPERVISION_READ,
  ],
  // The inspection commission (ủy ban kiểm tra) oversees who changed what below it: the audit log too.
  [Role.INSPECTOR]: [
    P.TREE_READ,
    P.MEMBERS_READ,
    P.MEMBERS_PERSONAL,
    P.MEETINGS_READ,
    P.GRADES_READ,
    P.PUBLISHED_GRADES_READ,
    P.STATISTICS_READ,
    P.AUDIT_READ,
    P.INSPECTIONS_READ,
    P.INSPECTIONS_WRITE,
    P.INSPECTION_CONCLUSIONS_READ,
    P.SUPERVISION_READ,
  ],
  // Self-service: the own cell's units, fellow members (no personal data) and meetings; own record via the member link.
  [Role.MEMBER]: [P.TREE_READ, P.MEMBERS_READ, P.MEETINGS_READ, P.PUBLISHED_GRADES_READ, P.INSPECTION_CONCLUSIONS_READ],
  [Role.ANALYST]: [P.TREE_READ, P.STATISTICS_READ],
  // Not granted: held while the linked member is secretary or deputy secretary of the cell (src/auth/identify.ts).
  [Role.CELL_SECRETARY]: [P.TREE_READ, P.MEMBERS_READ, P.MEETINGS_READ, P.MEETINGS_WRITE, P.GRADES_READ, P.PUBLISHED_GRADES_READ, P.EVALUATIONS_WRITE, P.INSPECTION_CONCLUSIONS_READ],
  // Not granted: held at the assigned cell while a supervisory assignment runs (src/auth/identify.ts).
  // EVALUATIONS_APPRAISE_ASSIGNED is held by no other role: ADMIN appraises from above with EVALUATIONS_APPRAISE.
  [Role.SUPERVISOR]: [P.TREE_READ, P.MEETINGS_READ, P.EVALUATIONS_APPRAISE_ASSIGNED],
};

/** Roles that grantRole may grant; the others follow from positions. */
export const GRANTABLE_ROLES: readonly Role[] = [Role.ADMIN, Role.ORGANIZER, Role.INSPECTOR, Role.MEMBER, Role.ANALYST];

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  [Role.ADMIN]: 'Quản trị: the hierarchy, members and accounts below the unit.',
  [Role.ORGANIZER]: 'Tổ chức (ban tổ chức, bí thư): members and, later, meetings below the unit, personal data included.',
  [Role.INSPECTOR]: 'Kiểm tra (ủy ban kiểm tra): reads everything below the unit, personal data included; runs inspections and reads their content.',
  [Role.MEMBER]: 'Đảng viên: self-service, the own record and the own cell.',
  [Role.ANALYST]: 'Phân tích / tích hợp: aggregates only, counts and ratios, no row about a person.',
  [Role.CELL_SECRETARY]: "Bí thư, phó bí thư chi bộ: plans and records the cell's meetings; held through the position, never granted.",
  [Role.SUPERVISOR]: "Phân công dự, theo dõi sinh hoạt: reads the assigned cell's meetings and minutes and appraises its meeting evaluations while the assignment runs; never granted.",
};

export const permissionsOf = (role: Role): readonly Permission[] => ROLE_PERMISSIONS[role];
