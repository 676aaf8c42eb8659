import { LockMode } from '@mikro-orm/core';
import { newApiKey } from '../../auth/api-key-format';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords';
import { Permission } from '../../auth/permission';
import { sha256 } from '../../auth/tokens';
import { Account, AccountKind } from '../../entities/account';
import { ApiKey } from '../../entities/api-key';
import { Member as MemberEntity, type Member } from '../../entities/member';
import { OrgUnit } from '../../entities/org-unit';
import { lockGroups } from '../../db/advisory-lock';
import { badInput, conflict, forbidden, notFound } from '../../errors/app-error';
import { uniqueOr } from '../../errors/unique-violation';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getMember } from '../members/member-queries';
import { getOrgUnit } from '../tree/org-unit-queries';
import { requiredText } from '../validate';
import { getManagedAccount } from './account-queries';
import { lockAndCheckNotStronger } from './credential-guard';

export interface CreateAccountInput {
  readonly homeUnitId: number | null;
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly memberId?: number | null;
}

export interface CreateServiceAccountInput {
  readonly homeUnitId: number | null;
  readonly displayName: string;
  readonly keyLabel?: string | null;
}

export interface IssuedApiKey {
  readonly apiKey: ApiKey;
  /** Shown once; only its hash is stored. */
  readonly key: string;
}

/** The unit an account is managed from; the viewer must manage accounts there. */
async function homeUnit(ctx: RequestContext, homeUnitId: number | null): Promise<OrgUnit | null> {
  if (homeUnitId === null) {
    if (!ctx.viewer.can(Permission.ACCOUNTS_MANAGE, null)) throw forbidden('Only national administrators manage national accounts');
    return null;
  }
  const unit = await getOrgUnit(ctx, homeUnitId);
  if (!ctx.viewer.can(Permission.ACCOUNTS_MANAGE, unit.path)) throw forbidden('You may not manage accounts here');
  return unit;
}

const memberHasOne = (): Error => badInput('input.memberId', 'the member already has an account');
const usernameTaken = (): Error => badInput('input.username', 'is already taken');

function accountSnapshot(a: Account): Record<string, unknown> {
  return { kind: a.kind, username: a.username ?? null, displayName: a.displayName, memberId: a.member?.id ?? null, homeUnitId: a.homeUnit?.id ?? null, active: a.active };
}

export async function createAccount(ctx: RequestContext, input: CreateAccountInput): Promise<Account> {
  const home = await homeUnit(ctx, input.homeUnitId);
  const username = requiredText(input.username, 'input.username', 50).toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,49}$/.test(username)) {
    throw badInput('input.username', 'must be 3 to 50 letters, digits, dots, dashes or underscores');
  }
  if (input.password.length < PASSWORD_MIN_LENGTH) throw badInput('input.password', `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (input.password.length > PASSWORD_MAX_LENGTH) throw badInput('input.password', `must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const displayName = requiredText(input.displayName, 'input.displayName', 200);
  let member: Member | null = null;
  if (input.memberId !== undefined && input.memberId !== null) {
    member = await getMember(ctx, input.memberId);
    if (home !== null && !member.unitPath.startsWith(home.path)) throw badInput('input.memberId', 'the member is not under the home unit');
    if ((await ctx.em.count(Account, { member: member.id })) > 0) throw memberHasOne();
  }
  if ((await ctx.em.count(Account, { username })) > 0) throw usernameTaken();
  const passwordHash = await hashPassword(input.password);

  // A username taken meanwhile: the unique index account_username_uq refuses the second (decisions.md §39).
  return uniqueOr(() => ctx.em.transactional(async (em) => {
    if (member) {
      // One account per member has no index (older data may break it): checked again under a lock per member.
      await lockGroups(em, [`account-of-member:${member.id}`]);
      if ((await em.count(Account, { member: member.id })) > 0) throw memberHasOne();
    }
    const account = em.create(Account, {
      kind: AccountKind.PERSON,
      username,
      passwordHash,
      displayName,
      member: member ? em.getReference(MemberEntity, member.id) : null,
      homeUnit: home ? em.getReference(OrgUnit, home.id) : null,
      homeUnitPath: home?.path ?? null,
      active: true,
    });
    await em.flush();
    audit(ctx, em, 'createAccount', { type: 'Account', id: account.id, provinceId: home?.provinceId ?? null, unitPath: home?.path ?? null }, null, accountSnapshot(account));
    return account;
  }), usernameTaken);
}

