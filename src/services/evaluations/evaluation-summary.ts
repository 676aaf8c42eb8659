import { Permission } from '../../auth/permission';
import { GRADE_LEVELS, GradeSubjectKind, GradeLevel, MEETING_RATINGS, MeetingRating } from '../../entities/evaluation-enums';
import { badInput, forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql } from '../batched-page';
import { getOrgUnit } from '../tree/org-unit-queries';
import { round4 } from '../rounding';
import { validYear } from '../validate';
import { periodRating } from './scoring';
import { Indicator } from '../statistics/indicator-catalogue';
import { targetsInForce } from '../statistics/targets';

/** domain.md §7: over 90% of organisations and members rated "good" or better every year (Bình Lư to 2030); the default where a committee set no target. */
export const GOOD_OR_BETTER_TARGET = 0.9;

export interface EvaluationPeriod {
  readonly year: number;
  readonly quarter?: number | null;
  readonly month?: number | null;
}

export interface RatingCount {
  readonly rating: MeetingRating;
  readonly count: number;
}

export interface GradeCount {
  readonly subjectKind: GradeSubjectKind;
  readonly level: GradeLevel;
  readonly count: number;
}

/** A share against its target; null share when nothing was counted. */
export interface TargetShare {
  readonly counted: number;
  readonly achieved: number;
  readonly share: number | null;
  readonly target: number;
  /** share − target (negative: short of the target). */
  readonly gap: number | null;
}

export interface GradeShare extends TargetShare {
  readonly subjectKind: GradeSubjectKind;
}

export interface EvaluationSummaryView {
  readonly unitId: number;
  readonly period: EvaluationPeriod;
  readonly from: string;
  readonly to: string;
  readonly meetingRatings: readonly RatingCount[];
  readonly evaluatedMeetings: number;
  readonly appraisedMeetings: number;
  readonly awaitingAppraisal: number;
  readonly draftEvaluations: number;
  readonly heldWithoutEvaluation: number;
  readonly cellRatings: readonly RatingCount[];
  readonly cellsGoodOrBetter: TargetShare;
  readonly weakCellIds: readonly number[];
  readonly grades: readonly GradeCount[];
  readonly gradeShares: readonly GradeShare[];
  readonly fourGoodAssessed: number;
  readonly fourGoodAchieved: number;
}

export function targetShare(counted: number, achieved: number, target: number): TargetShare {
  const share = counted === 0 ? null : round4(achieved / counted);
  return { counted, achieved, share, target, gap: share === null ? null : round4(share - target) };
}

