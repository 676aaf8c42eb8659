import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import type { Member } from '../../entities/member';
import { MemberEventKind, MembershipKind, TransferState } from '../../entities/member-lifecycle-enums';
import { MemberTransfer } from '../../entities/member-transfer';
import { OrgUnit } from '../../entities/org-unit';
import { isCellKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { badInput, conflict, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { addDays } from '../calendar';
import { contextOn } from '../../context-factory';
import { getOrgUnit } from '../tree/org-unit-queries';
import { lockUnits } from '../tree/unit-locks';
import { validDate } from '../validate';
import { checkWithinMembership, decisionRef, eventDate, inMemberTransaction, onMemberEvent, reasonText, type MemberEventInput } from './lifecycle-guard';
import { auditEvent } from './lifecycle-audit';
import { appendEvent, endMemberships, endPositions, moveCaches, openMembership, runningMemberships, unitOfMember, type UnitRef } from './member-history';
import { getTransfer } from './transfer-queries';

/**
 * Transfer of party membership (chuyển sinh hoạt đảng), official or temporary, in two steps: the
 * old cell's side sends, the new cell's side receives. Both ends are checked against the caller's
 * scope: the destination must be visible to the sender, the receiver must write members there.
 */

const toRef = (unit: OrgUnit): UnitRef => ({ id: unit.id, path: unit.path, provinceId: unit.provinceId });
const inFlight = (memberId: number): Error => conflict('The member already has a transfer in flight', { field: 'memberId', memberId });

export interface SendTransferInput extends MemberEventInput {
  readonly toUnitId: number;
  readonly kind: MembershipKind;
  /** TEMPORARY: the last day of the attachment, if known. */
  readonly temporaryTo?: string | null;
}

/**
 * The cells left and entered are share-locked before the member (the order a merge takes: units,
 * then members): a merge, split or dissolution of either waits for this transfer and then sees it
 * in flight, or the transfer waits for it and finds the cell dissolved (decisions.md §40).
 */
export function sendMemberTransfer(ctx: RequestContext, input: SendTransferInput): Promise<MemberTransfer> {
  return ctx.em.transactional(async (em) => {
    const from = await em.getConnection().execute<Array<{ unit_id: number }>>('select unit_id from member where id = ?', [input.memberId], 'all', em.getTransactionContext());
    await lockUnits(em, [...from.map((r) => r.unit_id), input.toUnitId], 'share');
    return sendWithCellsLocked(contextOn(ctx, em), input);
  }, { clear: true });
}

async function sendWithCellsLocked(ctx: RequestContext, input: SendTransferInput): Promise<MemberTransfer> {
  const parse = async (): Promise<{ destination: OrgUnit; temporaryTo: string | null }> => {
    const destination = await getOrgUnit(ctx, input.toUnitId);
    if (!isCellKind(destination.kind)) throw badInput('input.toUnitId', `members belong to a cell, not a ${destination.kind}`);
    if (destination.status !== OrgUnitStatus.ACTIVE) throw badInput('input.toUnitId', 'the cell is dissolved');
    const temporaryTo = input.temporaryTo ? validDate(input.temporaryTo, 'input.temporaryTo') : null;
    if (temporaryTo !== null && input.kind !== MembershipKind.TEMPORARY) throw badInput('input.temporaryTo', 'only a temporary transfer has an end');
    if (temporaryTo !== null && temporaryTo < input.occurredOn) throw badInput('input.temporaryTo', 'must not be before input.occurredOn');
    return { destination, temporaryTo };
  };
  try {
    return await onMemberEvent(ctx, input, true, parse, async ({ em, member, date, ref, parsed: { destination, temporaryTo } }) => {
      // A merge moved the member between the read and the lock: the cell it now leaves is locked too.
      await lockUnits(em, [member.unit.id], 'share');
      if (destination.id === member.unit.id) throw badInput('input.toUnitId', "is the member's own cell");
      if (await em.count(MemberTransfer, { member, state: TransferState.SENT })) throw inFlight(member.id);
      const transfer = em.create(MemberTransfer, {
        member,
        kind: input.kind,
        fromProvinceId: member.provinceId,
        fromUnit: em.getReference(OrgUnit, member.unit.id),
        fromUnitPath: member.unitPath,
        toProvinceId: destination.provinceId,
        toUnit: em.getReference(OrgUnit, destination.id),
        toUnitPath: destination.path,
        sentOn: date,
        sentDecisionRef: ref as string,
        temporaryTo,
      });
      appendEvent(ctx, em, member, { kind: MemberEventKind.TRANSFER_SENT, occurredOn: date, decisionRef: ref, unit: unitOfMember(member), details: { transferKind: input.kind }, transfer });
      auditEvent(ctx, em, 'sendMemberTransfer', member, null, { kind: input.kind, fromUnitId: member.unit.id, toUnitId: destination.id, sentOn: date, decisionRef: ref, temporaryTo });
      return transfer;
    });
  } catch (error) {
    // Two sends racing past the check: the partial unique index keeps one in flight.
    if (error instanceof UniqueConstraintViolationException) throw inFlight(input.memberId);
    throw error;
  }
}

export interface TransferStepInput {
  readonly transferId: number;
  readonly version: number;
  readonly occurredOn: string;
}

/** Runs a step on a transfer still in flight, with the member row locked and the transfer's version checked. */
async function stepOnTransfer<T>(
  ctx: RequestContext,
  transfer: MemberTransfer,
  input: TransferStepInput,
  work: (em: EntityManager, member: Member, managed: MemberTransfer, date: string) => Promise<T>,
): Promise<T> {
  const date = eventDate(input.occurredOn, 'input.occurredOn');
  if (date < transfer.sentOn) throw badInput('input.occurredOn', `must not be before the transfer was sent on ${transfer.sentOn}`);
  return inMemberTransaction(ctx, transfer.member.id, null, async (em, member) => {
    const managed = await em.findOneOrFail(MemberTransfer, transfer.id, { refresh: true });
    if (managed.version !== input.version) throw staleVersion(input.version, managed.version);
    if (managed.state !== TransferState.SENT) throw conflict(`The transfer is already ${managed.state.toLowerCase()}`, { field: 'state', state: managed.state });
    await checkWithinMembership(em, member, date, 'input.occurredOn');
    return work(em, member, managed, date);
  });
}

export interface ReceiveTransferInput extends TransferStepInput {
  readonly decisionRef?: string | null;
}

/** The new cell's side receives: the membership moves (or the attachment starts) on the date. */
export async function receiveMemberTransfer(ctx: RequestContext, input: ReceiveTransferInput): Promise<MemberTransfer> {
  const transfer = await getTransfer(ctx, input.transferId);
  if (!ctx.viewer.can(Permission.MEMBERS_WRITE, transfer.toUnitPath)) throw forbidden('Only the receiving side may receive this transfer');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', false);
  return stepOnTransfer(ctx, transfer, input, async (em, member, managed, date) => {
    if (managed.temporaryTo && date > managed.temporaryTo) throw badInput('input.occurredOn', `the attachment was to end on ${managed.temporaryTo}: cancel the transfer instead`);
    const destination = await em.findOneOrFail(OrgUnit, managed.toUnit.id);
    if (destination.status !== OrgUnitStatus.ACTIVE) throw conflict('The receiving cell has been dissolved: cancel the transfer and send it again', { field: 'toUnitId' });
    const to = toRef(destination);
    const event = appendEvent(ctx, em, member, { kind: MemberEventKind.TRANSFER_RECEIVED, occurredOn: date, decisionRef: ref, unit: to, details: { transferKind: managed.kind }, transfer: managed });
    const temporary = await runningMemberships(em, member, date, [MembershipKind.TEMPORARY]);
    if (managed.kind === MembershipKind.OFFICIAL) {
      endMemberships(await runningMemberships(em, member, date, [MembershipKind.OFFICIAL]), date, event);
      // Becoming official where the member was attached ends the attachment.
      endMemberships(temporary.filter((t) => t.unit.id === to.id), date, event);
      // The ORM inserts before it updates: end the open period first, or the new one breaks "one open period per kind".
      await em.flush();
      openMembership(em, member, to, MembershipKind.OFFICIAL, date, event);
      moveCaches(em, member, to);
      await endPositions(ctx, em, member, date, to.path);
    } else {
      endMemberships(temporary, date, event);
      await em.flush();
      openMembership(em, member, to, MembershipKind.TEMPORARY, date, event, managed.temporaryTo ? addDays(managed.temporaryTo, 1) : null);
    }
    managed.state = TransferState.RECEIVED;
    managed.receivedOn = date;
    managed.receivedDecisionRef = ref;
    auditEvent(ctx, em, 'receiveMemberTransfer', member, { state: TransferState.SENT }, { state: managed.state, transferId: managed.id, kind: managed.kind, unitId: to.id, receivedOn: date, decisionRef: ref });
    return managed;
  });
}

export interface CancelTransferInput extends TransferStepInput {
  readonly reason: string;
}

/** Either side may call a transfer off while it is in flight (the receiving side refusing it). */
export async function cancelMemberTransfer(ctx: RequestContext, input: CancelTransferInput): Promise<MemberTransfer> {
  const transfer = await getTransfer(ctx, input.transferId);
  if (!ctx.viewer.can(Permission.MEMBERS_WRITE, transfer.fromUnitPath) && !ctx.viewer.can(Permission.MEMBERS_WRITE, transfer.toUnitPath)) {
    throw forbidden('Only the sending or the receiving side may cancel this transfer');
  }
  const reason = reasonText(input.reason, 'input.reason');
  return stepOnTransfer(ctx, transfer, input, async (em, member, managed, date) => {
    appendEvent(ctx, em, member, { kind: MemberEventKind.TRANSFER_CANCELLED, occurredOn: date, decisionRef: null, unit: unitOfMember(member), details: { reason, transferKind: managed.kind }, transfer: managed });
    managed.state = TransferState.CANCELLED;
    managed.cancelledOn = date;
    managed.cancelReason = reason;
    auditEvent(ctx, em, 'cancelMemberTransfer', member, { state: TransferState.SENT }, { state: managed.state, transferId: managed.id, cancelledOn: date, reason });
    return managed;
  });
}

/** The member's official side ends a temporary attachment from the date on (the member is back). */
export function endTemporaryMembership(ctx: RequestContext, input: MemberEventInput): Promise<Member> {
  return onMemberEvent(ctx, input, false, () => null, async ({ em, member, date, ref }) => {
    const [attachment] = await runningMemberships(em, member, date, [MembershipKind.TEMPORARY]);
    if (!attachment) throw conflict(`The member is not temporarily attached to a cell on ${date}`, { field: 'input.occurredOn' });
    const unit: UnitRef = { id: attachment.unit.id, path: attachment.unitPath, provinceId: attachment.provinceId };
    const event = appendEvent(ctx, em, member, { kind: MemberEventKind.TEMPORARY_ENDED, occurredOn: date, decisionRef: ref, unit });
    endMemberships([attachment], date, event);
    auditEvent(ctx, em, 'endTemporaryMembership', member, { temporaryUnitId: unit.id }, { temporaryUnitId: unit.id, endedOn: date, decisionRef: ref });
    return member;
  });
}
