import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createRequestContext } from './context-factory';
import { fieldLimit } from './http/field-limit';
import { privateAnswer } from './http/private-answer';
import { requestErrorHandler } from './http/request-errors';
import { exportRouter } from './http/export-routes';
import { corsMiddleware } from './http/cors';
import { errorLanguage } from './http/error-language';
import { openapiRoute } from './http/openapi';
import { prepareDatabase } from './db/bootstrap';
import { openDatabase, type Database } from './db/database';
import { createOrm, type Orm } from './db/orm';
import { watchConnections, type ConnectionWatch } from './db/request-work';
import { contextFault, faultStatusPlugin, requestDeadline } from './http/fault-answers';
import { countSql, type SqlCount } from './db/sql-counter';
import { createGraphQLServer, QUERY_LIMITS, type GraphQLServerOptions } from './graphql-server';
import { ideRouter } from './ide';
import { startRefresher, type RunningRefresher } from './services/statistics/refresher';
import { createLogger } from './logger';

export interface RunningServer {
  readonly url: string;
  readonly orm: Orm;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const IDE_PATH = '/ide';
/** After the grace, how long requests whose work was cut off get to send their 503 before their sockets are closed. */
const CUT_OFF_ANSWER_MS = 1000;
/** After that, how long the pool, the refresher and the database each get to close before the process goes on without them. */
const CLOSE_BOUND_MS = 3000;

/** `work`, or undefined once `ms` have passed (logged): a stop must not wait on a part that hangs. */
async function bounded(work: Promise<unknown>, ms: number, what: string, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    if ((await Promise.race([work, late])) === 'late') logger.warn({ ms }, `shutdown: ${what} did not close in time; going on`);
  } catch (error) {
    logger.warn({ err: error }, `shutdown: ${what} failed to close`);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts everything: database (embedded or DATABASE_URL), migrations, demo seed, HTTP. */
export async function startServer(config: Config, options: GraphQLServerOptions & { logger?: Logger } = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config);
  const database: Database = await openDatabase(config, (message) => logger.debug({ source: 'postgres' }, message.trim()));
  let orm: Orm | undefined;
  try {
    // Migrations and the demo seed run without the requests' statement bounds (an index on a big table takes longer).
    const setup = await createOrm(database.url, 2);
    try {
      await prepareDatabase(setup, logger, config.seedDemo);
    } finally {
      await setup.close(true);
    }
    orm = await createOrm(database.url, 10, {
      statementTimeoutMs: config.dbStatementTimeoutMs,
      idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
      acquireTimeoutMs: config.requestTimeoutMs,
    });
    return await listen(config, logger, orm, database, options, watchConnections(orm, logger));
  } catch (error) {
    await orm?.close(true);
    await database.stop();
    throw error;
  }
}

async function listen(config: Config, logger: Logger, orm: Orm, database: Database, options: GraphQLServerOptions, watch: ConnectionWatch): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const apollo = createGraphQLServer(config, {
    ...options,
    plugins: [
      // Its own force-close comes after ours (stop() below): sockets of cut-off requests first get their answer.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs + CUT_OFF_ANSWER_MS + 500 }),
      faultStatusPlugin(logger),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  let shuttingDown = false;

  app.use((req, res, next) => {
    const given = req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    if (shuttingDown) res.setHeader('connection', 'close');
    next();
  });
  // Before every route: a browser's preflight is answered here, never by Apollo's CSRF check.
  app.use(corsMiddleware(config), errorLanguage);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    if (shuttingDown) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await orm.em.fork().getConnection().execute('select 1', [], 'all');
      res.json({ status: 'ready', database: 'ok' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.get('/openapi.json', openapiRoute);
  if (config.graphqlIde) app.use(IDE_PATH, ideRouter(IDE_PATH, '/graphql'));
  app.use('/export', privateAnswer, exportRouter(orm, config, logger));

  app.use(
    '/graphql',
    privateAnswer,
    // Large enough for a CSV import of 5,000 rows sent as a variable.
    express.json({ limit: '4mb' }),
    fieldLimit(QUERY_LIMITS.maxTokens),
    (req, res, next) => {
      if (!config.sqlStatementHeader) return next();
      // Counts the statements this request runs; read by the benchmark and the N+1 tests.
      const counter: SqlCount = { statements: 0 };
      res.locals.sqlCount = counter;
      countSql(counter, next);
    },
    requestDeadline(watch, config.requestTimeoutMs, logger),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createRequestContext(
          orm,
          config,
          logger,
          res.locals.requestId as string,
          { authorization: req.header('authorization'), apiKey: req.header('x-api-key') },
          res.locals.sqlCount as SqlCount | undefined,
        ).catch((error: unknown) => {
          throw contextFault(error);
        }),
    }),
  );

  app.use(requestErrorHandler(logger));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const refresher: RunningRefresher | null = config.statisticsRefreshMs > 0 ? startRefresher(orm, config.statisticsRefreshMs, logger) : null;
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url: `${url}/graphql`, ide: config.graphqlIde ? `${url}${IDE_PATH}` : undefined, embeddedDatabase: database.embedded }, 'chibo listening');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      shuttingDown = true;
      logger.info('shutting down: no new connections, finishing requests in flight');
      // apollo.stop() drains the HTTP server (stops accepting, waits for in-flight requests).
      // Past the grace, work still running is cut off: its sessions are terminated, so PostgreSQL
      // rolls back what it had not committed, and its requests answer 503 SERVICE_UNAVAILABLE.
      let forceClose: NodeJS.Timeout | undefined;
      const grace = setTimeout(() => {
        void watch.cutOffAll('shutdown').then((sessions) => {
          if (sessions > 0) logger.warn({ sessions, graceMs: config.shutdownGraceMs }, 'shutdown grace over: work in progress cut off and rolled back');
        });
        forceClose = setTimeout(() => httpServer.closeAllConnections(), CUT_OFF_ANSWER_MS);
      }, config.shutdownGraceMs);
      await apollo.stop();
      clearTimeout(grace);
      clearTimeout(forceClose);
      await bounded(refresher?.stop() ?? Promise.resolve(), CLOSE_BOUND_MS, 'the statistics refresher', logger);
      // The pool waits for connections still checked out (a request stuck outside the database); their sessions are gone already.
      await bounded(orm.close(true), CLOSE_BOUND_MS, 'the connection pool', logger);
      await database.stop();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { url, orm, stop };
}
