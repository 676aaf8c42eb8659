import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The cell's members on a date: the roster a meeting is held with. It is frozen into the
 * meeting's attendance rows when the meeting is recorded as held, so a later transfer does not
 * rewrite past meetings. (Until membership history lands, "member on a date" is the current
 * membership admitted by that date.)
 */
export async function rosterOn(em: EntityManager, cellId: number, date: string): Promise<number[]> {
  const rows = await em.getConnection().execute<{ id: number }[]>(
    'select id from member where unit_id = ? and admission_date <= ? order by id',
    [cellId, date],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => r.id);
}

/** The frozen roster of a held meeting. */
export async function frozenRoster(em: EntityManager, meetingId: number): Promise<number[]> {
  const rows = await em.getConnection().execute<{ member_id: number }[]>(
    'select member_id from meeting_attendance where meeting_id = ? order by member_id',
    [meetingId],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => r.member_id);
}
