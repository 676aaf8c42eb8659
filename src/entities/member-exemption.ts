import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Member } from './member';
import { MemberEvent } from './member-event';

/**
 * Exemption from work and meetings (miễn công tác và sinh hoạt đảng), for age or health. The member
 * stays official and on the roster, marked exempt. Half-open like memberships: `endedOn` is the
 * first day no longer exempt (the given last day + 1), null while open-ended.
 */
@Entity({ tableName: 'member_exemption' })
export class MemberExemption {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => Member, { fieldName: 'member_id' })
  member!: Rel<Member>;

  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => MemberEvent, { fieldName: 'started_by_event_id' })
  startedBy!: Rel<MemberEvent>;

  @ManyToOne(() => MemberEvent, { nullable: true, fieldName: 'ended_by_event_id' })
  endedBy?: Rel<MemberEvent> | null;
}
