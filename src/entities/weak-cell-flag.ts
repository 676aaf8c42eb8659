import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A committee's decision that a cell is weak (chi bộ yếu kém) for a year or one quarter of it, with the reason. */
@Entity({ tableName: 'weak_cell_flag' })
export class WeakCellFlag {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Property({ type: 'integer' })
  unitId!: number;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'integer' })
  committeeId!: number;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer', nullable: true })
  quarter?: number | null;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text', nullable: true })
  decisionRef?: string | null;

  @Property({ type: 'integer', nullable: true })
  createdById?: number | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