async function issueKey(ctx: RequestContext, account: Account, label: string): Promise<IssuedApiKey> {
  const generated = newApiKey();
  const apiKey = ctx.em.create(ApiKey, {
    account,
    prefix: generated.prefix,
    secretHash: sha256(generated.secret),
    label,
    createdBy: ctx.viewer.accountId ? ctx.em.getReference(Account, ctx.viewer.accountId) : null,
  });
  return { apiKey, key: generated.key };
}

export async function createServiceAccount(ctx: RequestContext, input: CreateServiceAccountInput): Promise<{ account: Account } & IssuedApiKey> {
  const home = await homeUnit(ctx, input.homeUnitId);
  const displayName = requiredText(input.displayName, 'input.displayName', 200);
  const label = requiredText(input.keyLabel ?? 'initial key', 'input.keyLabel', 100);
  return ctx.em.transactional(async (em) => {
    const account = em.create(Account, {
      kind: AccountKind.SERVICE,
      displayName,
      homeUnit: home ? em.getReference(OrgUnit, home.id) : null,
      homeUnitPath: home?.path ?? null,
      active: true,
    });
    await em.flush();
    const issued = await issueKey({ ...ctx, em }, account, label);
    await em.flush();
    audit(ctx, em, 'createServiceAccount', { type: 'Account', id: account.id, provinceId: home?.provinceId ?? null, unitPath: home?.path ?? null }, null, accountSnapshot(account));
    return { account, ...issued };
  });
}

export async function createApiKey(ctx: RequestContext, accountId: number, labelInput: string): Promise<IssuedApiKey> {
  const account = await getManagedAccount(ctx, accountId);
  if (account.kind !== AccountKind.SERVICE) throw badInput('accountId', 'API keys are for service accounts');
  const label = requiredText(labelInput, 'label', 100);
  return ctx.em.transactional(async (em) => {
    await lockAndCheckNotStronger(ctx, em, account.id);
    const issued = await issueKey({ ...ctx, em }, account, label);
    await em.flush();
    audit(ctx, em, 'createApiKey', { type: 'ApiKey', id: issued.apiKey.id, provinceId: null, unitPath: account.homeUnitPath ?? null }, null, { accountId: account.id, label, prefix: issued.apiKey.prefix });
    return issued;
  });
}

export async function revokeApiKey(ctx: RequestContext, apiKeyId: number): Promise<ApiKey> {
  const apiKey = await ctx.em.findOne(ApiKey, { id: apiKeyId }, { populate: ['account'] });
  // The key exists for a viewer only through an account they manage: otherwise the same NOT_FOUND.
  const account = apiKey ? await getManagedAccount(ctx, apiKey.account.id).catch(() => null) : null;
  if (!apiKey || !account) throw notFound('API key');
  if (apiKey.revokedAt) throw conflict('The API key is already revoked');
  return ctx.em.transactional(async (em) => {
    await lockAndCheckNotStronger(ctx, em, account.id);
    // Locked and re-read: of two concurrent revocations the second sees the first and is a CONFLICT.
    const managed = await em.findOneOrFail(ApiKey, apiKey.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (managed.revokedAt) throw conflict('The API key is already revoked');
    managed.revokedAt = new Date();
    audit(ctx, em, 'revokeApiKey', { type: 'ApiKey', id: apiKey.id, provinceId: null, unitPath: account.homeUnitPath ?? null }, { revokedAt: null }, { revokedAt: managed.revokedAt.toISOString() });
    return managed;
  });
}
