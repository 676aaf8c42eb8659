import { Entity, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { Member } from './member';
import { OrgUnit } from './org-unit';
import { PositionKind } from './member-enums';

/**
 * A role a member holds in a unit (bí thư, phó bí thư …) or a concurrent outside post, dated.
 * `endedOn` is inclusive: the post is held from `startedOn` through `endedOn`. Ended rows stay as history.
 */
@Entity({ tableName: 'member_position' })
export class MemberPosition {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt';

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

  @Enum({ items: () => PositionKind, type: 'text' })
  position!: PositionKind;

  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  /** The decision that assigned the post (số quyết định); null on rows that predate the API. */
  @Property({ type: 'text', nullable: true })
  decisionRef?: string | null;

  @Property({ type: 'text', nullable: true })
  endDecisionRef?: string | null;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'author_id' })
  author?: Rel<Account> | null;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'ended_by_id' })
  endedBy?: Rel<Account> | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
