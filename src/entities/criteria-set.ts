import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A version of a province's scoring regulation (quy định chấm điểm chất lượng sinh hoạt chi bộ),
 * in force from `effectiveFrom` until the province's next version starts. Never changed once
 * created, so past scores keep the version they were made under. Without a province: the sample default.
 */
@Entity({ tableName: 'criteria_set' })
export class CriteriaSet {
  [OptionalProps]?: 'isSample' | 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Property({ type: 'boolean' })
  isSample: boolean = false;

  /** Lowest total rated GOOD (Tốt); numeric columns read as numbers. */
  @Property({ type: 'double', columnType: 'numeric(6,2)' })
  goodMin!: number;

  @Property({ type: 'double', columnType: 'numeric(6,2)' })
  fairMin!: number;

  @Property({ type: 'double', columnType: 'numeric(6,2)' })
  averageMin!: number;

  @Property({ type: 'integer', nullable: true })
  createdById?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
