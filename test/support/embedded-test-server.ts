import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the tests' embedded PostgreSQL listens and keeps its data when DATABASE_URL is unset.
 * The defaults are derived from the checkout's path, so two checkouts on one machine (two
 * developers, or a developer and CI) get servers of their own; the variables override them.
 * The data lives under the system temp directory: as root the server runs as "postgres",
 * which must be able to reach it.
 */
export function embeddedTestServerSettings(env: NodeJS.ProcessEnv = process.env, checkout = path.resolve(__dirname, '../..')): { port: number; dataDir: string } {
  const digest = createHash('sha256').update(checkout).digest();
  // 55000–55999: clear of the server's own embedded default (54329) and the CI smoke start (54339).
  const port = Number(env.EMBEDDED_TEST_PG_PORT ?? 55000 + (digest.readUInt16BE(0) % 1000));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`EMBEDDED_TEST_PG_PORT must be a port number, got ${env.EMBEDDED_TEST_PG_PORT}`);
  const dataDir = env.EMBEDDED_TEST_DATA_DIR ?? path.join(os.tmpdir(), `chibo-test-postgres-${digest.toString('hex').slice(0, 10)}`);
  return { port, dataDir };
}
