import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/role';
import { ROLE_DESCRIPTIONS, ROLE_PERMISSIONS } from '../auth/role-permissions';
import type { Account } from '../entities/account';
import type { OrgUnit } from '../entities/org-unit';
import type { RoleAssignment } from '../entities/role-assignment';
import type { RequestContext } from '../request-context';
import { findAccount } from '../services/accounts/account-queries';
import { grantRole, revokeRole } from '../services/accounts/role-commands';
import { toGlobalId } from '../services/global-id';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { GrantRoleInput } from '../schema/inputs/account-inputs';
import { AccountType, RoleAssignmentType, RoleDefinitionType } from '../schema/types/account-types';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';

@Resolver(() => RoleAssignmentType)
export class RoleAssignmentResolver {
  @Query(() => [RoleDefinitionType], { description: 'The roles and what each permits (bảng vai trò và quyền).' })
  roles(): RoleDefinitionType[] {
    return Object.values(Role).map((role) => ({ role, description: ROLE_DESCRIPTIONS[role], permissions: [...ROLE_PERMISSIONS[role]] }));
  }

  @Mutation(() => RoleAssignmentType, { description: 'Grants a role at a unit; only where you manage accounts and only a role whose permissions you hold there (cấp quyền).' })
  grantRole(@Arg('input', () => GrantRoleInput, { description: 'The account, the role and the unit.' }) input: GrantRoleInput, @Ctx() ctx: RequestContext): Promise<RoleAssignment> {
    return grantRole(ctx, {
      accountId: requiredId(input.accountId, 'Account', 'input.accountId'),
      role: input.role,
      unitId: optionalId(input.unitId, 'OrgUnit', 'input.unitId'),
    });
  }

  @Mutation(() => RoleAssignmentType, { description: 'Revokes a role assignment; it stays in history with the revocation time (thu hồi quyền).' })
  revokeRole(@Arg('id', () => ID, { description: 'Global id of the role assignment.' }) id: string, @Ctx() ctx: RequestContext): Promise<RoleAssignment> {
    return revokeRole(ctx, requiredId(id, 'RoleAssignment', 'id'));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() assignment: RoleAssignment): string {
    return toGlobalId('RoleAssignment', assignment.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit whose subtree it covers; null when national or outside your scope (đơn vị).' })
  unit(@Root() assignment: RoleAssignment, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> | null {
    return assignment.unit ? findOrgUnit(ctx, assignment.unit.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'True when the role covers every province (toàn quốc).' })
  national(@Root() assignment: RoleAssignment): boolean {
    return assignment.unit === null || assignment.unit === undefined;
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account holding the role, if visible to you.' })
  account(@Root() assignment: RoleAssignment, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return findAccount(ctx, assignment.account.id);
  }
}
