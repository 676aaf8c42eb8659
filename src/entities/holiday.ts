import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A public holiday (ngày nghỉ lễ); national when it has no province. Maintained by administrators. */
@Entity({ tableName: 'holiday' })
export class Holiday {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
