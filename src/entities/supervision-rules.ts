import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { FrequencyPer } from './supervision-enums';

/** A province's supervision frequency rules; the row without a province is the default (domain.md §5). */
@Entity({ tableName: 'supervision_rules' })
export class SupervisionRules {
  [OptionalProps]?: 'version' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @Property({ type: 'integer' })
  executiveAttendances!: number;

  @Enum({ items: () => FrequencyPer, type: 'text' })
  executivePer!: FrequencyPer;

  @Property({ type: 'integer' })
  standingAttendances!: number;

  @Enum({ items: () => FrequencyPer, type: 'text' })
  standingPer!: FrequencyPer;

  /** Standing-committee members are to attend weak or difficult cells. */
  @Property({ type: 'boolean' })
  standingWeakCells!: boolean;

  @Property({ type: 'integer' })
  staffAttendances!: number;

  @Enum({ items: () => FrequencyPer, type: 'text' })
  staffPer!: FrequencyPer;

  /** Nobody may be assigned to the cell they belong to. */
  @Property({ type: 'boolean' })
  forbidOwnCell!: boolean;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
