import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';

/**
 * The production server with the first permission layer (field rules) switched off, started
 * by bench/run.ts beside the real one so the benchmark can show what the
 * permission layer costs (architecture.md asks for that overhead to be
 * measured). Benchmark use only: never deploy this entry point.
 */
async function main(): Promise<void> {
  const server = await startServer(loadConfig(process.env), { permissions: false });
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`server-without-permissions: stop after ${signal} failed`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('server-without-permissions: could not start', error);
  process.exit(1);
});
