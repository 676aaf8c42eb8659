import 'reflect-metadata';
import { loadConfig } from '../config';
import { verifyAuditChains } from '../services/audit-log/chain-verification';
import { openDatabase } from './database';
import { createOrm } from './orm';

/**
 * `npm run audit:verify [-- --province <id>]`: walks every audit chain (or one province's) of
 * DATABASE_URL (or the embedded database), prints the result as one JSON line, and exits 1 when a
 * chain is broken (2 when the check itself failed), so that cron or CI can alarm on it.
 */
function chainsFromArgs(args: readonly string[]): number[] | 'ALL' {
  const at = args.indexOf('--province');
  if (at === -1) return 'ALL';
  const id = Number(args[at + 1]);
  if (!Number.isInteger(id) || id < 0) throw new Error('--province takes a province id (0: national entries)');
  return [id];
}

async function run(): Promise<number> {
  const chains = chainsFromArgs(process.argv.slice(2));
  const config = loadConfig();
  const database = await openDatabase(config, () => undefined);
  const orm = await createOrm(database.url, 1);
  try {
    const result = await verifyAuditChains(orm.em.fork(), chains);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await orm.close(true);
    await database.stop();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit verification failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);
