import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { Role } from '../../auth/role';
import { GRANTABLE_ROLES, permissionsOf } from '../../auth/role-permissions';
import { Account } from '../../entities/account';
import { Member } from '../../entities/member';
import { isCellKind } from '../../entities/org-unit-enums';
import { OrgUnit } from '../../entities/org-unit';
import { RoleAssignment } from '../../entities/role-assignment';
import { badInput, conflict, forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getOrgUnit } from '../tree/org-unit-queries';
import { getManagedAccount, getManagedAssignment } from './account-queries';
import { lockAndCheckNotStronger } from './credential-guard';

export interface GrantRoleInput {
  readonly accountId: number;
  readonly role: Role;
  /** null: national scope. */
  readonly unitId: number | null;
}

/** Nobody grants or revokes more than they hold at that unit. */
function checkGrantable(ctx: RequestContext, role: Role, unitPath: string | null): void {
  if (!ctx.viewer.can(Permission.ACCOUNTS_MANAGE, unitPath)) throw forbidden('You may not manage roles here');
  const held = ctx.viewer.permissionsAt(unitPath);
  const missing = permissionsOf(role).filter((p) => !held.has(p));
  if (missing.length > 0) throw forbidden(`You cannot grant or revoke ${role}: it holds ${missing.join(', ')}, which you do not hold here`);
}

function assignmentSnapshot(a: RoleAssignment): Record<string, unknown> {
  return { accountId: a.account.id, role: a.role, unitId: a.unit?.id ?? null, revokedAt: a.revokedAt?.toISOString() ?? null };
}

export async function grantRole(ctx: RequestContext, input: GrantRoleInput): Promise<RoleAssignment> {
  if (!GRANTABLE_ROLES.includes(input.role)) throw badInput('input.role', `${input.role} follows from a position and is never granted`);
  const account = await getManagedAccount(ctx, input.accountId);
  const unit = input.unitId === null ? null : await getOrgUnit(ctx, input.unitId);
  checkGrantable(ctx, input.role, unit?.path ?? null);
  if (input.role === Role.MEMBER) {
    const member = account.member ? await ctx.em.findOne(Member, account.member.id) : null;
    if (!unit || !isCellKind(unit.kind) || !member || member.unitPath !== unit.path) {
      throw badInput('input.unitId', "a MEMBER role is held at the member's own cell, by an account linked to that member");
    }
  }
  const held = (em: EntityManager): Promise<number> => em.count(RoleAssignment, { account: account.id, role: input.role, unit: unit?.id ?? null, revokedAt: null });
  if ((await held(ctx.em)) > 0) throw conflict('The account already holds this role here');

  return ctx.em.transactional(async (em) => {
    await lockAndCheckNotStronger(ctx, em, account.id);
    // Again under the account's row lock (decisions.md §39): of two identical grants at once, the second sees the first.
    if ((await held(em)) > 0) throw conflict('The account already holds this role here');
    const assignment = em.create(RoleAssignment, {
      account: em.getReference(Account, account.id),
      role: input.role,
      unit: unit ? em.getReference(OrgUnit, unit.id) : null,
      unitPath: unit?.path ?? null,
      provinceId: unit?.provinceId ?? null,
      grantedBy: ctx.viewer.accountId ? em.getReference(Account, ctx.viewer.accountId) : null,
    });
    await em.flush();
    audit(ctx, em, 'grantRole', { type: 'RoleAssignment', id: assignment.id, provinceId: unit?.provinceId ?? null, unitPath: unit?.path ?? null }, null, assignmentSnapshot(assignment));
    return assignment;
  });
}

export async function revokeRole(ctx: RequestContext, assignmentId: number): Promise<RoleAssignment> {
  const assignment = await getManagedAssignment(ctx, assignmentId);
  checkGrantable(ctx, assignment.role, assignment.unitPath ?? null);
  if (assignment.revokedAt) throw conflict('The role assignment is already revoked');
  return ctx.em.transactional(async (em) => {
    await lockAndCheckNotStronger(ctx, em, assignment.account.id);
    // Locked and re-read: of two concurrent revocations the second sees the first and is a CONFLICT.
    const managed = await em.findOneOrFail(RoleAssignment, assignment.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (managed.revokedAt) throw conflict('The role assignment is already revoked');
    const before = assignmentSnapshot(managed);
    managed.revokedAt = new Date();
    managed.revokedBy = ctx.viewer.accountId ? em.getReference(Account, ctx.viewer.accountId) : null;
    audit(ctx, em, 'revokeRole', { type: 'RoleAssignment', id: managed.id, provinceId: managed.provinceId ?? null, unitPath: managed.unitPath ?? null }, before, assignmentSnapshot(managed));
    return managed;
  });
}
