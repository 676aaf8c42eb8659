import { Permission } from '../../auth/permission';
import { scopeFilter, scopeOrOwn } from '../../auth/scope-sql';
import { ApiKey } from '../../entities/api-key';
import { RoleAssignment } from '../../entities/role-assignment';
import type { RequestContext } from '../../request-context';

/** A role assignment the viewer may see: their own, or one where they manage accounts. */
export function findAssignment(ctx: RequestContext, id: number): Promise<RoleAssignment | null> {
  const own = ctx.viewer.accountId === null ? null : { account: ctx.viewer.accountId };
  return ctx.em.findOne(RoleAssignment, { id, ...scopeOrOwn(scopeFilter(ctx.viewer.scope(Permission.ACCOUNTS_MANAGE), 'unitPath'), own) });
}

/** An API key of an account the viewer manages. */
export function findApiKey(ctx: RequestContext, id: number): Promise<ApiKey | null> {
  const managed = scopeFilter(ctx.viewer.scope(Permission.ACCOUNTS_MANAGE), 'homeUnitPath');
  return ctx.em.findOne(ApiKey, Object.keys(managed).length === 0 ? { id } : { id, account: managed });
}
