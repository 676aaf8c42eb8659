import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../request-context';
import { Indicator } from '../services/statistics/indicator-catalogue';
import { indicatorValues, type IndicatorValue } from '../services/statistics/indicators';
import { MemberDimension } from '../services/statistics/labels';
import { admissionStatistics, type AdmissionStatisticsView } from '../services/statistics/sections/admissions';
import { evaluationStatistics, type EvaluationStatisticsView } from '../services/statistics/sections/evaluations';
import { inspectionStatistics, type InspectionStatisticsView } from '../services/statistics/sections/inspections';
import { meetingStatistics, type MeetingStatisticsView } from '../services/statistics/sections/meetings';
import { memberStatistics, type DimensionCount, type MemberStatisticsView } from '../services/statistics/sections/members';
import { oversightStatistics, type OversightStatisticsView } from '../services/statistics/sections/oversight';
import { positionStatistics, type PositionCount } from '../services/statistics/sections/positions';
import { thematicMatrix, type ThematicMatrixView } from '../services/statistics/sections/thematic-matrix';
import { unitStatistics, type UnitStatisticsView } from '../services/statistics/sections/units';
import type { StatisticsSubject } from '../services/statistics/statistics-subject';
import {
  AdmissionStatisticsType,
  DimensionCountType,
  EvaluationStatisticsType,
  InspectionStatisticsType,
  MeetingStatisticsType,
  MemberStatisticsType,
  OversightStatisticsType,
  PositionCountType,
  ThematicMatrixType,
  UnitStatisticsType,
} from '../schema/types/statistics-section-types';
import { IndicatorValueType, StatisticsType } from '../schema/types/statistics-types';

/** The sections of a Statistics answer: each reads the batched rollups of its subject. */
@Resolver(() => StatisticsType)
export class StatisticsSectionsResolver {
  @FieldResolver(() => UnitStatisticsType, { description: 'Organisations by kind and cell type, on the day (số lượng tổ chức đảng).' })
  units(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<UnitStatisticsView> {
    return unitStatistics(ctx, s);
  }

  @FieldResolver(() => MemberStatisticsType, { description: 'Members on the day, by status, gender, ethnic minority, education, qualification, political theory and age band.' })
  members(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<MemberStatisticsView> {
    return memberStatistics(ctx, s);
  }

  @FieldResolver(() => AdmissionStatisticsType, { description: 'Admissions, rural admissions, recognitions and exits of the period.' })
  admissions(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<AdmissionStatisticsView> {
    return admissionStatistics(ctx, s);
  }

  @FieldResolver(() => [PositionCountType], { description: 'Positions held on the day by post and kind of unit.' })
  positions(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<PositionCount[]> {
    return positionStatistics(ctx, s);
  }

  @FieldResolver(() => MeetingStatisticsType, { description: 'Meetings held, per cell, attendance, duration and compliance.' })
  meetings(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<MeetingStatisticsView> {
    return meetingStatistics(ctx, s);
  }

  @FieldResolver(() => ThematicMatrixType, { description: 'Thematic meetings by topic × cell type with totals.' })
  thematicMatrix(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<ThematicMatrixView> {
    return thematicMatrix(ctx, s);
  }

  @FieldResolver(() => EvaluationStatisticsType, { description: 'Meeting ratings, units rated for the period, annual grades and four-good results.' })
  evaluations(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<EvaluationStatisticsView> {
    return evaluationStatistics(ctx, s);
  }

  @FieldResolver(() => OversightStatisticsType, { description: 'Supervision and inspection coverage of the cells.' })
  oversight(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<OversightStatisticsView> {
    return oversightStatistics(ctx, s);
  }

  @FieldResolver(() => InspectionStatisticsType, { description: 'Inspections, findings, remediation and discipline.' })
  inspections(@Root() s: StatisticsSubject, @Ctx() ctx: RequestContext): Promise<InspectionStatisticsView> {
    return inspectionStatistics(ctx, s);
  }

  @FieldResolver(() => [IndicatorValueType], { description: 'Indicators with actual value, target in force for the period\'s year, and gap (domain.md §7).' })
  indicators(
    @Root() s: StatisticsSubject,
    @Ctx() ctx: RequestContext,
    @Arg('only', () => [Indicator], { nullable: true, description: 'These indicators only; default every one.' }) only?: Indicator[] | null,
  ): Promise<IndicatorValue[]> {
    return indicatorValues(ctx, s, only ?? undefined);
  }
}

@Resolver(() => MemberStatisticsType)
export class MemberStatisticsResolver {
  @FieldResolver(() => [DimensionCountType], { description: 'Members by one dimension, every value listed in report order.' })
  by(@Root() view: MemberStatisticsView, @Arg('dimension', () => MemberDimension, { description: 'What to count by.' }) dimension: MemberDimension): DimensionCount[] {
    return view.by(dimension);
  }
}
