import '../audit-enums';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChainBreakReason } from '../../services/audit-log/chain-verification';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime } from '../scalars';

@ObjectType('AuditEntry', {
  implements: Node,
  description: 'One successful change, who made it and what it changed, chained to the entry before it by a hash (bản ghi nhật ký kiểm toán).',
})
export class AuditEntryType extends Node {
  @Field(() => DateTime, { description: 'When the change was made (thời điểm).' })
  at!: Date;

  @Field({ description: 'The mutation that made it, e.g. updateMember (thao tác).' })
  operation!: string;

  @Field({ description: 'Type of the changed object, e.g. Member (loại đối tượng).' })
  targetType!: string;

  @Field(() => String, { nullable: true, description: 'Id of the request that made it, as in the x-request-id header and the logs (mã yêu cầu).' })
  requestId!: string | null;

  @Field(() => Int, { description: 'The chain: the province id, 0 for national entries (chuỗi).' })
  chainKey!: number;
}

export const AuditEntryConnection = connectionTypes('AuditEntry', AuditEntryType, 'nhật ký kiểm toán');

@ObjectType('AuditChainBreak', { description: 'The first place where an audit chain does not verify (điểm chuỗi bị phá vỡ).' })
export class AuditChainBreakType {
  @Field(() => Int, { description: 'The chain: the province id, 0 for national entries (chuỗi).' })
  chainKey!: number;

  @Field(() => ID, { nullable: true, description: 'Global id of the first entry that does not verify; null when the chain ends before its recorded head (bản ghi bị phá vỡ).' })
  entryId!: string | null;

  @Field(() => ChainBreakReason, { description: 'What is wrong (lý do).' })
  reason!: ChainBreakReason;

  @Field(() => Int, { nullable: true, description: "The entry's position in its chain; for a cut-off end, the recorded head's (số thứ tự)." })
  seq!: number | null;

  @Field(() => String, { nullable: true, description: 'The hash the chain requires here, hex SHA-256 (mã băm mong đợi).' })
  expectedHash!: string | null;

  @Field(() => String, { nullable: true, description: 'The hash found here, hex SHA-256 (mã băm thực tế).' })
  foundHash!: string | null;
}

@ObjectType('AuditChainVerification', { description: 'Result of walking audit chains entry by entry (kết quả kiểm tra tính toàn vẹn nhật ký).' })
export class AuditChainVerificationType {
  @Field({ description: 'Whether every entry verified (toàn vẹn).' })
  ok!: boolean;

  @Field(() => Int, { description: 'Chains walked (số chuỗi đã kiểm tra).' })
  chainsChecked!: number;

  @Field(() => Int, { description: 'Entries checked, up to the first break (số bản ghi đã kiểm tra).' })
  entriesChecked!: number;

  @Field(() => AuditChainBreakType, { nullable: true, description: 'The first break; null when ok (điểm bị phá vỡ đầu tiên).' })
  firstBreak!: AuditChainBreakType | null;
}
