import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Member } from '../entities/member';
import type { MemberPosition } from '../entities/member-position';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { findMember } from '../services/members/member-queries';
import { assignPosition, endPosition } from '../services/members/position-commands';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { AssignPositionInput, EndPositionInput } from '../schema/inputs/position-inputs';
import { MemberPositionType } from '../schema/types/member-position-type';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { requiredId } from './ids';

@Resolver(() => MemberPositionType)
export class MemberPositionResolver {
  @Mutation(() => MemberPositionType, { description: 'Gives a member a post in their cell or a unit above it (bổ nhiệm, bầu giữ chức vụ).' })
  assignPosition(@Arg('input', () => AssignPositionInput, { description: 'The member, the unit, the post and the decision.' }) input: AssignPositionInput, @Ctx() ctx: RequestContext): Promise<MemberPosition> {
    return assignPosition(ctx, {
      ...input,
      memberId: requiredId(input.memberId, 'Member', 'input.memberId'),
      unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId'),
    });
  }

  @Mutation(() => MemberPositionType, { description: 'Ends a post on a dated decision; it stays in the history (thôi giữ chức vụ).' })
  endPosition(@Arg('input', () => EndPositionInput, { description: 'The position, its version and the end.' }) input: EndPositionInput, @Ctx() ctx: RequestContext): Promise<MemberPosition> {
    return endPosition(ctx, { ...input, positionId: requiredId(input.positionId, 'MemberPosition', 'input.positionId') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() position: MemberPosition): string {
    return toGlobalId('MemberPosition', position.id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member holding the post; null when outside your scope (đảng viên).' })
  member(@Root() position: MemberPosition, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return findMember(ctx, position.member.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit the position is held in; null when outside your scope (đơn vị).' })
  unit(@Root() position: MemberPosition, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, position.unit.id);
  }
}
