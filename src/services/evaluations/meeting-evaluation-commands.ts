import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationAction, EvaluationState } from '../../entities/evaluation-enums';
import { MeetingEvaluation } from '../../entities/meeting-evaluation';
import { MeetingKind, MeetingStatus } from '../../entities/meeting-enums';
import { badInput, conflict, staleVersion } from '../../errors/app-error';
import { uniqueOr } from '../../errors/unique-violation';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getMeeting } from '../meetings/meeting-queries';
import { optionalText, requiredText } from '../validate';
import { checkMayAppraise, checkMayPrepare, mayAppraiseFromAbove } from './appraisal-rights';
import { loadCriteriaSet, setInForce, type CriteriaSetWithCriteria } from './criteria-sets';
import { getMeetingEvaluation } from './meeting-evaluation-queries';
import { appraisedTotal, ratingOf, selfTotal, twoDecimals, type ScoreLine } from './scoring';

export interface PointsEntry {
  readonly criterionId: number;
  readonly points: number;
}

export interface Votes {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
}

export interface SelfAssessmentFields {
  readonly scores?: readonly PointsEntry[] | null;
  readonly votes?: Votes | null;
  readonly note?: string | null;
}

export interface AppraisalEntry extends PointsEntry {
  readonly comment: string;
}

const EVALUATED_KINDS: readonly MeetingKind[] = [MeetingKind.REGULAR, MeetingKind.THEMATIC];

/** Points for a criterion of the set: in it, from 0 to its maximum, at most two decimals. */
function checkPoints(set: CriteriaSetWithCriteria, entries: readonly PointsEntry[], field: string): Map<number, number> {
  const byId = new Map<number, number>();
  entries.forEach((entry, i) => {
    const criterion = set.criteria.find((c) => c.id === entry.criterionId);
    if (!criterion) throw badInput(`${field}.${i}.criterionId`, `is not a criterion of the set in force on the meeting date (${set.set.code})`);
    if (byId.has(entry.criterionId)) throw badInput(`${field}.${i}.criterionId`, 'is scored twice');
    const max = Number(criterion.maxPoints);
    if (!Number.isFinite(entry.points) || entry.points < 0 || entry.points > max || !twoDecimals(entry.points)) {
      throw badInput(`${field}.${i}.points`, `must be from 0 to ${max} (the criterion's maximum), with at most two decimals`);
    }
    byId.set(entry.criterionId, entry.points);
  });
  return byId;
}

async function presentCount(em: EntityManager, meetingId: number): Promise<number> {
  const rows = await em.getConnection().execute<{ n: number }[]>("select count(*)::int as n from meeting_attendance where meeting_id = ? and status = 'PRESENT'", [meetingId], 'all', em.getTransactionContext());
  return rows[0].n;
}

/** Votes are cast by members present: their sum cannot exceed the recorded attendance. */
async function checkVotes(em: EntityManager, meetingId: number, votes: Votes): Promise<Votes> {
  for (const key of ['for', 'against', 'abstain'] as const) {
    if (!Number.isInteger(votes[key]) || votes[key] < 0) throw badInput(`input.votes.${key}`, 'must be a whole number, 0 or more');
  }
  const present = await presentCount(em, meetingId);
  const cast = votes.for + votes.against + votes.abstain;
  if (cast > present) throw badInput('input.votes', `${cast} votes is more than the ${present} members recorded present`);
  return votes;
}

async function readLines(em: EntityManager, evaluationId: number): Promise<ScoreLine[]> {
  const rows = await em.getConnection().execute<Array<{ criterion_id: number; self_points: string; appraised_points: string | null }>>(
    'select criterion_id, self_points, appraised_points from meeting_evaluation_score where evaluation_id = ? order by criterion_id',
    [evaluationId],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => ({ criterionId: r.criterion_id, selfPoints: Number(r.self_points), appraisedPoints: r.appraised_points === null ? null : Number(r.appraised_points) }));
}

/** Derives totals and ratings from the stored scores: the only writer of those columns. */
async function derive(em: EntityManager, evaluation: MeetingEvaluation, set: CriteriaSetWithCriteria): Promise<ScoreLine[]> {
  const lines = await readLines(em, evaluation.id);
  evaluation.selfTotal = selfTotal(lines);
  evaluation.selfRating = ratingOf(evaluation.selfTotal, set.set);
  const appraised = evaluation.state === EvaluationState.APPRAISED;
  evaluation.appraisedTotal = appraised ? appraisedTotal(lines) : null;
  evaluation.appraisedRating = appraised ? ratingOf(evaluation.appraisedTotal as number, set.set) : null;
  return lines;
}

