import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { childrenAsOf, countsAsOf, historyOf, parentAsOf, successionsOf, unitAsOf, type SuccessionView, type UnitVersionView } from '../services/tree/as-of-queries';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { LocalDate } from '../schema/scalars';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { OrgUnitVersionType, UnitCountsAsOfType, UnitSuccessionType } from '../schema/types/unit-history-types';
import { requiredId } from './ids';

@Resolver(() => OrgUnitVersionType)
export class OrgUnitVersionResolver {
  @Query(() => OrgUnitVersionType, { description: 'A unit as it stood on a date, with its children and counts then (cơ cấu tổ chức tại một thời điểm); NOT_FOUND when out of scope or not existing then.' })
  orgUnitAsOf(
    @Arg('id', () => ID, { description: 'The unit.' }) id: string,
    @Arg('asOf', () => LocalDate, { description: 'The day, e.g. 2024-12-31.' }) asOf: string,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitVersionView> {
    return unitAsOf(ctx, requiredId(id, 'OrgUnit', 'id'), asOf);
  }

  @FieldResolver(() => ID, { description: 'Global id of the unit (the same across its versions).' })
  id(@Root() version: UnitVersionView): string {
    return toGlobalId('OrgUnit', version.unitId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit as it is today.' })
  unit(@Root() version: UnitVersionView, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, version.unitId);
  }

  @FieldResolver(() => OrgUnitVersionType, { nullable: true, description: 'The parent as it stood on the same day; null at the top, outside your scope, or when not read as of a date.' })
  parent(@Root() version: UnitVersionView, @Ctx() ctx: RequestContext): Promise<UnitVersionView | null> {
    return parentAsOf(ctx, version);
  }

  @FieldResolver(() => [OrgUnitVersionType], { description: 'Children as they stood on the same day (empty when not read as of a date).' })
  async children(@Root() version: UnitVersionView, @Ctx() ctx: RequestContext): Promise<UnitVersionView[]> {
    return version.asOf === null ? [] : childrenAsOf(ctx, version);
  }

  @FieldResolver(() => UnitCountsAsOfType, { nullable: true, description: "Cells and members of the subtree on that day; null when you read neither its members nor its statistics, or not read as of a date." })
  async counts(@Root() version: UnitVersionView, @Ctx() ctx: RequestContext): Promise<UnitCountsAsOfType | null> {
    return version.asOf === null ? null : countsAsOf(ctx, version);
  }
}

@Resolver(() => UnitSuccessionType)
export class UnitSuccessionResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit that was merged or split.' })
  predecessor(@Root() s: SuccessionView, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, s.predecessorId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit it went into.' })
  successor(@Root() s: SuccessionView, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, s.successorId);
  }
}

/** The history side of a unit. */
@Resolver(() => OrgUnitType)
export class OrgUnitHistoryResolver {
  @FieldResolver(() => [OrgUnitVersionType], { description: 'Every version of the unit, oldest first: names, places and states with their dates.' })
  history(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<UnitVersionView[]> {
    return historyOf(ctx, unit.id);
  }

  @FieldResolver(() => [UnitSuccessionType], { description: 'Units this one was merged or split into (đơn vị kế thừa).' })
  successors(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<SuccessionView[]> {
    return successionsOf(ctx, unit.id, 'predecessor_id');
  }

  @FieldResolver(() => [UnitSuccessionType], { description: 'Units merged or split into this one (đơn vị tiền thân).' })
  predecessors(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<SuccessionView[]> {
    return successionsOf(ctx, unit.id, 'successor_id');
  }
}
