import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Account } from '../entities/account';
import type { Member } from '../entities/member';
import { MemberStatus } from '../entities/member-enums';
import type { MemberTransfer } from '../entities/member-transfer';
import type { Membership } from '../entities/membership';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { loadAccount } from '../services/accounts/account-queries';
import { eventsOf, exemptionsOf, isExemptToday, membershipsOf, timelineOf, type ExemptionView, type MemberEventView } from '../services/members/history-queries';
import { probationEnd } from '../services/members/probation-commands';
import { findTransfer, pendingTransferOf } from '../services/members/transfer-queries';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { AccountType } from '../schema/types/account-types';
import { MemberEventType, MemberExemptionType, MembershipType, MemberTransferType } from '../schema/types/member-history-types';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { LocalDate } from '../schema/scalars';

/** A member's history, for whoever may read the member. */
@Resolver(() => MemberType)
export class MemberHistoryResolver {
  @FieldResolver(() => [MemberEventType], { nullable: true, description: 'Every event of the member, oldest first (quá trình đảng viên). Like personal data: for readers of personal data at the cell and the member themself.' })
  timeline(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<MemberEventView[]> {
    return timelineOf(ctx, member);
  }

  @FieldResolver(() => [MembershipType], { description: 'Periods in cells, official and temporary, oldest first (thời gian sinh hoạt ở các chi bộ).' })
  memberships(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<Membership[]> {
    return membershipsOf(ctx, member);
  }

  @FieldResolver(() => [MemberExemptionType], { nullable: true, description: 'Exemptions from work and meetings with their reasons, oldest first (miễn công tác và sinh hoạt đảng). Like personal data.' })
  exemptions(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<ExemptionView[]> {
    return exemptionsOf(ctx, member);
  }

  @FieldResolver(() => Boolean, { description: 'Exempt from work and meetings today; still a member of the cell (đang được miễn sinh hoạt).' })
  exempt(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<boolean> {
    return isExemptToday(ctx, member);
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: 'Probationary members: when probation ends, 12 months after admission or as extended (ngày hết thời gian dự bị).' })
  async probationEndsOn(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (member.status !== MemberStatus.PROBATIONARY) return null;
    return probationEnd(member.admissionDate, await eventsOf(ctx, member));
  }

  @FieldResolver(() => MemberTransferType, { nullable: true, description: 'The transfer in flight, sent and not yet received (đang chuyển sinh hoạt đảng).' })
  pendingTransfer(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<MemberTransfer | null> {
    return pendingTransferOf(ctx, member);
  }
}

@Resolver(() => MemberEventType)
export class MemberEventResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The cell the event was recorded at (the new cell for a received transfer); null when outside your scope.' })
  unit(@Root() event: MemberEventView, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, event.unitId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'Who recorded it; null unless you manage that account or it is yours (người ghi nhận).' })
  author(@Root() event: MemberEventView, @Ctx() ctx: RequestContext): Promise<Account | null> | null {
    return event.authorId === null ? null : loadAccount(ctx, event.authorId);
  }

  @FieldResolver(() => MemberTransferType, { nullable: true, description: 'Transfer events: the transfer.' })
  transfer(@Root() event: MemberEventView, @Ctx() ctx: RequestContext): Promise<MemberTransfer | null> | null {
    return event.transferId === null ? null : findTransfer(ctx, event.transferId);
  }
}

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The cell; null when outside your scope.' })
  unit(@Root() membership: Membership, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, membership.unit.id);
  }
}
