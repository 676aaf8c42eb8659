import { Field, ID, InputType, Int } from 'type-graphql';
import { MembershipKind, RemovalKind, TransferState } from '../../entities/member-lifecycle-enums';
import { TransferDirection } from '../../services/members/transfer-queries';
import { LocalDate } from '../scalars';

/** Fields of every event on a member; decorated so that type-graphql copies them into each input (it emits no type of its own while unused). */
@InputType('MemberEventBaseInput')
abstract class MemberEventBaseInput {
  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field(() => Int, { description: "The member's version you read; a stale version is a CONFLICT." })
  version!: number;

  @Field(() => LocalDate, { description: "Date of the event (ngày), not in the future, not before the admission, not before the member joined the current cell." })
  occurredOn!: string;
}

@InputType({ description: 'Recognition as an official member at the end of probation (công nhận đảng viên chính thức).' })
export class RecognizeOfficialMemberInput extends MemberEventBaseInput {
  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field(() => String, { nullable: true, description: 'The documented exception that allows recognition before probation ends (12 months after admission, or the extended end); required then.' })
  exceptionReason?: string | null;
}

@InputType({ description: 'Extension of probation to a later end (kéo dài thời gian dự bị).' })
export class ExtendProbationInput extends MemberEventBaseInput {
  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field(() => LocalDate, { description: 'The new end of probation, after the current one.' })
  probationEndsOn!: string;

  @Field({ description: 'Why (lý do).' })
  reason!: string;
}

@InputType({ description: 'Removal at the end of probation instead of recognition (xóa tên đảng viên dự bị).' })
export class EndProbationWithRemovalInput extends MemberEventBaseInput {
  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field({ description: 'Why (lý do).' })
  reason!: string;
}

@InputType({ description: 'Sending a member to another cell (giới thiệu chuyển sinh hoạt đảng): the first step of a transfer.' })
export class SendMemberTransferInput extends MemberEventBaseInput {
  @Field(() => ID, { description: 'The receiving cell; it must be visible to you (NOT_FOUND otherwise).' })
  toUnitId!: string;

  @Field(() => MembershipKind, { description: 'Official transfer, or temporary attachment (chính thức / tạm thời).' })
  kind!: MembershipKind;

  @Field({ description: 'Reference of the letter of introduction (số giấy giới thiệu).' })
  decisionRef!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Temporary only: the last day of the attachment, if known.' })
  temporaryTo?: string | null;
}

/** Fields of a step on a transfer in flight. */
@InputType('MemberTransferStepInput')
abstract class MemberTransferStepInput {
  @Field(() => ID, { description: 'The transfer.' })
  transferId!: string;

  @Field(() => Int, { description: "The transfer's version you read; a stale version is a CONFLICT." })
  version!: number;

  @Field(() => LocalDate, { description: 'Date of the step, not before the transfer was sent and not in the future.' })
  occurredOn!: string;
}

@InputType({ description: 'Receipt of a member by the new cell (tiếp nhận sinh hoạt đảng): the membership moves on this date.' })
export class ReceiveMemberTransferInput extends MemberTransferStepInput {
  @Field(() => String, { nullable: true, description: 'Reference of the receipt, if any (số quyết định tiếp nhận).' })
  decisionRef?: string | null;
}

@InputType({ description: 'Calling off a transfer in flight, by either side (hủy chuyển sinh hoạt đảng).' })
export class CancelMemberTransferInput extends MemberTransferStepInput {
  @Field({ description: 'Why (lý do).' })
  reason!: string;
}

@InputType({ description: 'End of a temporary attachment to another cell (kết thúc sinh hoạt tạm thời).' })
export class EndTemporaryMembershipInput extends MemberEventBaseInput {
  @Field(() => String, { nullable: true, description: 'Reference of the decision, if any (số quyết định).' })
  decisionRef?: string | null;
}

@InputType({ description: 'Exemption from work and meetings for age or health (miễn công tác và sinh hoạt đảng).' })
export class ExemptMemberInput extends MemberEventBaseInput {
  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field(() => LocalDate, { description: 'First exempt day (từ ngày).' })
  from!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last exempt day (đến ngày), not before `from`; open-ended when null.' })
  to?: string | null;

  @Field({ description: 'Why: age, health (lý do).' })
  reason!: string;
}

@InputType({ description: 'End of an exemption: the member works and meets again from occurredOn (thôi miễn sinh hoạt).' })
export class EndExemptionInput extends MemberEventBaseInput {
  @Field(() => String, { nullable: true, description: 'Reference of the decision, if any (số quyết định).' })
  decisionRef?: string | null;
}

@InputType({ description: 'Removal from the party that is not discipline (xóa tên, đưa ra khỏi Đảng).' })
export class RemoveMemberInput extends MemberEventBaseInput {
  @Field(() => RemovalKind, { description: 'Struck off the roll, or put out of the party.' })
  kind!: RemovalKind;

  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field({ description: 'Why (lý do).' })
  reason!: string;
}

@InputType({ description: 'Expulsion as discipline (khai trừ).' })
export class ExpelMemberInput extends MemberEventBaseInput {
  @Field({ description: 'Reference of the disciplinary decision (số quyết định kỷ luật).' })
  decisionRef!: string;

  @Field({ description: 'The violation (lý do).' })
  reason!: string;
}

@InputType({ description: 'Death of a member (đảng viên từ trần).' })
export class RecordMemberDeathInput extends MemberEventBaseInput {
  @Field(() => String, { nullable: true, description: 'Reference of a document, e.g. the death certificate, if any.' })
  decisionRef?: string | null;
}

@InputType({ description: 'Filter for transfers (lọc chuyển sinh hoạt đảng).' })
export class MemberTransferFilterInput {
  @Field(() => ID, { nullable: true, description: "Only transfers into or out of this unit's subtree; every transfer you may read when omitted." })
  unitId?: string | null;

  @Field(() => TransferDirection, { nullable: true, description: 'Only incoming or only outgoing, relative to unitId (required with it); both when omitted.' })
  direction?: TransferDirection | null;

  @Field(() => [TransferState], { nullable: true, description: 'Only these states; in flight (SENT) when omitted.' })
  states?: TransferState[] | null;
}
