import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * HOOK for the supervision half of issue #5 (supervisory assignments, another branch): the ids
 * of the cells in the committee's subtree (`committeePath`) that were supervised in `year`.
 * Coverage counts a cell as covered when it was inspected or supervised. Until the assignments
 * are merged nothing counts as supervised: an empty set.
 */
export async function supervisedCellIds(_em: EntityManager, _committeePath: string, _year: number): Promise<ReadonlySet<number>> {
  return new Set<number>();
}
