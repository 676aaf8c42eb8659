import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { EvaluationState, MeetingRating } from './evaluation-enums';
import { MeetingKind } from './meeting-enums';

/**
 * The quality evaluation of one held meeting (chấm điểm chất lượng sinh hoạt): the cell's
 * self-assessment adopted by vote, then the superior's appraisal (thẩm định). Scores live per
 * criterion in meeting_evaluation_score; the totals and ratings here are derived from them by
 * services/evaluations/scoring.ts at every write, so aggregates read one row per meeting.
 */
@Entity({ tableName: 'meeting_evaluation' })
export class MeetingEvaluation {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Property({ type: 'integer' })
  unitId!: number;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'integer' })
  meetingId!: number;

  @Enum({ items: () => MeetingKind, type: 'text' })
  meetingKind!: MeetingKind;

  @Property({ type: 'date' })
  heldOn!: string;

  @Property({ type: 'integer' })
  criteriaSetId!: number;

  @Enum({ items: () => EvaluationState, type: 'text' })
  state!: EvaluationState;

  @Property({ type: 'double', columnType: 'numeric(7,2)' })
  selfTotal!: number;

  @Enum({ items: () => MeetingRating, type: 'text' })
  selfRating!: MeetingRating;

  @Property({ type: 'double', columnType: 'numeric(7,2)', nullable: true })
  appraisedTotal?: number | null;

  @Enum({ items: () => MeetingRating, type: 'text', nullable: true })
  appraisedRating?: MeetingRating | null;

  @Property({ type: 'integer', nullable: true })
  votesFor?: number | null;

  @Property({ type: 'integer', nullable: true })
  votesAgainst?: number | null;

  @Property({ type: 'integer', nullable: true })
  votesAbstain?: number | null;

  @Property({ type: 'text', nullable: true })
  selfNote?: string | null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  submittedById?: number | null;

  @Property({ type: 'datetime', nullable: true })
  appraisedAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  appraisedById?: number | null;

  @Property({ type: 'text', nullable: true })
  appraisalComment?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
