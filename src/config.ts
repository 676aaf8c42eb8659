import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';

/** Runtime configuration, parsed and validated once from the environment. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Unset: the embedded PostgreSQL under `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly graphqlIde: boolean;
  readonly introspection: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly seedDemo: boolean;
  readonly sqlStatementHeader: boolean;
  readonly loginThrottleBaseMs: number;
  readonly shutdownGraceMs: number;
  /** A GraphQL request still running after this is cut off: rolled back, answered TIMEOUT (decisions.md §44). */
  readonly requestTimeoutMs: number;
  /** PostgreSQL statement_timeout of the server's connections (0: none); CLIs set their own. */
  readonly dbStatementTimeoutMs: number;
  /** PostgreSQL idle_in_transaction_session_timeout of the server's connections (0: none). */
  readonly dbIdleInTransactionTimeoutMs: number;
  /** How long an Idempotency-Key's result is kept and replayed. */
  readonly idempotencyTtlSeconds: number;
  /** After this, a request still marked in progress is taken to have died and its key may be claimed again. */
  readonly idempotencyLockSeconds: number;
  /** How often the statistics rollups take in changes; 0: never in the background (tests, a separate worker). */
  readonly statisticsRefreshMs: number;
  /**
   * How long a caller's account and grants are reused without a database round trip (0: never).
   * Revocations and grant changes made in this process take effect at once; in another process
   * of the deployment, within this bound (decisions.md §41).
   */
  readonly viewerCacheMs: number;
  /** HTTP worker processes (node:cluster) sharing the port; 1: this process serves alone. */
  readonly clusterWorkers: number;
  /** Origins of the browser pages allowed to call the API (CORS_ORIGINS); outside production, localhost pages too (http/cors.ts). */
  readonly corsOrigins: readonly string[];
}

export class ConfigError extends Error {
  constructor(variable: string, reason: string) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/** CLUSTER_WORKERS (or WEB_CONCURRENCY, as platforms set it): a count, or `auto` for one per core. */
function workers(env: Env): number {
  const name = env.CLUSTER_WORKERS !== undefined && env.CLUSTER_WORKERS !== '' ? 'CLUSTER_WORKERS' : 'WEB_CONCURRENCY';
  if (env[name] === 'auto') return availableParallelism();
  return int(env, name, 1, 1, 64);
}

/** CORS_ORIGINS: comma-separated origins (scheme://host[:port], nothing after), as browsers send them. */
function origins(env: Env): string[] {
  return (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '').map((given) => {
    let url: URL | null = null;
    try {
      url = new URL(given);
    } catch {
      // Reported below.
    }
    if (url === null || !['http:', 'https:'].includes(url.protocol) || url.username !== '' || given.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) {
      throw new ConfigError('CORS_ORIGINS', `must list origins such as https://app.example.vn (no path, no "*"), got "${given}"`);
    }
    return url.origin;
  });
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

export function loadConfig(env: Env = process.env): Config {
  const mode = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = mode === 'production';
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// URL');
  }
  const jwtSecret = env.JWT_SECRET;
  if (production && (jwtSecret === undefined || jwtSecret.length < 32)) {
    throw new ConfigError('JWT_SECRET', 'must be set to at least 32 characters in production');
  }
  return {
    env: mode,
    host: env.HOST ?? '0.0.0.0',
    port: int(env, 'PORT', 4000, 0, 65535),
    databaseUrl,
    dataDir: env.DATA_DIR ?? '.data',
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    // Outside production a per-process secret is fine: tokens simply expire at restart.
    jwtSecret: jwtSecret ?? randomBytes(32).toString('base64url'),
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86400, 60, 365 * 86400),
    graphqlIde: bool(env, 'GRAPHQL_IDE', !production),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, mode === 'test' ? 'silent' : 'info'),
    seedDemo: bool(env, 'SEED_DEMO', databaseUrl === undefined),
    sqlStatementHeader: bool(env, 'SQL_STATEMENT_HEADER', false),
    loginThrottleBaseMs: int(env, 'LOGIN_THROTTLE_BASE_MS', 1000, 0, 60000),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10000, 0, 120000),
    // A 5,000-row import takes ~11 s here (decisions.md §40): a minute leaves room on a slower machine.
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 60000, 100, 3_600_000),
    dbStatementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 30000, 0, 3_600_000),
    dbIdleInTransactionTimeoutMs: int(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30000, 0, 3_600_000),
    idempotencyTtlSeconds: int(env, 'IDEMPOTENCY_TTL_SECONDS', 86400, 60, 30 * 86400),
    idempotencyLockSeconds: int(env, 'IDEMPOTENCY_LOCK_SECONDS', 300, 1, 86400),
    statisticsRefreshMs: int(env, 'STATISTICS_REFRESH_MS', 1000, 0, 3_600_000),
    viewerCacheMs: int(env, 'VIEWER_CACHE_MS', 3000, 0, 10000),
    clusterWorkers: workers(env),
    corsOrigins: origins(env),
  };
}
