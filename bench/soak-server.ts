import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';

/**
 * The production server (permissions on, as `npm start` runs it) for the memory soak of
 * bench/lib/soak.ts, which also prints process.memoryUsage() as one JSON line on stdout every
 * BENCH_MEMORY_LOG_MS (default 10,000) ms: `{"benchMemory":{"rss":…,"heapUsed":…,…}}`. The
 * heap figures are only visible from inside the process; src/ knows nothing of this.
 * Benchmark use only: never deploy this entry point.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config, { logger: createLogger(config) });
  const interval = Number(process.env.BENCH_MEMORY_LOG_MS ?? 10_000);
  const report = (): void => {
    process.stdout.write(`${JSON.stringify({ benchMemory: process.memoryUsage() })}\n`);
  };
  report();
  const timer = setInterval(report, Number.isFinite(interval) && interval > 0 ? interval : 10_000);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`soak-server: stop after ${signal} failed`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('soak-server: could not start', error);
  process.exit(1);
});
