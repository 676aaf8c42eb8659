import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { Meeting } from './meeting';
import { OrgUnit } from './org-unit';

/** A guest of a meeting, usually from the superior committee (đại biểu cấp trên dự). */
@Entity({ tableName: 'meeting_guest' })
export class MeetingGuest {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Meeting, { fieldName: 'meeting_id' })
  meeting!: Rel<Meeting>;

  @Property({ type: 'text' })
  fullName!: string;

  @Property({ type: 'text', nullable: true })
  position?: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'unit_id' })
  unit?: Rel<OrgUnit> | null;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'account_id' })
  account?: Rel<Account> | null;
}
