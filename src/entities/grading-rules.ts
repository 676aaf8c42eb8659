import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A province's constraints on annual grading, checked at decision time; the row without a province is the default. */
@Entity({ tableName: 'grading_rules' })
export class GradingRules {
  [OptionalProps]?: 'version' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  /** Cap on EXCELLENT among those graded GOOD or better, per group; null: no cap. */
  @Property({ type: 'double', columnType: 'numeric(5,4)', nullable: true })
  excellentMaxShareOfGood?: number | null;

  /** An organisation with a month whose meetings were rated WEAK cannot be graded EXCELLENT. */
  @Property({ type: 'boolean' })
  excellentRequiresNoWeakMonth!: boolean;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