/** The evaluation as it now stands, scores included: for the steps and the audit. */
async function snapshotOf(em: EntityManager, e: MeetingEvaluation): Promise<Record<string, unknown>> {
  return {
    state: e.state,
    scores: await readLines(em, e.id),
    selfTotal: Number(e.selfTotal),
    selfRating: e.selfRating,
    appraisedTotal: e.appraisedTotal === null || e.appraisedTotal === undefined ? null : Number(e.appraisedTotal),
    appraisedRating: e.appraisedRating ?? null,
    votes: e.votesFor === null || e.votesFor === undefined ? null : { for: e.votesFor, against: e.votesAgainst, abstain: e.votesAbstain },
    note: e.selfNote ?? null,
    appraisalComment: e.appraisalComment ?? null,
  };
}

/** Records a step with the scores as they now stand, so that reopening loses nothing. */
async function recordStep(ctx: RequestContext, em: EntityManager, evaluation: MeetingEvaluation, action: EvaluationAction, fromState: EvaluationState | null, reason: string | null): Promise<Record<string, unknown>> {
  const snapshot = await snapshotOf(em, evaluation);
  await em.getConnection().execute(
    'insert into meeting_evaluation_step (evaluation_id, action, from_state, to_state, reason, snapshot, account_id) values (?, ?, ?, ?, ?, ?, ?)',
    [evaluation.id, action, fromState, evaluation.state, reason, JSON.stringify(snapshot), ctx.viewer.accountId],
    'run',
    em.getTransactionContext(),
  );
  return snapshot;
}

function target(e: MeetingEvaluation): { type: string; id: number; provinceId: number; unitPath: string } {
  return { type: 'MeetingEvaluation', id: e.id, provinceId: e.provinceId, unitPath: e.unitPath };
}

async function writeSelfFields(ctx: RequestContext, em: EntityManager, evaluation: MeetingEvaluation, set: CriteriaSetWithCriteria, input: SelfAssessmentFields): Promise<void> {
  if (input.scores) {
    const points = checkPoints(set, input.scores, 'input.scores');
    const run = (sql: string, params: unknown[]): Promise<unknown> => em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
    for (const [criterionId, value] of points) {
      await run(
        `insert into meeting_evaluation_score (evaluation_id, criterion_id, self_points) values (?, ?, ?)
         on conflict (evaluation_id, criterion_id) do update set self_points = excluded.self_points`,
        [evaluation.id, criterionId, value],
      );
    }
  }
  if (input.votes) {
    const votes = await checkVotes(em, evaluation.meetingId, input.votes);
    evaluation.votesFor = votes.for;
    evaluation.votesAgainst = votes.against;
    evaluation.votesAbstain = votes.abstain;
  }
  if (input.note !== undefined) evaluation.selfNote = optionalText(input.note, 'input.note', 5000);
  await derive(em, evaluation, set);
  evaluation.updatedAt = new Date();
  await em.flush();
}

/**
 * Starts the self-evaluation of a held regular or thematic meeting, scored against the criteria
 * set in force on the meeting date. One evaluation per meeting.
 */
