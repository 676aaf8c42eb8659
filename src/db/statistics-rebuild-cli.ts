import 'reflect-metadata';
import { loadConfig } from '../config';
import { rebuildStatistics } from '../services/statistics/rebuild';
import { createOrm } from './orm';

/** `npm run statistics:rebuild`: every rollup built anew from the base tables of DATABASE_URL, then VACUUM (ANALYZE) of them; prints one JSON line. */
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
    // Planner statistics and the visibility map for the new rows (autovacuum may be off or late):
    // without them the first reads plan for empty tables. Outside the rebuild's transaction.
    const vacuumStarted = performance.now();
    await orm.em.getConnection().execute('vacuum (analyze) stat_own, stat_fact');
    steps['vacuum (analyze)'] = Math.round(performance.now() - vacuumStarted);
    process.stdout.write(`${JSON.stringify({ ...result, steps })}\n`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`statistics rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
