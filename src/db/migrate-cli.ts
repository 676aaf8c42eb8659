import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { prepareDatabase } from './bootstrap';
import { openDatabase } from './database';
import { createOrm } from './orm';

/** `npm run migrate`: applies the migrations to DATABASE_URL (or the embedded database) and exits. */
async function run(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openDatabase(config, () => undefined);
  const orm = await createOrm(database.url);
  try {
    await prepareDatabase(orm, logger, false);
    logger.info('database is up to date');
  } finally {
    await orm.close(true);
    await database.stop();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
