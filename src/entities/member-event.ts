import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Account } from './account';
import { Member } from './member';
import { MemberEventKind, MembershipKind, RemovalKind } from './member-lifecycle-enums';
import { MemberTransfer } from './member-transfer';
import { OrgUnit } from './org-unit';

/** What an event records beyond its kind, date and decision; each kind uses a few of these. */
export interface MemberEventDetails {
  /** Why: extension, failed probation, exemption, removal, expulsion, cancelled transfer. */
  readonly reason?: string;
  /** The documented exception that allowed recognition before 12 months of probation. */
  readonly exceptionReason?: string;
  /** PROBATION_EXTENDED: the new end of probation. */
  readonly probationEndsOn?: string;
  /** EXEMPTED: the period, `to` inclusive or open. */
  readonly exemptFrom?: string;
  readonly exemptTo?: string | null;
  readonly removalKind?: RemovalKind;
  /** TRANSFER_*: official membership or a temporary attachment. */
  readonly transferKind?: MembershipKind;
  /** REORGANISED: the cell merged or split away, and its successor. */
  readonly fromUnitId?: number;
  readonly toUnitId?: number;
  /** DISCIPLINED, EXPELLED after an inspection: the discipline (kỷ luật) and its inspection. */
  readonly disciplineKind?: string;
  readonly inspectionId?: number;
  /** Rows written by a seed or the migration rather than a caller. */
  readonly source?: 'ONBOARDING' | 'BACKFILL';
}

/**
 * One dated fact of a member's history (append-only; the database refuses updates and deletes).
 * `unit` is where the member stood for this event: the old cell for a sent transfer, the new one
 * for a received transfer.
 */
@Entity({ tableName: 'member_event' })
export class MemberEvent {
  [OptionalProps]?: 'createdAt' | 'details';

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

  @Enum({ items: () => MemberEventKind, type: 'text' })
  kind!: MemberEventKind;

  @Property({ type: 'date' })
  occurredOn!: string;

  @Property({ type: 'text', nullable: true })
  decisionRef?: string | null;

  @Property({ type: 'json' })
  details: MemberEventDetails = {};

  @ManyToOne(() => MemberTransfer, { nullable: true, fieldName: 'transfer_id' })
  transfer?: Rel<MemberTransfer> | null;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'author_id' })
  author?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
