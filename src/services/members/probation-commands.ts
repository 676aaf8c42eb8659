import type { EntityManager } from '@mikro-orm/postgresql';
import { MemberStatus } from '../../entities/member-enums';
import type { Member } from '../../entities/member';
import { MemberEvent } from '../../entities/member-event';
import { MemberEventKind } from '../../entities/member-lifecycle-enums';
import { badInput, conflict } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { addYears } from '../calendar';
import { optionalText, validDate } from '../validate';
import { leaveParty } from './exit-commands';
import { checkWithinMembership, decisionRef, eventDate, getWritableMember, inMemberTransaction, reasonText, type MemberRef } from './lifecycle-guard';
import { auditEvent } from './lifecycle-audit';
import { appendEvent, unitOfMember } from './member-history';

/** Probation (dự bị, 12 months): recognition as official, extension, or removal at its end. */

export const PROBATION_YEARS = 1;

/** The end of probation: 12 months after admission, or the latest extension among the member's events. */
export function probationEnd(admissionDate: string, events: readonly MemberEvent[]): string {
  const extensions = events.filter((e) => e.kind === MemberEventKind.PROBATION_EXTENDED && e.details.probationEndsOn);
  return extensions[extensions.length - 1]?.details.probationEndsOn ?? addYears(admissionDate, PROBATION_YEARS);
}

async function probationEndsOn(em: EntityManager, member: Member): Promise<string> {
  return probationEnd(member.admissionDate, await em.find(MemberEvent, { member, kind: MemberEventKind.PROBATION_EXTENDED }, { orderBy: { id: 'asc' } }));
}

function checkProbationary(member: Member): void {
  if (member.status !== MemberStatus.PROBATIONARY) throw conflict(`The member is ${member.status.toLowerCase()}, not on probation`, { field: 'status', status: member.status });
}

export interface RecognizeOfficialInput extends MemberRef {
  readonly occurredOn: string;
  readonly decisionRef: string;
  /** The documented exception that allows recognition before the end of probation. */
  readonly exceptionReason?: string | null;
}

export async function recognizeOfficialMember(ctx: RequestContext, input: RecognizeOfficialInput): Promise<Member> {
  await getWritableMember(ctx, input.memberId);
  const date = eventDate(input.occurredOn, 'input.occurredOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', true);
  const exceptionReason = optionalText(input.exceptionReason, 'input.exceptionReason', 1000);
  return inMemberTransaction(ctx, input.memberId, input.version, async (em, member) => {
    await checkWithinMembership(em, member, date, 'input.occurredOn');
    checkProbationary(member);
    const due = await probationEndsOn(em, member);
    if (date < due && exceptionReason === null) {
      throw badInput('input.occurredOn', `probation ends on ${due}: recognition before then needs the documented exception (input.exceptionReason)`);
    }
    const before = { status: member.status, officialDate: member.officialDate ?? null };
    appendEvent(ctx, em, member, {
      kind: MemberEventKind.RECOGNISED_OFFICIAL,
      occurredOn: date,
      decisionRef: ref,
      unit: unitOfMember(member),
      details: date < due && exceptionReason !== null ? { exceptionReason } : {},
    });
    member.status = MemberStatus.OFFICIAL;
    member.officialDate = date;
    auditEvent(ctx, em, 'recognizeOfficialMember', member, before, { status: member.status, officialDate: date, decisionRef: ref, exceptionReason });
    return member;
  });
}

export interface ExtendProbationInput extends MemberRef {
  readonly occurredOn: string;
  readonly decisionRef: string;
  readonly probationEndsOn: string;
  readonly reason: string;
}

/** Extends probation to a later end; recognition before the new end needs the exception too. */
export async function extendProbation(ctx: RequestContext, input: ExtendProbationInput): Promise<Member> {
  await getWritableMember(ctx, input.memberId);
  const date = eventDate(input.occurredOn, 'input.occurredOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', true);
  const newEnd = validDate(input.probationEndsOn, 'input.probationEndsOn');
  const reason = reasonText(input.reason, 'input.reason');
  return inMemberTransaction(ctx, input.memberId, input.version, async (em, member) => {
    await checkWithinMembership(em, member, date, 'input.occurredOn');
    checkProbationary(member);
    const due = await probationEndsOn(em, member);
    if (newEnd <= due) throw badInput('input.probationEndsOn', `must be after the current end of probation, ${due}`);
    appendEvent(ctx, em, member, {
      kind: MemberEventKind.PROBATION_EXTENDED,
      occurredOn: date,
      decisionRef: ref,
      unit: unitOfMember(member),
      details: { probationEndsOn: newEnd, reason },
    });
    auditEvent(ctx, em, 'extendProbation', member, { probationEndsOn: due }, { probationEndsOn: newEnd, decisionRef: ref, reason });
    return member;
  });
}

export interface EndProbationInput extends MemberRef {
  readonly occurredOn: string;
  readonly decisionRef: string;
  readonly reason: string;
}

/** Not recognised at the end of probation: removed from the party (xóa tên). */
export async function endProbationWithRemoval(ctx: RequestContext, input: EndProbationInput): Promise<Member> {
  await getWritableMember(ctx, input.memberId);
  const date = eventDate(input.occurredOn, 'input.occurredOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', true);
  const reason = reasonText(input.reason, 'input.reason');
  return inMemberTransaction(ctx, input.memberId, input.version, async (em, member) => {
    await checkWithinMembership(em, member, date, 'input.occurredOn');
    checkProbationary(member);
    return leaveParty(ctx, em, member, {
      operation: 'endProbationWithRemoval',
      kind: MemberEventKind.PROBATION_FAILED,
      status: MemberStatus.REMOVED,
      occurredOn: date,
      decisionRef: ref,
      details: { reason },
    });
  });
}
