import type { Member } from '../../entities/member';
import { MemberExemption } from '../../entities/member-exemption';
import { MemberEventKind } from '../../entities/member-lifecycle-enums';
import { badInput, conflict } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { addDays } from '../calendar';
import { validDate } from '../validate';
import { onMemberEvent, reasonText, type MemberEventInput } from './lifecycle-guard';
import { auditEvent } from './lifecycle-audit';
import { appendEvent, unitOfMember } from './member-history';

/**
 * Exemption from work and meetings (miễn công tác và sinh hoạt đảng) for age or health. The member
 * stays a member of the cell, on its rosters, marked exempt: exempt members do not count against
 * the attendance rate.
 */

export interface ExemptMemberInput extends MemberEventInput {
  readonly from: string;
  /** The last exempt day; open-ended when null. */
  readonly to?: string | null;
  readonly reason: string;
}

export function exemptMember(ctx: RequestContext, input: ExemptMemberInput): Promise<Member> {
  const parse = () => {
    const from = validDate(input.from, 'input.from');
    const to = input.to ? validDate(input.to, 'input.to') : null;
    if (to !== null && to < from) throw badInput('input.to', 'must not be before input.from');
    return { from, to, reason: reasonText(input.reason, 'input.reason') };
  };
  return onMemberEvent(ctx, input, true, parse, async ({ em, member, date, ref, parsed: { from, to, reason } }) => {
    if (from < member.admissionDate) throw badInput('input.from', `must not be before the admission on ${member.admissionDate}`);
    const endedOn = to === null ? null : addDays(to, 1);
    const overlapping = await em.findOne(MemberExemption, {
      member,
      $and: [{ $or: [{ endedOn: null }, { endedOn: { $gt: from } }] }, endedOn === null ? {} : { startedOn: { $lt: endedOn } }],
    });
    if (overlapping) throw conflict(`The member is already exempt from ${overlapping.startedOn}`, { field: 'input.from' });
    const event = appendEvent(ctx, em, member, { kind: MemberEventKind.EXEMPTED, occurredOn: date, decisionRef: ref, unit: unitOfMember(member), details: { exemptFrom: from, exemptTo: to, reason } });
    em.create(MemberExemption, { provinceId: member.provinceId, member, startedOn: from, endedOn, reason, startedBy: event });
    auditEvent(ctx, em, 'exemptMember', member, null, { exemptFrom: from, exemptTo: to, reason, decisionRef: ref });
    return member;
  });
}

/** Ends the exemption running on the date, from that date on (the first day the member works and meets again). */
export function endExemption(ctx: RequestContext, input: MemberEventInput): Promise<Member> {
  return onMemberEvent(ctx, input, false, () => null, async ({ em, member, date, ref }) => {
    const running = await em.findOne(MemberExemption, { member, startedOn: { $lte: date }, $or: [{ endedOn: null }, { endedOn: { $gt: date } }] });
    if (!running) throw conflict(`The member is not exempt on ${date}`, { field: 'input.occurredOn' });
    const before = { exemptFrom: running.startedOn, endedOn: running.endedOn ?? null };
    const event = appendEvent(ctx, em, member, { kind: MemberEventKind.EXEMPTION_ENDED, occurredOn: date, decisionRef: ref, unit: unitOfMember(member), details: { exemptFrom: running.startedOn } });
    running.endedOn = date;
    running.endedBy = event;
    auditEvent(ctx, em, 'endExemption', member, before, { exemptFrom: running.startedOn, endedOn: date, decisionRef: ref });
    return member;
  });
}
