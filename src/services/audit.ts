import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry } from '../entities/audit-entry';
import type { RequestContext } from '../request-context';

export interface AuditTarget {
  readonly type: string;
  readonly id: string | number | null;
  readonly provinceId: number | null;
  readonly unitPath: string | null;
}

/** Records a successful mutation inside its own transaction (`em` is the transaction's manager). */
export function audit(
  ctx: RequestContext,
  em: EntityManager,
  operation: string,
  target: AuditTarget,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): void {
  em.create(AuditEntry, {
    accountId: ctx.viewer.accountId,
    requestId: ctx.requestId,
    operation,
    targetType: target.type,
    targetId: target.id === null ? null : String(target.id),
    provinceId: target.provinceId,
    unitPath: target.unitPath,
    before,
    after,
    at: new Date(),
  });
}
