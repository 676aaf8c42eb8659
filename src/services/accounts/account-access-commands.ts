import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords';
import { Account, AccountKind } from '../../entities/account';
import { ApiKey } from '../../entities/api-key';
import { RefreshToken } from '../../entities/refresh-token';
import { badInput, conflict } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getManagedAccount } from './account-queries';
import { lockAndCheckNotStronger } from './credential-guard';
import { endAccessTokens } from './login';

/**
 * An administrator's hold over an account's access (issue #15): disable and enable it, reset its
 * password, end its sessions. Each takes an account the caller manages (else NOT_FOUND), that
 * holds no more than the caller anywhere (else FORBIDDEN), under the account's row lock, and
 * writes an audit entry; the account's access tokens are refused from the next request on.
 */
async function underLock<T>(ctx: RequestContext, accountId: number, operation: string, change: (account: Account, tx: RequestContext) => Promise<{ before: Record<string, unknown> | null; after: Record<string, unknown>; result: T }>): Promise<T> {
  const target = await getManagedAccount(ctx, accountId);
  return ctx.em.transactional(async (em) => {
    const account = await lockAndCheckNotStronger(ctx, em, target.id);
    const { before, after, result } = await change(account, { ...ctx, em });
    await em.flush();
    audit(ctx, em, operation, { type: 'Account', id: account.id, provinceId: null, unitPath: account.homeUnitPath ?? null }, before, after);
    return result;
  });
}

/** Revokes every refresh token of the account and ends its access tokens; how many sessions were open. */
async function endAllSessions(tx: RequestContext, accountId: number): Promise<number> {
  const ended = await tx.em.nativeUpdate(RefreshToken, { account: accountId, revokedAt: null }, { revokedAt: new Date() });
  await endAccessTokens(tx, accountId);
  return ended;
}

function refuseSelf(ctx: RequestContext, accountId: number, what: string): void {
  if (ctx.viewer.accountId === accountId) throw badInput('id', `you cannot ${what} your own account`);
}

/** Nobody signs in with it any more: its sessions end and its API keys are revoked at once. */
export function disableAccount(ctx: RequestContext, accountId: number): Promise<Account> {
  refuseSelf(ctx, accountId, 'disable');
  return underLock(ctx, accountId, 'disableAccount', async (account, tx) => {
    if (!account.active) throw conflict('The account is already disabled', { field: 'active' });
    account.active = false;
    const sessions = await endAllSessions(tx, account.id);
    const keys = await tx.em.nativeUpdate(ApiKey, { account: account.id, revokedAt: null }, { revokedAt: new Date() });
    return { before: { active: true }, after: { active: false, sessionsEnded: sessions, apiKeysRevoked: keys }, result: account };
  });
}

/** Signing in works again; revoked sessions and API keys stay revoked (issue new keys). */
export function enableAccount(ctx: RequestContext, accountId: number): Promise<Account> {
  return underLock(ctx, accountId, 'enableAccount', async (account) => {
    if (account.active) throw conflict('The account is already enabled', { field: 'active' });
    account.active = true;
    return { before: { active: false }, after: { active: true }, result: account };
  });
}

/** A new password for a person, chosen by the administrator; every session of the account ends. */
export async function resetPassword(ctx: RequestContext, accountId: number, newPassword: string): Promise<Account> {
  if (newPassword.length < PASSWORD_MIN_LENGTH) throw badInput('newPassword', `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (newPassword.length > PASSWORD_MAX_LENGTH) throw badInput('newPassword', `must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const passwordHash = await hashPassword(newPassword);
  return underLock(ctx, accountId, 'resetPassword', async (account, tx) => {
    if (account.kind !== AccountKind.PERSON) throw badInput('accountId', 'service accounts have API keys, not passwords');
    account.passwordHash = passwordHash;
    const sessions = await endAllSessions(tx, account.id);
    // The audit entry says that the password changed, never what it is.
    return { before: { password: 'previous' }, after: { password: 'reset', sessionsEnded: sessions }, result: account };
  });
}

/** Signs the account out everywhere: refresh tokens revoked, access tokens refused; how many sessions were open. */
export function endSessions(ctx: RequestContext, accountId: number): Promise<number> {
  return underLock(ctx, accountId, 'endSessions', async (account, tx) => {
    const sessions = await endAllSessions(tx, account.id);
    return { before: null, after: { sessionsEnded: sessions }, result: sessions };
  });
}
