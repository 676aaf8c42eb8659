import { GraphQLError } from 'graphql';
import type { Member } from '../entities/member';
import { ErrorCode } from '../errors/error-code';
import type { RequestContext } from '../request-context';
import { Permission } from './permission';

/**
 * The first permission layer: may the viewer call this root field or read this sensitive field?
 * Rows themselves are scoped in SQL by the services (the second layer). A rule answers true, false
 * (FORBIDDEN) or the error to answer with; permissions-layer.ts applies it, and counts a rule that
 * throws as false.
 */
export interface Rule {
  readonly name: string;
  check(parent: unknown, args: unknown, ctx: RequestContext): boolean | GraphQLError;
}

const rule = (name: string, check: Rule['check']): Rule => ({ name, check });

/** No check at all: the field keeps its own resolver. */
export const allow: Rule = rule('allow', () => true);
/** What a root field without a rule of its own gets. */
export const deny: Rule = rule('deny', () => false);

/** Anonymous callers are told to sign in (UNAUTHENTICATED); signed-in callers without the right, FORBIDDEN. */
const signInRequired = (): GraphQLError => new GraphQLError('Authentication required', { extensions: { code: ErrorCode.UNAUTHENTICATED } });

export const isAuthenticated: Rule = rule('isAuthenticated', (_parent, _args, ctx) => ctx.viewer.authenticated || signInRequired());

/** One rule per permission, built once. */
const HOLDS_SOMEWHERE = new Map<Permission, Rule>(
  Object.values(Permission).map((permission) => [
    permission,
    rule(`holds_${permission}`, (_parent, _args, ctx) => (ctx.viewer.authenticated ? ctx.viewer.canSomewhere(permission) : signInRequired())),
  ]),
);

const holdsSomewhere = (permission: Permission): Rule => HOLDS_SOMEWHERE.get(permission) as Rule;

/** Appraisal: a superior's EVALUATIONS_APPRAISE, or a supervisory assignment's EVALUATIONS_APPRAISE_ASSIGNED. */
const mayAppraise: Rule = rule('mayAppraise', (_parent, _args, ctx) =>
  ctx.viewer.authenticated ? ctx.viewer.canSomewhere(Permission.EVALUATIONS_APPRAISE) || ctx.viewer.canSomewhere(Permission.EVALUATIONS_APPRAISE_ASSIGNED) : signInRequired(),
);

/** Personal data: roles holding MEMBERS_PERSONAL over the member's cell, and the member themself. */
export const canSeePersonalData: Rule = rule('canSeePersonalData', (parent, _args, ctx) => {
  const member = parent as Pick<Member, 'id' | 'unitPath'>;
  return ctx.viewer.can(Permission.MEMBERS_PERSONAL, member.unitPath) || (ctx.viewer.memberId !== null && ctx.viewer.memberId === member.id);
});

