import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Member } from './member';
import { MemberEvent } from './member-event';
import { MembershipKind } from './member-lifecycle-enums';
import { OrgUnit } from './org-unit';

/**
 * A period in a cell: the one source of truth for "member of this cell on this date", written only
 * by the event service. Half-open: in the cell on `startedOn <= d < endedOn`; `endedOn` is the day
 * of the event that ended it (the receipt by the next cell, the death, the removal).
 */
@Entity({ tableName: 'membership' })
export class Membership {
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

  @Enum({ items: () => MembershipKind, type: 'text' })
  kind!: MembershipKind;

  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @ManyToOne(() => MemberEvent, { fieldName: 'started_by_event_id' })
  startedBy!: Rel<MemberEvent>;

  @ManyToOne(() => MemberEvent, { nullable: true, fieldName: 'ended_by_event_id' })
  endedBy?: Rel<MemberEvent> | null;
}
