import { Entity, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Member } from './member';
import { OrgUnit } from './org-unit';

export enum AccountKind {
  PERSON = 'PERSON',
  SERVICE = 'SERVICE',
}

/**
 * A login (person) or an integration (service account, authenticated by API keys).
 * `homeUnit` is where the account is managed from: only admins over it may see or grant to it.
 */
@Entity({ tableName: 'account' })
export class Account {
  [OptionalProps]?: 'active' | 'tokenGeneration' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Enum({ items: () => AccountKind, type: 'text' })
  kind!: AccountKind;

  @Property({ type: 'text', nullable: true })
  username?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  passwordHash?: string | null;

  @Property({ type: 'text' })
  displayName!: string;

  @ManyToOne(() => Member, { nullable: true, fieldName: 'member_id' })
  member?: Rel<Member> | null;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'home_unit_id' })
  homeUnit?: Rel<OrgUnit> | null;

  @Property({ type: 'text', nullable: true })
  homeUnitPath?: string | null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date | null;

  /** Moves on when the account's access tokens must die at once (logout, refresh-token reuse). */
  @Property({ type: 'integer' })
  tokenGeneration: number = 0;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
