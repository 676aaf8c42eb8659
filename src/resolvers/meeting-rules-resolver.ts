import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Holiday } from '../entities/holiday';
import type { MeetingRules } from '../entities/meeting-rules';
import type { ThematicTopic } from '../entities/thematic-topic';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { addHoliday, getProvince, holidaysOf, removeHoliday, rulesFor, topicsOf, updateMeetingRules } from '../services/meetings/meeting-rules-service';
import { HolidayInput, MeetingRulesInput } from '../schema/inputs/meeting-inputs';
import { HolidayType, MeetingRulesType, ThematicTopicType } from '../schema/types/meeting-types';
import { optionalId, requiredId } from './ids';

@Resolver(() => MeetingRulesType)
export class MeetingRulesResolver {
  @Query(() => MeetingRulesType, { description: "A province's meeting rules, or the default when it has none (quy định sinh hoạt)." })
  async meetingRules(@Arg('provinceId', () => ID, { description: 'The province.' }) provinceId: string, @Ctx() ctx: RequestContext): Promise<MeetingRules> {
    const province = await getProvince(ctx, requiredId(provinceId, 'OrgUnit', 'provinceId'), 'provinceId');
    return rulesFor(ctx.em, province.id);
  }

  @Query(() => [HolidayType], { description: 'National and provincial holidays of a year (ngày nghỉ lễ).' })
  async holidays(
    @Arg('provinceId', () => ID, { description: 'The province.' }) provinceId: string,
    @Arg('year', () => Int, { description: 'The year.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Holiday[]> {
    const province = await getProvince(ctx, requiredId(provinceId, 'OrgUnit', 'provinceId'), 'provinceId');
    return holidaysOf(ctx, province.id, year);
  }

  @Query(() => [ThematicTopicType], { description: 'Thematic topics of a province: the shared taxonomy and its own (chủ đề sinh hoạt chuyên đề).' })
  async thematicTopics(@Arg('provinceId', () => ID, { description: 'The province.' }) provinceId: string, @Ctx() ctx: RequestContext): Promise<ThematicTopic[]> {
    const province = await getProvince(ctx, requiredId(provinceId, 'OrgUnit', 'provinceId'), 'provinceId');
    return topicsOf(ctx, province.id);
  }

  @Mutation(() => MeetingRulesType, { description: "Sets a province's meeting rules (ban hành quy định sinh hoạt)." })
  updateMeetingRules(@Arg('input', () => MeetingRulesInput, { description: 'The rules.' }) input: MeetingRulesInput, @Ctx() ctx: RequestContext): Promise<MeetingRules> {
    return updateMeetingRules(ctx, { ...input, provinceId: requiredId(input.provinceId, 'OrgUnit', 'input.provinceId') });
  }

  @Mutation(() => HolidayType, { description: 'Adds a holiday, national or provincial (thêm ngày nghỉ lễ).' })
  addHoliday(@Arg('input', () => HolidayInput, { description: 'The holiday.' }) input: HolidayInput, @Ctx() ctx: RequestContext): Promise<Holiday> {
    return addHoliday(ctx, { ...input, provinceId: optionalId(input.provinceId, 'OrgUnit', 'input.provinceId') });
  }

  @Mutation(() => HolidayType, { description: 'Removes a wrongly entered holiday; the audit log keeps it (xóa ngày nghỉ lễ).' })
  removeHoliday(@Arg('id', () => ID, { description: 'The holiday.' }) id: string, @Ctx() ctx: RequestContext): Promise<Holiday> {
    return removeHoliday(ctx, requiredId(id, 'Holiday', 'id'));
  }

  @FieldResolver(() => Boolean, { description: 'True when these are the default rules, the province having none of its own.' })
  isDefault(@Root() rules: MeetingRules): boolean {
    return rules.provinceId === null || rules.provinceId === undefined;
  }
}

@Resolver(() => HolidayType)
export class HolidayResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() holiday: Holiday): string {
    return toGlobalId('Holiday', holiday.id);
  }

  @FieldResolver(() => Boolean, { description: 'True for a national holiday.' })
  national(@Root() holiday: Holiday): boolean {
    return holiday.provinceId === null || holiday.provinceId === undefined;
  }
}

@Resolver(() => ThematicTopicType)
export class ThematicTopicResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() topic: ThematicTopic): string {
    return toGlobalId('ThematicTopic', topic.id);
  }
}
