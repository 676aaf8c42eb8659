import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GradeLevel, GradeSubjectKind, MeetingRating } from '../../entities/evaluation-enums';
import { LocalDate } from '../scalars';

@ObjectType('RatingCount', { description: 'How many carry a meeting rating.' })
export class RatingCountType {
  @Field(() => MeetingRating, { description: 'The rating.' })
  rating!: MeetingRating;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('GradeCount', { description: 'How many of a kind were graded at a level.' })
export class GradeCountType {
  @Field(() => GradeSubjectKind, { description: 'Who was graded.' })
  subjectKind!: GradeSubjectKind;

  @Field(() => GradeLevel, { description: 'The level decided.' })
  level!: GradeLevel;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('TargetShare', { description: 'A share against its target (chỉ tiêu): actual, target and gap.' })
export class TargetShareType {
  @Field(() => Int, { description: 'How many were counted.' })
  counted!: number;

  @Field(() => Int, { description: 'How many met the criterion.' })
  achieved!: number;

  @Field(() => Float, { nullable: true, description: 'achieved / counted, 0–1, four decimals; null when nothing was counted.' })
  share!: number | null;

  @Field(() => Float, { description: 'The target share.' })
  target!: number;

  @Field(() => Float, { nullable: true, description: 'share − target; negative when short.' })
  gap!: number | null;
}

@ObjectType('GradeShare', { description: 'The share graded "good" or better among a kind of subject, against the > 90% target (domain.md §7).' })
export class GradeShareType extends TargetShareType {
  @Field(() => GradeSubjectKind, { description: 'Who was graded.' })
  subjectKind!: GradeSubjectKind;
}

@ObjectType('EvaluationSummary', { description: "Evaluation figures over a unit's subtree and period: no row about a person (tổng hợp kết quả đánh giá)." })
export class EvaluationSummaryType {
  @Field(() => LocalDate, { description: 'First day of the period.' })
  from!: string;

  @Field(() => LocalDate, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => [RatingCountType], { description: 'Submitted meeting evaluations by rating (appraised rating where appraised), regular and thematic.' })
  meetingRatings!: RatingCountType[];

  @Field(() => Int, { description: 'Meeting evaluations submitted (self-assessed or appraised).' })
  evaluatedMeetings!: number;

  @Field(() => Int, { description: 'Of those, appraised.' })
  appraisedMeetings!: number;

  @Field(() => Int, { description: 'Submitted and awaiting appraisal.' })
  awaitingAppraisal!: number;

  @Field(() => Int, { description: 'Evaluations still in draft.' })
  draftEvaluations!: number;

  @Field(() => Int, { description: 'Regular and thematic meetings held in the period with no evaluation at all.' })
  heldWithoutEvaluation!: number;

  @Field(() => [RatingCountType], { description: "Cells by their period rating (average of their regular meetings' scores)." })
  cellRatings!: RatingCountType[];

  @Field(() => TargetShareType, { description: 'Cells whose meetings were rated good in the period, against the 90% target.' })
  cellsGoodOrBetter!: TargetShareType;

  @Field(() => [GradeCountType], { description: "The period's year: annual grades decided or published, by kind and level." })
  grades!: GradeCountType[];

  @Field(() => [GradeShareType], { description: 'Per kind: the share graded good or better, against the > 90% target.' })
  gradeShares!: GradeShareType[];

  @Field(() => Int, { description: 'Units assessed on the four-good model in the year.' })
  fourGoodAssessed!: number;

  @Field(() => Int, { description: 'Of those, four-good (bốn tốt).' })
  fourGoodAchieved!: number;
}
