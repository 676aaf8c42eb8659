import { Permission } from '../../auth/permission';
import { scopeFilter, scopeSql } from '../../auth/scope-sql';
import { AuditEntry } from '../../entities/audit-entry';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql, type ListQuery } from '../batched-page';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';

export interface AuditLogFilter {
  readonly operations?: readonly string[] | null;
  readonly targetType?: string | null;
  /** The target's database id, with its type (from a global id). */
  readonly target?: { readonly type: string; readonly id: number } | null;
  readonly actorId?: number | null;
  /** Inclusive. */
  readonly from?: Date | null;
  /** Exclusive. */
  readonly to?: Date | null;
  /** A unit path already resolved through scope. */
  readonly subtreeOfPath?: string | null;
}

/**
 * Entries are visible where the viewer holds AUDIT_READ over the entry's unit. National entries
 * (no unit) fall outside every path prefix, so only national scope sees them.
 */
export function findAuditEntry(ctx: RequestContext, id: number): Promise<AuditEntry | null> {
  return ctx.em.findOne(AuditEntry, { id: String(id), ...scopeFilter(ctx.viewer.scope(Permission.AUDIT_READ), 'unitPath') });
}

function auditListQuery(ctx: RequestContext, filter: AuditLogFilter): ListQuery {
  const scope = scopeSql(ctx.viewer.scope(Permission.AUDIT_READ), 't.unit_path');
  const where = [scope.sql];
  const params: unknown[] = [...scope.params];
  const add = (condition: string, ...values: unknown[]): void => {
    where.push(condition);
    params.push(...values);
  };
  if (filter.operations?.length) add(`t.operation in (${filter.operations.map(() => '?').join(',')})`, ...filter.operations);
  if (filter.targetType) add('t.target_type = ?', filter.targetType);
  if (filter.target) add('t.target_type = ? and t.target_id = ?', filter.target.type, String(filter.target.id));
  if (filter.actorId !== undefined && filter.actorId !== null) add('t.account_id = ?', filter.actorId);
  if (filter.from) add('t.at >= ?', filter.from);
  if (filter.to) add('t.at < ?', filter.to);
  if (filter.subtreeOfPath) add(inSubtreeSql('t.unit_path', '?'), filter.subtreeOfPath, filter.subtreeOfPath);
  return { from: 'audit_entry t', where, params, orderBy: 't.id desc' };
}

/** The audit log the viewer may read, newest first, filtered in SQL. */
export function listAuditEntries(ctx: RequestContext, filter: AuditLogFilter, args: PageArgs): Promise<Page<AuditEntry>> {
  if (filter.from && filter.to && filter.from >= filter.to) throw badInput('filter.to', 'must be after filter.from');
  return loadPage(ctx, AuditEntry, { shape: `auditLog:${JSON.stringify(filter)}`, query: auditListQuery(ctx, filter), keyType: 'int', key: 0 }, args);
}
