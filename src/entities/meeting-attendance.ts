import { Entity, Enum, ManyToOne, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { AttendanceStatus } from './meeting-enums';
import { Meeting } from './meeting';
import { Member } from './member';

/** One roster line of a held meeting: the cell's members on the meeting date, frozen then. */
@Entity({ tableName: 'meeting_attendance' })
export class MeetingAttendance {
  [PrimaryKeyProp]?: ['meeting', 'member'];

  @ManyToOne(() => Meeting, { primary: true, fieldName: 'meeting_id' })
  meeting!: Rel<Meeting>;

  @ManyToOne(() => Member, { primary: true, fieldName: 'member_id' })
  member!: Rel<Member>;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Property({ type: 'text' })
  unitPath!: string;

  @Enum({ items: () => AttendanceStatus, type: 'text' })
  status!: AttendanceStatus;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
