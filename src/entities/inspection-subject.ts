import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One subject inspections may cover (nội dung kiểm tra): national (no province) or a province's own. */
@Entity({ tableName: 'inspection_subject' })
export class InspectionSubject {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  sort!: number;
}
