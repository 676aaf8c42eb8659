import { MikroORM, ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from '../entities';
import { migrationsList } from '../../migrations';
import { recordSqlStatement } from './sql-counter';

export type Orm = MikroORM<PostgreSqlDriver>;

/**
 * Bounds of the server's connections (decisions.md §44). CLIs (migrations, statistics rebuild,
 * audit check, bench generation) pass none: their long statements are legitimate.
 */
export interface SessionLimits {
  /** statement_timeout in ms (0: none). */
  readonly statementTimeoutMs: number;
  /** idle_in_transaction_session_timeout in ms (0: none). */
  readonly idleInTransactionTimeoutMs: number;
  /** How long a request waits for a pooled connection before failing (knex's default is 60 s). */
  readonly acquireTimeoutMs: number;
}

function sessionSql(limits: SessionLimits | undefined): string {
  // JIT compiles big statements (compliance) for longer than they run: 941 ms of 1,662 ms measured.
  const settings = ['set jit = off'];
  if (limits) {
    settings.push(`set statement_timeout = ${Math.trunc(limits.statementTimeoutMs)}`);
    settings.push(`set idle_in_transaction_session_timeout = ${Math.trunc(limits.idleInTransactionTimeoutMs)}`);
  }
  return settings.join('; ');
}

/** One ORM (and pool) per process; requests fork its EntityManager. */
export async function createOrm(clientUrl: string, poolMax = 10, limits?: SessionLimits): Promise<Orm> {
  const session = sessionSql(limits);
  const orm = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: { migrationsList, silent: true, transactional: true, allOrNothing: true, snapshot: false, tableName: 'mikro_orm_migrations' },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: {
      min: 0,
      max: poolMax,
      ...(limits ? { acquireTimeoutMillis: limits.acquireTimeoutMs } : {}),
      afterCreate: (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
        conn.query(session, (err) => done(err, conn));
      },
    },
    debug: false,
  });
  orm.em.getConnection().getKnex().on('query', recordSqlStatement);
  return orm;
}

export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
