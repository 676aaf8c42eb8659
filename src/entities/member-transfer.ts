import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Member } from './member';
import { MembershipKind, TransferState } from './member-lifecycle-enums';
import { OrgUnit } from './org-unit';

/**
 * A transfer of party membership (chuyển sinh hoạt đảng) as a two-step handover: sent by the old
 * cell's side, received by the new one. While SENT the member still belongs to the old cell; at
 * most one transfer per member is in flight (a unique partial index).
 */
@Entity({ tableName: 'member_transfer' })
export class MemberTransfer {
  [OptionalProps]?: 'state' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Member, { fieldName: 'member_id' })
  member!: Rel<Member>;

  @Enum({ items: () => MembershipKind, type: 'text' })
  kind!: MembershipKind;

  @Enum({ items: () => TransferState, type: 'text' })
  state: TransferState = TransferState.SENT;

  @Property({ type: 'integer' })
  fromProvinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'from_unit_id' })
  fromUnit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  fromUnitPath!: string;

  @Property({ type: 'integer' })
  toProvinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'to_unit_id' })
  toUnit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  toUnitPath!: string;

  @Property({ type: 'date' })
  sentOn!: string;

  @Property({ type: 'text' })
  sentDecisionRef!: string;

  /** TEMPORARY: the last day of the attachment, if known (inclusive, as on the letter). */
  @Property({ type: 'date', nullable: true })
  temporaryTo?: string | null;

  @Property({ type: 'date', nullable: true })
  receivedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  receivedDecisionRef?: string | null;

  @Property({ type: 'date', nullable: true })
  cancelledOn?: string | null;

  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
