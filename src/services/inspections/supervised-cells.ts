import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The cells in the committee's subtree (`committeePath`) that were supervised in `year`: a
 * supervisor attended one of their meetings (recorded as a guest with their account) while their
 * assignment to that cell ran. Coverage counts a cell as covered when inspected or supervised.
 */
export async function supervisedCellIds(em: EntityManager, committeePath: string, year: number): Promise<ReadonlySet<number>> {
  const rows = await em.getConnection().execute<Array<{ unit_id: number }>>(
    `select distinct sa.unit_id
       from supervisory_assignment sa
       join meeting m on m.unit_path like sa.unit_path || '%' and m.status = 'HELD'
                     and m.held_on between sa.starts_on and sa.ends_on and m.held_on between ?::date and ?::date
       join meeting_guest g on g.meeting_id = m.id and g.account_id = sa.account_id
      where sa.unit_path like ?`,
    [`${year}-01-01`, `${year}-12-31`, `${committeePath}%`],
    'all',
    em.getTransactionContext(),
  );
  return new Set(rows.map((r) => r.unit_id));
}
