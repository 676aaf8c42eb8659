import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { AccountKind } from './account';

/**
 * One row per successful mutation, written in the mutation's transaction. The chain columns
 * (chainKey, seq, previousHash, hash) are set by the database on insert (migration 3): whatever the
 * application puts there is overwritten, so they are never written from here.
 */
@Entity({ tableName: 'audit_entry' })
export class AuditEntry {
  [OptionalProps]?: 'at' | 'chainKey' | 'seq' | 'previousHash' | 'hash';

  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  @Property({ type: 'integer', nullable: true })
  accountId?: number | null;

  @Enum({ items: () => AccountKind, type: 'text', nullable: true })
  accountKind?: AccountKind | null;

  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  targetType!: string;

  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @Property({ type: 'text', nullable: true })
  unitPath?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;

  /** The province id of the chain, 0 for national entries. */
  @Property({ type: 'integer', nullable: true })
  chainKey?: number;

  /** Position in the chain, from 1, in commit order (bigint: text from the driver). */
  @Property({ type: 'bigint', nullable: true })
  seq?: string;

  @Property({ type: 'blob', nullable: true })
  previousHash?: Buffer | null;

  @Property({ type: 'blob', nullable: true })
  hash?: Buffer;
}
