import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { OrgUnit } from '../entities/org-unit';
import { OrgUnitKind } from '../entities/org-unit-enums';
import { badInput } from '../errors/app-error';
import type { RequestContext } from '../request-context';
import type { Page } from '../services/pagination';
import { freshnessOf, type FreshnessView } from '../services/statistics/freshness';
import { resolveAsOf, StatisticsGrain, subPeriods } from '../services/statistics/period';
import { deeper, statisticsSubject, type StatisticsSubject } from '../services/statistics/statistics-subject';
import { childrenOf, listOrgUnits } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { StatisticsPeriodInput } from '../schema/inputs/statistics-inputs';
import { LocalDate } from '../schema/scalars';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { StatisticsConnection, StatisticsFreshnessType, StatisticsPeriodType, StatisticsType } from '../schema/types/statistics-types';
import { optionalId } from './ids';

/** The statistics entry point and its breakdowns; the sections are in statistics-sections-resolver.ts. */
@Resolver(() => StatisticsType)
export class StatisticsResolver {
  @Query(() => StatisticsType, {
    description:
      "Statistics of a unit's subtree, or of the nation without a unit, for a period (thống kê): units, members, admissions, positions, meetings, the thematic matrix, evaluations, oversight, inspections and indicators against targets, each breakable down by child unit or period. Needs STATISTICS_READ over the whole subtree (national for the nation); aggregate-only roles get all of it and never a row about a person.",
  })
  statistics(
    @Arg('period', () => StatisticsPeriodInput, { description: 'A year, quarter, month or range of days.' }) period: StatisticsPeriodInput,
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID, { nullable: true, description: 'The unit whose subtree is counted; omit for the nation.' }) unitId?: string | null,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'The day stock figures are taken on; default the end of the period, or today while it runs.' }) asOf?: string | null,
  ): Promise<StatisticsSubject> {
    return statisticsSubject(ctx, optionalId(unitId, 'OrgUnit', 'unitId'), period, asOf);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit counted; null for the nation.' })
  unit(@Root() s: StatisticsSubject): OrgUnit | null {
    return s.unit;
  }

  @FieldResolver(() => StatisticsPeriodType, { description: 'The period flows are counted over.' })
  period(@Root() s: StatisticsSubject): StatisticsSubject['period'] {
    return s.period;
  }

  @FieldResolver(() => StatisticsFreshnessType, { description: 'How current the figures are.' })
  freshness(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<FreshnessView> {
    return freshnessOf(ctx, s);
  }

  @FieldResolver(() => StatisticsConnection, { description: 'The same statistics for each child unit (one row per commune of a province; the provinces for the nation), in name order. Breakdowns nest at most 2 levels deep.' })
  async children(@Root() s: StatisticsSubject, @Args(() => PageArgsInput) page: PageArgsInput, @Ctx() ctx: RequestContext): Promise<ConnectionValue<StatisticsSubject>> {
    deeper(s, 'children', {});
    const units: Page<OrgUnit> = s.unit === null
      ? await listOrgUnits(ctx, { kinds: [OrgUnitKind.PROVINCE] }, undefined, page)
      : await childrenOf(ctx, s.unit, {}, undefined, page);
    return toConnection({ ...units, nodes: units.nodes.map((unit) => deeper(s, 'children', { unit })) });
  }

  @FieldResolver(() => [StatisticsType], { description: 'The same statistics for each month, quarter or year of the period (cut to it), stocks as of each one\'s end. Breakdowns nest at most 2 levels deep.' })
  periods(@Root() s: StatisticsSubject, @Arg('grain', () => StatisticsGrain, { description: 'MONTH, QUARTER or YEAR.' }) grain: StatisticsGrain): StatisticsSubject[] {
    if (grain === StatisticsGrain.RANGE) throw badInput('grain', 'break a period down by MONTH, QUARTER or YEAR');
    deeper(s, 'periods', {});
    return subPeriods(s.period, grain).map((period) => deeper(s, 'periods', { period, asOf: resolveAsOf(null, period) }));
  }
}
