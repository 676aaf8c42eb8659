import { MikroORM, ReflectMetadataProvider } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from '../entities';
import { migrationsList } from '../../migrations';
import { recordSqlStatement } from './sql-counter';

export type Orm = MikroORM<PostgreSqlDriver>;

/** One ORM (and pool) per process; requests fork its EntityManager. */
export async function createOrm(clientUrl: string, poolMax = 10): Promise<Orm> {
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
      // JIT compiles big statements (compliance) for longer than they run: 941 ms of 1,662 ms measured.
      afterCreate: (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
        conn.query('set jit = off', (err) => done(err, conn));
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
