import { Client } from 'pg';
import { runToCompletion } from './processes';

/** The server the bench creates its database on, as the rest of the project reads it. */
export function adminDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The URL of another database on the same server, keeping user, host and query options. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = '/' + encodeURIComponent(database);
  return url.toString();
}

/** Runs fn with a connected client and always closes it. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'chibo-bench', connectionTimeoutMillis: 10_000 });
  // An idle client whose server goes away emits 'error'; unhandled it would crash the runner.
  client.on('error', (error) => console.error(`bench: database connection error: ${error.message}`));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  // The name is spliced into DDL (CREATE DATABASE takes no parameters), so only plain names pass.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

/**
 * Drops and creates a database on the admin server and returns its URL. The
 * drop uses WITH (FORCE) (PostgreSQL 13+) so a server left over from an
 * aborted run cannot block it.
 */
export async function recreateDatabase(adminUrl: string, database: string): Promise<string> {
  const quoted = quoteIdentifier(database);
  await withClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  });
  return databaseUrl(adminUrl, database);
}

export async function databaseExists(adminUrl: string, database: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [database]);
    return result.rows.length === 1;
  });
}

/**
 * Applies the project's migrations the way operators do, through
 * `npm run migrate`, so the bench measures the schema the migrations really
 * build (contract: applies every migration to DATABASE_URL and exits 0).
 */
export async function runMigrations(url: string, cwd: string, timeoutMs = 120_000): Promise<void> {
  await runToCompletion('npm', ['run', '--silent', 'migrate'], { cwd, env: { ...process.env, DATABASE_URL: url }, timeoutMs });
}

/** True when the table exists and holds rows: a database worth reusing rather than regenerating. */
export async function tableHasRows(url: string, table: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const exists = await client.query<{ present: boolean }>('select to_regclass($1) is not null as present', [table]);
    if (exists.rows[0]?.present !== true) return false;
    const rows = await client.query(`select 1 from ${quoteIdentifier(table)} limit 1`);
    return rows.rows.length === 1;
  });
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  });
}

/** Exact row counts of the given tables (count(*), not the planner's estimate). */
export async function countRows(client: Client, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdentifier(table)}`);
    counts[table] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}
