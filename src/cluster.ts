import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config';
import { prepareDatabase } from './db/bootstrap';
import { openDatabase } from './db/database';
import { createOrm } from './db/orm';

/** A worker that dies sooner than this after its start is not restarted again and again: the primary stops. */
const MIN_WORKER_LIFE_MS = 10_000;

export interface RunningCluster {
  stop(): Promise<void>;
}

/**
 * CLUSTER_WORKERS > 1: this process (the primary) opens the database once (the embedded server
 * too), applies the migrations and the demo seed, then forks that many HTTP workers that share the
 * port (node:cluster) and connect to the prepared database. A worker that dies is replaced; SIGTERM
 * is passed on to every worker and the primary stops the embedded database after them.
 */
export async function startCluster(config: Config, logger: Logger): Promise<RunningCluster> {
  const database = await openDatabase(config, (message) => logger.debug({ source: 'postgres' }, message.trim()));
  try {
    const orm = await createOrm(database.url, 2);
    try {
      await prepareDatabase(orm, logger, config.seedDemo);
    } finally {
      await orm.close(true);
    }
  } catch (error) {
    await database.stop();
    throw error;
  }

  // Workers must not seed or start a database of their own: they get the primary's.
  const workerEnv = { DATABASE_URL: database.url, SEED_DEMO: 'false', CLUSTER_WORKERS: '1', WEB_CONCURRENCY: '' };
  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = (): void => {
    const worker = cluster.fork(workerEnv);
    startedAt.set(worker, Date.now());
  };

  const allExited = new Promise<void>((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      const lived = Date.now() - (startedAt.get(worker) ?? 0);
      startedAt.delete(worker);
      if (!stopping) {
        logger.error({ pid: worker.process.pid, code, signal, livedMs: lived }, 'worker exited');
        if (lived >= MIN_WORKER_LIFE_MS) {
          fork();
        } else {
          logger.error('a worker died right after its start: stopping the cluster');
          void stop().then(() => process.exit(1));
        }
      }
      if (stopping && startedAt.size === 0) resolve();
    });
  });

  for (let i = 0; i < config.clusterWorkers; i += 1) fork();
  logger.info({ workers: config.clusterWorkers, port: config.port, embeddedDatabase: database.embedded }, 'cluster started');

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
      if (startedAt.size > 0) await allExited;
      await database.stop();
      logger.info('stopped');
    })();
    return stopped;
  };
  return { stop };
}

export const isClusterPrimary = (config: Config): boolean => config.clusterWorkers > 1 && cluster.isPrimary;
