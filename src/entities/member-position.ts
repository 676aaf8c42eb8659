import { Entity, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Member } from './member';
import { OrgUnit } from './org-unit';
import { PositionKind } from './member-enums';

/** A role a member holds in a unit (bí thư, phó bí thư …) or a concurrent outside post, dated. */
@Entity({ tableName: 'member_position' })
export class MemberPosition {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => Member, { fieldName: 'member_id' })
  member!: Rel<Member>;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  unitPath!: string;

  @Enum({ items: () => PositionKind, type: 'text' })
  position!: PositionKind;

  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
