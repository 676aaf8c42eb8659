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
  /** The permission layer's largest acceptable cost, as a fraction of CPU per request (on vs off); unset: printed, not judged. */
  maxPermissionCost?: number;
  /** Set: this suite is the memory soak (lib/soak.ts) rather than a load of each scenario on each server. */
  soak?: SoakPlan;
}

/** The memory soak's load: the suite's scenarios are its reads, these its writes. */
export interface SoakPlan {
  /** Builds the writes from the generated data (as the suite's credentials, who must be allowed them). */
  writes(client: Client): Promise<SoakWrites>;
}

export interface SoakWrites {
  description: string;
  /** The n-th write's request body; called in order, one write at a time. */
  next(): { query: string; variables: Record<string, unknown> };
  /** Checks the write's `data` and takes from it what the next writes need (a version); returns what is wrong, or null. */
  check(data: unknown): string | null;
}

/** The reference servers of issue #14 (bench/reference/), by the name the tables show. */
export type ReferenceName = 'apollo' | 'postgraphile';

/** One scenario's operation on a reference server. */
export interface ReferenceOperation {
  /** The reference's own query text (its schema may differ from chibo's). */
  query: string;
  /** One set per scenario variable set, in the same order. */
  variables: readonly Record<string, unknown>[];
  /** Its `data` in chibo's terms (its own ids translated, for example) for the byte comparison; absent: as it is. */
  toChibo?(data: unknown): unknown;
}

/** A target set as a ratio of chibo (permissions on) to a reference, judged on the medians of the rounds. */
export interface RatioTarget {
  reference: ReferenceName;
  metric: 'serverCpuMsPerRequest' | 'p99Ms';
  /** chibo ÷ reference at most this. */
  max: number;
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
  /**
   * The same operation on the reference servers (issue #14): each is started, measured and
   * compared with chibo in every round. Before the first load their answers (translated by
   * toChibo) must equal chibo's byte for byte for every variable set, or the run stops.
   */
  references?: Partial<Record<ReferenceName, ReferenceOperation>>;
  ratioTargets?: readonly RatioTarget[];
}
