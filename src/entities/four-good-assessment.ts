import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A year's "four-good" assessment (chi bộ / đảng bộ cơ sở bốn tốt) of a cell or grassroots committee. */
@Entity({ tableName: 'four_good_assessment' })
export class FourGoodAssessment {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Property({ type: 'integer' })
  unitId!: number;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'boolean' })
  politicalTask!: boolean;

  @Property({ type: 'boolean' })
  meetingQuality!: boolean;

  @Property({ type: 'boolean' })
  unityDiscipline!: boolean;

  @Property({ type: 'boolean' })
  cadresMembers!: boolean;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'text', nullable: true })
  decisionRef?: string | null;

  @Property({ type: 'integer', nullable: true })
  assessedById?: number | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
