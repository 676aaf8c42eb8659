import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MemberPosition } from '../entities/member-position';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { MemberPositionType } from '../schema/types/member-position-type';
import { OrgUnitType } from '../schema/types/org-unit-type';

@Resolver(() => MemberPositionType)
export class MemberPositionResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit the position is held in; null when outside your scope (đơn vị).' })
  unit(@Root() position: MemberPosition, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, position.unit.id);
  }
}
