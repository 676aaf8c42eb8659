import { resolve } from 'path';
import { adminDatabaseUrl, countRows, recreateDatabase, runMigrations, withClient } from './lib/db';
import { generateStatistics, statisticsCountedTables, statisticsDatabase, statisticsSizesFromEnv } from './datasets/statistics';

/**
 * `node -r ts-node/register/transpile-only bench/statistics-generate.ts`: (re)creates the
 * database BENCH_STATISTICS_DB (default chibo_bench_stats) on the server of DATABASE_URL,
 * migrates it, generates the statistics dataset (BENCH_STATISTICS_SCALE, default 1) and prints
 * the timings, row counts and database size.
 */

const repoRoot = resolve(__dirname, '..');


const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const sizes = statisticsSizesFromEnv();
  const database = statisticsDatabase();
  const url = await recreateDatabase(adminDatabaseUrl(), database);
  console.log(`statistics: recreated ${database}; sizes ${JSON.stringify(sizes)}`);
  const migrateStart = performance.now();
  await runMigrations(url, repoRoot);
  console.log(`statistics: migrated in ${seconds(performance.now() - migrateStart)}`);

  await withClient(url, async (client) => {
    const generation = await generateStatistics(client, sizes);
    console.log(`statistics: argon2id hashes ${seconds(generation.hashMs)}`);
    for (const [step, ms] of Object.entries(generation.stepMs)) console.log(`  ${step.padEnd(48)} ${seconds(ms).padStart(9)}`);
    console.log(`statistics: generating transaction ${seconds(generation.generateMs)}, VACUUM (ANALYZE) ${seconds(generation.vacuumAnalyzeMs)}, ` +
      `total ${seconds(generation.hashMs + generation.generateMs + generation.vacuumAnalyzeMs)}`);
    console.log(`statistics: meetings of S01 ${JSON.stringify(generation.meetings)}`);
    const rows = await countRows(client, statisticsCountedTables);
    for (const [table, n] of Object.entries(rows)) console.log(`  ${table.padEnd(20)} ${n.toLocaleString('en-US').padStart(12)}`);
    const size = await client.query<{ bytes: string; pretty: string }>(
      'select pg_database_size(current_database()) as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty',
    );
    console.log(`statistics: database ${database} ${size.rows[0]?.pretty} (${Number(size.rows[0]?.bytes).toLocaleString('en-US')} bytes)`);
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('statistics: failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
