import type { Member } from '../../entities/member';
import { MemberExemption } from '../../entities/member-exemption';
import { MemberEventKind } from '../../entities/member-lifecycle-enums';
import { badInput, conflict } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { addDays } from '../calendar';
import { validDate } from '../validate';
import { checkWithinMembership, decisionRef, eventDate, getWritableMember, inMemberTransaction, reasonText, type MemberRef } from './lifecycle-guard';
import { auditEvent } from './lifecycle-audit';
import { appendEvent, unitOfMember } from './member-history';

/**
 * Exemption from work and meetings (miễn công tác và sinh hoạt đảng) for age or health. The member
 * stays a member of the cell, on its rosters, marked exempt: exempt members do not count against
 * the attendance rate.
 */

export interface ExemptMemberInput extends MemberRef {
  readonly occurredOn: string;
  readonly decisionRef: string;
  readonly from: string;
  /** The last exempt day; open-ended when null. */
  readonly to?: string | null;
  readonly reason: string;
}

export async function exemptMember(ctx: RequestContext, input: ExemptMemberInput): Promise<Member> {
  await getWritableMember(ctx, input.memberId);
  const date = eventDate(input.occurredOn, 'input.occurredOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', true);
  const from = validDate(input.from, 'input.from');
  const to = input.to ? validDate(input.to, 'input.to') : null;
  if (to !== null && to < from) throw badInput('input.to', 'must not be before input.from');
  const reason = reasonText(input.reason, 'input.reason');
  return inMemberTransaction(ctx, input.memberId, input.version, async (em, member) => {
    await checkWithinMembership(em, member, date, 'input.occurredOn');
    if (from < member.admissionDate) throw badInput('input.from', `must not be before the admission on ${member.admissionDate}`);
    const endedOn = to === null ? null : addDays(to, 1);
    const overlapping = await em.findOne(MemberExemption, {
      member,
      $and: [{ $or: [{ endedOn: null }, { endedOn: { $gt: from } }] }, endedOn === null ? {} : { startedOn: { $lt: endedOn } }],
    });
    if (overlapping) throw conflict(`The member is already exempt from ${overlapping.startedOn}`, { field: 'input.from' });
    const event = appendEvent(ctx, em, member, {
      kind: MemberEventKind.EXEMPTED,
      occurredOn: date,
      decisionRef: ref,
      unit: unitOfMember(member),
      details: { exemptFrom: from, exemptTo: to, reason },
    });
    em.create(MemberExemption, { provinceId: member.provinceId, member, startedOn: from, endedOn, reason, startedBy: event });
    auditEvent(ctx, em, 'exemptMember', member, null, { exemptFrom: from, exemptTo: to, reason, decisionRef: ref });
    return member;
  });
}

export interface EndExemptionInput extends MemberRef {
  /** The first day the member works and meets again. */
  readonly occurredOn: string;
  readonly decisionRef?: string | null;
}

/** Ends the exemption running on the date, from that date on. */
export async function endExemption(ctx: RequestContext, input: EndExemptionInput): Promise<Member> {
  await getWritableMember(ctx, input.memberId);
  const date = eventDate(input.occurredOn, 'input.occurredOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', false);
  return inMemberTransaction(ctx, input.memberId, input.version, async (em, member) => {
    await checkWithinMembership(em, member, date, 'input.occurredOn');
    const running = await em.findOne(MemberExemption, { member, startedOn: { $lte: date }, $or: [{ endedOn: null }, { endedOn: { $gt: date } }] });
    if (!running) throw conflict(`The member is not exempt on ${date}`, { field: 'input.occurredOn' });
    const before = { exemptFrom: running.startedOn, endedOn: running.endedOn ?? null };
    const event = appendEvent(ctx, em, member, {
      kind: MemberEventKind.EXEMPTION_ENDED,
      occurredOn: date,
      decisionRef: ref,
      unit: unitOfMember(member),
      details: { exemptFrom: running.startedOn },
    });
    running.endedOn = date;
    running.endedBy = event;
    auditEvent(ctx, em, 'endExemption', member, before, { exemptFrom: running.startedOn, endedOn: date, decisionRef: ref });
    return member;
  });
}
