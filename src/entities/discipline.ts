import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { DisciplineKind } from './inspection-enums';
import { Inspection } from './inspection';
import { Member } from './member';
import { OrgUnit } from './org-unit';

/**
 * A disciplinary outcome of an inspection (kỷ luật): of an organisation (`member` null; part of
 * the unit's history) or of a member (`unit` is the member's cell then; also a member event).
 */
@Entity({ tableName: 'discipline' })
export class Discipline {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Inspection, { fieldName: 'inspection_id' })
  inspection!: Rel<Inspection>;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  unitPath!: string;

  @ManyToOne(() => Member, { nullable: true, fieldName: 'member_id' })
  member?: Rel<Member> | null;

  @Enum({ items: () => DisciplineKind, type: 'text' })
  kind!: DisciplineKind;

  @Property({ type: 'date' })
  decidedOn!: string;

  @Property({ type: 'text' })
  decisionRef!: string;

  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'author_id' })
  author?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
