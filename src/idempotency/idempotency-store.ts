import type { EntityManager } from '@mikro-orm/postgresql';
import { keyLockId, type KeyLocks } from './key-locks';

/**
 * A stored answer: what the first request with the key got, its body as the JSON text it was sent
 * as (kept as text, not jsonb, which reorders keys: a replay is the same bytes).
 */
export interface StoredResponse {
  readonly status: number;
  readonly body: string;
}

/** What a claim of (account, key) found. */
export type Claim =
  | { readonly kind: 'claimed'; readonly lockId: number }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'mismatch' };

export interface KeyRef {
  readonly accountId: number;
  readonly key: string;
}

interface KeyRow {
  fingerprint: Buffer;
  state: 'IN_PROGRESS' | 'COMPLETED';
  http_status: number | null;
  response: string | null;
  expired: boolean;
}

/** Expired rows removed per finished request: cleanup keeps pace with use, with no timer. */
const PURGE_BATCH = 100;

const run = <T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> => em.getConnection().execute<T[]>(sql, params, 'all');

/** What the key's row says to a request that may not run: replay, mismatch or in progress. */
async function foundRow(em: EntityManager, ref: KeyRef, fingerprint: Buffer): Promise<Claim | null> {
  const [found] = await run<KeyRow>(
    em,
    'select fingerprint, state, http_status, response, expires_at < now() as expired from idempotency_key where account_id = ? and key = ?',
    [ref.accountId, ref.key],
  );
  if (!found) return null;
  // An expired row is being taken over by whoever holds the lock.
  if (found.expired) return { kind: 'in-progress' };
  if (!found.fingerprint.equals(fingerprint)) return { kind: 'mismatch' };
  if (found.state === 'IN_PROGRESS' || found.response === null) return { kind: 'in-progress' };
  return { kind: 'replay', response: { status: found.http_status ?? 200, body: found.response } };
}

/**
 * Claims a key for a request. The key's advisory lock (key-locks.ts) is held while the request
 * runs, so a request still running, however long, is never run a second time: a claim that cannot
 * take the lock answers from the row (a finished answer is replayed at once) or "in progress".
 * Holding the lock, the claim takes the row in one statement when it is new, expired, or left in
 * progress by a request that died (its lock is gone) once its lease (IDEMPOTENCY_LOCK_SECONDS)
 * has run out: a process killed between its commit and recording its answer is not re-run at once.
 * The lock of a claim that is not taken is released before returning; a taken one stays with the request.
 */
export async function claimKey(em: EntityManager, locks: KeyLocks, ref: KeyRef, fingerprint: Buffer, ttlSeconds: number, lockSeconds: number): Promise<Claim> {
  const lockId = keyLockId(ref.accountId, ref.key);
  if (!(await locks.tryLock(lockId))) return (await foundRow(em, ref, fingerprint)) ?? { kind: 'in-progress' };
  let taken = false;
  try {
    const claimed = await run(
      em,
      `insert into idempotency_key (account_id, key, fingerprint, state, locked_until, expires_at)
       values (?, ?, ?, 'IN_PROGRESS', now() + make_interval(secs => ?), now() + make_interval(secs => ?))
       on conflict (account_id, key) do update
         set fingerprint = excluded.fingerprint, state = 'IN_PROGRESS', http_status = null, response = null,
             created_at = now(), locked_until = excluded.locked_until, expires_at = excluded.expires_at
         where idempotency_key.expires_at < now()
            or (idempotency_key.state = 'IN_PROGRESS' and idempotency_key.locked_until < now() and idempotency_key.fingerprint = excluded.fingerprint)
       returning 1`,
      [ref.accountId, ref.key, fingerprint, lockSeconds, ttlSeconds],
    );
    if (claimed.length > 0) {
      taken = true;
      return { kind: 'claimed', lockId };
    }
    // Under the lock the row cannot have gone; if it has (removed by hand), the client retries.
    return (await foundRow(em, ref, fingerprint)) ?? { kind: 'in-progress' };
  } finally {
    if (!taken) await locks.unlock(lockId);
  }
}

/**
 * Keeps the answer of a request that wrote something, to replay for IDEMPOTENCY_TTL_SECONDS from
 * now. Written whole (an upsert, under the key's lock): a request that ran longer than the TTL may
 * have seen its row purged meanwhile, and its answer must still be kept.
 */
export async function completeKey(em: EntityManager, ref: KeyRef, fingerprint: Buffer, ttlSeconds: number, response: StoredResponse): Promise<void> {
  await run(
    em,
    `insert into idempotency_key (account_id, key, fingerprint, state, http_status, response, locked_until, expires_at)
     values (?, ?, ?, 'COMPLETED', ?, ?, now(), now() + make_interval(secs => ?))
     on conflict (account_id, key) do update
       set fingerprint = excluded.fingerprint, state = 'COMPLETED', http_status = excluded.http_status, response = excluded.response,
           expires_at = excluded.expires_at`,
    [ref.accountId, ref.key, fingerprint, response.status, response.body, ttlSeconds],
  );
}

/** Forgets the claim of a request that wrote nothing, so that a retry with the same key runs afresh. */
export async function releaseKey(em: EntityManager, ref: KeyRef): Promise<void> {
  await run(em, `delete from idempotency_key where account_id = ? and key = ? and state = 'IN_PROGRESS'`, [ref.accountId, ref.key]);
}

/** Removes a batch of expired keys. */
export async function purgeExpiredKeys(em: EntityManager): Promise<void> {
  await run(em, 'delete from idempotency_key where ctid = any(array(select ctid from idempotency_key where expires_at < now() limit ?))', [PURGE_BATCH]);
}

/** Whether any of these audit entries was committed: every committed write leaves one. */
export async function anyCommitted(em: EntityManager, auditEntryIds: readonly string[]): Promise<boolean> {
  if (auditEntryIds.length === 0) return false;
  const [row] = await run<{ found: boolean }>(em, "select exists (select 1 from audit_entry where id = any(string_to_array(?, ',')::bigint[])) as found", [auditEntryIds.join(',')]);
  return row.found;
}
