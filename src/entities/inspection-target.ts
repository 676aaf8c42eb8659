import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Inspection } from './inspection';
import { Member } from './member';
import { OrgUnit } from './org-unit';

/** A target of an inspection (đối tượng kiểm tra): an organisation, or a member (then `unit` is the member's cell when added). */
@Entity({ tableName: 'inspection_target' })
export class InspectionTarget {
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
}
