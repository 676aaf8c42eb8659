import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { EvaluationState, GradeLevel, GradeState, GradeSubjectKind, MeetingRating } from '../../entities/evaluation-enums';
import { LocalDate } from '../scalars';

@InputType({ description: 'A criterion of a new criteria set (tiêu chí).' })
export class CriterionInput {
  @Field({ description: 'Group of criteria (nhóm tiêu chí).' })
  groupName!: string;

  @Field({ description: 'Code, unique within the set.' })
  code!: string;

  @Field({ description: 'What is scored.' })
  name!: string;

  @Field(() => Float, { description: 'Maximum points, above 0, two decimals at most.' })
  maxPoints!: number;
}

@InputType({ description: "A new version of a province's scoring regulation; versions are never edited." })
export class CreateCriteriaSetInput {
  @Field(() => ID, { description: 'The province.' })
  provinceId!: string;

  @Field({ description: 'Code of the regulation, e.g. "14-QĐi/TU".' })
  code!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => LocalDate, { description: 'In force from this date; one version per date.' })
  effectiveFrom!: string;

  @Field(() => Float, { description: 'Lowest total rated Tốt.' })
  goodMin!: number;

  @Field(() => Float, { description: 'Lowest total rated Khá; below goodMin.' })
  fairMin!: number;

  @Field(() => Float, { description: 'Lowest total rated Trung bình; below fairMin.' })
  averageMin!: number;

  @Field(() => [CriterionInput], { description: 'The criteria, in order.' })
  criteria!: CriterionInput[];
}

@InputType({ description: "A province's grading constraints." })
export class GradingRulesInput {
  @Field(() => ID, { description: 'The province.' })
  provinceId!: string;

  @Field(() => Int, { description: 'The version of the rules you read (of the default when the province had none).' })
  version!: number;

  @Field(() => Float, { nullable: true, description: 'Cap on excellent among good-or-better, as a share; null for no cap.' })
  excellentMaxShareOfGood!: number | null;

  @Field({ description: 'Whether a month rated weak bars an organisation from excellent.' })
  excellentRequiresNoWeakMonth!: boolean;
}

@InputType({ description: 'Points for one criterion (điểm).' })
export class CriterionPointsInput {
  @Field(() => ID, { description: 'A criterion of the set in force on the meeting date.' })
  criterionId!: string;

  @Field(() => Float, { description: "From 0 to the criterion's maximum, two decimals at most." })
  points!: number;
}

@InputType({ description: "The cell's vote on its self-assessment; the sum cannot exceed the members present." })
export class EvaluationVotesInput {
  @Field(() => Int, { description: 'For.' })
  for!: number;

  @Field(() => Int, { description: 'Against.' })
  against!: number;

  @Field(() => Int, { description: 'Abstaining.' })
  abstain!: number;
}

@InputType({ description: 'Self-assessment fields; omitted ones stay as they are.' })
export class SelfAssessmentFieldsInput {
  @Field(() => [CriterionPointsInput], { nullable: true, description: 'Points per criterion; criteria not named keep their points.' })
  scores?: CriterionPointsInput[] | null;

  @Field(() => EvaluationVotesInput, { nullable: true, description: "The cell's vote." })
  votes?: EvaluationVotesInput | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note?: string | null;
}

@InputType({ description: 'Starts the self-evaluation of a held regular or thematic meeting.' })
export class CreateMeetingEvaluationInput extends SelfAssessmentFieldsInput {
  @Field(() => ID, { description: 'The meeting.' })
  meetingId!: string;
}

