import { setTimeout as sleep } from 'node:timers/promises';
import { verifyPassword } from '../../auth/passwords';
import { randomSecret, sha256, signAccessToken } from '../../auth/tokens';
import { forgetViewers } from '../../auth/viewer-cache';
import { Account, AccountKind } from '../../entities/account';
import { RefreshToken } from '../../entities/refresh-token';
import { unauthenticated } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { clearFailures, countAttempt, throttleDelayMs } from './login-throttle';

export interface Session {
  readonly account: Account;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
}

/** One message for every wrong credential: unknown user, wrong password, disabled account. */
const WRONG_CREDENTIALS = 'Invalid username or password';

async function openSession(ctx: RequestContext, account: Account): Promise<Session> {
  const access = signAccessToken(account.id, ctx.config.jwtSecret, ctx.config.accessTokenTtlSeconds, account.tokenGeneration);
  const refreshToken = randomSecret();
  const refreshTokenExpiresAt = new Date(Date.now() + ctx.config.refreshTokenTtlSeconds * 1000);
  ctx.em.create(RefreshToken, { account, tokenHash: sha256(refreshToken), expiresAt: refreshTokenExpiresAt });
  await ctx.em.flush();
  return { account, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt };
}

export async function login(ctx: RequestContext, username: string, password: string): Promise<Session> {
  const key = username.trim().toLowerCase().slice(0, 200);
  const failures = await countAttempt(ctx.em, key);
  const delay = throttleDelayMs(failures, ctx.config.loginThrottleBaseMs);
  if (delay > 0) await sleep(delay);

  const account = key === '' ? null : await ctx.em.findOne(Account, { username: { $ilike: key.replace(/[\\%_]/g, (c) => `\\${c}`) }, kind: AccountKind.PERSON });
  const valid = await verifyPassword(account?.active ? account.passwordHash : null, password);
  if (!account || !valid) throw unauthenticated(WRONG_CREDENTIALS);
  await clearFailures(ctx.em, key);
  account.lastLoginAt = new Date();
  return openSession(ctx, account);
}

/** Rotates a refresh token; reusing a spent one revokes every session of the account. */
export async function refreshSession(ctx: RequestContext, refreshToken: string): Promise<Session> {
  const stored = await ctx.em.findOne(RefreshToken, { tokenHash: sha256(refreshToken) }, { populate: ['account'] });
  if (!stored || stored.expiresAt < new Date() || !stored.account.active) throw unauthenticated('Invalid or expired refresh token');
  // Spending the token is one conditional UPDATE: of concurrent refreshes with one token only
  // one wins; the others count as reuse, like a token spent earlier.
  const spent = stored.revokedAt ? 0 : await ctx.em.nativeUpdate(RefreshToken, { id: stored.id, revokedAt: null }, { revokedAt: new Date() });
  if (spent === 0) {
    await ctx.em.nativeUpdate(RefreshToken, { account: stored.account, revokedAt: null }, { revokedAt: new Date() });
    await endAccessTokens(ctx, stored.account.id);
    throw unauthenticated('Invalid or expired refresh token');
  }
  return openSession(ctx, stored.account);
}

/**
 * Moves the account's token generation on: every access token issued so far is refused from the
 * next request on. Other sessions keep their refresh tokens and get a new access token by refreshing.
 */
export async function endAccessTokens(ctx: RequestContext, accountId: number): Promise<void> {
  await ctx.em.getConnection().execute('update account set token_generation = token_generation + 1 where id = ?', [accountId], 'run', ctx.em.getTransactionContext());
  forgetViewers(ctx.em);
}

export async function logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
  const stored = await ctx.em.findOne(RefreshToken, { tokenHash: sha256(refreshToken), revokedAt: null });
  if (!stored) return false;
  const updated = await ctx.em.nativeUpdate(RefreshToken, { id: stored.id, revokedAt: null }, { revokedAt: new Date() });
  if (updated > 0) await endAccessTokens(ctx, stored.account.id);
  return updated > 0;
}
