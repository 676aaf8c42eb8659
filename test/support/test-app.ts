import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { loadViewer } from '../../src/auth/identify';
import { Viewer } from '../../src/auth/viewer';
import { loadConfig, type Config } from '../../src/config';
import { createRequestContext } from '../../src/context-factory';
import { createOrm, type Orm } from '../../src/db/orm';
import { countSql } from '../../src/db/sql-counter';
import { createGraphQLServer, type ServerContext } from '../../src/graphql-server';
import { refreshStatistics } from '../../src/services/statistics/refresh';
import { buildFixture, type AccountName, type Fixture } from './fixture';
import { createTestDatabase } from './test-database';

export interface GqlResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestApp {
  readonly orm: Orm;
  readonly fixture: Fixture;
  readonly config: Config;
  readonly databaseUrl: string;
  /** Runs an operation through Apollo (permissions on) as a fixture account, or anonymously. */
  run(as: AccountName | 'anonymous', query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  /** Counts SQL statements executed inside `fn`. */
  countSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
  /** Takes every pending change into the statistics rollups, as the server's background refresher does. */
  refreshStatistics(): Promise<void>;
  /** Rows of a raw query, for asserting database state. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const TEST_ENV = {
  NODE_ENV: 'test',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
  LOGIN_THROTTLE_BASE_MS: '1',
  LOG_LEVEL: 'silent',
  // Tests take changes into the statistics when they choose (app.refreshStatistics); one suite runs the background loop.
  STATISTICS_REFRESH_MS: '0',
  // Callers are cached as in production, with a bound short enough for a test to wait out (test/auth/viewer-cache.test.ts).
  VIEWER_CACHE_MS: '200',
} as const;

/** Waits until callers cached before now have expired: a change made outside the API (SQL, another process) is seen after this. */
export function outlastViewerCache(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Number(TEST_ENV.VIEWER_CACHE_MS) + 50));
}

/** A fresh database (cloned from the migrated template) with the canonical fixture. */
export async function createTestApp(options: { permissions?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const orm = await createOrm(database.url, 4);
  const fixture = await buildFixture(orm.em.fork());
  const config = loadConfig({ ...TEST_ENV, DATABASE_URL: database.url });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const apollo: ApolloServer<ServerContext> = createGraphQLServer(config, { permissions: options.permissions });
  await apollo.start();
  let n = 0;

  const viewerFor = async (as: AccountName | 'anonymous'): Promise<Viewer> => {
    if (as === 'anonymous') return Viewer.anonymous();
    const viewer = await loadViewer(orm.em.fork(), fixture.accounts[as]);
    if (!viewer) throw new Error(`No fixture account ${as}`);
    return viewer;
  };

  return {
    orm,
    fixture,
    config,
    databaseUrl: database.url,
    async run(as, query, variables) {
      const contextValue = await createRequestContext(orm, config, logger, `test-${(n += 1)}`, await viewerFor(as));
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
      return response.body.singleResult as GqlResult;
    },
    async countSql(fn) {
      const counter = { statements: 0 };
      const result = await countSql(counter, fn);
      return { result, statements: counter.statements };
    },
    async refreshStatistics() {
      await refreshStatistics(orm.em.fork());
    },
    sql: (query, params = []) => orm.em.fork().getConnection().execute(query, params, 'all'),
    async close() {
      await apollo.stop();
      await orm.close(true);
      await database.drop();
    },
  };
}

/** The single error of a result, for asserting its code and field. */
export function onlyError(result: GqlResult): { code: unknown; field: unknown; message: string } {
  if (!result.errors || result.errors.length !== 1) {
    throw new Error(`Expected exactly one error, got ${JSON.stringify(result.errors ?? null)} with data ${JSON.stringify(result.data)}`);
  }
  const [error] = result.errors;
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}