/** Every Query field, with its rule. A field missing here is denied (and fails a test). */
export const queryRules: Record<string, Rule> = {
  viewer: allow,
  node: isAuthenticated,
  nodes: isAuthenticated,
  roles: isAuthenticated,
  orgUnit: holdsSomewhere(Permission.TREE_READ),
  orgUnits: holdsSomewhere(Permission.TREE_READ),
  member: holdsSomewhere(Permission.MEMBERS_READ),
  members: holdsSomewhere(Permission.MEMBERS_READ),
  meeting: holdsSomewhere(Permission.MEETINGS_READ),
  meetings: holdsSomewhere(Permission.MEETINGS_READ),
  myTasks: isAuthenticated,
  meetingRules: isAuthenticated,
  holidays: isAuthenticated,
  thematicTopics: isAuthenticated,
  // Counts and rates: aggregate roles too; the service checks the unit.
  meetingCompliance: isAuthenticated,
  // Criteria sets and grading rules are a province's published regulations; the service checks the province.
  criteriaSets: isAuthenticated,
  criteriaSetInForce: isAuthenticated,
  gradingRules: isAuthenticated,
  meetingEvaluation: holdsSomewhere(Permission.MEETINGS_READ),
  // Members read their own and their cell's published grades: scoped in SQL.
  annualGrade: isAuthenticated,
  annualGrades: isAuthenticated,
  // Counts only, for aggregate roles too; the service checks the unit.
  evaluationSummary: isAuthenticated,
  // Today's scope decides which units' history the caller reads.
  orgUnitAsOf: holdsSomewhere(Permission.TREE_READ),
  // Either end's readers and the member; the service scopes the rows.
  memberTransfers: holdsSomewhere(Permission.MEMBERS_READ),
  // Rows are scoped in SQL to AUDIT_READ; personal values in them need MEMBERS_PERSONAL (redaction.ts).
  auditLog: holdsSomewhere(Permission.AUDIT_READ),
  verifyAuditChain: holdsSomewhere(Permission.AUDIT_READ),
  // Inspections (issue #5): content readers and the inspected units' readers of published conclusions; scoped in SQL.
  inspection: isAuthenticated,
  inspections: isAuthenticated,
  inspectionSubjects: isAuthenticated,
  // Counts only, for aggregate roles too; the service checks the unit.
  inspectionCoverage: isAuthenticated,
  overdueRemediation: holdsSomewhere(Permission.INSPECTIONS_READ),
  // Supervision (issue #5): readers of the subtree, and holders of their own assignments; scoped in SQL.
  supervisoryAssignments: isAuthenticated,
  supervisionRules: isAuthenticated,
  supervisionReport: holdsSomewhere(Permission.SUPERVISION_READ),
  // Statistics (issue #7): counts only; the service checks STATISTICS_READ over the unit's whole subtree (or nationally).
  statistics: holdsSomewhere(Permission.STATISTICS_READ),
  statisticTargets: holdsSomewhere(Permission.STATISTICS_READ),
};