export async function createMeetingEvaluation(ctx: RequestContext, input: SelfAssessmentFields & { meetingId: number }): Promise<MeetingEvaluation> {
  const meeting = await getMeeting(ctx, input.meetingId);
  checkMayPrepare(ctx, meeting.unitPath);
  if (!EVALUATED_KINDS.includes(meeting.kind)) throw badInput('input.meetingId', 'only regular and thematic meetings are scored');
  if (meeting.status !== MeetingStatus.HELD || !meeting.heldOn) throw badInput('input.meetingId', 'the meeting has not been held yet');
  const heldOn = meeting.heldOn;
  const alreadyEvaluated = (): Error => conflict('The meeting already has an evaluation', { field: 'input.meetingId' });
  const existing = await ctx.em.count(MeetingEvaluation, { meetingId: meeting.id });
  if (existing > 0) throw alreadyEvaluated();
  const set = await setInForce(ctx.em, meeting.provinceId, heldOn);
  if (!set) throw badInput('input.meetingId', `no criteria set is in force on ${heldOn}`);
  // Two creations racing past the check: the unique index meeting_evaluation_meeting_uq keeps one.
  return uniqueOr(() => ctx.em.transactional(async (em) => {
    const evaluation = em.create(MeetingEvaluation, {
      provinceId: meeting.provinceId,
      unitId: meeting.unit.id,
      unitPath: meeting.unitPath,
      meetingId: meeting.id,
      meetingKind: meeting.kind,
      heldOn,
      criteriaSetId: set.set.id,
      state: EvaluationState.DRAFT,
      selfTotal: 0,
      selfRating: ratingOf(0, set.set),
    });
    await em.flush();
    await writeSelfFields(ctx, em, evaluation, set, input);
    const snapshot = await recordStep(ctx, em, evaluation, EvaluationAction.CREATED, null, null);
    audit(ctx, em, 'createMeetingEvaluation', target(evaluation), null, snapshot);
    return evaluation;
  }), alreadyEvaluated);
}

async function loadForChange(ctx: RequestContext, id: number, version: number): Promise<MeetingEvaluation> {
  const found = await getMeetingEvaluation(ctx, id);
  if (found.version !== version) throw staleVersion(version, found.version);
  return found;
}

/** Changes a draft; a submitted or appraised evaluation must be reopened first. */
export async function updateMeetingEvaluation(ctx: RequestContext, input: SelfAssessmentFields & { id: number; version: number }): Promise<MeetingEvaluation> {
  const found = await loadForChange(ctx, input.id, input.version);
  checkMayPrepare(ctx, found.unitPath);
  if (found.state !== EvaluationState.DRAFT) throw conflict(`The evaluation is ${found.state}: reopen it before changing it`, { field: 'state' });
  const set = await loadCriteriaSet(ctx, found.criteriaSetId);
  return ctx.em.transactional(async (em) => {
    const evaluation = await em.findOneOrFail(MeetingEvaluation, found.id);
    const before = await snapshotOf(em, evaluation);
    await writeSelfFields(ctx, em, evaluation, set, input);
    const snapshot = await recordStep(ctx, em, evaluation, EvaluationAction.SCORES_SAVED, EvaluationState.DRAFT, null);
    audit(ctx, em, 'updateMeetingEvaluation', target(evaluation), before, snapshot);
    return evaluation;
  });
}

/**
 * Submits the self-assessment to the superior committee: every criterion scored, and adopted
 * by the cell with more than half of the members present voting for it.
 */
export async function submitMeetingEvaluation(ctx: RequestContext, input: { id: number; version: number }): Promise<MeetingEvaluation> {
  const found = await loadForChange(ctx, input.id, input.version);
  checkMayPrepare(ctx, found.unitPath);
  if (found.state !== EvaluationState.DRAFT) throw conflict(`The evaluation is already ${found.state}`, { field: 'state' });
  const set = await loadCriteriaSet(ctx, found.criteriaSetId);
  return ctx.em.transactional(async (em) => {
    const evaluation = await em.findOneOrFail(MeetingEvaluation, found.id);
    const scored = new Set((await readLines(em, evaluation.id)).map((l) => l.criterionId));
    const missing = set.criteria.filter((c) => !scored.has(c.id)).map((c) => c.code);
    if (missing.length > 0) throw badInput('input.scores', `every criterion must be scored before submission; missing: ${missing.join(', ')}`);
    if (evaluation.votesFor === null || evaluation.votesFor === undefined) throw badInput('input.votes', 'record the cell\'s vote before submission');
    const present = await presentCount(em, evaluation.meetingId);
    if (evaluation.votesFor * 2 <= present) throw badInput('input.votes.for', `not adopted: more than half of the ${present} members present must vote for it`);
    const before = await snapshotOf(em, evaluation);
    evaluation.state = EvaluationState.SELF_ASSESSED;
    evaluation.submittedAt = new Date();
    evaluation.submittedById = ctx.viewer.accountId;
    await em.flush();
    const snapshot = await recordStep(ctx, em, evaluation, EvaluationAction.SUBMITTED, EvaluationState.DRAFT, null);
    audit(ctx, em, 'submitMeetingEvaluation', target(evaluation), before, snapshot);
    return evaluation;
  });
}

