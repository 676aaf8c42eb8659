import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { FindingKind, FindingSeverity } from './inspection-enums';
import { Inspection } from './inspection';

/** A record looked at: a meeting (with its minutes) or a meeting evaluation. */
export interface RecordRef {
  readonly type: 'Meeting' | 'MeetingEvaluation';
  readonly id: number;
}

/** A finding of an inspection (kết quả kiểm tra): a strength, shortcoming or violation. */
@Entity({ tableName: 'inspection_finding' })
export class InspectionFinding {
  [OptionalProps]?: 'createdAt' | 'records';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Inspection, { fieldName: 'inspection_id' })
  inspection!: Rel<Inspection>;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Enum({ items: () => FindingKind, type: 'text' })
  kind!: FindingKind;

  @Enum({ items: () => FindingSeverity, type: 'text' })
  severity!: FindingSeverity;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'json' })
  records: RecordRef[] = [];

  @ManyToOne(() => Account, { nullable: true, fieldName: 'author_id' })
  author?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
