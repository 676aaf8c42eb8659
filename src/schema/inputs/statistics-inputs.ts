import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Indicator } from '../../services/statistics/indicator-catalogue';
import { LocalDate } from '../scalars';

@InputType({ description: 'A period (kỳ): a year, a quarter or a month of it, or a range of days from–to (at most 10 years).' })
export class StatisticsPeriodInput {
  @Field(() => Int, { nullable: true, description: 'The year.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'A quarter of the year, 1–4.' })
  quarter?: number | null;

  @Field(() => Int, { nullable: true, description: 'A month of the year, 1–12.' })
  month?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day of a range (instead of a year).' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of a range, inclusive.' })
  to?: string | null;
}

@InputType({ description: "Sets, changes or removes a committee's target for an indicator and year (đặt chỉ tiêu). Each change is a new version; earlier ones are kept." })
export class SetStatisticTargetInput {
  @Field(() => ID, { description: 'The committee or province.' })
  unitId!: string;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => Float, { nullable: true, description: 'A count (whole number) or a share 0–1 with at most four decimals (0.7 for 70%); null removes the target, so that the one above applies again.' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why, or the document that set it (e.g. the resolution of the congress).' })
  note?: string | null;

  @Field(() => Int, { description: 'The version you read (0 when the unit had none for this indicator and year); a stale one is a CONFLICT.' })
  version!: number;
}
