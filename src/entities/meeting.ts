import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { Member } from './member';
import { MeetingFormat, MeetingKind, MeetingStatus, MinutesStatus } from './meeting-enums';
import { OrgUnit } from './org-unit';

/** Một buổi sinh hoạt: planned, then held (or cancelled, never deleted). `heldOn` is the Vietnam date of `heldAt`. */
@Entity({ tableName: 'meeting' })
export class Meeting {
  [OptionalProps]?: 'agenda' | 'minutesStatus' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  unitPath!: string;

  @Enum({ items: () => MeetingKind, type: 'text' })
  kind!: MeetingKind;

  @Enum({ items: () => MeetingFormat, type: 'text' })
  format!: MeetingFormat;

  @Enum({ items: () => MeetingStatus, type: 'text' })
  status!: MeetingStatus;

  @Property({ type: 'datetime' })
  scheduledAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  heldAt?: Date | null;

  @Property({ type: 'date', nullable: true })
  heldOn?: string | null;

  @Property({ type: 'text', nullable: true })
  place?: string | null;

  @Property({ type: 'text', nullable: true })
  onlineLink?: string | null;

  @ManyToOne(() => Member, { nullable: true, fieldName: 'chair_id' })
  chair?: Rel<Member> | null;

  @ManyToOne(() => Member, { nullable: true, fieldName: 'minutes_taker_id' })
  minutesTaker?: Rel<Member> | null;

  @Property({ type: 'json' })
  agenda: string[] = [];

  @Property({ type: 'text', nullable: true })
  content?: string | null;

  @Property({ type: 'integer', nullable: true })
  durationMinutes?: number | null;

  @Property({ type: 'text', nullable: true })
  minutes?: string | null;

  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Enum({ items: () => MinutesStatus, type: 'text' })
  minutesStatus: MinutesStatus = MinutesStatus.DRAFT;

  @Property({ type: 'datetime', nullable: true })
  minutesFinalisedAt?: Date | null;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'minutes_finalised_by_id' })
  minutesFinalisedBy?: Rel<Account> | null;

  @Property({ type: 'text', nullable: true })
  offPlanReason?: string | null;

  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
