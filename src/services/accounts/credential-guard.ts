import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../entities/account';
import { permissionsOf } from '../../auth/role-permissions';
import { RoleAssignment } from '../../entities/role-assignment';
import { forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';

/**
 * Nobody mints, revokes or reshapes a credential stronger than they are (issue #15): wherever an
 * account holds a role, the caller must hold every permission of that role at that unit. Checked
 * before an API key is made or revoked and before a role of the account is granted or revoked.
 * Otherwise a commune's admin could mint a key for a service account that a province admin had
 * homed at the commune but given a role at the province, and read the province with it.
 * The answer names no unit or role of the account the caller could not see.
 *
 * Called inside the write's transaction; it locks and returns the account's row, so that a grant to the
 * account and a key minted for it never race past each other: the second waits and sees the first.
 */
export async function lockAndCheckNotStronger(ctx: RequestContext, em: EntityManager, accountId: number): Promise<Account> {
  const account = await em.findOneOrFail(Account, accountId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const held = await em.find(RoleAssignment, { account: accountId, revokedAt: null });
  const stronger = held.some((assignment) => {
    const mine = ctx.viewer.permissionsAt(assignment.unitPath ?? null);
    return permissionsOf(assignment.role).some((permission) => !mine.has(permission));
  });
  if (stronger) throw forbidden('The account holds roles beyond your own: only someone who holds all of them may change its credentials or roles');
  return account;
}
