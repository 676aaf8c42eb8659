import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { Meeting } from './meeting';
import { MeetingTask } from './meeting-task';
import { TaskStatus } from './meeting-enums';

/** A member's report on a task, usually at a later meeting; reports are kept, never edited. */
@Entity({ tableName: 'task_report' })
export class TaskReport {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MeetingTask, { fieldName: 'task_id' })
  task!: Rel<MeetingTask>;

  @ManyToOne(() => Meeting, { nullable: true, fieldName: 'meeting_id' })
  meeting?: Rel<Meeting> | null;

  @Property({ type: 'text' })
  report!: string;

  @Enum({ items: () => TaskStatus, type: 'text' })
  status!: TaskStatus;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'author_id' })
  author?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
