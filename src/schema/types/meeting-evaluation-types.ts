import { Field, Float, Int, ObjectType } from 'type-graphql';
import { EvaluationAction, EvaluationState, MeetingRating } from '../../entities/evaluation-enums';
import { MeetingKind } from '../../entities/meeting-enums';
import { GraphQLJSONObject } from 'graphql-scalars';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime, LocalDate } from '../scalars';

@ObjectType('MeetingEvaluation', { implements: Node, description: "The quality evaluation of a held meeting: the cell's self-assessment and the superior's appraisal (chấm điểm chất lượng sinh hoạt chi bộ)." })
export class MeetingEvaluationType extends Node {
  @Field(() => EvaluationState, { description: 'Draft, self-assessed or appraised.' })
  state!: EvaluationState;

  @Field(() => MeetingKind, { description: 'Kind of the meeting evaluated.' })
  meetingKind!: MeetingKind;

  @Field(() => LocalDate, { description: 'The date the meeting was held (ngày sinh hoạt).' })
  heldOn!: string;

  @Field(() => Float, { description: "Total of the cell's own points (tổng điểm tự chấm)." })
  selfTotal!: number;

  @Field(() => MeetingRating, { description: "Rating of the cell's own total." })
  selfRating!: MeetingRating;

  @Field(() => Float, { nullable: true, description: 'Total after appraisal; null until appraised (tổng điểm sau thẩm định).' })
  appraisedTotal!: number | null;

  @Field(() => MeetingRating, { nullable: true, description: 'Rating after appraisal: the final rating (xếp loại sau thẩm định).' })
  appraisedRating!: MeetingRating | null;

  @Field(() => String, { nullable: true, description: "The cell's note on its self-assessment." })
  selfNote!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the self-assessment was submitted.' })
  submittedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When it was appraised.' })
  appraisedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The appraiser's overall comment (nhận xét thẩm định)." })
  appraisalComment!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with changes.' })
  version!: number;
}

@ObjectType('MeetingEvaluationScore', { description: 'Points for one criterion: the cell\'s, and the appraiser\'s where adjusted (điểm theo tiêu chí).' })
export class MeetingEvaluationScoreType {
  @Field(() => Float, { description: "The cell's points (điểm tự chấm)." })
  selfPoints!: number;

  @Field(() => Float, { nullable: true, description: "The appraiser's points where the appraisal adjusted this criterion, else null." })
  appraisedPoints!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the appraiser changed the points.' })
  appraisalComment!: string | null;
}

@ObjectType('EvaluationVotes', { description: "The cell's vote adopting its self-assessment (biểu quyết)." })
export class EvaluationVotesType {
  @Field(() => Int, { description: 'For (tán thành).' })
  for!: number;

  @Field(() => Int, { description: 'Against (không tán thành).' })
  against!: number;

  @Field(() => Int, { description: 'Abstaining (không biểu quyết).' })
  abstain!: number;
}

@ObjectType('MeetingEvaluationStep', { description: 'A step of an evaluation, with the scores as they stood after it; nothing is lost by reopening.' })
export class MeetingEvaluationStepType {
  @Field(() => EvaluationAction, { description: 'What happened.' })
  action!: EvaluationAction;

  @Field(() => EvaluationState, { nullable: true, description: 'State before.' })
  fromState!: EvaluationState | null;

  @Field(() => EvaluationState, { description: 'State after.' })
  toState!: EvaluationState;

  @Field(() => String, { nullable: true, description: 'Reason, for a reopening (lý do).' })
  reason!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The evaluation after the step: state, per-criterion points, totals, ratings, votes.' })
  snapshot!: Record<string, unknown>;

  @Field(() => DateTime, { description: 'When.' })
  at!: Date;
}

@ObjectType('PeriodRating', { description: "A cell's meeting rating for a month, quarter or year (xếp loại sinh hoạt theo tháng, quý, năm)." })
export class PeriodRatingType {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Quarter 1–4, for a quarter.' })
  quarter!: number | null;

  @Field(() => Int, { nullable: true, description: 'Month 1–12, for a month.' })
  month!: number | null;

  @Field(() => Int, { description: 'Regular meetings evaluated and submitted in the period.' })
  evaluatedMeetings!: number;

  @Field(() => Int, { description: 'Of those, appraised.' })
  appraisedMeetings!: number;

  @Field(() => Float, { nullable: true, description: 'Average score as a share of the maximum (0–1); appraised scores where appraised.' })
  averageShare!: number | null;

  @Field(() => MeetingRating, { nullable: true, description: 'Rating of the average; null without evaluated meetings.' })
  rating!: MeetingRating | null;
}

@ObjectType('CellMeetingRatings', { description: "A cell's meeting ratings of a year, by month and quarter." })
export class CellMeetingRatingsType {
  @Field(() => PeriodRatingType, { description: 'The whole year.' })
  year!: PeriodRatingType;

  @Field(() => [PeriodRatingType], { description: 'Quarters 1–4.' })
  quarters!: PeriodRatingType[];

  @Field(() => [PeriodRatingType], { description: 'Months 1–12.' })
  months!: PeriodRatingType[];
}

export const MeetingEvaluationConnection = connectionTypes('MeetingEvaluation', MeetingEvaluationType, 'chấm điểm sinh hoạt');
