import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry } from '../entities/audit-entry';
import type { RequestContext } from '../request-context';

export interface AuditTarget {
  readonly type: string;
  readonly id: string | number | null;
  readonly provinceId: number | null;
  readonly unitPath: string | null;
}

/** The province of a unit path: its first id (`/12/40/` → 12). */
export function provinceOfPath(unitPath: string | null): number | null {
  const first = unitPath?.split('/')[1];
  return first ? Number(first) : null;
}

/**
 * Records a successful mutation inside its own transaction (`em` is the transaction's manager).
 * The database chains the entry at insert (migration 3). The entry is also kept on the request, so
 * that the idempotency layer can tell whether the request committed a write.
 */
export function audit(
  ctx: RequestContext,
  em: EntityManager,
  operation: string,
  target: AuditTarget,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): void {
  const entry = em.create(AuditEntry, {
    accountId: ctx.viewer.accountId,
    accountKind: ctx.viewer.accountKind,
    requestId: ctx.requestId,
    operation,
    targetType: target.type,
    targetId: target.id === null ? null : String(target.id),
    // Some targets (API keys) know only their unit path: the province still picks the chain.
    provinceId: target.provinceId ?? provinceOfPath(target.unitPath),
    unitPath: target.unitPath,
    before,
    after,
    at: new Date(),
  });
  ctx.auditEntries.push(entry);
}
