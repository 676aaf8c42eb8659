import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../scalars';

@ObjectType('Criterion', { description: 'A scoring criterion with its maximum points (tiêu chí chấm điểm).' })
export class CriterionType {
  @Field({ description: 'Group of criteria (nhóm tiêu chí).' })
  groupName!: string;

  @Field({ description: 'Stable code within the set.' })
  code!: string;

  @Field({ description: 'What is scored (nội dung tiêu chí).' })
  name!: string;

  @Field(() => Float, { description: 'Maximum points (điểm tối đa).' })
  maxPoints!: number;
}

@ObjectType('CriteriaSet', { description: "A version of a province's meeting-scoring regulation, e.g. 14-QĐi/TU (bộ tiêu chí chấm điểm chất lượng sinh hoạt chi bộ)." })
export class CriteriaSetType {
  @Field({ description: 'Code of the regulation, e.g. "14-QĐi/TU" (số hiệu quy định).' })
  code!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => LocalDate, { description: "In force from this date until the province's next version (ngày hiệu lực)." })
  effectiveFrom!: string;

  @Field({ description: 'A sample set shipped with the system, to be replaced by the province\'s own (bộ mẫu).' })
  isSample!: boolean;

  @Field(() => Float, { description: 'Lowest total rated Tốt (good).' })
  goodMin!: number;

  @Field(() => Float, { description: 'Lowest total rated Khá (fair).' })
  fairMin!: number;

  @Field(() => Float, { description: 'Lowest total rated Trung bình (average); below it: Yếu (weak).' })
  averageMin!: number;
}

@ObjectType('GradingRules', { description: "A province's constraints on annual grading, checked when the committee decides (quy định xếp loại). Defaults are configurable, not fact." })
export class GradingRulesType {
  @Field(() => Float, { nullable: true, description: 'Cap on "excellent" among those graded "good" or better in a group, as a share (0.2 = 20%); null: no cap.' })
  excellentMaxShareOfGood!: number | null;

  @Field({ description: 'An organisation with a month whose meetings were rated weak cannot be graded excellent.' })
  excellentRequiresNoWeakMonth!: boolean;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with changes.' })
  version!: number;
}
