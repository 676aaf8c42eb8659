import { Field, Int, ObjectType } from 'type-graphql';
import { MemberEventKind, MembershipKind, RemovalKind, TransferState } from '../../entities/member-lifecycle-enums';
import { DisciplineKind } from '../../entities/inspection-enums';
import '../inspection-enums';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime, LocalDate } from '../scalars';

@ObjectType('MemberEvent', { description: "One dated event of a member's history; never changed once recorded (sự kiện)." })
export class MemberEventType {
  @Field(() => MemberEventKind, { description: 'What happened.' })
  kind!: MemberEventKind;

  @Field(() => LocalDate, { description: 'When it happened (ngày).' })
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: 'Reference of the decision or document (số quyết định).' })
  decisionRef!: string | null;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why: extension, failed probation, exemption, removal, expulsion, cancelled transfer (lý do).' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Recognition before the end of probation: the documented exception.' })
  exceptionReason!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Extension: the new end of probation.' })
  probationEndsOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Exemption: first exempt day.' })
  exemptFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Exemption: last exempt day; null when open-ended.' })
  exemptTo!: string | null;

  @Field(() => RemovalKind, { nullable: true, description: 'Removal: struck off or put out.' })
  removalKind!: RemovalKind | null;

  @Field(() => MembershipKind, { nullable: true, description: 'Transfer events: official or temporary.' })
  transferKind!: MembershipKind | null;

  @Field(() => DisciplineKind, { nullable: true, description: 'Discipline after an inspection (DISCIPLINED, EXPELLED): the measure (hình thức kỷ luật).' })
  disciplineKind!: DisciplineKind | null;
}

@ObjectType('Membership', { description: 'A period in a cell, official or temporary: who was a member of which cell on which date (thời gian sinh hoạt).' })
export class MembershipType {
  @Field(() => MembershipKind, { description: 'Official membership or temporary attachment.' })
  kind!: MembershipKind;

  @Field(() => LocalDate, { description: 'First day in the cell.' })
  startedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day it ended (no longer in the cell that day); null while it runs.' })
  endedOn!: string | null;
}

@ObjectType('MemberExemption', { description: 'A period of exemption from work and meetings; the member stays a member, marked exempt on rosters (miễn công tác và sinh hoạt đảng).' })
export class MemberExemptionType {
  @Field(() => LocalDate, { description: 'First exempt day (từ ngày).' })
  from!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last exempt day (đến ngày); null while open-ended.' })
  to!: string | null;

  @Field({ description: 'Why: age, health (lý do).' })
  reason!: string;
}

@ObjectType('MemberTransfer', {
  implements: Node,
  description: 'A transfer of party membership between cells, sent by the old side and received by the new one; readable by both sides and the member (chuyển sinh hoạt đảng).',
})
export class MemberTransferType extends Node {
  @Field(() => MembershipKind, { description: 'Official transfer or temporary attachment (chính thức / tạm thời).' })
  kind!: MembershipKind;

  @Field(() => TransferState, { description: 'Sent, received or cancelled.' })
  state!: TransferState;

  @Field(() => LocalDate, { description: 'When the old cell sent it (ngày giới thiệu).' })
  sentOn!: string;

  @Field({ description: 'Reference of the letter of introduction (số giấy giới thiệu).' })
  sentDecisionRef!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Temporary: the last day of the attachment, if known.' })
  temporaryTo!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the new cell received the member (ngày tiếp nhận).' })
  receivedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the receipt, if any.' })
  receivedDecisionRef!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was called off.' })
  cancelledOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was called off (lý do hủy).' })
  cancelReason!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back to receive or cancel (phiên bản).' })
  version!: number;

  @Field(() => DateTime, { description: 'When the transfer was recorded.' })
  createdAt!: Date;
}

export const MemberTransferConnection = connectionTypes('MemberTransfer', MemberTransferType, 'chuyển sinh hoạt đảng');
