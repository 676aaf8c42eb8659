/** Evaluation vocabulary (domain.md §4). */

/** Meeting-quality rating from score thresholds (xếp loại chất lượng sinh hoạt). */
export enum MeetingRating {
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  AVERAGE = 'AVERAGE',
  WEAK = 'WEAK',
}

/** Best first: the order ratings are listed and compared in. */
export const MEETING_RATINGS: readonly MeetingRating[] = [MeetingRating.GOOD, MeetingRating.FAIR, MeetingRating.AVERAGE, MeetingRating.WEAK];

export enum EvaluationState {
  DRAFT = 'DRAFT',
  SELF_ASSESSED = 'SELF_ASSESSED',
  APPRAISED = 'APPRAISED',
}

export enum EvaluationAction {
  CREATED = 'CREATED',
  SCORES_SAVED = 'SCORES_SAVED',
  SUBMITTED = 'SUBMITTED',
  APPRAISED = 'APPRAISED',
  REOPENED = 'REOPENED',
}

/** Annual grading levels (mức xếp loại). */
export enum GradeLevel {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}

export const GRADE_LEVELS: readonly GradeLevel[] = [GradeLevel.EXCELLENT, GradeLevel.GOOD, GradeLevel.COMPLETED, GradeLevel.NOT_COMPLETED];

export enum GradeSubjectKind {
  ORGANISATION = 'ORGANISATION',
  MEMBER = 'MEMBER',
  COMMITTEE_HEAD = 'COMMITTEE_HEAD',
}

export enum GradeState {
  PROPOSED = 'PROPOSED',
  DECIDED = 'DECIDED',
  PUBLISHED = 'PUBLISHED',
}
