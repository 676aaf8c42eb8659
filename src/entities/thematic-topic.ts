import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A thematic-meeting topic (chủ đề sinh hoạt chuyên đề); shared when it has no province. */
@Entity({ tableName: 'thematic_topic' })
export class ThematicTopic {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  sortOrder!: number;

  @Property({ type: 'boolean' })
  active!: boolean;
}
