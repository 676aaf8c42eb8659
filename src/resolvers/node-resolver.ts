import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../request-context';
import { findAccount } from '../services/accounts/account-queries';
import { findAuditEntry } from '../services/audit-log/audit-log-queries';
import { findApiKey, findAssignment } from '../services/accounts/account-lookups';
import { decodeGlobalId } from '../services/global-id';
import { findAnnualGrade } from '../services/evaluations/annual-grade-queries';
import { findMeetingEvaluation } from '../services/evaluations/meeting-evaluation-queries';
import { readMember } from '../services/members/member-queries';
import { findPosition } from '../services/members/position-queries';
import { findTransfer } from '../services/members/transfer-queries';
import { findMeeting } from '../services/meetings/meeting-queries';
import { findTask } from '../services/meetings/task-commands';
import { findPlanById } from '../services/meetings/thematic-plans';
import { readOrgUnit } from '../services/tree/org-unit-queries';
import { badInput, notFound } from '../errors/app-error';
import { findInspection } from '../services/inspections/inspection-queries';
import { findRemediationAction } from '../services/inspections/remediation-commands';
import { Node } from '../schema/node';
import { findSupervisoryAssignment } from '../services/supervision/assignment-queries';

const MAX_NODES = 100;

/** Any object by global id, through the same scoped lookups as the typed queries. */
async function findNode(ctx: RequestContext, globalId: string, field: string): Promise<object | null> {
  const { type, id } = decodeGlobalId(globalId, field);
  switch (type) {
    case 'OrgUnit':
      return readOrgUnit(ctx, id);
    case 'Member':
      return readMember(ctx, id);
    case 'Account':
      return findAccount(ctx, id);
    case 'RoleAssignment':
      return findAssignment(ctx, id);
    case 'ApiKey':
      return findApiKey(ctx, id);
    case 'Meeting':
      return findMeeting(ctx, id);
    case 'MeetingTask':
      return findTask(ctx, id);
    case 'ThematicPlan':
      return findPlanById(ctx, id);
    case 'MeetingEvaluation':
      return findMeetingEvaluation(ctx, id);
    case 'AnnualGrade':
      return findAnnualGrade(ctx, id);
    case 'MemberPosition':
      return findPosition(ctx, id);
    case 'MemberTransfer':
      return findTransfer(ctx, id);
    case 'AuditEntry':
      return findAuditEntry(ctx, id);
    case 'Inspection':
      return findInspection(ctx, id);
    case 'RemediationAction':
      return findRemediationAction(ctx, id);
    case 'SupervisoryAssignment':
      return findSupervisoryAssignment(ctx, id);
    case 'CriteriaSet':
    case 'Criterion':
    case 'FourGoodAssessment':
    case 'ThematicTopic':
    case 'Holiday':
      return null;
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { description: 'Any object by global id; NOT_FOUND when missing or outside your scope.' })
  async node(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<object> {
    const found = await findNode(ctx, id, 'id');
    if (!found) throw notFound('Node');
    return found;
  }

  @Query(() => [Node], { nullable: 'items', description: 'Objects by global ids, in order; null for each missing or out-of-scope id (at most 100).' })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids, at most 100.' }) ids: string[], @Ctx() ctx: RequestContext): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw badInput('ids', `must hold at most ${MAX_NODES} ids`);
    return Promise.all(ids.map((id, i) => findNode(ctx, id, `ids.${i}`)));
  }
}
