// First: a clear stop on an old Node before any dependency loads.
import './node-version-check';
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { isClusterPrimary, startCluster } from './cluster';

/** `npm start`: the server (or CLUSTER_WORKERS of them), with embedded PostgreSQL and demo data unless DATABASE_URL is set. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  const server = isClusterPrimary(config) ? await startCluster(config, logger) : await startServer(config, { logger });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'signal received');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`chibo failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
