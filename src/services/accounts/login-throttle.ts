import type { EntityManager } from '@mikro-orm/postgresql';

/** Failures allowed before answers slow down, and how long a failure is remembered. */
export const FREE_ATTEMPTS = 5;
export const FAILURE_WINDOW_MINUTES = 15;
const MAX_DOUBLINGS = 5;

/** The delay before answering the next attempt after `failures` recent failures. */
export function throttleDelayMs(failures: number, baseMs: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return baseMs * 2 ** Math.min(failures - FREE_ATTEMPTS, MAX_DOUBLINGS);
}

/**
 * Counts an attempt before its password is checked, atomically, and returns the failures that
 * preceded it (within the window). Counting first means parallel guesses see 5, 6, 7 … and
 * wait longer each, instead of all seeing the same count. Unknown usernames count the same way,
 * so the throttle reveals nothing about which accounts exist. A success clears the count.
 */
export async function countAttempt(em: EntityManager, username: string): Promise<number> {
  const rows = await em.getConnection().execute<{ failures: number }[]>(
    `insert into login_throttle (username, failures, last_failure_at) values (?, 1, now())
     on conflict (username) do update set
       failures = case when login_throttle.last_failure_at > now() - interval '${FAILURE_WINDOW_MINUTES} minutes'
                       then login_throttle.failures + 1 else 1 end,
       last_failure_at = now()
     returning failures`,
    [username],
    'all',
  );
  return (rows[0]?.failures ?? 1) - 1;
}

export async function clearFailures(em: EntityManager, username: string): Promise<void> {
  await em.getConnection().execute('delete from login_throttle where username = ?', [username], 'run');
}
