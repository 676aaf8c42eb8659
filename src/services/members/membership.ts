import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * "Member of this cell on this date", from the membership periods: the one answer the meetings
 * (rosters, chairs, attendance, tasks) and the members code share. A member temporarily attached
 * elsewhere attends that cell's meetings, not the official cell's, for the attachment; the
 * official cell still counts them as its member.
 */
export async function membersOfCellOn(em: EntityManager, cellId: number, date: string): Promise<number[]> {
  const rows = await em.getConnection().execute<{ member_id: number }[]>(
    `select ms.member_id from membership ms
      where ms.unit_id = ? and ms.started_on <= ?::date and (ms.ended_on is null or ms.ended_on > ?::date)
        and (ms.kind = 'TEMPORARY' or not exists (
              select 1 from membership t where t.member_id = ms.member_id and t.kind = 'TEMPORARY'
                 and t.started_on <= ?::date and (t.ended_on is null or t.ended_on > ?::date)))
      order by ms.member_id`,
    [cellId, date, date, date, date],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => r.member_id);
}

/** Of these members, those exempt from work and meetings on the date, with the reason. */
export async function exemptOn(em: EntityManager, memberIds: readonly number[], date: string): Promise<Map<number, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await em.getConnection().execute<{ member_id: number; reason: string }[]>(
    `select member_id, reason from member_exemption
      where member_id in (${memberIds.map(() => '?').join(',')}) and started_on <= ?::date and (ended_on is null or ended_on > ?::date)`,
    [...memberIds, date, date],
    'all',
    em.getTransactionContext(),
  );
  return new Map(rows.map((r) => [r.member_id, r.reason]));
}
