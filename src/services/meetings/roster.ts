import type { EntityManager } from '@mikro-orm/postgresql';
import { membersOfCellOn } from '../members/membership';

/**
 * The cell's members on a date: the roster a meeting is held with, from the membership periods
 * the member lifecycle writes. It is frozen into the meeting's attendance rows when the meeting is
 * recorded as held, so that later events do not rewrite past meetings.
 */
export function rosterOn(em: EntityManager, cellId: number, date: string): Promise<number[]> {
  return membersOfCellOn(em, cellId, date);
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
