import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import { cutOffError, CUT_OFF, type CutOffReason } from '../errors/unavailable';
import type { Orm } from './orm';

/**
 * Which pooled connections each request holds, so that its database work can be cut off at its
 * deadline or at the end of the shutdown grace (decisions.md §44).
 *
 * Cutting off terminates the request's PostgreSQL sessions (pg_terminate_backend): whatever runs
 * or waits in them is rolled back by PostgreSQL, including a transaction idle between two
 * statements, which a cancel would not reach. The connections are marked disposed first, so the
 * pool never hands them to another request, and statements of a cut-off request fail at once
 * (its transaction's ROLLBACK excepted), before any connection is taken.
 */

/** node-postgres's Client, as far as this file uses it. */
interface PgConnection {
  readonly processID: number | null;
  query: (...args: unknown[]) => unknown;
  /** knex's mark of a connection its pool must destroy rather than hand out again. */
  __knex__disposed?: unknown;
}

/** knex's client, as far as this file uses it (instance methods, overridden on this one pool's client). */
interface KnexClient {
  acquireRawConnection(): Promise<PgConnection>;
  destroyRawConnection(connection: PgConnection): Promise<void>;
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** One request's database work: the connections it holds and whether it was cut off. */
export class RequestWork {
  cutOff: CutOffReason | null = null;
  readonly held = new Set<PgConnection>();
}

const current = new AsyncLocalStorage<RequestWork>();

/** Runs `fn` (a request's handling) as one unit of work: connections taken inside are tracked for it. */
export function runAsWork<T>(work: RequestWork, fn: () => T): T {
  return current.run(work, fn);
}

export interface ConnectionWatch {
  /** Cuts off one request's work: refuses its further statements and terminates the sessions it holds. */
  cutOff(work: RequestWork, reason: CutOffReason): Promise<void>;
  /** At the end of the shutdown grace: refuses every further statement, terminates every session in use; the count of those. */
  cutOffAll(reason: CutOffReason): Promise<number>;
}

const ROLLBACK = /^\s*rollback\b/i;

function statementText(args: unknown[]): string {
  const first = args[0];
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && typeof (first as { text?: unknown }).text === 'string') return (first as { text: string }).text;
  return '';
}

/** Installs the watch on the ORM's pool; call before the pool opens its first connection. */
export function watchConnections(orm: Orm, logger: Logger): ConnectionWatch {
  const client = orm.em.getConnection().getKnex().client as unknown as KnexClient;
  const acquireRaw = client.acquireRawConnection.bind(client);
  const destroyRaw = client.destroyRawConnection.bind(client);
  const acquire = client.acquireConnection.bind(client);
  const release = client.releaseConnection.bind(client);
  const owners = new Map<PgConnection, RequestWork | null>();
  /** Connections whose sessions were terminated, and why: their errors say so. */
  const severed = new WeakMap<PgConnection, CutOffReason>();
  let closed: CutOffReason | null = null;

  /** Connections whose query is watched; wrapped when first taken from the pool (the ORM opens one before the watch exists). */
  const watched = new WeakSet<PgConnection>();
  const watch = (connection: PgConnection): void => {
    if (watched.has(connection)) return;
    watched.add(connection);
    const query = connection.query.bind(connection);
    connection.query = (...args: unknown[]) => {
      const reason = severed.get(connection) ?? owners.get(connection)?.cutOff;
      if (reason && !ROLLBACK.test(statementText(args))) {
        // A statement (COMMIT included) after the cut-off: never sent, and the session is being terminated.
        throw cutOffError(reason);
      }
      const callback = args[args.length - 1];
      if (typeof callback === 'function') {
        // Errors of a severed session (57P01, "Connection terminated") say why it was severed.
        args[args.length - 1] = (error: unknown, result: unknown) => {
          const why = severed.get(connection);
          (callback as (e: unknown, r: unknown) => void)(why && error instanceof Error && !(CUT_OFF in error) ? cutOffError(why, error) : error, result);
        };
      }
      return query(...args);
    };
  };

  client.acquireConnection = async () => {
    const work = current.getStore() ?? null;
    const refused = closed ?? work?.cutOff;
    if (refused) throw cutOffError(refused);
    const connection = await acquire();
    watch(connection);
    owners.set(connection, work);
    work?.held.add(connection);
    if (work?.cutOff) {
      // Cut off while waiting for the pool: give the connection back unused.
      await client.releaseConnection(connection);
      throw cutOffError(work.cutOff);
    }
    return connection;
  };

  client.releaseConnection = (connection) => {
    owners.get(connection)?.held.delete(connection);
    owners.delete(connection);
    return release(connection);
  };

  const terminate = async (connections: PgConnection[], reason: CutOffReason): Promise<void> => {
    const pids: number[] = [];
    for (const connection of connections) {
      severed.set(connection, reason);
      connection.__knex__disposed = `cut off (${reason})`;
      if (connection.processID !== null) pids.push(connection.processID);
    }
    if (pids.length === 0) return;
    let admin: PgConnection | undefined;
    try {
      // A connection of its own, outside the pool: the pool may be exhausted by the very work being cut off.
      admin = await acquireRaw();
      const conn = admin;
      await new Promise<void>((resolve, reject) => {
        conn.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids], (error: Error | null) => (error ? reject(error) : resolve()));
      });
    } catch (error) {
      // The database is out of reach: the sessions end with it, and their work with them.
      logger.warn({ err: error, pids }, 'could not terminate database sessions');
    } finally {
      if (admin) await destroyRaw(admin).catch(() => undefined);
    }
  };

  return {
    async cutOff(work, reason) {
      if (work.cutOff) return;
      work.cutOff = reason;
      await terminate([...work.held], reason);
    },
    async cutOffAll(reason) {
      closed = reason;
      const connections = [...owners.keys()];
      for (const work of new Set(owners.values())) if (work && !work.cutOff) work.cutOff = reason;
      await terminate(connections, reason);
      return connections.length;
    },
  };
}
