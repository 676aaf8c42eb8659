import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator, IndicatorUnit } from '../../services/statistics/indicator-catalogue';
import { StatisticsGrain } from '../../services/statistics/period';
import { CountedFrom, TargetSource } from '../../services/statistics/statistics-enums';
import { connectionTypes } from '../connection';
import { DateTime, LocalDate } from '../scalars';

@ObjectType('StatisticsPeriod', { description: 'The days a Statistics answer counts flows over (kỳ báo cáo), inclusive.' })
export class StatisticsPeriodType {
  @Field(() => LocalDate, { description: 'First day.' })
  from!: string;

  @Field(() => LocalDate, { description: 'Last day.' })
  to!: string;

  @Field(() => StatisticsGrain, { description: 'YEAR, QUARTER or MONTH for a calendar period, else RANGE.' })
  grain!: StatisticsGrain;
}

@ObjectType('StatisticsFreshness', { description: 'How current the figures are: rollups follow the writes within the refresh interval (decisions §21).' })
export class StatisticsFreshnessType {
  @Field(() => DateTime, { nullable: true, description: 'When the rollups last took in changes.' })
  refreshedAt!: Date | null;

  @Field(() => Int, { description: "Changes below the unit written but not yet in the rollups (0: the figures are current)." })
  pendingChanges!: number;

  @Field(() => LocalDate, { description: 'Stock figures (members, units, positions) as of this day or later come from the rollups; earlier days are recounted from the base tables.' })
  historyFrom!: string;

  @Field(() => CountedFrom, { description: 'Where the stock figures of this answer were read.' })
  countedFrom!: CountedFrom;
}

@ObjectType('StatisticTarget', { description: 'A target a committee set for an indicator and year (chỉ tiêu), one version of it.' })
export class StatisticTargetType {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Float, { nullable: true, description: 'The target: a count, or a share 0–1; null when this version removed it.' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why, or the document that set it.' })
  note!: string | null;

  @Field(() => Int, { description: 'Version for this unit, year and indicator: pass it to setStatisticTarget.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was set.' })
  setAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When a later version replaced it; null for the version in force.' })
  supersededAt!: Date | null;
}

@ObjectType('IndicatorTarget', { description: 'The target an indicator is compared with.' })
export class IndicatorTargetType {
  @Field(() => Float, { description: 'The target: a count, or a share 0–1.' })
  value!: number;

  @Field(() => TargetSource, { description: "Set by a committee, or the rules' default." })
  source!: TargetSource;

}

@ObjectType('IndicatorValue', { description: 'An indicator: actual value, target and gap (thực hiện, chỉ tiêu, chênh lệch).' })
export class IndicatorValueType {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => IndicatorUnit, { description: 'A count or a share.' })
  unit!: IndicatorUnit;

  @Field({ description: 'Vietnamese name, as the reports print it.' })
  label!: string;

  @Field(() => Int, { description: 'The count, or the part of the whole.' })
  numerator!: number;

  @Field(() => Int, { nullable: true, description: 'The whole of a share (e.g. villages); null for counts.' })
  denominator!: number | null;

  @Field(() => Float, { nullable: true, description: 'The count, or the share 0–1 to four decimals; null when the whole is zero.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'A share as a percentage to two decimals (55.29).' })
  percent!: number | null;

  @Field(() => IndicatorTargetType, { nullable: true, description: 'The target for the period\'s year; null when none applies (no committee set one and no rule gives one, or the period spans years).' })
  target!: IndicatorTargetType | null;

  @Field(() => Float, { nullable: true, description: 'value − target (four decimals for shares); negative when short.' })
  gap!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the target is reached.' })
  met!: boolean | null;
}

@ObjectType('Statistics', {
  description:
    'Aggregates over a unit\'s subtree (or the nation) for a period, stocks as of a day (thống kê, tổng hợp). Counts, sums and rates only: no name, date or row about a person, for aggregate-only roles too. Every section can be broken down by child unit or by period.',
})
export class StatisticsType {
  @Field(() => StatisticsPeriodType, { description: 'The period flows are counted over.' })
  period!: StatisticsPeriodType;

  @Field(() => LocalDate, { description: 'The day stock figures (members, units, positions, ratios) are taken on.' })
  asOf!: string;
}

export const StatisticsConnection = connectionTypes('Statistics', StatisticsType, 'thống kê theo đơn vị trực thuộc');
