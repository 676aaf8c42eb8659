import { Permission } from '../../auth/permission';
import { scopeFilter, scopeOrOwn } from '../../auth/scope-sql';
import { Account } from '../../entities/account';
import { ApiKey } from '../../entities/api-key';
import { RoleAssignment } from '../../entities/role-assignment';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';

/** Accounts a viewer may see: their own, and those homed under a unit where they manage accounts. */
function visibleAccounts(ctx: RequestContext): Record<string, unknown> {
  const own = ctx.viewer.accountId === null ? null : { id: ctx.viewer.accountId };
  return scopeOrOwn(scopeFilter(ctx.viewer.scope(Permission.ACCOUNTS_MANAGE), 'homeUnitPath'), own);
}

export async function findAccount(ctx: RequestContext, id: number): Promise<Account | null> {
  return ctx.em.findOne(Account, { id, ...visibleAccounts(ctx) });
}

export async function getAccount(ctx: RequestContext, id: number): Promise<Account> {
  const account = await findAccount(ctx, id);
  if (!account) throw notFound('Account');
  return account;
}

/** An account the viewer may manage (not merely their own). */
export async function getManagedAccount(ctx: RequestContext, id: number): Promise<Account> {
  const account = await ctx.em.findOne(Account, { id, ...scopeFilter(ctx.viewer.scope(Permission.ACCOUNTS_MANAGE), 'homeUnitPath') });
  if (!account) throw notFound('Account');
  return account;
}

/**
 * Live role assignments of an account the viewer can see: all of them on the own account, otherwise
 * only those at units where the viewer manages accounts (the same rows `node(id)` finds).
 */
export function activeAssignmentsOf(ctx: RequestContext, account: Account): Promise<RoleAssignment[]> {
  const managed = account.id === ctx.viewer.accountId ? {} : scopeFilter(ctx.viewer.scope(Permission.ACCOUNTS_MANAGE), 'unitPath');
  return ctx.em.find(RoleAssignment, { account, revokedAt: null, ...managed }, { orderBy: { grantedAt: 'asc', id: 'asc' } });
}

export function apiKeysOf(ctx: RequestContext, account: Account): Promise<ApiKey[]> {
  return ctx.em.find(ApiKey, { account }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** An assignment whose unit lies where the viewer manages accounts; otherwise NOT_FOUND. */
export async function getManagedAssignment(ctx: RequestContext, id: number): Promise<RoleAssignment> {
  const assignment = await ctx.em.findOne(RoleAssignment, { id, ...scopeFilter(ctx.viewer.scope(Permission.ACCOUNTS_MANAGE), 'unitPath') });
  if (!assignment) throw notFound('Role assignment');
  return assignment;
}

/** findAccount batched over the request (e.g. the authors of a timeline). */
export function loadAccount(ctx: RequestContext, id: number): Promise<Account | null> {
  return ctx.loaders
    .keyed<number, Account | null>('accountById', async (ids) => {
      const rows = await ctx.em.find(Account, { id: { $in: [...ids] }, ...visibleAccounts(ctx) });
      return ids.map((i) => rows.find((a) => a.id === i) ?? null);
    })
    .load(id);
}
