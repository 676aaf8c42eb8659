import { Field, ID, InterfaceType } from 'type-graphql';
import { Account } from '../entities/account';
import { AnnualGrade } from '../entities/annual-grade';
import { MeetingEvaluation } from '../entities/meeting-evaluation';
import { ApiKey } from '../entities/api-key';
import { AuditEntry } from '../entities/audit-entry';
import { Meeting } from '../entities/meeting';
import { MeetingTask } from '../entities/meeting-task';
import { Member } from '../entities/member';
import { MemberPosition } from '../entities/member-position';
import { MemberTransfer } from '../entities/member-transfer';
import { ThematicPlan } from '../entities/thematic-plan';
import { OrgUnit } from '../entities/org-unit';
import { RoleAssignment } from '../entities/role-assignment';
import { Inspection } from '../entities/inspection';
import { RemediationAction } from '../entities/remediation-action';
import { SupervisoryAssignment } from '../entities/supervisory-assignment';

/** Relay Node: every object with a global id can be fetched with `node(id:)`. */
@InterfaceType('Node', {
  description: 'An object with a global, opaque id (đối tượng có mã định danh toàn cục).',
  resolveType: (value: object) => {
    if (value instanceof OrgUnit) return 'OrgUnit';
    if (value instanceof Member) return 'Member';
    if (value instanceof Account) return 'Account';
    if (value instanceof RoleAssignment) return 'RoleAssignment';
    if (value instanceof ApiKey) return 'ApiKey';
    if (value instanceof Meeting) return 'Meeting';
    if (value instanceof MeetingTask) return 'MeetingTask';
    if (value instanceof ThematicPlan) return 'ThematicPlan';
    if (value instanceof MeetingEvaluation) return 'MeetingEvaluation';
    if (value instanceof AnnualGrade) return 'AnnualGrade';
    if (value instanceof MemberPosition) return 'MemberPosition';
    if (value instanceof MemberTransfer) return 'MemberTransfer';
    if (value instanceof AuditEntry) return 'AuditEntry';
    if (value instanceof Inspection) return 'Inspection';
    if (value instanceof RemediationAction) return 'RemediationAction';
    if (value instanceof SupervisoryAssignment) return 'SupervisoryAssignment';
    return undefined;
  },
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;
}
