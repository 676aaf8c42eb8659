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
import { onMemberEvent, reasonText, type MemberEventInput } from './lifecycle-guard';
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

export interface RecognizeOfficialInput extends MemberEventInput {
  /** The documented exception that allows recognition before the end of probation. */
  readonly exceptionReason?: string | null;
}

export function recognizeOfficialMember(ctx: RequestContext, input: RecognizeOfficialInput): Promise<Member> {
  const parse = (): string | null => optionalText(input.exceptionReason, 'input.exceptionReason', 1000);
  return onMemberEvent(ctx, input, true, parse, async ({ em, member, date, ref, parsed: exceptionReason }) => {
    checkProbationary(member);
    const due = await probationEndsOn(em, member);
    const early = date < due;
    if (early && exceptionReason === null) {
      throw badInput('input.occurredOn', `probation ends on ${due}: recognition before then needs the documented exception (input.exceptionReason)`);
    }
    const before = { status: member.status, officialDate: member.officialDate ?? null };
    appendEvent(ctx, em, member, {
      kind: MemberEventKind.RECOGNISED_OFFICIAL,
      occurredOn: date,
      decisionRef: ref,
      unit: unitOfMember(member),
      details: early && exceptionReason !== null ? { exceptionReason } : {},
    });
    member.status = MemberStatus.OFFICIAL;
    member.officialDate = date;
    auditEvent(ctx, em, 'recognizeOfficialMember', member, before, { status: member.status, officialDate: date, decisionRef: ref, exceptionReason: early ? exceptionReason : null });
    return member;
  });
}

export interface ExtendProbationInput extends MemberEventInput {
  readonly probationEndsOn: string;
  readonly reason: string;
}

/** Extends probation to a later end; recognition before the new end needs the exception too. */
export function extendProbation(ctx: RequestContext, input: ExtendProbationInput): Promise<Member> {
  const parse = () => ({ newEnd: validDate(input.probationEndsOn, 'input.probationEndsOn'), reason: reasonText(input.reason, 'input.reason') });
  return onMemberEvent(ctx, input, true, parse, async ({ em, member, date, ref, parsed: { newEnd, reason } }) => {
    checkProbationary(member);
    const due = await probationEndsOn(em, member);
    if (newEnd <= due) throw badInput('input.probationEndsOn', `must be after the current end of probation, ${due}`);
    appendEvent(ctx, em, member, { kind: MemberEventKind.PROBATION_EXTENDED, occurredOn: date, decisionRef: ref, unit: unitOfMember(member), details: { probationEndsOn: newEnd, reason } });
    auditEvent(ctx, em, 'extendProbation', member, { probationEndsOn: due }, { probationEndsOn: newEnd, decisionRef: ref, reason });
    return member;
  });
}

export interface EndProbationInput extends MemberEventInput {
  readonly reason: string;
}

/** Not recognised at the end of probation: removed from the party (xóa tên). */
export function endProbationWithRemoval(ctx: RequestContext, input: EndProbationInput): Promise<Member> {
  const parse = (): string => reasonText(input.reason, 'input.reason');
  return onMemberEvent(ctx, input, true, parse, async ({ em, member, date, ref, parsed: reason }) => {
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
