import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { AmendedField } from './meeting-enums';
import { Meeting } from './meeting';

/** A correction of finalised minutes or resolution; the text before it stays readable. */
@Entity({ tableName: 'minutes_amendment' })
export class MinutesAmendment {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Meeting, { fieldName: 'meeting_id' })
  meeting!: Rel<Meeting>;

  @Enum({ items: () => AmendedField, type: 'text' })
  field!: AmendedField;

  @Property({ type: 'text', nullable: true })
  previousText?: string | null;

  @Property({ type: 'text' })
  newText!: string;

  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'author_id' })
  author?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