function periodRange(period: EvaluationPeriod): { from: string; to: string } {
  const year = validYear(period.year, 'period.year');
  const { quarter, month } = period;
  if (quarter !== null && quarter !== undefined && month !== null && month !== undefined) throw badInput('period.month', 'give a quarter or a month, not both');
  const pad = (n: number): string => String(n).padStart(2, '0');
  const lastDay = (m: number): number => new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (quarter !== null && quarter !== undefined) {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badInput('period.quarter', 'must be 1 to 4');
    return { from: `${year}-${pad(quarter * 3 - 2)}-01`, to: `${year}-${pad(quarter * 3)}-${lastDay(quarter * 3)}` };
  }
  if (month !== null && month !== undefined) {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw badInput('period.month', 'must be 1 to 12');
    return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${lastDay(month)}` };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Counts over a unit's subtree for a period: meeting ratings, cells' period ratings against the
 * 90% target, the weak cells, the year's annual grades and four-good results. No row about a person,
 * so aggregate-only roles get it too.
 */
export async function evaluationSummary(ctx: RequestContext, unitId: number, period: EvaluationPeriod): Promise<EvaluationSummaryView> {
  const unit = await getOrgUnit(ctx, unitId);
  const v = ctx.viewer;
  if (![Permission.STATISTICS_READ, Permission.MEETINGS_READ, Permission.GRADES_READ].some((p) => v.can(p, unit.path))) {
    throw forbidden("You may not read this unit's evaluations");
  }
  const { from, to } = periodRange(period);
  const conn = ctx.em.getConnection();
  const subtree = inSubtreeSql('e.unit_path', '?');
  const byRating = await conn.execute<Array<{ rating: MeetingRating | null; state: string; n: number }>>(
    `select case when e.state = 'DRAFT' then null else coalesce(e.appraised_rating, e.self_rating) end as rating, e.state, count(*)::int as n
       from meeting_evaluation e where ${subtree} and e.held_on between ? and ? group by 1, 2`,
    [unit.path, unit.path, from, to],
    'all',
  );
  const [held] = await conn.execute<Array<{ n: number }>>(
    `select count(*)::int as n from meeting m
      where ${inSubtreeSql('m.unit_path', '?')} and m.status = 'HELD' and m.kind in ('REGULAR','THEMATIC') and m.held_on between ? and ?
        and not exists (select 1 from meeting_evaluation e where e.meeting_id = m.id)`,
    [unit.path, unit.path, from, to],
    'all',
  );
  const scored = await conn.execute<Array<{ unit_id: number; total: string; max_total: string; good_min: string; fair_min: string; average_min: string }>>(
    `select e.unit_id, coalesce(e.appraised_total, e.self_total) as total, m.max_total, s.good_min, s.fair_min, s.average_min
       from meeting_evaluation e join criteria_set s on s.id = e.criteria_set_id
       join lateral (select sum(c.max_points) as max_total from criterion c where c.set_id = s.id) m on true
      where ${subtree} and e.held_on between ? and ? and e.state <> 'DRAFT' and e.meeting_kind = 'REGULAR'
      order by e.unit_id, e.held_on, e.id`,
    [unit.path, unit.path, from, to],
    'all',
  );
  // Readers of meetings only (members) count published grades: a decision is theirs once published.
  const decidedVisible = v.can(Permission.GRADES_READ, unit.path) || v.can(Permission.STATISTICS_READ, unit.path);
  const grades = await conn.execute<Array<{ subject_kind: GradeSubjectKind; level: GradeLevel; n: number }>>(
    `select e.subject_kind, e.decided_level as level, count(*)::int as n from annual_grade e
      where ${subtree} and e.year = ? and ${decidedVisible ? "e.state <> 'PROPOSED'" : "e.state = 'PUBLISHED'"} group by 1, 2`,
    [unit.path, unit.path, period.year],
    'all',
  );
  const [fourGood] = await conn.execute<Array<{ assessed: number; achieved: number }>>(
    `select count(*)::int as assessed, count(*) filter (where political_task and meeting_quality and unity_discipline and cadres_members)::int as achieved
       from four_good_assessment e where ${subtree} and e.year = ?`,
    [unit.path, unit.path, period.year],
    'all',
  );

  // A committee's own targets for the year (chỉ tiêu, issue #7) replace the 90% where it set them.
  const targets = await targetsInForce(ctx, unit, period.year);
  const targetOf = (indicator: Indicator): number => targets.get(indicator)?.value ?? GOOD_OR_BETTER_TARGET;
  const gradeIndicator: Partial<Record<GradeSubjectKind, Indicator>> = {
    [GradeSubjectKind.ORGANISATION]: Indicator.ORGANISATIONS_GOOD_OR_BETTER,
    [GradeSubjectKind.MEMBER]: Indicator.MEMBERS_GOOD_OR_BETTER,
  };

  const byCell = new Map<number, typeof scored>();
  for (const row of scored) byCell.set(row.unit_id, [...(byCell.get(row.unit_id) ?? []), row]);
  const cellRating = new Map<number, MeetingRating>();
  for (const [cellId, rows] of byCell) {
    const latest = rows[rows.length - 1];
    const result = periodRating(rows.map((r) => ({ total: Number(r.total), maxTotal: Number(r.max_total) })), {
      goodMin: Number(latest.good_min), fairMin: Number(latest.fair_min), averageMin: Number(latest.average_min), maxTotal: Number(latest.max_total),
    });
    if (result) cellRating.set(cellId, result.rating);
  }
  const countRatings = (ratings: Iterable<[MeetingRating | null, number]>): RatingCount[] => {
    const totals = new Map<MeetingRating, number>(MEETING_RATINGS.map((r) => [r, 0]));
    for (const [rating, n] of ratings) if (rating) totals.set(rating, (totals.get(rating) ?? 0) + n);
    return MEETING_RATINGS.map((rating) => ({ rating, count: totals.get(rating) ?? 0 }));
  };
  const stateCount = (state: string): number => byRating.filter((r) => r.state === state).reduce((sum, r) => sum + r.n, 0);
  const cells = [...cellRating.values()];
  const goodCells = cells.filter((r) => r === MeetingRating.GOOD).length;
  const gradeCount = (kind: GradeSubjectKind, level: GradeLevel): number => grades.find((g) => g.subject_kind === kind && g.level === level)?.n ?? 0;
  const kinds = Object.values(GradeSubjectKind);
  return {
    unitId: unit.id,
    period,
    from,
    to,
    meetingRatings: countRatings(byRating.map((r) => [r.rating, r.n])),
    evaluatedMeetings: stateCount('SELF_ASSESSED') + stateCount('APPRAISED'),
    appraisedMeetings: stateCount('APPRAISED'),
    awaitingAppraisal: stateCount('SELF_ASSESSED'),
    draftEvaluations: stateCount('DRAFT'),
    heldWithoutEvaluation: held.n,
    cellRatings: countRatings(cells.map((r) => [r, 1])),
    cellsGoodOrBetter: targetShare(cells.length, goodCells, targetOf(Indicator.CELLS_RATED_GOOD)),
    weakCellIds: [...cellRating].filter(([, r]) => r === MeetingRating.WEAK).map(([id]) => id).sort((a, b) => a - b),
    grades: kinds.flatMap((subjectKind) => GRADE_LEVELS.map((level) => ({ subjectKind, level, count: gradeCount(subjectKind, level) }))),
    gradeShares: kinds.map((subjectKind) => {
      const counted = GRADE_LEVELS.reduce((sum, level) => sum + gradeCount(subjectKind, level), 0);
      const good = gradeCount(subjectKind, GradeLevel.EXCELLENT) + gradeCount(subjectKind, GradeLevel.GOOD);
      const indicator = gradeIndicator[subjectKind];
      return { subjectKind, ...targetShare(counted, good, indicator === undefined ? GOOD_OR_BETTER_TARGET : targetOf(indicator)) };
    }),
    fourGoodAssessed: fourGood.assessed,
    fourGoodAchieved: fourGood.achieved,
  };
}
