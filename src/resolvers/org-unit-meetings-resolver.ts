import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Meeting } from '../entities/meeting';
import type { OrgUnit } from '../entities/org-unit';
import type { ThematicPlan } from '../entities/thematic-plan';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { plannedYear, type PlannedMonth } from '../services/meetings/meeting-calendar';
import { meetingsOfUnit } from '../services/meetings/meeting-queries';
import { holidaySet, rulesFor } from '../services/meetings/meeting-rules-service';
import { findPlan, planItems, saveThematicPlan, submitThematicPlan, type PlanItemView } from '../services/meetings/thematic-plans';
import { validYear } from '../services/validate';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { MeetingFilterInput, SaveThematicPlanInput } from '../schema/inputs/meeting-inputs';
import { MeetingConnection, PlannedMonthType, ThematicPlanItemType, ThematicPlanType, ThematicTopicType } from '../schema/types/meeting-types';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { ThematicTopic } from '../entities/thematic-topic';
import { meetingFilter } from './meeting-resolver';
import { requiredId } from './ids';


/** The meeting side of a unit: its meetings, planned calendar and thematic plan. */
@Resolver(() => OrgUnitType)
export class OrgUnitMeetingsResolver {
  @FieldResolver(() => MeetingConnection, { description: "The unit's own meetings you may read, newest first (buổi sinh hoạt)." })
  async meetings(
    @Root() unit: OrgUnit,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MeetingFilterInput, { nullable: true, description: 'Which meetings.' }) filter?: MeetingFilterInput,
  ): Promise<ConnectionValue<Meeting>> {
    return toConnection(await meetingsOfUnit(ctx, unit, await meetingFilter(ctx, filter), page));
  }

  @FieldResolver(() => [PlannedMonthType], { description: 'The planned regular-meeting date of each month of a year, from the province rules and holidays (lịch sinh hoạt).' })
  async meetingCalendar(@Root() unit: OrgUnit, @Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: RequestContext): Promise<PlannedMonth[]> {
    validYear(year, 'year');
    return plannedYear(year, await rulesFor(ctx.em, unit.provinceId), await holidaySet(ctx.em, unit.provinceId, year));
  }

  @FieldResolver(() => ThematicPlanType, { nullable: true, description: "The cell's thematic plan for a year, if made (kế hoạch chuyên đề)." })
  thematicPlan(@Root() unit: OrgUnit, @Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: RequestContext): Promise<ThematicPlan | null> {
    return findPlan(ctx, unit, validYear(year, 'year'));
  }
}

@Resolver(() => ThematicPlanType)
export class ThematicPlanResolver {
  @Mutation(() => ThematicPlanType, { description: "Saves a cell's draft thematic plan for a year (lập kế hoạch chuyên đề)." })
  saveThematicPlan(@Arg('input', () => SaveThematicPlanInput, { description: 'The plan.' }) input: SaveThematicPlanInput, @Ctx() ctx: RequestContext): Promise<ThematicPlan> {
    return saveThematicPlan(ctx, {
      ...input,
      unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId'),
      items: input.items.map((item, i) => ({ ...item, topicId: requiredId(item.topicId, 'ThematicTopic', `input.items.${i}.topicId`) })),
    });
  }

  @Mutation(() => ThematicPlanType, { description: 'Submits the plan to the superior committee; it is then fixed (báo cáo kế hoạch).' })
  submitThematicPlan(@Arg('id', () => ID, { description: 'The plan.' }) id: string, @Arg('version', () => Int, { description: 'The version you read.' }) version: number, @Ctx() ctx: RequestContext): Promise<ThematicPlan> {
    return submitThematicPlan(ctx, { id: requiredId(id, 'ThematicPlan', 'id'), version });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() plan: ThematicPlan): string {
    return toGlobalId('ThematicPlan', plan.id);
  }

  @FieldResolver(() => [ThematicPlanItemType], { description: 'Planned meetings, each with how many were held.' })
  items(@Root() plan: ThematicPlan, @Ctx() ctx: RequestContext): Promise<PlanItemView[]> {
    return planItems(ctx, plan);
  }
}

@Resolver(() => ThematicPlanItemType)
export class ThematicPlanItemResolver {
  @FieldResolver(() => ThematicTopicType, { nullable: true, description: 'The topic.' })
  topic(@Root() item: PlanItemView, @Ctx() ctx: RequestContext): Promise<ThematicTopic | null> {
    return ctx.em.findOne(ThematicTopic, item.topicId);
  }

  @FieldResolver(() => Boolean, { description: 'True when at least one such meeting was held.' })
  held(@Root() item: PlanItemView): boolean {
    return item.heldCount > 0;
  }
}
