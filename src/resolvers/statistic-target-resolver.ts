import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { Indicator } from '../services/statistics/indicator-catalogue';
import type { IndicatorTarget } from '../services/statistics/indicators';
import { setStatisticTarget, targetHistory, type TargetVersion } from '../services/statistics/targets';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { SetStatisticTargetInput } from '../schema/inputs/statistics-inputs';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { DateTime } from '../schema/scalars';
import { IndicatorTargetType, StatisticTargetType } from '../schema/types/statistics-types';
import { requiredId } from './ids';

/** Targets (chỉ tiêu) committees set per indicator and year, with their history. */
@Resolver(() => StatisticTargetType)
export class StatisticTargetResolver {
  @Query(() => [StatisticTargetType], { description: 'Every version of the targets a unit set for a year, oldest first (lịch sử chỉ tiêu). For readers of its statistics.' })
  statisticTargets(
    @Arg('unitId', () => ID, { description: 'The committee or province.' }) unitId: string,
    @Arg('year', () => Int, { description: 'The year.' }) year: number,
    @Ctx() ctx: RequestContext,
    @Arg('indicator', () => Indicator, { nullable: true, description: 'One indicator only.' }) indicator?: Indicator | null,
  ): Promise<TargetVersion[]> {
    return targetHistory(ctx, requiredId(unitId, 'OrgUnit', 'unitId'), year, indicator ?? null);
  }

  @Mutation(() => StatisticTargetType, { description: 'Sets, changes or removes a target for an indicator and year; the earlier version stays in the history. Needs TARGETS_MANAGE at the unit.' })
  setStatisticTarget(@Arg('input', () => SetStatisticTargetInput, { description: 'The target.' }) input: SetStatisticTargetInput, @Ctx() ctx: RequestContext): Promise<TargetVersion> {
    return setStatisticTarget(ctx, { ...input, unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId') });
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit that set it.' })
  unit(@Root() target: TargetVersion, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, target.unitId);
  }
}

@Resolver(() => IndicatorTargetType)
export class IndicatorTargetResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The committee whose target applies (the unit or the nearest above that set one); null for a default or out of your scope.' })
  unit(@Root() target: IndicatorTarget, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return target.set === null ? Promise.resolve(null) : findOrgUnit(ctx, target.set.unitId);
  }

  @FieldResolver(() => Int, { nullable: true, description: "The setting's version at its unit; null for a default." })
  version(@Root() target: IndicatorTarget): number | null {
    return target.set?.version ?? null;
  }

  @FieldResolver(() => DateTime, { nullable: true, description: 'When it was set; null for a default.' })
  setAt(@Root() target: IndicatorTarget): Date | null {
    return target.set?.setAt ?? null;
  }
}