/**
 * The superior's appraisal: accepts the self-assessment, or adjusts criteria with a comment for
 * each change. The cell's own points stay stored beside the appraiser's.
 */
export async function appraiseMeetingEvaluation(ctx: RequestContext, input: { id: number; version: number; adjustments: readonly AppraisalEntry[]; comment?: string | null }): Promise<MeetingEvaluation> {
  const found = await loadForChange(ctx, input.id, input.version);
  await checkMayAppraise(ctx, found.unitPath);
  if (found.state === EvaluationState.APPRAISED) throw conflict('The evaluation is already appraised: reopen it to change the appraisal', { field: 'state' });
  if (found.state === EvaluationState.DRAFT) throw conflict('The cell has not submitted its self-assessment yet', { field: 'state' });
  const set = await loadCriteriaSet(ctx, found.criteriaSetId);
  const points = checkPoints(set, input.adjustments, 'input.adjustments');
  const comments = input.adjustments.map((a, i) => requiredText(a.comment, `input.adjustments.${i}.comment`, 2000));
  const comment = optionalText(input.comment, 'input.comment', 5000);
  return ctx.em.transactional(async (em) => {
    const evaluation = await em.findOneOrFail(MeetingEvaluation, found.id);
    const before = await snapshotOf(em, evaluation);
    const run = (sql: string, params: unknown[]): Promise<unknown> => em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
    let i = 0;
    for (const [criterionId, value] of points) {
      // An adjusted criterion the cell left unscored cannot happen: submission requires every criterion.
      await run('update meeting_evaluation_score set appraised_points = ?, appraisal_comment = ? where evaluation_id = ? and criterion_id = ?', [value, comments[i], evaluation.id, criterionId]);
      i += 1;
    }
    evaluation.state = EvaluationState.APPRAISED;
    evaluation.appraisedAt = new Date();
    evaluation.appraisedById = ctx.viewer.accountId;
    evaluation.appraisalComment = comment;
    await derive(em, evaluation, set);
    await em.flush();
    const snapshot = await recordStep(ctx, em, evaluation, EvaluationAction.APPRAISED, EvaluationState.SELF_ASSESSED, null);
    audit(ctx, em, 'appraiseMeetingEvaluation', target(evaluation), before, snapshot);
    return evaluation;
  });
}

/**
 * Reopens a step, with a reason kept in the history: an appraised evaluation goes back to
 * awaiting appraisal (by a superior only); a submitted one back to draft (returned by a superior,
 * or withdrawn by the cell). The earlier scores stay in the steps.
 */
export async function reopenMeetingEvaluation(ctx: RequestContext, input: { id: number; version: number; reason: string }): Promise<MeetingEvaluation> {
  const found = await loadForChange(ctx, input.id, input.version);
  if (found.state === EvaluationState.APPRAISED) await checkMayAppraise(ctx, found.unitPath);
  else if (!mayAppraiseFromAbove(ctx, found.unitPath)) checkMayPrepare(ctx, found.unitPath);
  if (found.state === EvaluationState.DRAFT) throw conflict('A draft is open already', { field: 'state' });
  const reason = requiredText(input.reason, 'input.reason', 2000);
  return ctx.em.transactional(async (em) => {
    const evaluation = await em.findOneOrFail(MeetingEvaluation, found.id);
    const before = await snapshotOf(em, evaluation);
    const from = evaluation.state;
    const set = await loadCriteriaSet(ctx, evaluation.criteriaSetId);
    if (from === EvaluationState.APPRAISED) {
      await em.getConnection().execute('update meeting_evaluation_score set appraised_points = null, appraisal_comment = null where evaluation_id = ?', [evaluation.id], 'run', em.getTransactionContext());
      evaluation.state = EvaluationState.SELF_ASSESSED;
      evaluation.appraisedAt = null;
      evaluation.appraisedById = null;
      evaluation.appraisalComment = null;
    } else {
      evaluation.state = EvaluationState.DRAFT;
      evaluation.submittedAt = null;
      evaluation.submittedById = null;
    }
    await derive(em, evaluation, set);
    await em.flush();
    const snapshot = await recordStep(ctx, em, evaluation, EvaluationAction.REOPENED, from, reason);
    audit(ctx, em, 'reopenMeetingEvaluation', target(evaluation), before, { ...snapshot, reason });
    return evaluation;
  });
}
