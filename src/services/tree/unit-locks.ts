import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Row locks on org_unit that make the tree's rules hold under concurrency (decisions.md §40).
 * Every writer takes them at the start of its transaction, before any check, and in one order
 * (ascending id), so two writers on the same units queue instead of deadlocking:
 * - a restructuring (merge, split, dissolve, move, rename) locks the units it changes FOR UPDATE;
 * - a transfer locks the cells it leaves and enters FOR SHARE: transfers do not wait for each
 *   other, but a merge or split of either cell waits for the transfer (and then sees it in
 *   flight), or the transfer waits for the merge (and then finds the cell dissolved).
 */
export type UnitLockMode = 'update' | 'share';

export async function lockUnits(em: EntityManager, ids: Iterable<number>, mode: UnitLockMode): Promise<void> {
  const sorted = [...new Set(ids)].filter((id) => Number.isInteger(id)).sort((a, b) => a - b);
  if (sorted.length === 0) return;
  await em.getConnection().execute(`select id from org_unit where id = any(?::int[]) order by id for ${mode === 'update' ? 'update' : 'share'}`, [`{${sorted.join(',')}}`], 'all', em.getTransactionContext());
}

/**
 * Locks units about to be restructured and their active children (reattached to the result, so
 * changed too), all FOR UPDATE in id order. The children are read before the lock: one that a
 * concurrent writer adds meanwhile is locked by the update that reattaches it.
 */
export async function lockForRestructuring(em: EntityManager, ids: readonly number[]): Promise<void> {
  const children = await em.getConnection().execute<Array<{ id: number }>>(
    "select id from org_unit where parent_id = any(?::int[]) and status = 'ACTIVE'",
    [`{${ids.filter((id) => Number.isInteger(id)).join(',')}}`],
    'all',
    em.getTransactionContext(),
  );
  await lockUnits(em, [...ids, ...children.map((c) => c.id)], 'update');
}
