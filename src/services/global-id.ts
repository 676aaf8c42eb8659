import { badInput } from '../errors/app-error';

/** Relay global ids: base64url("Type:dbId"), opaque to clients. */
export type NodeType = 'OrgUnit' | 'Member' | 'Account' | 'RoleAssignment' | 'ApiKey' | 'MemberPosition' | 'Meeting' | 'MeetingTask' | 'ThematicPlan' | 'ThematicTopic' | 'Holiday' | 'CriteriaSet' | 'Criterion' | 'MeetingEvaluation' | 'AnnualGrade' | 'FourGoodAssessment' | 'MemberTransfer' | 'AuditEntry' | 'Inspection' | 'RemediationAction' | 'SupervisoryAssignment';

const NODE_TYPES: readonly NodeType[] = ['OrgUnit', 'Member', 'Account', 'RoleAssignment', 'ApiKey', 'MemberPosition', 'Meeting', 'MeetingTask', 'ThematicPlan', 'ThematicTopic', 'Holiday', 'CriteriaSet', 'Criterion', 'MeetingEvaluation', 'AnnualGrade', 'FourGoodAssessment', 'MemberTransfer', 'AuditEntry', 'Inspection', 'RemediationAction', 'SupervisoryAssignment'];

export function toGlobalId(type: NodeType, id: number | string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  readonly type: NodeType;
  readonly id: number;
}

/** Decodes any global id; a malformed one is BAD_USER_INPUT on `field`. */
export function decodeGlobalId(globalId: string, field: string): DecodedId {
  const raw = /^[A-Za-z0-9_-]{1,64}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(raw);
  const type = match?.[1] as NodeType | undefined;
  const id = match ? Number(match[2]) : NaN;
  if (!match || type === undefined || !NODE_TYPES.includes(type) || id > 2147483647) {
    throw badInput(field, 'is not a valid id');
  }
  return { type, id };
}

/** Decodes an id that must name a given type; another type's id is a bad input, not a lookup. */
export function fromGlobalId(globalId: string, expected: NodeType, field: string): number {
  const decoded = decodeGlobalId(globalId, field);
  if (decoded.type !== expected) throw badInput(field, `must be the id of a ${expected}`);
  return decoded.id;
}

/** Whether a type name (an audit entry's target type) has global ids. */
export function isNodeType(type: string): type is NodeType {
  return (NODE_TYPES as readonly string[]).includes(type);
}
