import type { EntityManager } from '@mikro-orm/postgresql';
import { MemberEventKind, MembershipKind } from '../../entities/member-lifecycle-enums';
import type { RequestContext } from '../../request-context';
import { POSITION_ENDED_SET, type UnitRef } from './member-history';

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

const intArray = (values: readonly number[]): string => `{${values.join(',')}}`;
const textArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * Carries members of a cell that is merged or split into its successor(s) on the day: each gets
 * a REORGANISED event, their periods in the old cell end and continue (same kind) in the new one,
 * and official members' caches follow. Posts held in the old cell end with it. In the caller's transaction.
 *
 * Set-based (issue #16): a fixed number of statements whatever the number of members, writing the
 * rows the per-member event service wrote, in the same order (events and new periods in the order
 * of `moves`), so ids and history are unchanged (test/restructuring/set-based-outcome.test.ts).
 */
export async function reorganiseMembers(ctx: RequestContext, em: EntityManager, from: UnitRef, moves: ReadonlyArray<{ memberId: number; to: UnitRef }>, on: string, decisionRef: string): Promise<void> {
  const run = <T>(sql: string, params: unknown[]): Promise<T[]> => em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
  if (moves.length > 0) {
    const ids = intArray(moves.map((m) => m.memberId));
    // The member rows, in id order, as every event on a member locks its own: no event on them runs meanwhile.
    await run('select id from member where id = any(?::int[]) order by id for update', [ids]);
    // The moves as a table, numbered in the order given: events and new periods are written in that order.
    await run('create temporary table if not exists reorganised_move (n int primary key, member_id int not null, to_id int not null, to_path text not null, to_province int not null, event_id int) on commit drop', []);
    await run('truncate reorganised_move', []);
    await run(
      `insert into reorganised_move (n, member_id, to_id, to_path, to_province)
       select n, member_id, to_id, to_path, to_province from unnest(?::int[], ?::int[], ?::text[], ?::int[]) with ordinality as m(member_id, to_id, to_path, to_province, n)`,
      [ids, intArray(moves.map((m) => m.to.id)), textArray(moves.map((m) => m.to.path)), intArray(moves.map((m) => m.to.provinceId))],
    );
    await run(
      `with created as (
         insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, decision_ref, details, transfer_id, author_id)
         select m.to_province, m.member_id, m.to_id, m.to_path, ?, ?::date, ?, jsonb_build_object('fromUnitId', ?::int, 'toUnitId', m.to_id), null, ?
           from reorganised_move m order by m.n
         returning id, member_id)
       update reorganised_move m set event_id = c.id from created c where c.member_id = m.member_id`,
      [MemberEventKind.REORGANISED, on, decisionRef, from.id, ctx.viewer.accountId],
    );
    // The periods running in the old cell that day; a temporary attachment's planned end (one no event wrote) goes on in the successor.
    await run('create temporary table if not exists reorganised_period (id int primary key, n int not null, kind text not null, planned_end date) on commit drop', []);
    await run('truncate reorganised_period', []);
    await run(
      `insert into reorganised_period (id, n, kind, planned_end)
       select p.id, m.n, p.kind, case when p.ended_by_event_id is null and p.ended_on > ?::date then p.ended_on end
         from membership p join reorganised_move m on m.member_id = p.member_id
        where p.unit_id = ? and p.kind in (?, ?) and p.started_on <= ?::date and (p.ended_on is null or p.ended_on > ?::date)`,
      [on, from.id, MembershipKind.OFFICIAL, MembershipKind.TEMPORARY, on, on],
    );
    // The old periods end before the new ones open: one open period per member and kind (unique index).
    await run(
      `update membership p set ended_on = greatest(p.started_on, ?::date), ended_by_event_id = m.event_id
         from reorganised_period r join reorganised_move m on m.n = r.n where p.id = r.id`,
      [on],
    );
    await run(
      `insert into membership (province_id, member_id, unit_id, unit_path, kind, started_on, ended_on, started_by_event_id)
       select m.to_province, m.member_id, m.to_id, m.to_path, r.kind, ?::date, r.planned_end, m.event_id
         from reorganised_period r join reorganised_move m on m.n = r.n order by m.n, r.id`,
      [on],
    );
    // Official members' caches follow their official period; the version moves on as an ORM update would move it.
    await run(
      `update member t set unit_id = m.to_id, unit_path = m.to_path, province_id = m.to_province, version = t.version + 1, updated_at = now()
         from reorganised_move m where t.id = m.member_id and exists (select 1 from reorganised_period r where r.n = m.n and r.kind = ?)`,
      [MembershipKind.OFFICIAL],
    );
  }
  await run(`update member_position set ${POSITION_ENDED_SET} where unit_id = ? and ended_on is null`, [on, ctx.viewer.accountId, from.id]);
}
