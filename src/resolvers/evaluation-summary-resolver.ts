import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { MeetingEvaluation } from '../entities/meeting-evaluation';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { evaluationSummary, type EvaluationSummaryView } from '../services/evaluations/evaluation-summary';
import { evaluationsOfUnit } from '../services/evaluations/meeting-evaluation-queries';
import { meetingRatingsOf, type CellYearRatings } from '../services/evaluations/period-ratings';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { validYear } from '../services/validate';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { EvaluationPeriodInput, MeetingEvaluationFilterInput } from '../schema/inputs/evaluation-inputs';
import { EvaluationSummaryType } from '../schema/types/evaluation-summary-types';
import { CellMeetingRatingsType, MeetingEvaluationConnection } from '../schema/types/meeting-evaluation-types';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { requiredId } from './ids';

@Resolver(() => EvaluationSummaryType)
export class EvaluationSummaryResolver {
  @Query(() => EvaluationSummaryType, { description: "Evaluation figures over a unit's subtree for a period: meeting ratings, cells rated good against the target, weak cells, annual grades, four-good (tổng hợp đánh giá). Counts only." })
  evaluationSummary(
    @Arg('unitId', () => ID, { description: 'The unit whose subtree is counted.' }) unitId: string,
    @Arg('period', () => EvaluationPeriodInput, { description: 'Year, quarter or month.' }) period: EvaluationPeriodInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationSummaryView> {
    return evaluationSummary(ctx, requiredId(unitId, 'OrgUnit', 'unitId'), period);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit.' })
  unit(@Root() summary: EvaluationSummaryView, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, summary.unitId);
  }

  @FieldResolver(() => [OrgUnitType], { description: 'Cells whose meetings were rated weak in the period (chi bộ yếu kém), by id.' })
  async weakCells(@Root() summary: EvaluationSummaryView, @Ctx() ctx: RequestContext): Promise<OrgUnit[]> {
    const units = await ctx.loaders.orgUnitById.loadMany([...summary.weakCellIds]);
    return units.filter((u): u is OrgUnit => u !== null && !(u instanceof Error));
  }
}

/** The meeting-quality side of a unit: its evaluations and ratings. */
@Resolver(() => OrgUnitType)
export class OrgUnitRatingsResolver {
  @FieldResolver(() => MeetingEvaluationConnection, { description: "Evaluations of the unit's own meetings you may read, newest first." })
  async meetingEvaluations(
    @Root() unit: OrgUnit,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MeetingEvaluationFilterInput, { nullable: true, description: 'Which evaluations.' }) filter?: MeetingEvaluationFilterInput,
  ): Promise<ConnectionValue<MeetingEvaluation>> {
    return toConnection(await evaluationsOfUnit(ctx, unit, { year: filter?.year, states: filter?.states, ratings: filter?.ratings }, page));
  }

  @FieldResolver(() => CellMeetingRatingsType, { nullable: true, description: "The cell's meeting ratings of a year by month and quarter; null when you read neither its meetings nor its statistics." })
  meetingRatings(@Root() unit: OrgUnit, @Arg('year', () => Int, { description: 'The year.' }) year: number, @Ctx() ctx: RequestContext): Promise<CellYearRatings> | null {
    return meetingRatingsOf(ctx, unit, validYear(year, 'year'));
  }
}
