import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { OrgUnit } from './org-unit';

/**
 * A target (chỉ tiêu) a committee set for one indicator and year. Every change is a new version;
 * the one it replaces keeps its value with `supersededAt` set, so history is never overwritten.
 */
@Entity({ tableName: 'statistic_target' })
export class StatisticTarget {
  [OptionalProps]?: 'setAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'text' })
  indicator!: string;

  /** null: the target was removed in this version. */
  @Property({ type: 'decimal', precision: 14, scale: 4, nullable: true })
  value?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'integer' })
  version!: number;

  @ManyToOne(() => Account, { fieldName: 'set_by_id', nullable: true })
  setBy?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  setAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  supersededAt?: Date | null;
}
