import { GRADE_LEVELS, GradeLevel, GradeSubjectKind, MEETING_RATINGS, MeetingRating } from '../../../entities/evaluation-enums';
import type { RequestContext } from '../../../request-context';
import { GRADE_LABELS, RATING_LABELS } from '../labels';
import { StatisticsGrain } from '../period';
import { rows, total, type StatisticsSubject } from '../statistics-subject';

export interface RatingCount {
  readonly rating: MeetingRating;
  readonly label: string;
  readonly count: number;
}

export interface GradeCount {
  readonly subjectKind: GradeSubjectKind;
  readonly level: GradeLevel;
  readonly label: string;
  readonly count: number;
}

/** Meeting-quality evaluations of the period, cells' ratings for it, and the annual grades and four-good results of its years. */
export interface EvaluationStatisticsView {
  readonly meetingRatings: readonly RatingCount[];
  readonly evaluatedMeetings: number;
  readonly appraisedMeetings: number;
  readonly awaitingAppraisal: number;
  readonly draftEvaluations: number;
  readonly heldWithoutEvaluation: number;
  /** Units rated for the period (a month, quarter or year); null for other ranges. */
  readonly cellRatings: readonly RatingCount[] | null;
  readonly grades: readonly GradeCount[];
  readonly fourGoodAssessed: number;
  readonly fourGoodAchieved: number;
}

export async function evaluationStatistics(ctx: RequestContext, s: StatisticsSubject): Promise<EvaluationStatisticsView> {
  const [ratings, cells, gaps, grades, fourGood] = await Promise.all([
    rows(ctx, s, 'MEETING_RATINGS'),
    rows(ctx, s, 'CELL_RATINGS'),
    rows(ctx, s, 'EVALUATION_GAPS'),
    rows(ctx, s, 'GRADES'),
    rows(ctx, s, 'FOUR_GOOD'),
  ]);
  const grain = s.period.grain === StatisticsGrain.RANGE ? null : s.period.grain;
  return {
    meetingRatings: MEETING_RATINGS.map((rating) => ({ rating, label: RATING_LABELS[rating], count: total(ratings, (r) => r.k1 === rating) })),
    evaluatedMeetings: total(ratings, (r) => r.k2 !== 'DRAFT'),
    appraisedMeetings: total(ratings, (r) => r.k2 === 'APPRAISED'),
    awaitingAppraisal: total(ratings, (r) => r.k2 === 'SELF_ASSESSED'),
    draftEvaluations: total(ratings, (r) => r.k2 === 'DRAFT'),
    heldWithoutEvaluation: total(gaps),
    cellRatings: grain === null ? null : MEETING_RATINGS.map((rating) => ({ rating, label: RATING_LABELS[rating], count: total(cells, (r) => r.k1 === grain && r.k2 === rating) })),
    grades: Object.values(GradeSubjectKind).flatMap((subjectKind) => GRADE_LEVELS.map((level) => ({ subjectKind, level, label: GRADE_LABELS[level], count: total(grades, (r) => r.k1 === subjectKind && r.k2 === level) }))),
    fourGoodAssessed: total(fourGood),
    fourGoodAchieved: total(fourGood, (r) => r.k1 === 'ACHIEVED'),
  };
}
