import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrgUnit } from '../entities/org-unit';
import { CellType, OrgUnitKind } from '../entities/org-unit-enums';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import type { MemberFilter } from '../services/members/member-queries';
import { membersOfUnit } from '../services/members/member-queries';
import { createOrgUnit, updateOrgUnit } from '../services/tree/org-unit-commands';
import {
  ancestorsOf,
  childrenOf,
  descendantsOf,
  readOrgUnit,
  getOrgUnit,
  viewOrgUnit,
  listOrgUnits,
  memberCountOf,
  type OrgUnitFilter,
} from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { MemberFilterInput } from '../schema/inputs/member-inputs';
import { CreateOrgUnitInput, ListOrderInput, OrgUnitFilterInput, UpdateOrgUnitInput } from '../schema/inputs/org-unit-inputs';
import { Member } from '../entities/member';
import { MemberConnection } from '../schema/types/member-type';
import { OrgUnitConnection, OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';
import { memberFilter } from './member-resolver';
import { pageSelection } from '../schema/page-selection';

/** Resolves a filter's subtree id through scope: an unseen unit is NOT_FOUND, like a missing one. */
export async function unitFilter(ctx: RequestContext, input: OrgUnitFilterInput | null | undefined): Promise<OrgUnitFilter> {
  const subtreeId = optionalId(input?.subtreeOf, 'OrgUnit', 'filter.subtreeOf');
  const subtree = subtreeId === null ? null : await getOrgUnit(ctx, subtreeId);
  return { kinds: input?.kinds, cellTypes: input?.cellTypes, statuses: input?.statuses, nameContains: input?.nameContains, subtreeOfPath: subtree?.path };
}

@Resolver(() => OrgUnitType)
export class OrgUnitResolver {
  @Query(() => OrgUnitType, { description: 'A unit by id; NOT_FOUND when missing or outside your scope (tổ chức đảng).' })
  orgUnit(@Arg('id', () => ID, { description: 'Global id of the unit.' }) id: string, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return viewOrgUnit(ctx, requiredId(id, 'OrgUnit', 'id'));
  }

  @Query(() => OrgUnitConnection, { description: 'Units you may see, filtered and sorted (danh sách tổ chức đảng).' })
  async orgUnits(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OrgUnitFilterInput, { nullable: true, description: 'Which units to include; none left out when omitted.' }) filter?: OrgUnitFilterInput,
    @Arg('orderBy', () => ListOrderInput, { nullable: true, description: 'Sort order; by name, ascending, when omitted.' }) orderBy?: ListOrderInput,
  ): Promise<ConnectionValue<OrgUnit>> {
    return toConnection(await listOrgUnits(ctx, await unitFilter(ctx, filter), orderBy, page, pageSelection(ctx, info, OrgUnit, 'OrgUnit')));
  }

  @Mutation(() => OrgUnitType, { description: 'Creates a unit under a parent you administer (tạo tổ chức đảng).' })
  createOrgUnit(@Arg('input', () => CreateOrgUnitInput, { description: 'The new unit.' }) input: CreateOrgUnitInput, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return createOrgUnit(ctx, { ...input, parentId: optionalId(input.parentId, 'OrgUnit', 'input.parentId') });
  }

  @Mutation(() => OrgUnitType, { description: 'Changes a unit; needs the version you read (sửa tổ chức đảng).' })
  updateOrgUnit(@Arg('input', () => UpdateOrgUnitInput, { description: 'The unit, its version and the changes.' }) input: UpdateOrgUnitInput, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return updateOrgUnit(ctx, { ...input, id: requiredId(input.id, 'OrgUnit', 'input.id') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() unit: OrgUnit): string {
    return toGlobalId('OrgUnit', unit.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The parent unit; null for a province or when outside your scope (tổ chức cấp trên).' })
  async parent(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return unit.parent ? readOrgUnit(ctx, unit.parent.id) : null;
  }

  @FieldResolver(() => [OrgUnitType], { description: 'Ancestors you may see, the province first (các cấp trên).' })
  ancestors(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<OrgUnit[]> {
    return ancestorsOf(ctx, unit);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit that took over after a merge or dissolution (tổ chức kế thừa).' })
  async successor(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return unit.successor ? readOrgUnit(ctx, unit.successor.id) : null;
  }

  @FieldResolver(() => OrgUnitConnection, { description: 'Direct sub-units (tổ chức trực thuộc).' })
  async children(
    @Root() unit: OrgUnit,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => OrgUnitFilterInput, { nullable: true, description: 'Which units to include; none left out when omitted.' }) filter?: OrgUnitFilterInput,
    @Arg('orderBy', () => ListOrderInput, { nullable: true, description: 'Sort order; by name, ascending, when omitted.' }) orderBy?: ListOrderInput,
  ): Promise<ConnectionValue<OrgUnit>> {
    return toConnection(await childrenOf(ctx, unit, await unitFilter(ctx, filter), orderBy, page, pageSelection(ctx, info, OrgUnit, 'OrgUnit')));
  }

  @FieldResolver(() => OrgUnitConnection, { description: 'All units below this one, at any depth (toàn bộ tổ chức cấp dưới).' })
  async descendants(
    @Root() unit: OrgUnit,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('kind', () => OrgUnitKind, { nullable: true, description: 'Only this level.' }) kind?: OrgUnitKind,
    @Arg('cellType', () => CellType, { nullable: true, description: 'Only cells of this type.' }) cellType?: CellType,
    @Arg('orderBy', () => ListOrderInput, { nullable: true, description: 'Sort order; by name, ascending, when omitted.' }) orderBy?: ListOrderInput,
  ): Promise<ConnectionValue<OrgUnit>> {
    const filter: OrgUnitFilter = { kinds: kind ? [kind] : null, cellTypes: cellType ? [cellType] : null };
    return toConnection(await descendantsOf(ctx, unit, filter, orderBy, page, pageSelection(ctx, info, OrgUnit, 'OrgUnit')));
  }

  @FieldResolver(() => MemberConnection, { description: 'Members in this unit and below that you may see (đảng viên).' })
  async members(
    @Root() unit: OrgUnit,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => MemberFilterInput, { nullable: true, description: 'Which members to include; none left out when omitted.' }) filter?: MemberFilterInput,
    @Arg('orderBy', () => ListOrderInput, { nullable: true, description: 'Sort order; by name, ascending, when omitted.' }) orderBy?: ListOrderInput,
  ): Promise<ConnectionValue<Member>> {
    const parsed: MemberFilter = await memberFilter(ctx, filter);
    return toConnection(await membersOfUnit(ctx, unit, parsed, orderBy, page, pageSelection(ctx, info, Member, 'Member')));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Number of members in this unit and below; null without statistics or member access here (số đảng viên).' })
  memberCount(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<number | null> {
    return memberCountOf(ctx, unit);
  }
}
