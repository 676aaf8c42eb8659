import type { EntityManager } from '@mikro-orm/postgresql';
import type { Member } from '../../entities/member';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';

/** The audit entry of a lifecycle event, on the member, at the cell it concerns after the event. */
export function auditEvent(
  ctx: RequestContext,
  em: EntityManager,
  operation: string,
  member: Member,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): void {
  audit(ctx, em, operation, { type: 'Member', id: member.id, provinceId: member.provinceId, unitPath: member.unitPath }, before, after);
}
