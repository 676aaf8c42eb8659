import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { AssigneeKind, FrequencyPer } from './supervision-enums';

/**
 * A committee's assignment of a person (an account) to attend, monitor and guide a cell's meetings
 * (phân công dự, theo dõi, hướng dẫn sinh hoạt chi bộ) from `startsOn` to `endsOn`, both inclusive,
 * with a required frequency. No two assignments of one account to one cell overlap (an exclusion constraint).
 */
@Entity({ tableName: 'supervisory_assignment' })
export class SupervisoryAssignment {
  [OptionalProps]?: 'version' | 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Property({ type: 'integer' })
  committeeId!: number;

  @Property({ type: 'text' })
  committeePath!: string;

  @Property({ type: 'integer' })
  unitId!: number;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'integer' })
  accountId!: number;

  @Enum({ items: () => AssigneeKind, type: 'text' })
  assigneeKind!: AssigneeKind;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @Property({ type: 'integer' })
  requiredAttendances!: number;

  @Enum({ items: () => FrequencyPer, type: 'text' })
  per!: FrequencyPer;

  @Property({ type: 'text', nullable: true })
  decisionRef?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'integer', nullable: true })
  createdById?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;
}