/** Every Mutation field, with its rule. */
export const mutationRules: Record<string, Rule> = {
  login: allow,
  refreshAccessToken: allow,
  logout: allow,
  createOrgUnit: holdsSomewhere(Permission.TREE_WRITE),
  updateOrgUnit: holdsSomewhere(Permission.TREE_WRITE),
  createMember: holdsSomewhere(Permission.MEMBERS_WRITE),
  updateMember: holdsSomewhere(Permission.MEMBERS_WRITE),
  createAccount: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  createServiceAccount: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  createApiKey: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  revokeApiKey: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  grantRole: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  revokeRole: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  // The services check ACCOUNTS_MANAGE over the account's home and that it holds no more than the caller.
  disableAccount: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  enableAccount: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  resetPassword: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  endSessions: holdsSomewhere(Permission.ACCOUNTS_MANAGE),
  createMeeting: holdsSomewhere(Permission.MEETINGS_WRITE),
  updateMeeting: holdsSomewhere(Permission.MEETINGS_WRITE),
  cancelMeeting: holdsSomewhere(Permission.MEETINGS_WRITE),
  finaliseMinutes: holdsSomewhere(Permission.MEETINGS_WRITE),
  amendMinutes: holdsSomewhere(Permission.MEETINGS_WRITE),
  assignTask: holdsSomewhere(Permission.MEETINGS_WRITE),
  // The task's owner reports too; the service checks owner or writer.
  reportTask: isAuthenticated,
  saveThematicPlan: holdsSomewhere(Permission.MEETINGS_WRITE),
  submitThematicPlan: holdsSomewhere(Permission.MEETINGS_WRITE),
  updateMeetingRules: holdsSomewhere(Permission.MEETING_RULES_MANAGE),
  addHoliday: holdsSomewhere(Permission.MEETING_RULES_MANAGE),
  removeHoliday: holdsSomewhere(Permission.MEETING_RULES_MANAGE),
  createCriteriaSet: holdsSomewhere(Permission.EVALUATION_RULES_MANAGE),
  updateGradingRules: holdsSomewhere(Permission.EVALUATION_RULES_MANAGE),
  createMeetingEvaluation: holdsSomewhere(Permission.EVALUATIONS_WRITE),
  updateMeetingEvaluation: holdsSomewhere(Permission.EVALUATIONS_WRITE),
  submitMeetingEvaluation: holdsSomewhere(Permission.EVALUATIONS_WRITE),
  // Superiors (EVALUATIONS_APPRAISE) and assigned supervisors (EVALUATIONS_APPRAISE_ASSIGNED): the service checks which.
  appraiseMeetingEvaluation: mayAppraise,
  // The cell withdraws its submission, a superior returns or reopens: the service checks which.
  reopenMeetingEvaluation: isAuthenticated,
  // Members self-assess their own grade: the service checks proposer or own.
  proposeAnnualGrade: isAuthenticated,
  decideAnnualGrades: holdsSomewhere(Permission.EVALUATIONS_APPRAISE),
  publishAnnualGrades: holdsSomewhere(Permission.EVALUATIONS_APPRAISE),
  assessFourGood: holdsSomewhere(Permission.EVALUATIONS_APPRAISE),
  importOrgUnits: holdsSomewhere(Permission.TREE_WRITE),
  renameOrgUnit: holdsSomewhere(Permission.TREE_WRITE),
  moveOrgUnit: holdsSomewhere(Permission.TREE_WRITE),
  mergeOrgUnits: holdsSomewhere(Permission.TREE_WRITE),
  splitOrgUnit: holdsSomewhere(Permission.TREE_WRITE),
  dissolveOrgUnit: holdsSomewhere(Permission.TREE_WRITE),
  importMembers: holdsSomewhere(Permission.MEMBERS_WRITE),
  // Member lifecycle (issue #6): the services check MEMBERS_WRITE at the member's cell, or at the receiving cell.
  recognizeOfficialMember: holdsSomewhere(Permission.MEMBERS_WRITE),
  extendProbation: holdsSomewhere(Permission.MEMBERS_WRITE),
  endProbationWithRemoval: holdsSomewhere(Permission.MEMBERS_WRITE),
  sendMemberTransfer: holdsSomewhere(Permission.MEMBERS_WRITE),
  receiveMemberTransfer: holdsSomewhere(Permission.MEMBERS_WRITE),
  cancelMemberTransfer: holdsSomewhere(Permission.MEMBERS_WRITE),
  endTemporaryMembership: holdsSomewhere(Permission.MEMBERS_WRITE),
  exemptMember: holdsSomewhere(Permission.MEMBERS_WRITE),
  endExemption: holdsSomewhere(Permission.MEMBERS_WRITE),
  removeMember: holdsSomewhere(Permission.MEMBERS_WRITE),
  expelMember: holdsSomewhere(Permission.MEMBERS_WRITE),
  recordMemberDeath: holdsSomewhere(Permission.MEMBERS_WRITE),
  // Positions: the service checks MEMBERS_WRITE at the member's cell and at the position's unit.
  assignPosition: holdsSomewhere(Permission.MEMBERS_WRITE),
  endPosition: holdsSomewhere(Permission.MEMBERS_WRITE),
  // Inspections (issue #5): the services check INSPECTIONS_WRITE at the inspecting unit.
  createInspection: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  startInspection: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  concludeInspection: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  publishInspectionConclusions: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  closeInspection: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  addInspectionFinding: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  addRemediationAction: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  reportRemediationDone: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  verifyRemediation: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  recordDiscipline: holdsSomewhere(Permission.INSPECTIONS_WRITE),
  // Supervision (issue #5): the services check SUPERVISION_MANAGE at the committee, the cell, the province.
  assignSupervisor: holdsSomewhere(Permission.SUPERVISION_MANAGE),
  endSupervisoryAssignment: holdsSomewhere(Permission.SUPERVISION_MANAGE),
  updateSupervisionRules: holdsSomewhere(Permission.SUPERVISION_MANAGE),
  flagWeakCell: holdsSomewhere(Permission.SUPERVISION_MANAGE),
  // Targets (issue #7): the service checks TARGETS_MANAGE at the committee.
  setStatisticTarget: holdsSomewhere(Permission.TARGETS_MANAGE),
};

/** Sensitive fields of object types; every other field of an object type is readable once its parent was. */
export const fieldRules: Record<string, Record<string, Rule>> = {
  Member: {
    birthDate: canSeePersonalData,
    religion: canSeePersonalData,
    partyCardNumber: canSeePersonalData,
    citizenId: canSeePersonalData,
    phone: canSeePersonalData,
    address: canSeePersonalData,
    // The history carries decisions and reasons (health, discipline): for the same readers as personal data.
    timeline: canSeePersonalData,
    exemptions: canSeePersonalData,
  },
};
