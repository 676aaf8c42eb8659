import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Member } from '../entities/member';
import type { MemberTransfer } from '../entities/member-transfer';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { badInput } from '../errors/app-error';
import { toGlobalId } from '../services/global-id';
import { findMember } from '../services/members/member-queries';
import { cancelMemberTransfer, receiveMemberTransfer, sendMemberTransfer } from '../services/members/transfer-commands';
import { listTransfers, transferMemberName, transferUnitName } from '../services/members/transfer-queries';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { CancelMemberTransferInput, MemberTransferFilterInput, ReceiveMemberTransferInput, SendMemberTransferInput } from '../schema/inputs/member-lifecycle-inputs';
import { MemberTransferConnection, MemberTransferType } from '../schema/types/member-history-types';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';

/** Transfers of party membership (chuyển sinh hoạt đảng): sent, received or cancelled, readable at both ends. */
@Resolver(() => MemberTransferType)
export class MemberTransferResolver {
  @Query(() => MemberTransferConnection, { description: 'Transfers you may read (either end in your scope, or your own), oldest first; in flight unless states say otherwise (danh sách chuyển sinh hoạt đảng).' })
  async memberTransfers(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MemberTransferFilterInput, { nullable: true, description: 'Which transfers; in flight ones you may read when omitted.' }) filter?: MemberTransferFilterInput,
  ): Promise<ConnectionValue<MemberTransfer>> {
    const unitId = optionalId(filter?.unitId, 'OrgUnit', 'filter.unitId');
    // A direction is relative to a unit: without one it would be silently dropped.
    if (filter?.direction && unitId === null) throw badInput('filter.direction', 'needs filter.unitId');
    const unit = unitId === null ? null : await getOrgUnit(ctx, unitId);
    return toConnection(await listTransfers(ctx, { unitPath: unit?.path, direction: filter?.direction, states: filter?.states }, page));
  }

  @Mutation(() => MemberTransferType, { description: "Sends a member to another cell, the first step of a transfer; needs the member's version (giới thiệu chuyển sinh hoạt đảng)." })
  sendMemberTransfer(@Arg('input', () => SendMemberTransferInput, { description: 'The transfer.' }) input: SendMemberTransferInput, @Ctx() ctx: RequestContext): Promise<MemberTransfer> {
    return sendMemberTransfer(ctx, { ...input, memberId: requiredId(input.memberId, 'Member', 'input.memberId'), toUnitId: requiredId(input.toUnitId, 'OrgUnit', 'input.toUnitId') });
  }

  @Mutation(() => MemberTransferType, { description: "Receives a member sent to your cell: the membership moves on that date; needs the transfer's version (tiếp nhận sinh hoạt đảng)." })
  receiveMemberTransfer(@Arg('input', () => ReceiveMemberTransferInput, { description: 'The receipt.' }) input: ReceiveMemberTransferInput, @Ctx() ctx: RequestContext): Promise<MemberTransfer> {
    return receiveMemberTransfer(ctx, { ...input, transferId: requiredId(input.transferId, 'MemberTransfer', 'input.transferId') });
  }

  @Mutation(() => MemberTransferType, { description: "Calls off a transfer in flight, by either side; needs the transfer's version (hủy chuyển sinh hoạt đảng)." })
  cancelMemberTransfer(@Arg('input', () => CancelMemberTransferInput, { description: 'The cancellation.' }) input: CancelMemberTransferInput, @Ctx() ctx: RequestContext): Promise<MemberTransfer> {
    return cancelMemberTransfer(ctx, { ...input, transferId: requiredId(input.transferId, 'MemberTransfer', 'input.transferId') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() transfer: MemberTransfer): string {
    return toGlobalId('MemberTransfer', transfer.id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: "The member's record; null when you cannot read it (the receiving side, until receipt)." })
  member(@Root() transfer: MemberTransfer, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return findMember(ctx, transfer.member.id);
  }

  @FieldResolver(() => String, { description: 'Full name of the member, as on the letter of introduction (họ và tên).' })
  memberName(@Root() transfer: MemberTransfer, @Ctx() ctx: RequestContext): Promise<string> {
    return transferMemberName(ctx, transfer);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The sending cell; null when outside your scope.' })
  fromUnit(@Root() transfer: MemberTransfer, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, transfer.fromUnit.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The receiving cell; null when outside your scope.' })
  toUnit(@Root() transfer: MemberTransfer, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, transfer.toUnit.id);
  }

  @FieldResolver(() => String, { description: 'Name of the sending cell, shown to both sides (chi bộ chuyển đi).' })
  fromUnitName(@Root() transfer: MemberTransfer, @Ctx() ctx: RequestContext): Promise<string> {
    return transferUnitName(ctx, transfer.fromUnit.id);
  }

  @FieldResolver(() => String, { description: 'Name of the receiving cell, shown to both sides (chi bộ chuyển đến).' })
  toUnitName(@Root() transfer: MemberTransfer, @Ctx() ctx: RequestContext): Promise<string> {
    return transferUnitName(ctx, transfer.toUnit.id);
  }
}
