import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permission';
import type { Viewer } from '../auth/viewer';
import type { Account } from '../entities/account';
import type { Member } from '../entities/member';
import type { OrgUnit } from '../entities/org-unit';
import { RoleAssignment } from '../entities/role-assignment';
import type { RequestContext } from '../request-context';
import { getAccount } from '../services/accounts/account-queries';
import { findMember } from '../services/members/member-queries';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { AccountType, RoleAssignmentType, ViewerPermissionType, ViewerType } from '../schema/types/account-types';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { requiredId } from './ids';

interface ViewerPermissionValue {
  permission: Permission;
  national: boolean;
  unitIds: number[];
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The caller; null when not signed in (người dùng hiện tại).' })
  viewer(@Ctx() ctx: RequestContext): Viewer | null {
    return ctx.viewer.authenticated ? ctx.viewer : null;
  }

  @FieldResolver(() => AccountType, { description: 'The signed-in account.' })
  account(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Account> {
    return getAccount(ctx, viewer.accountId as number);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member record of the caller, if linked (hồ sơ đảng viên của tôi).' })
  member(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return viewer.memberId === null ? null : findMember(ctx, viewer.memberId);
  }

  @FieldResolver(() => [RoleAssignmentType], { description: 'Roles in force, each at its unit (vai trò của tôi).' })
  roleAssignments(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<RoleAssignment[]> {
    return ctx.em.find(RoleAssignment, { account: viewer.accountId, revokedAt: null }, { orderBy: { id: 'asc' } });
  }

  @FieldResolver(() => [ViewerPermissionType], { description: 'Each permission held and the units whose subtrees it covers (quyền của tôi).' })
  permissions(@Root() viewer: Viewer): ViewerPermissionValue[] {
    return Object.values(Permission)
      .map((permission) => {
        const scope = viewer.scope(permission);
        return { permission, national: scope === 'ALL', unitIds: scope === 'ALL' ? [] : viewer.grants.filter((g) => g.unitPath !== null && scope.includes(g.unitPath)).map((g) => g.unitId as number) };
      })
      .filter((p) => p.national || p.unitIds.length > 0);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller holds a permission at a unit (tôi có quyền … tại đơn vị này không).' })
  async can(
    @Root() viewer: Viewer,
    @Arg('permission', () => Permission, { description: 'The permission.' }) permission: Permission,
    @Arg('unitId', () => ID, { description: 'Global id of the unit.' }) unitId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    const unit = await findOrgUnit(ctx, requiredId(unitId, 'OrgUnit', 'unitId'));
    return unit !== null && viewer.can(permission, unit.path);
  }
}

@Resolver(() => ViewerPermissionType)
export class ViewerPermissionResolver {
  @FieldResolver(() => [OrgUnitType], { description: 'Units whose subtrees the permission covers; empty when national.' })
  async units(@Root() value: ViewerPermissionValue, @Ctx() ctx: RequestContext): Promise<OrgUnit[]> {
    const units = await Promise.all([...new Set(value.unitIds)].map((id) => findOrgUnit(ctx, id)));
    return units.filter((u): u is OrgUnit => u !== null);
  }
}
