import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../entities/account';
import { Member } from '../../entities/member';
import { MemberEvent, type MemberEventDetails } from '../../entities/member-event';
import { MemberEventKind, MembershipKind } from '../../entities/member-lifecycle-enums';
import { MemberTransfer } from '../../entities/member-transfer';
import { Membership } from '../../entities/membership';
import { OrgUnit } from '../../entities/org-unit';
import type { RequestContext } from '../../request-context';

/**
 * The event service: the only writer of a member's history (member_event), membership periods and
 * the member row's caches (status, cell, official date). Every function runs inside the caller's
 * transaction (`em` is the transaction's manager).
 */

/** Where a member stands for an event: a cell with its path and province. */
export interface UnitRef {
  readonly id: number;
  readonly path: string;
  readonly provinceId: number;
}

export const unitOfMember = (m: Member): UnitRef => ({ id: m.unit.id, path: m.unitPath, provinceId: m.provinceId });

export interface NewEvent {
  readonly kind: MemberEventKind;
  readonly occurredOn: string;
  readonly decisionRef: string | null;
  readonly unit: UnitRef;
  readonly details?: MemberEventDetails;
  readonly transfer?: MemberTransfer | null;
}

/** Appends one event, authored by the caller. */
export function appendEvent(ctx: RequestContext, em: EntityManager, member: Member, event: NewEvent): MemberEvent {
  return em.create(MemberEvent, {
    provinceId: event.unit.provinceId,
    member,
    unit: em.getReference(OrgUnit, event.unit.id),
    unitPath: event.unit.path,
    kind: event.kind,
    occurredOn: event.occurredOn,
    decisionRef: event.decisionRef,
    details: event.details ?? {},
    transfer: event.transfer ?? null,
    author: ctx.viewer.accountId === null ? null : em.getReference(Account, ctx.viewer.accountId),
  });
}

/** Opens a period in a cell from `startedOn` (to `endedOn`, exclusive, when already known). */
export function openMembership(
  em: EntityManager,
  member: Member,
  unit: UnitRef,
  kind: MembershipKind,
  startedOn: string,
  startedBy: MemberEvent,
  endedOn: string | null = null,
): Membership {
  return em.create(Membership, {
    provinceId: unit.provinceId,
    member,
    unit: em.getReference(OrgUnit, unit.id),
    unitPath: unit.path,
    kind,
    startedOn,
    endedOn,
    startedBy,
  });
}

/** Periods of the member still running on `on` (started by then, not ended by then), of the given kinds. */
export function runningMemberships(em: EntityManager, member: Member, on: string, kinds: readonly MembershipKind[]): Promise<Membership[]> {
  return em.find(Membership, {
    member,
    kind: { $in: [...kinds] },
    startedOn: { $lte: on },
    $or: [{ endedOn: null }, { endedOn: { $gt: on } }],
  });
}

/** Ends periods on `on` (the member is no longer in them that day). */
export function endMemberships(periods: readonly Membership[], on: string, endedBy: MemberEvent): void {
  for (const period of periods) {
    period.endedOn = on < period.startedOn ? period.startedOn : on;
    period.endedBy = endedBy;
  }
}

/** Points the member row's cell caches at a cell: lists, scope and counts read these. */
export function moveCaches(em: EntityManager, member: Member, unit: UnitRef): void {
  member.unit = em.getReference(OrgUnit, unit.id);
  member.unitPath = unit.path;
  member.provinceId = unit.provinceId;
}

/**
 * SET clause of a position ended by another event (a departure, a transfer, a reorganisation), with
 * the day and the caller's account as parameters: the version moves on as in endPosition.
 */
export const POSITION_ENDED_SET = 'ended_on = greatest(started_on, ?::date), ended_by_id = ?, version = version + 1, updated_at = now()';

/**
 * Ends the open positions the member can no longer hold: those in units that do not contain
 * `stillIn` (the new cell after a transfer), or all of them when the member left the party (null).
 * The cell secretary's rights follow the position, so they end with it.
 */
export async function endPositions(ctx: RequestContext, em: EntityManager, member: Member, on: string, stillIn: string | null): Promise<void> {
  await em.getConnection().execute(
    `update member_position set ${POSITION_ENDED_SET}
      where member_id = ? and ended_on is null and (?::text is null or not (?::text like unit_path || '%'))`,
    [on, ctx.viewer.accountId, member.id, stillIn, stillIn],
    'run',
    em.getTransactionContext(),
  );
}
