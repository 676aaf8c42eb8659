import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { GradeLevel, GradeState, GradeSubjectKind } from './evaluation-enums';

/**
 * One year's grading (đánh giá, xếp loại) of an organisation, a member or a committee head:
 * proposed (self-assessment or proposal), decided by the superior committee, then published (công khai).
 * `unitId` is the organisation graded, the member's cell, or the committee the head leads.
 */
@Entity({ tableName: 'annual_grade' })
export class AnnualGrade {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'proposedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => GradeSubjectKind, type: 'text' })
  subjectKind!: GradeSubjectKind;

  @Property({ type: 'integer' })
  unitId!: number;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'integer', nullable: true })
  memberId?: number | null;

  @Enum({ items: () => GradeState, type: 'text' })
  state!: GradeState;

  @Enum({ items: () => GradeLevel, type: 'text' })
  proposedLevel!: GradeLevel;

  @Property({ type: 'text', nullable: true })
  proposalNote?: string | null;

  @Property({ type: 'integer', nullable: true })
  proposedById?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  proposedAt: Date = new Date();

  @Enum({ items: () => GradeLevel, type: 'text', nullable: true })
  decidedLevel?: GradeLevel | null;

  @Property({ type: 'text', nullable: true })
  decisionRef?: string | null;

  @Property({ type: 'text', nullable: true })
  decisionNote?: string | null;

  @Property({ type: 'integer', nullable: true })
  decidedById?: number | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  publishedById?: number | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
