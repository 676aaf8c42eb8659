import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MeetingRating } from '../entities/evaluation-enums';
import type { Meeting } from '../entities/meeting';
import type { MeetingEvaluation } from '../entities/meeting-evaluation';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { loadCriteriaSet } from '../services/evaluations/criteria-sets';
import {
  appraiseMeetingEvaluation,
  createMeetingEvaluation,
  reopenMeetingEvaluation,
  submitMeetingEvaluation,
  updateMeetingEvaluation,
  type SelfAssessmentFields,
} from '../services/evaluations/meeting-evaluation-commands';
import { evaluationOfMeeting, getMeetingEvaluation, scoresOf, stepsOf, type EvaluationStepView, type ScoreView } from '../services/evaluations/meeting-evaluation-queries';
import { toGlobalId } from '../services/global-id';
import { loadMeeting } from '../services/meetings/meeting-queries';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import {
  AppraiseMeetingEvaluationInput,
  CreateMeetingEvaluationInput,
  ReopenMeetingEvaluationInput,
  SelfAssessmentFieldsInput,
  UpdateMeetingEvaluationInput,
} from '../schema/inputs/evaluation-inputs';
import { CriteriaSetType, CriterionType } from '../schema/types/criteria-set-types';
import { MeetingType } from '../schema/types/meeting-types';
import { EvaluationVotesType, MeetingEvaluationScoreType, MeetingEvaluationStepType, MeetingEvaluationType } from '../schema/types/meeting-evaluation-types';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { Criterion } from '../entities/criterion';
import { requiredId } from './ids';

function selfFields(input: SelfAssessmentFieldsInput): SelfAssessmentFields {
  return {
    scores: input.scores?.map((s, i) => ({ criterionId: requiredId(s.criterionId, 'Criterion', `input.scores.${i}.criterionId`), points: s.points })),
    votes: input.votes,
    note: input.note,
  };
}

