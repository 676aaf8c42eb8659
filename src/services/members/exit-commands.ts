import type { EntityManager } from '@mikro-orm/postgresql';
import { MemberStatus } from '../../entities/member-enums';
import type { Member } from '../../entities/member';
import type { MemberEventDetails } from '../../entities/member-event';
import { MemberExemption } from '../../entities/member-exemption';
import { MemberEventKind, RemovalKind, TransferState } from '../../entities/member-lifecycle-enums';
import { Membership } from '../../entities/membership';
import { MemberTransfer } from '../../entities/member-transfer';
import type { RequestContext } from '../../request-context';
import { onMemberEvent, reasonText, type MemberEventInput } from './lifecycle-guard';
import { auditEvent } from './lifecycle-audit';
import { appendEvent, endMemberships, endPositions, unitOfMember } from './member-history';

/** Leaving the party: removal (xóa tên, đưa ra khỏi Đảng), expulsion (khai trừ), death. */

export interface Departure {
  readonly operation: string;
  readonly kind: MemberEventKind;
  readonly status: MemberStatus;
  readonly occurredOn: string;
  readonly decisionRef: string | null;
  readonly details: MemberEventDetails;
}

/**
 * Closes everything a departure ends, on its date: memberships, exemptions, positions, and a
 * transfer in flight (cancelled). Shared by removal, expulsion, death and a failed probation.
 */
export async function leaveParty(ctx: RequestContext, em: EntityManager, member: Member, departure: Departure): Promise<Member> {
  const { occurredOn: on } = departure;
  // Every period not over by then, including an attachment planned to start later.
  const running = await em.find(Membership, { member, $or: [{ endedOn: null }, { endedOn: { $gt: on } }] });
  const before = { status: member.status };
  const event = appendEvent(ctx, em, member, { kind: departure.kind, occurredOn: on, decisionRef: departure.decisionRef, unit: unitOfMember(member), details: departure.details });
  endMemberships(running, on, event);
  const exemptions = await em.find(MemberExemption, { member, $or: [{ endedOn: null }, { endedOn: { $gt: on } }] });
  for (const exemption of exemptions) {
    exemption.endedOn = on < exemption.startedOn ? exemption.startedOn : on;
    exemption.endedBy = event;
  }
  const inFlight = await em.findOne(MemberTransfer, { member, state: TransferState.SENT });
  if (inFlight) {
    inFlight.state = TransferState.CANCELLED;
    inFlight.cancelledOn = on < inFlight.sentOn ? inFlight.sentOn : on;
    inFlight.cancelReason = 'The member left the party';
    appendEvent(ctx, em, member, {
      kind: MemberEventKind.TRANSFER_CANCELLED,
      occurredOn: inFlight.cancelledOn,
      decisionRef: null,
      unit: unitOfMember(member),
      details: { reason: inFlight.cancelReason, transferKind: inFlight.kind },
      transfer: inFlight,
    });
  }
  await endPositions(ctx, em, member, on, null);
  member.status = departure.status;
  auditEvent(ctx, em, departure.operation, member, before, { status: member.status, occurredOn: on, decisionRef: departure.decisionRef, ...departure.details });
  return member;
}

/** Records a departure: `details` parses the kind's own fields after the scope check. */
function depart(
  ctx: RequestContext,
  input: MemberEventInput,
  operation: string,
  kind: MemberEventKind,
  status: MemberStatus,
  decisionRequired: boolean,
  details: () => MemberEventDetails,
): Promise<Member> {
  return onMemberEvent(ctx, input, decisionRequired, details, ({ em, member, date, ref, parsed }) =>
    leaveParty(ctx, em, member, { operation, kind, status, occurredOn: date, decisionRef: ref, details: parsed }),
  );
}

export interface RemoveMemberInput extends MemberEventInput {
  readonly kind: RemovalKind;
  readonly reason: string;
}

export function removeMember(ctx: RequestContext, input: RemoveMemberInput): Promise<Member> {
  return depart(ctx, input, 'removeMember', MemberEventKind.REMOVED, MemberStatus.REMOVED, true, () => ({ removalKind: input.kind, reason: reasonText(input.reason, 'input.reason') }));
}

export interface ExpelMemberInput extends MemberEventInput {
  readonly reason: string;
}

/** Expulsion as discipline (khai trừ). */
export function expelMember(ctx: RequestContext, input: ExpelMemberInput): Promise<Member> {
  return depart(ctx, input, 'expelMember', MemberEventKind.EXPELLED, MemberStatus.EXPELLED, true, () => ({ reason: reasonText(input.reason, 'input.reason') }));
}

/** A death is a fact, not a decision: the reference (e.g. the death certificate) is optional. */
export function recordMemberDeath(ctx: RequestContext, input: MemberEventInput): Promise<Member> {
  return depart(ctx, input, 'recordMemberDeath', MemberEventKind.DIED, MemberStatus.DECEASED, false, () => ({}));
}
