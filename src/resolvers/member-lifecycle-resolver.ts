import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Member } from '../entities/member';
import type { RequestContext } from '../request-context';
import { endExemption, exemptMember } from '../services/members/exemption-commands';
import { expelMember, recordMemberDeath, removeMember } from '../services/members/exit-commands';
import { endProbationWithRemoval, extendProbation, recognizeOfficialMember } from '../services/members/probation-commands';
import { endTemporaryMembership } from '../services/members/transfer-commands';
import {
  EndExemptionInput,
  EndProbationWithRemovalInput,
  EndTemporaryMembershipInput,
  ExemptMemberInput,
  ExpelMemberInput,
  ExtendProbationInput,
  RecognizeOfficialMemberInput,
  RecordMemberDeathInput,
  RemoveMemberInput,
} from '../schema/inputs/member-lifecycle-inputs';
import { MemberType } from '../schema/types/member-type';
import { requiredId } from './ids';

/** The member's global id decoded; the rest of each input goes to the service as it is. */
const onMember = <T extends { memberId: string }>(input: T): Omit<T, 'memberId'> & { memberId: number } => ({
  ...input,
  memberId: requiredId(input.memberId, 'Member', 'input.memberId'),
});

/**
 * Lifecycle events of a member (issue #6). Each takes the member's version, records a dated event
 * with its decision reference and author, derives status and cell from it, and is audited.
 */
@Resolver(() => MemberType)
export class MemberLifecycleResolver {
  @Mutation(() => MemberType, { description: 'Recognises a probationary member as official (công nhận đảng viên chính thức).' })
  recognizeOfficialMember(@Arg('input', () => RecognizeOfficialMemberInput, { description: 'The recognition.' }) input: RecognizeOfficialMemberInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return recognizeOfficialMember(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Extends probation to a later end (kéo dài thời gian dự bị).' })
  extendProbation(@Arg('input', () => ExtendProbationInput, { description: 'The extension.' }) input: ExtendProbationInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return extendProbation(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Removes a probationary member not recognised at the end of probation (xóa tên đảng viên dự bị).' })
  endProbationWithRemoval(@Arg('input', () => EndProbationWithRemovalInput, { description: 'The removal.' }) input: EndProbationWithRemovalInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return endProbationWithRemoval(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Ends a temporary attachment to another cell (kết thúc sinh hoạt tạm thời).' })
  endTemporaryMembership(@Arg('input', () => EndTemporaryMembershipInput, { description: 'The end.' }) input: EndTemporaryMembershipInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return endTemporaryMembership(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Exempts a member from work and meetings (miễn công tác và sinh hoạt đảng).' })
  exemptMember(@Arg('input', () => ExemptMemberInput, { description: 'The exemption.' }) input: ExemptMemberInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return exemptMember(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Ends the exemption running on a date (thôi miễn công tác và sinh hoạt đảng).' })
  endExemption(@Arg('input', () => EndExemptionInput, { description: 'The end.' }) input: EndExemptionInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return endExemption(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Removes a member from the party: struck off or put out (xóa tên, đưa ra khỏi Đảng).' })
  removeMember(@Arg('input', () => RemoveMemberInput, { description: 'The removal.' }) input: RemoveMemberInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return removeMember(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Expels a member as discipline (khai trừ).' })
  expelMember(@Arg('input', () => ExpelMemberInput, { description: 'The expulsion.' }) input: ExpelMemberInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return expelMember(ctx, onMember(input));
  }

  @Mutation(() => MemberType, { description: 'Records the death of a member (đảng viên từ trần).' })
  recordMemberDeath(@Arg('input', () => RecordMemberDeathInput, { description: 'The death.' }) input: RecordMemberDeathInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return recordMemberDeath(ctx, onMember(input));
  }
}
