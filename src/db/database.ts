import { Client } from 'pg';
import type { Config } from '../config';
import { startEmbeddedPostgres, urlOnServer } from './embedded-postgres';

/** The application database: DATABASE_URL as given, or "chibo" on the embedded server. */
export interface Database {
  readonly url: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'chibo';

export async function ensureDatabaseExists(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(config: Config, log: (message: string) => void): Promise<Database> {
  if (config.databaseUrl !== undefined) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  await ensureDatabaseExists(server.adminUrl, EMBEDDED_DATABASE);
  return { url: urlOnServer(server.adminUrl, EMBEDDED_DATABASE), embedded: true, stop: () => server.stop() };
}
