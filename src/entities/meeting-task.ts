import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Meeting } from './meeting';
import { TaskStatus } from './meeting-enums';
import { Member } from './member';

/** A task a meeting assigned to a member (owner, deadline); progress comes as task reports. */
@Entity({ tableName: 'meeting_task' })
export class MeetingTask {
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @Property({ type: 'text' })
  unitPath!: string;

  @ManyToOne(() => Meeting, { fieldName: 'meeting_id' })
  meeting!: Rel<Meeting>;

  @ManyToOne(() => Member, { fieldName: 'owner_id' })
  owner!: Rel<Member>;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'date', nullable: true })
  deadline?: string | null;

  @Enum({ items: () => TaskStatus, type: 'text' })
  status: TaskStatus = TaskStatus.OPEN;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
