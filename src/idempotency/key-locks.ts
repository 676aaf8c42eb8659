import { createHash } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

/**
 * Advisory lock space of idempotency keys (the two-key form, first key this class), apart from the
 * rule locks of db/advisory-lock.ts. A hash collision between two keys in flight at once only makes
 * one of them answer "in progress".
 */
export const KEY_LOCKS = 16_041;

/** The second key of an (account, key) pair's advisory lock: 32 bits of its SHA-256. */
export function keyLockId(accountId: number, key: string): number {
  return createHash('sha256').update(`${accountId}\n${key}`).digest().readInt32BE(0);
}

/**
 * Session-level advisory locks on idempotency keys, all held by one PostgreSQL session of this
 * process (decisions.md §45): a key is locked for exactly as long as its request runs, however
 * long that is, and is freed by PostgreSQL when the process dies (its session ends with it).
 * A session lock is re-entrant within its session, so the keys this process holds are also kept
 * in `held`: a second request of the same process with the key is refused here, not re-granted.
 *
 * The session runs only these two non-blocking statements and is idle in between, never in a
 * transaction. If it is lost while requests run, their keys are guarded only by the lease
 * (IDEMPOTENCY_LOCK_SECONDS, kept in the key's row) until they finish; the next claim opens a new session.
 */
export class KeyLocks {
  private session: Promise<Client> | null = null;
  private readonly held = new Set<number>();

  constructor(private readonly connection: () => ClientConfig) {}

  /** Takes the key's lock if no live request (here or in any process) holds it. */
  async tryLock(id: number): Promise<boolean> {
    if (this.held.has(id)) return false;
    this.held.add(id);
    try {
      const client = await this.open();
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', [KEY_LOCKS, id]);
      if (!rows[0].locked) this.held.delete(id);
      return rows[0].locked;
    } catch (error) {
      this.held.delete(id);
      throw error;
    }
  }

  /** Frees a key taken by tryLock (after its answer was recorded). */
  async unlock(id: number): Promise<void> {
    if (!this.held.delete(id) || !this.session) return;
    const client = await this.session;
    await client.query('select pg_advisory_unlock($1, $2)', [KEY_LOCKS, id]);
  }

  /** Ends the session, and with it every lock it holds. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.held.clear();
    if (session) await (await session).end().catch(() => undefined);
  }

  private open(): Promise<Client> {
    if (this.session) return this.session;
    const opening = (async () => {
      const client = new Client({ ...this.connection(), keepAlive: true, application_name: 'chibo idempotency locks' });
      const lost = (): void => {
        if (this.session === opening) this.session = null;
      };
      // An unhandled 'error' would crash the process; a lost session is replaced at the next claim.
      client.on('error', lost);
      client.on('end', lost);
      await client.connect();
      // An idle session must not be ended by the server: it holds the locks of running requests.
      await client.query("select set_config('idle_session_timeout', '0', false), set_config('statement_timeout', '5s', false)");
      return client;
    })();
    this.session = opening;
    opening.catch(() => {
      if (this.session === opening) this.session = null;
    });
    return opening;
  }
}
