import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Member } from '../entities/member';
import type { MemberPosition } from '../entities/member-position';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { createMember, updateMember } from '../services/members/member-commands';
import { listMembers, viewMember, type MemberFilter } from '../services/members/member-queries';
import { getOrgUnit, readOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { CreateMemberInput, MemberFilterInput, UpdateMemberInput } from '../schema/inputs/member-inputs';
import { ListOrderInput } from '../schema/inputs/org-unit-inputs';
import { MemberPositionType } from '../schema/types/member-position-type';
import { MemberConnection, MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';
import { pageSelection } from '../schema/page-selection';

export async function memberFilter(ctx: RequestContext, input: MemberFilterInput | null | undefined): Promise<MemberFilter> {
  const subtreeId = optionalId(input?.subtreeOf, 'OrgUnit', 'filter.subtreeOf');
  const subtree = subtreeId === null ? null : await getOrgUnit(ctx, subtreeId);
  return { statuses: input?.statuses, genders: input?.genders, ethnicities: input?.ethnicities, nameContains: input?.nameContains, subtreeOfPath: subtree?.path };
}

/** GraphQL nulls mean "leave as is" for required columns of an update. */
function definedOnly<T extends object>(input: T): Partial<{ [K in keyof T]: Exclude<T[K], null> }> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as Partial<{ [K in keyof T]: Exclude<T[K], null> }>;
}

@Resolver(() => MemberType)
export class MemberResolver {
  @Query(() => MemberType, { description: 'A member by id; NOT_FOUND when missing or outside your scope (đảng viên).' })
  member(@Arg('id', () => ID, { description: 'Global id of the member.' }) id: string, @Ctx() ctx: RequestContext): Promise<Member> {
    return viewMember(ctx, requiredId(id, 'Member', 'id'));
  }

  @Query(() => MemberConnection, { description: 'Members you may see, filtered and sorted (danh sách đảng viên).' })
  async members(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => MemberFilterInput, { nullable: true, description: 'Which members to include; none left out when omitted.' }) filter?: MemberFilterInput,
    @Arg('orderBy', () => ListOrderInput, { nullable: true, description: 'Sort order; by name, ascending, when omitted.' }) orderBy?: ListOrderInput,
  ): Promise<ConnectionValue<Member>> {
    return toConnection(await listMembers(ctx, await memberFilter(ctx, filter), orderBy, page, pageSelection(ctx, info, Member, 'Member')));
  }

  @Mutation(() => MemberType, { description: 'Adds a member to a cell (thêm đảng viên).' })
  createMember(@Arg('input', () => CreateMemberInput, { description: 'The new member.' }) input: CreateMemberInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return createMember(ctx, { ...input, unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId') });
  }

  @Mutation(() => MemberType, { description: "Changes a member's record; needs the version you read (sửa hồ sơ đảng viên)." })
  updateMember(@Arg('input', () => UpdateMemberInput, { description: 'The member, its version and the changes.' }) input: UpdateMemberInput, @Ctx() ctx: RequestContext): Promise<Member> {
    const { fullName, ethnicity, gender, ...nullable } = input;
    return updateMember(ctx, {
      ...nullable,
      ...definedOnly({ fullName, ethnicity, gender }),
      id: requiredId(input.id, 'Member', 'input.id'),
    });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() member: Member): string {
    return toGlobalId('Member', member.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The cell the member officially belongs to, the last one for a former member (chi bộ sinh hoạt chính thức); null when outside your scope.' })
  unit(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return readOrgUnit(ctx, member.unit.id);
  }

  @FieldResolver(() => [MemberPositionType], { description: 'Positions held, current and past (chức vụ).' })
  positions(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<MemberPosition[]> {
    return ctx.loaders.positionsByMember.load(member.id);
  }
}
