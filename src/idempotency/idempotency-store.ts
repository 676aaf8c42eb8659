import type { EntityManager } from '@mikro-orm/postgresql';

/** A stored answer: what the first request with the key got. */
export interface StoredResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** What a claim of (account, key) found. */
export type Claim =
  | { readonly kind: 'claimed' }
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
  response: Record<string, unknown> | null;
}

/** Expired rows removed per finished request: cleanup keeps pace with use, with no timer. */
const PURGE_BATCH = 100;

const run = <T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> => em.getConnection().execute<T[]>(sql, params, 'all');

/**
 * Claims a key for a request, in one statement: a new key, an expired one, or one whose request
 * died in progress (same fingerprint, lock run out) is taken; PostgreSQL's unique key makes two
 * concurrent claims end with one owner. Otherwise the row found says replay, in progress or mismatch.
 */
export async function claimKey(em: EntityManager, ref: KeyRef, fingerprint: Buffer, ttlSeconds: number, lockSeconds: number): Promise<Claim> {
  // A key released between the two statements is claimed on the next turn.
  for (let attempt = 0; attempt < 3; attempt += 1) {
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
    if (claimed.length > 0) return { kind: 'claimed' };
    const [found] = await run<KeyRow>(em, 'select fingerprint, state, http_status, response from idempotency_key where account_id = ? and key = ?', [ref.accountId, ref.key]);
    if (!found) continue;
    if (!found.fingerprint.equals(fingerprint)) return { kind: 'mismatch' };
    if (found.state === 'IN_PROGRESS') return { kind: 'in-progress' };
    return { kind: 'replay', response: { status: found.http_status ?? 200, body: found.response ?? {} } };
  }
  return { kind: 'in-progress' };
}

/** Keeps the answer of a request that wrote something, to replay until the key expires. */
export async function completeKey(em: EntityManager, ref: KeyRef, response: StoredResponse): Promise<void> {
  await run(em, `update idempotency_key set state = 'COMPLETED', http_status = ?, response = ? where account_id = ? and key = ?`, [
    response.status,
    JSON.stringify(response.body),
    ref.accountId,
    ref.key,
  ]);
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
