import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A province's meeting rules (quy định sinh hoạt); the row without a province is the default. */
@Entity({ tableName: 'meeting_rules' })
export class MeetingRules {
  [OptionalProps]?: 'version' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @Property({ type: 'integer' })
  regularDay!: number;

  @Property({ type: 'integer' })
  windowFirstDay!: number;

  @Property({ type: 'integer' })
  windowLastDay!: number;

  @Property({ type: 'integer' })
  thematicPerQuarter!: number;

  /** A share (0.85), stored as numeric: read as a number. */
  @Property({ type: 'double', columnType: 'numeric(5,4)' })
  attendanceThreshold!: number;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
