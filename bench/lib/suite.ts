import type { Client } from 'pg';
import type { ResultRow } from './report';

/**
 * What a benchmark suite supplies to bench/run.ts: how to fill a freshly
 * migrated database, whom to log in as, and which queries to load. A later
 * issue adds a suite (a bigger dataset, meetings, statistics …) by writing one
 * of these in bench/scenarios/ and registering it in run.ts.
 */
export interface Suite {
  name: string;
  /** Fills the empty migrated database; returns figures worth reporting (timings, sizes). */
  generate(client: Client): Promise<Record<string, unknown>>;
  /** Tables whose row counts are printed after generation. */
  countedTables: readonly string[];
  credentials: Credentials;
  /** Builds the scenarios from the generated data (ids are looked up, never assumed). */
  scenarios(client: Client): Promise<Scenario[]>;
  /** The database it fills (default chibo_bench, shared by the suites); a big dataset keeps its own for BENCH_REUSE_DB. */
  database?: string;
  /**
   * Extra lines for the report, after the scenarios ran against the server with permissions: the
   * statistics suite compares the API's figures and times with plain SQL over the base tables.
   */
  report?(client: Client, api: SuiteApi, rows: readonly ResultRow[]): Promise<string[]>;
}

export interface Credentials {
  username: string;
  password: string;
}

/** The running server, for a suite's report: one GraphQL request as a given account. */
export interface SuiteApi {
  run(query: string, variables: Record<string, unknown>, credentials?: Credentials): Promise<unknown>;
}

export interface Target {
  minRequestsPerSecond: number;
  maxP99Ms: number;
  /** A median target too, for heavy reports (compliance) whose targets are set on p50. */
  maxP50Ms?: number;
}

export interface Scenario {
  /** Short key, e.g. 'member-by-id'; also the key in the results JSON. */
  name: string;
  description: string;
  query: string;
  /** Who sends it (default the suite's credentials). */
  credentials?: Credentials;
  /** Variable sets sent in rotation during the load. */
  variables: readonly Record<string, unknown>[];
  target: Target;
  /**
   * At most this many concurrent connections (BENCH_CONNECTIONS when lower): a query that takes
   * hundreds of ms would otherwise measure queueing behind the database's CPUs, not the query.
   */
  maxConnections?: number;
  /**
   * Validates the `data` of one sample response before the load, returning
   * what is wrong (or null): a benchmark of an empty answer measures nothing.
   */
  checkSample(data: unknown): string | null;
}
