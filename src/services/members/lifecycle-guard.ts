import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { CURRENT_MEMBER_STATUSES, MemberStatus } from '../../entities/member-enums';
import { Member } from '../../entities/member';
import { MemberEvent } from '../../entities/member-event';
import { MemberEventKind, MembershipKind } from '../../entities/member-lifecycle-enums';
import { Membership } from '../../entities/membership';
import { badInput, conflict, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { notInFuture, optionalText, requiredText } from '../validate';
import { getMember } from './member-queries';

/** Checks shared by every lifecycle event: who may record it, on which version, on which dates. */

export interface MemberRef {
  readonly memberId: number;
  readonly version: number;
}

/** The member's side of an event: found through scope (else NOT_FOUND), writable there (else FORBIDDEN). */
export async function getWritableMember(ctx: RequestContext, memberId: number): Promise<Member> {
  const member = await getMember(ctx, memberId);
  if (!ctx.viewer.can(Permission.MEMBERS_WRITE, member.unitPath)) throw forbidden('You may not manage this member');
  return member;
}

/**
 * Runs `work` in a transaction on the member row, locked so that events of one member are
 * recorded one at a time, after checking the version the caller read (null: the caller's version
 * is of another record, a transfer, which `work` checks). The member's version moves on with every
 * event, even one that changes no cached column.
 */
export async function inMemberTransaction<T>(ctx: RequestContext, memberId: number, version: number | null, work: (em: EntityManager, member: Member) => Promise<T>): Promise<T> {
  return ctx.em.transactional(async (em) => {
    const member = await em.findOneOrFail(Member, memberId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (version !== null && member.version !== version) throw staleVersion(version, member.version);
    const result = await work(em, member);
    member.updatedAt = new Date();
    await em.flush();
    return result;
  });
}

/** A decision reference (số quyết định), required or optional. */
export const decisionRef = (value: string | null | undefined, field: string, required: boolean): string | null =>
  required ? requiredText(value, field, 100) : optionalText(value, field, 100);

export const reasonText = (value: string | null | undefined, field: string): string => requiredText(value, field, 1000);

/** A valid event date, not in the future. */
export const eventDate = (value: string, field: string): string => notInFuture(value, field);

const LEAVING_KINDS = [MemberEventKind.PROBATION_FAILED, MemberEventKind.REMOVED, MemberEventKind.EXPELLED, MemberEventKind.DIED];

/**
 * An event must fall within the member's life in the party: not before the admission, not after
 * the death or departure (BAD_USER_INPUT on the date). A member who left has a closed history:
 * any other event is a CONFLICT. Events follow the member's cells in order: none is dated before
 * the member joined the current cell, where it is recorded.
 */
export async function checkWithinMembership(em: EntityManager, member: Member, date: string, field: string): Promise<void> {
  if (date < member.admissionDate) throw badInput(field, `must not be before the admission on ${member.admissionDate}`);
  if (CURRENT_MEMBER_STATUSES.includes(member.status)) {
    const current = await em.findOne(Membership, { member, kind: MembershipKind.OFFICIAL, endedOn: null });
    if (current && date < current.startedOn) throw badInput(field, `must not be before the member joined the current cell on ${current.startedOn}`);
    return;
  }
  const left = await em.findOne(MemberEvent, { member, kind: { $in: LEAVING_KINDS } }, { orderBy: { id: 'desc' } });
  const leftOn = left?.occurredOn ?? member.admissionDate;
  const what = member.status === MemberStatus.DECEASED ? "the member's death" : 'the member left the party';
  if (date > leftOn) throw badInput(field, `must not be after ${what} on ${leftOn}`);
  throw conflict(`No further events: ${what} on ${leftOn} closed the history`, { field: 'status', status: member.status });
}

/** An event on a member as the caller sends it. */
export interface MemberEventInput extends MemberRef {
  readonly occurredOn: string;
  readonly decisionRef?: string | null;
}

/** What an event's work gets: the transaction, the locked member, the checked date and decision, and its own parsed fields. */
export interface MemberEventCall<P> {
  readonly em: EntityManager;
  readonly member: Member;
  readonly date: string;
  readonly ref: string | null;
  readonly parsed: P;
}

/**
 * The one path of every event on a member, in the order the errors are told: scope (NOT_FOUND),
 * write right (FORBIDDEN), the caller's fields (BAD_USER_INPUT; `parse` checks the event's own),
 * version (CONFLICT), the date against the member's history, then `work`.
 */
export async function onMemberEvent<P, T>(
  ctx: RequestContext,
  input: MemberEventInput,
  decisionRequired: boolean,
  parse: () => P | Promise<P>,
  work: (call: MemberEventCall<P>) => Promise<T>,
): Promise<T> {
  await getWritableMember(ctx, input.memberId);
  const date = eventDate(input.occurredOn, 'input.occurredOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', decisionRequired);
  const parsed = await parse();
  return inMemberTransaction(ctx, input.memberId, input.version, async (em, member) => {
    await checkWithinMembership(em, member, date, 'input.occurredOn');
    return work({ em, member, date, ref, parsed });
  });
}
