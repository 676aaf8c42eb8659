import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Transaction-scoped advisory locks on named groups (decisions.md §39): for a rule over a set of
 * rows that has no single row to lock (the grades of a group against the excellent cap), every
 * writer of the group takes the group's lock before it checks, so the check sees the others'
 * committed writes. Released at commit or rollback.
 *
 * Keys live in their own space (the two-key form, first key RULE_LOCKS), apart from any one-key
 * advisory lock elsewhere. Several keys are locked in ascending hash order, so two writers that
 * need the same groups queue instead of deadlocking (and a hash collision only serialises more).
 */
const RULE_LOCKS = 16_039;

export async function lockGroups(em: EntityManager, keys: Iterable<string>): Promise<void> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return;
  const connection = em.getConnection();
  const tx = em.getTransactionContext();
  if (!tx) throw new Error('lockGroups needs a transaction: the lock would be released at once');
  const hashes = await connection.execute<Array<{ h: number }>>(
    `select distinct hashtext(k) as h from unnest(array[${distinct.map(() => '?::text').join(', ')}]) as k order by h`,
    distinct,
    'all',
    tx,
  );
  for (const { h } of hashes) {
    await connection.execute('select pg_advisory_xact_lock(?, ?)', [RULE_LOCKS, h], 'all', tx);
  }
}