@InputType({ description: 'Changes a draft evaluation.' })
export class UpdateMeetingEvaluationInput extends SelfAssessmentFieldsInput {
  @Field(() => ID, { description: 'The evaluation.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;
}

@InputType({ description: 'An adjusted criterion, with why (điều chỉnh điểm).' })
export class AppraisalAdjustmentInput extends CriterionPointsInput {
  @Field({ description: 'Why the points change; required.' })
  comment!: string;
}

@InputType({ description: 'The appraisal: accept (no adjustments) or adjust criteria (thẩm định).' })
export class AppraiseMeetingEvaluationInput {
  @Field(() => ID, { description: 'The evaluation.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => [AppraisalAdjustmentInput], { description: 'Criteria whose points change; empty to accept the self-assessment.' })
  adjustments!: AppraisalAdjustmentInput[];

  @Field(() => String, { nullable: true, description: 'Overall comment.' })
  comment?: string | null;
}

@InputType({ description: 'Reopens an evaluation one step, with a reason kept in its history.' })
export class ReopenMeetingEvaluationInput {
  @Field(() => ID, { description: 'The evaluation.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field({ description: 'Why (lý do).' })
  reason!: string;
}

@InputType({ description: 'Which meeting evaluations.' })
export class MeetingEvaluationFilterInput {
  @Field(() => Int, { nullable: true, description: 'Meetings held in this year.' })
  year?: number | null;

  @Field(() => [EvaluationState], { nullable: true, description: 'Any of these states.' })
  states?: EvaluationState[] | null;

  @Field(() => [MeetingRating], { nullable: true, description: 'Any of these ratings (appraised where appraised).' })
  ratings?: MeetingRating[] | null;
}

@InputType({ description: 'A self-assessment or proposal of an annual grade (tự đánh giá, đề xuất xếp loại).' })
export class ProposeAnnualGradeInput {
  @Field(() => GradeSubjectKind, { description: 'Organisation, member or committee head.' })
  subjectKind!: GradeSubjectKind;

  @Field(() => ID, { nullable: true, description: 'The organisation graded, or the committee whose head is graded; empty for a member.' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member graded, or the head; empty for an organisation.' })
  memberId?: string | null;

  @Field(() => Int, { description: 'Year graded.' })
  year!: number;

  @Field(() => GradeLevel, { description: 'Level proposed.' })
  level!: GradeLevel;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read, to revise a proposal already made.' })
  version?: number | null;
}

@InputType({ description: 'The decision on one grade.' })
export class GradeDecisionInput {
  @Field(() => ID, { description: 'The grade.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => GradeLevel, { description: 'Level decided.' })
  level!: GradeLevel;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note?: string | null;
}

@InputType({ description: "The committee's decision on grades, checked as a whole against the province's constraints (quyết định xếp loại)." })
export class DecideAnnualGradesInput {
  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field(() => [GradeDecisionInput], { description: 'The decisions, at most 500.' })
  decisions!: GradeDecisionInput[];
}

@InputType({ description: 'A grade and the version you read.' })
export class GradeVersionInput {
  @Field(() => ID, { description: 'The grade.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;
}

@InputType({ description: 'Decided grades to publish to the organisation (công khai).' })
export class PublishAnnualGradesInput {
  @Field(() => [GradeVersionInput], { description: 'The grades, at most 500.' })
  grades!: GradeVersionInput[];
}

@InputType({ description: 'Which annual grades.' })
export class AnnualGradeFilterInput {
  @Field(() => Int, { nullable: true, description: 'Year graded.' })
  year?: number | null;

  @Field(() => [GradeSubjectKind], { nullable: true, description: 'Any of these kinds.' })
  subjectKinds?: GradeSubjectKind[] | null;

  @Field(() => [GradeState], { nullable: true, description: 'Any of these states.' })
  states?: GradeState[] | null;

  @Field(() => [GradeLevel], { nullable: true, description: 'Any of these levels (decided, else proposed).' })
  levels?: GradeLevel[] | null;

  @Field(() => ID, { nullable: true, description: "Only grades in this unit's subtree." })
  subtreeOf?: string | null;
}

@InputType({ description: 'A four-good assessment (đánh giá chi bộ bốn tốt).' })
export class AssessFourGoodInput {
  @Field(() => ID, { description: 'A cell or grassroots committee.' })
  unitId!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field({ description: 'Good political-task completion.' })
  politicalTask!: boolean;

  @Field({ description: 'Good meeting quality.' })
  meetingQuality!: boolean;

  @Field({ description: 'Good unity and discipline.' })
  unityDiscipline!: boolean;

  @Field({ description: 'Good cadres and members.' })
  cadresMembers!: boolean;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the decision.' })
  decisionRef?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read, to change an assessment already recorded.' })
  version?: number | null;
}

@InputType({ description: 'A period: a year, or a quarter or month of it.' })
export class EvaluationPeriodInput {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Quarter 1–4.' })
  quarter?: number | null;

  @Field(() => Int, { nullable: true, description: 'Month 1–12.' })
  month?: number | null;
}
