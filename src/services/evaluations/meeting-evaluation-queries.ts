import { Permission } from '../../auth/permission';
import { scopeFilter, scopeSql } from '../../auth/scope-sql';
import { EvaluationAction, EvaluationState, MeetingRating } from '../../entities/evaluation-enums';
import { MeetingEvaluation } from '../../entities/meeting-evaluation';
import type { OrgUnit } from '../../entities/org-unit';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';

/**
 * Meeting evaluations are part of the meeting record: whoever reads a cell's meetings reads
 * their evaluations (members voted on them). Scoped in SQL like meetings.
 */
const readScope = (ctx: RequestContext): Record<string, unknown> => scopeFilter(ctx.viewer.scope(Permission.MEETINGS_READ), 'unitPath');

export function findMeetingEvaluation(ctx: RequestContext, id: number): Promise<MeetingEvaluation | null> {
  return ctx.em.findOne(MeetingEvaluation, { id, ...readScope(ctx) });
}

export async function getMeetingEvaluation(ctx: RequestContext, id: number): Promise<MeetingEvaluation> {
  const found = await findMeetingEvaluation(ctx, id);
  if (!found) throw notFound('Meeting evaluation');
  return found;
}

/** A meeting's evaluation, batched over the meetings of the request. */
export function evaluationOfMeeting(ctx: RequestContext, meetingId: number): Promise<MeetingEvaluation | null> {
  return ctx.loaders
    .keyed<number, MeetingEvaluation | null>('evaluationByMeeting', async (ids) => {
      const rows = await ctx.em.find(MeetingEvaluation, { meetingId: { $in: [...ids] }, ...readScope(ctx) });
      return ids.map((id) => rows.find((r) => r.meetingId === id) ?? null);
    })
    .load(meetingId);
}

export interface ScoreView {
  readonly criterionId: number;
  readonly selfPoints: number;
  readonly appraisedPoints: number | null;
  readonly appraisalComment: string | null;
}

/** Scores of an evaluation already read through scope, batched. */
export function scoresOf(ctx: RequestContext, evaluationId: number): Promise<ScoreView[]> {
  return ctx.loaders
    .keyed<number, ScoreView[]>('evaluationScores', async (ids) => {
      const rows = await ctx.em.getConnection().execute<Array<{ evaluation_id: number; criterion_id: number; self_points: string; appraised_points: string | null; appraisal_comment: string | null }>>(
        `select s.evaluation_id, s.criterion_id, s.self_points, s.appraised_points, s.appraisal_comment
           from meeting_evaluation_score s join criterion c on c.id = s.criterion_id
          where s.evaluation_id in (${ids.map(() => '?').join(',')}) order by s.evaluation_id, c.sort_order, c.id`,
        [...ids],
        'all',
      );
      return ids.map((id) =>
        rows
          .filter((r) => r.evaluation_id === id)
          .map((r) => ({ criterionId: r.criterion_id, selfPoints: Number(r.self_points), appraisedPoints: r.appraised_points === null ? null : Number(r.appraised_points), appraisalComment: r.appraisal_comment })),
      );
    })
    .load(evaluationId);
}

export interface EvaluationStepView {
  readonly id: number;
  readonly action: EvaluationAction;
  readonly fromState: EvaluationState | null;
  readonly toState: EvaluationState;
  readonly reason: string | null;
  readonly snapshot: Record<string, unknown>;
  readonly at: Date;
}

export function stepsOf(ctx: RequestContext, evaluationId: number): Promise<EvaluationStepView[]> {
  return ctx.loaders
    .keyed<number, EvaluationStepView[]>('evaluationSteps', async (ids) => {
      const rows = await ctx.em.getConnection().execute<Array<{ id: number; evaluation_id: number; action: EvaluationAction; from_state: EvaluationState | null; to_state: EvaluationState; reason: string | null; snapshot: Record<string, unknown>; at: Date }>>(
        `select id, evaluation_id, action, from_state, to_state, reason, snapshot, at from meeting_evaluation_step
          where evaluation_id in (${ids.map(() => '?').join(',')}) order by evaluation_id, id`,
        [...ids],
        'all',
      );
      return ids.map((id) => rows.filter((r) => r.evaluation_id === id).map((r) => ({ id: r.id, action: r.action, fromState: r.from_state, toState: r.to_state, reason: r.reason, snapshot: r.snapshot, at: new Date(r.at) })));
    })
    .load(evaluationId);
}

export interface MeetingEvaluationFilter {
  readonly year?: number | null;
  readonly states?: readonly EvaluationState[] | null;
  readonly ratings?: readonly MeetingRating[] | null;
}

/** A unit's meeting evaluations (its own meetings), newest first, batched over units. */
export function evaluationsOfUnit(ctx: RequestContext, unit: OrgUnit, filter: MeetingEvaluationFilter, args: PageArgs): Promise<Page<MeetingEvaluation>> {
  const scope = scopeSql(ctx.viewer.scope(Permission.MEETINGS_READ), 't.unit_path');
  const where = ['t.unit_id = k.key', scope.sql];
  const params: unknown[] = [...scope.params];
  if (filter.year) {
    where.push('t.held_on >= ? and t.held_on <= ?');
    params.push(`${filter.year}-01-01`, `${filter.year}-12-31`);
  }
  if (filter.states?.length) {
    where.push(`t.state in (${filter.states.map(() => '?').join(',')})`);
    params.push(...filter.states);
  }
  if (filter.ratings?.length) {
    where.push(`coalesce(t.appraised_rating, t.self_rating) in (${filter.ratings.map(() => '?').join(',')})`);
    params.push(...filter.ratings);
  }
  return loadPage(ctx, MeetingEvaluation, {
    shape: `unitEvaluations:${JSON.stringify(filter)}`,
    query: { from: 'meeting_evaluation t', where, params, orderBy: 't.held_on desc, t.id desc' },
    keyType: 'int',
    key: unit.id,
  }, args);
}
