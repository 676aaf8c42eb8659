import 'reflect-metadata';
import { loadConfig } from '../config';
import { rebuildStatistics } from '../services/statistics/rebuild';
import { createOrm } from './orm';

/** `npm run statistics:rebuild`: every rollup built anew from the base tables of DATABASE_URL; prints one JSON line. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL must name the database to rebuild');
  const orm = await createOrm(config.databaseUrl, 2);
  try {
    const steps: Record<string, number> = {};
    const result = await rebuildStatistics(orm.em.fork(), (step, ms) => {
      steps[step] = Math.round(ms);
      // Progress as it happens: a national rebuild takes minutes.
      process.stderr.write(`${step}: ${Math.round(ms)} ms\n`);
    });
    process.stdout.write(`${JSON.stringify({ ...result, steps })}\n`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`statistics rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
