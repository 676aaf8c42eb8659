import { Entity, OptionalProps, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';

/** An API key of a service account: only a hash of the secret is kept; the key is shown once. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Account, { fieldName: 'account_id' })
  account!: Rel<Account>;

  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'text', hidden: true })
  secretHash!: string;

  @Property({ type: 'text' })
  label!: string;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'created_by_id' })
  createdBy?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
