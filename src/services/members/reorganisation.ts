import type { EntityManager } from '@mikro-orm/postgresql';
import { Member } from '../../entities/member';
import { MemberEventKind, MembershipKind } from '../../entities/member-lifecycle-enums';
import type { RequestContext } from '../../request-context';
import { appendEvent, endMemberships, moveCaches, openMembership, POSITION_ENDED_SET, runningMemberships, type UnitRef } from './member-history';

/** Members with a period (official or temporary) running in the unit on the day. */
export async function membersIn(em: EntityManager, unitId: number, on: string): Promise<number[]> {
  const rows = await em.getConnection().execute<Array<{ member_id: number }>>(
    `select distinct member_id from membership where unit_id = ? and started_on <= ?::date and (ended_on is null or ended_on > ?::date) order by member_id`,
    [unitId, on, on],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => r.member_id);
}

/**
 * Carries members of a cell that is merged or split into its successor(s) on the day: each gets
 * a REORGANISED event, their periods in the old cell end and continue (same kind) in the new one,
 * and official members' caches follow. Posts held in the old cell end with it. In the caller's transaction.
 */
export async function reorganiseMembers(ctx: RequestContext, em: EntityManager, from: UnitRef, moves: ReadonlyArray<{ memberId: number; to: UnitRef }>, on: string, decisionRef: string): Promise<void> {
  const opened: Array<() => void> = [];
  for (const move of moves) {
    const member = await em.findOneOrFail(Member, move.memberId);
    const periods = (await runningMemberships(em, member, on, [MembershipKind.OFFICIAL, MembershipKind.TEMPORARY])).filter((p) => p.unit.id === from.id);
    const event = appendEvent(ctx, em, member, { kind: MemberEventKind.REORGANISED, occurredOn: on, decisionRef, unit: move.to, details: { fromUnitId: from.id, toUnitId: move.to.id } });
    // A temporary attachment keeps its planned end (an end no event has written yet) in the successor.
    const plannedEnds = periods.map((p) => (!p.endedBy && p.endedOn && p.endedOn > on ? p.endedOn : null));
    endMemberships(periods, on, event);
    periods.forEach((period, i) => opened.push(() => openMembership(em, member, move.to, period.kind, on, event, plannedEnds[i])));
    if (periods.some((p) => p.kind === MembershipKind.OFFICIAL)) moveCaches(em, member, move.to);
  }
  // The old periods end before the new ones open: one open period per member and kind (unique index).
  await em.flush();
  for (const open of opened) open();
  await em.flush();
  await em.getConnection().execute(
    `update member_position set ${POSITION_ENDED_SET} where unit_id = ? and ended_on is null`,
    [on, ctx.viewer.accountId, from.id],
    'run',
    em.getTransactionContext(),
  );
}