@Resolver(() => MeetingEvaluationType)
export class MeetingEvaluationResolver {
  @Query(() => MeetingEvaluationType, { description: 'A meeting evaluation by id; NOT_FOUND when missing or outside your scope.' })
  meetingEvaluation(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<MeetingEvaluation> {
    return getMeetingEvaluation(ctx, requiredId(id, 'MeetingEvaluation', 'id'));
  }

  @Mutation(() => MeetingEvaluationType, { description: "Starts the cell's self-evaluation of a held meeting, scored against the criteria set in force on its date (chi bộ tự chấm điểm)." })
  createMeetingEvaluation(@Arg('input', () => CreateMeetingEvaluationInput, { description: 'The evaluation.' }) input: CreateMeetingEvaluationInput, @Ctx() ctx: RequestContext): Promise<MeetingEvaluation> {
    return createMeetingEvaluation(ctx, { ...selfFields(input), meetingId: requiredId(input.meetingId, 'Meeting', 'input.meetingId') });
  }

  @Mutation(() => MeetingEvaluationType, { description: 'Changes a draft self-evaluation: points, vote, note.' })
  updateMeetingEvaluation(@Arg('input', () => UpdateMeetingEvaluationInput, { description: 'The changes.' }) input: UpdateMeetingEvaluationInput, @Ctx() ctx: RequestContext): Promise<MeetingEvaluation> {
    return updateMeetingEvaluation(ctx, { ...selfFields(input), id: requiredId(input.id, 'MeetingEvaluation', 'input.id'), version: input.version });
  }

  @Mutation(() => MeetingEvaluationType, { description: "Submits the self-assessment, adopted by the cell's vote, to the superior committee (gửi cấp trên thẩm định). A missing score or vote is BAD_USER_INPUT naming the updateMeetingEvaluation field to fill (input.scores, input.votes)." })
  submitMeetingEvaluation(
    @Arg('id', () => ID, { description: 'The evaluation.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingEvaluation> {
    return submitMeetingEvaluation(ctx, { id: requiredId(id, 'MeetingEvaluation', 'id'), version });
  }

  @Mutation(() => MeetingEvaluationType, { description: 'Appraises a submitted self-assessment: accepts it or adjusts criteria with a comment each (thẩm định).' })
  appraiseMeetingEvaluation(@Arg('input', () => AppraiseMeetingEvaluationInput, { description: 'The appraisal.' }) input: AppraiseMeetingEvaluationInput, @Ctx() ctx: RequestContext): Promise<MeetingEvaluation> {
    return appraiseMeetingEvaluation(ctx, {
      id: requiredId(input.id, 'MeetingEvaluation', 'input.id'),
      version: input.version,
      comment: input.comment,
      adjustments: input.adjustments.map((a, i) => ({ criterionId: requiredId(a.criterionId, 'Criterion', `input.adjustments.${i}.criterionId`), points: a.points, comment: a.comment })),
    });
  }

  @Mutation(() => MeetingEvaluationType, { description: 'Reopens an evaluation one step with a reason: appraised → awaiting appraisal, submitted → draft. History keeps every step.' })
  reopenMeetingEvaluation(@Arg('input', () => ReopenMeetingEvaluationInput, { description: 'The reopening.' }) input: ReopenMeetingEvaluationInput, @Ctx() ctx: RequestContext): Promise<MeetingEvaluation> {
    return reopenMeetingEvaluation(ctx, { id: requiredId(input.id, 'MeetingEvaluation', 'input.id'), version: input.version, reason: input.reason });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() evaluation: MeetingEvaluation): string {
    return toGlobalId('MeetingEvaluation', evaluation.id);
  }

  @FieldResolver(() => MeetingType, { nullable: true, description: 'The meeting evaluated.' })
  meeting(@Root() evaluation: MeetingEvaluation, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return loadMeeting(ctx, evaluation.meetingId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The cell.' })
  unit(@Root() evaluation: MeetingEvaluation, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, evaluation.unitId);
  }

  @FieldResolver(() => CriteriaSetType, { description: 'The criteria set it is scored under: the one in force on the meeting date.' })
  async criteriaSet(@Root() evaluation: MeetingEvaluation, @Ctx() ctx: RequestContext): Promise<object> {
    const found = await loadCriteriaSet(ctx, evaluation.criteriaSetId);
    return { ...found.set, criteria: found.criteria, maxTotal: found.maxTotal };
  }

  @FieldResolver(() => [MeetingEvaluationScoreType], { description: 'Points per criterion, in the order of the set.' })
  scores(@Root() evaluation: MeetingEvaluation, @Ctx() ctx: RequestContext): Promise<ScoreView[]> {
    return scoresOf(ctx, evaluation.id);
  }

  @FieldResolver(() => Float, { description: 'The score as it stands: the appraised total where appraised, else the self-assessed one (điểm).' })
  score(@Root() e: MeetingEvaluation): number {
    return Number(e.appraisedTotal ?? e.selfTotal);
  }

  @FieldResolver(() => MeetingRating, { description: 'The rating as it stands: final once appraised (xếp loại).' })
  rating(@Root() e: MeetingEvaluation): MeetingRating {
    return e.appraisedRating ?? e.selfRating;
  }

  @FieldResolver(() => EvaluationVotesType, { nullable: true, description: "The cell's vote; null until recorded." })
  votes(@Root() e: MeetingEvaluation): EvaluationVotesType | null {
    if (e.votesFor === null || e.votesFor === undefined) return null;
    return { for: e.votesFor, against: e.votesAgainst ?? 0, abstain: e.votesAbstain ?? 0 };
  }

  @FieldResolver(() => [MeetingEvaluationStepType], { description: 'Every step, oldest first, with reasons and the scores after each.' })
  history(@Root() evaluation: MeetingEvaluation, @Ctx() ctx: RequestContext): Promise<EvaluationStepView[]> {
    return stepsOf(ctx, evaluation.id);
  }
}

@Resolver(() => MeetingEvaluationScoreType)
export class MeetingEvaluationScoreResolver {
  @FieldResolver(() => CriterionType, { description: 'The criterion.' })
  async criterion(@Root() score: ScoreView, @Ctx() ctx: RequestContext): Promise<Criterion> {
    // Criteria are public rules, not tenant data: no scope needed beyond the evaluation's own.
    const found = await ctx.loaders
      .keyed<number, Criterion | null>('criterionById', async (ids) => {
        const rows = await ctx.em.find(Criterion, { id: { $in: [...ids] } });
        return ids.map((id) => rows.find((c) => c.id === id) ?? null);
      })
      .load(score.criterionId);
    if (!found) throw new Error(`Criterion ${score.criterionId} is missing`);
    return found;
  }
}

@Resolver(() => MeetingType)
export class MeetingEvaluationOfMeetingResolver {
  @FieldResolver(() => MeetingEvaluationType, { nullable: true, description: 'Its quality evaluation; null when none was started (chấm điểm).' })
  evaluation(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingEvaluation | null> {
    return evaluationOfMeeting(ctx, meeting.id);
  }
}
