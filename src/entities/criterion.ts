import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One scoring criterion (tiêu chí) of a criteria set, within a group, with its maximum points. */
@Entity({ tableName: 'criterion' })
export class Criterion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  setId!: number;

  @Property({ type: 'text' })
  groupName!: string;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'double', columnType: 'numeric(6,2)' })
  maxPoints!: number;

  @Property({ type: 'integer' })
  sortOrder!: number;
}
