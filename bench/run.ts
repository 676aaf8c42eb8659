import { execFileSync } from 'child_process';
import { cpus, totalmem } from 'os';
import { join, resolve } from 'path';
import { adminDatabaseUrl, countRows, databaseExists, databaseUrl, recreateDatabase, runMigrations, serverVersion, tableHasRows, withClient } from './lib/db';
import { login, postGraphQL } from './lib/graphql';
import type { Credentials } from './lib/suite';
import { runLoad, type LoadFigures } from './lib/load';
import { killAllChildrenNow, stopAllChildren } from './lib/processes';
import { formatPermissionOverhead, formatResults, judge, writeJson, type ResultRow } from './lib/report';
import { randomSecret, startServer } from './lib/server';
import type { Scenario, Suite, Target } from './lib/suite';
import { foundationSuite } from './scenarios/foundation';
import { meetingsSuite } from './scenarios/meetings';
import { statisticsSuite } from './scenarios/statistics';

/**
 * `npm run bench`: for each suite (BENCH_SUITE; foundation, meetings, statistics by
 * default), (re)create the bench database, migrate and fill it, start
 * the server twice (with and without the permission layer), load each
 * scenario, print a table against the targets and write bench/results/<suite>.json.
 * See bench/README.md for the environment variables.
 */

const repoRoot = resolve(__dirname, '..');
const benchDatabase = 'chibo_bench';

/** Registered suites; a later issue adds its own here. */
const suites: Record<string, Suite> = { foundation: foundationSuite, meetings: meetingsSuite, statistics: statisticsSuite };

/** What `npm run bench` runs without BENCH_SUITE: every suite, one after the other (statistics builds 21 GB with its rollups: see bench/README.md). */
const defaultSuites = 'foundation,meetings,statistics';

export interface Variant {
  /** Shown in the table. */
  name: string;
  label: string;
  script: string;
}

const permissionsOn: Variant = { name: 'on', label: 'server', script: 'src/main.ts' };
const permissionsOff: Variant = { name: 'off', label: 'server-no-shield', script: 'bench/server-without-permissions.ts' };
const variants: readonly Variant[] = [permissionsOn, permissionsOff];

export interface BenchConfig {
  adminUrl: string;
  /** Run in order, each on a database of its own (recreated unless BENCH_REUSE_DB finds it filled). */
  suites: readonly Suite[];
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  timeoutSeconds: number;
  reuseDatabase: boolean;
  skipLoad: boolean;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function flagFromEnv(env: NodeJS.ProcessEnv, name: string): boolean {
  return env[name] === '1' || env[name] === 'true';
}

export function readConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const raw = env.BENCH_SUITE === undefined || env.BENCH_SUITE === '' ? defaultSuites : env.BENCH_SUITE;
  const names = raw === 'all' ? Object.keys(suites) : raw.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const chosen = names.map((name) => {
    const suite = suites[name];
    if (suite === undefined) throw new Error(`unknown BENCH_SUITE "${name}"; known: ${Object.keys(suites).join(', ')} (or a comma-separated list, or all)`);
    return suite;
  });
  if (chosen.length === 0) throw new Error('BENCH_SUITE names no suite');
  const durationSeconds = intFromEnv(env, 'BENCH_DURATION', 20, 1);
  const warmupSeconds = intFromEnv(env, 'BENCH_WARMUP', 5, 0);
  return {
    adminUrl: adminDatabaseUrl(env),
    suites: chosen,
    durationSeconds,
    warmupSeconds,
    connections: intFromEnv(env, 'BENCH_CONNECTIONS', 10, 1),
    // Per suite: room for database setup plus up to 8 scenario × variant runs.
    timeoutSeconds: intFromEnv(env, 'BENCH_TIMEOUT', 600 + 8 * (warmupSeconds + durationSeconds + 15), 10),
    reuseDatabase: flagFromEnv(env, 'BENCH_REUSE_DB'),
    skipLoad: flagFromEnv(env, 'BENCH_SKIP_LOAD'),
  };
}

function log(message: string): void {
  console.log(`bench: ${message}`);
}

interface PreparedDatabase {
  url: string;
  generation: Record<string, unknown> | null;
  rows: Record<string, number>;
}

/** Seams for a dry run of the runner against stand-ins (the defaults are the real thing). */
export interface RunOptions {
  variants: readonly Variant[];
  migrate: (databaseUrl: string) => Promise<void>;
}

const defaultRunOptions: RunOptions = { variants, migrate: (url) => runMigrations(url, repoRoot) };

/** One suite's run: the configuration with the suite in hand. */
type SuiteRun = Omit<BenchConfig, 'suites'> & { suite: Suite };

async function prepareDatabase(config: SuiteRun, options: RunOptions): Promise<PreparedDatabase> {
  const database = config.suite.database ?? benchDatabase;
  const url = databaseUrl(config.adminUrl, database);
  const redacted = new URL(url);
  redacted.password = redacted.password === '' ? '' : '***';
  let generation: Record<string, unknown> | null = null;

  const populatedTable = config.suite.countedTables[0] ?? 'org_unit';
  if (config.reuseDatabase && (await databaseExists(config.adminUrl, database)) && (await tableHasRows(url, populatedTable))) {
    log(`reusing ${redacted.toString()} as it is (BENCH_REUSE_DB)`);
  } else {
    log(`recreating ${redacted.toString()}`);
    await recreateDatabase(config.adminUrl, database);
    log('applying migrations (npm run migrate)');
    const migrateStart = performance.now();
    await options.migrate(url);
    log(`migrated in ${((performance.now() - migrateStart) / 1000).toFixed(1)} s`);
    log(`generating the ${config.suite.name} dataset`);
    generation = await withClient(url, (client) => config.suite.generate(client));
    for (const [key, value] of Object.entries(generation)) {
      if (typeof value === 'number') log(`  ${key}: ${value.toFixed(0)}`);
      else log(`  ${key}: ${JSON.stringify(value)}`);
    }
  }

  const rows = await withClient(url, (client) => countRows(client, config.suite.countedTables));
  log('rows: ' + Object.entries(rows).map(([table, n]) => `${table} ${n.toLocaleString('en-US')}`).join(', '));
  return { url, generation, rows };
}

function sqlStatementsHeader(headers: Headers): number | null {
  const raw = headers.get('x-sql-statements');
  if (raw === null) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** One request outside the load: fails loudly on errors or an empty answer, and reads the SQL count. */
async function checkSample(baseUrl: string, headers: Record<string, string>, scenario: Scenario, variant: Variant): Promise<number | null> {
  const sample = await postGraphQL(baseUrl, { query: scenario.query, variables: scenario.variables[0] }, headers);
  const where = `${scenario.name} with permissions ${variant.name}`;
  if (sample.status !== 200 || sample.errors !== null || sample.data === null) {
    throw new Error(`${where}: the sample request failed (HTTP ${sample.status}): ${sample.rawBody.slice(0, 800)}`);
  }
  const problem = scenario.checkSample(sample.data);
  if (problem !== null) throw new Error(`${where}: the sample answer is wrong: ${problem}: ${sample.rawBody.slice(0, 800)}`);
  const statements = sqlStatementsHeader(sample.headers);
  if (statements === null) log(`warning: ${where}: no x-sql-statements header (is SQL_STATEMENT_HEADER honoured?)`);
  return statements;
}

/** The runner's verdict: report.ts's (throughput, p99, clean answers) and a p50 target where a scenario sets one. */
function judgeScenario(target: Target, figures: LoadFigures): { verdict: 'PASS' | 'MISS'; misses: string[] } {
  const { misses } = judge(target, figures);
  if (target.maxP50Ms !== undefined && figures.p50Ms > target.maxP50Ms) misses.unshift(`p50 ${figures.p50Ms.toFixed(1)} ms > ${target.maxP50Ms} ms`);
  return { verdict: misses.length === 0 ? 'PASS' : 'MISS', misses };
}

function connectionsFor(config: SuiteRun, scenario: Scenario): number {
  return Math.min(config.connections, scenario.maxConnections ?? config.connections);
}

function describeTarget(scenario: Scenario): string {
  const { minRequestsPerSecond, maxP99Ms, maxP50Ms } = scenario.target;
  const p50 = maxP50Ms === undefined ? '' : `p50 ≤ ${maxP50Ms} ms (and `;
  return `${scenario.name} ${p50}≥ ${minRequestsPerSecond} req/s with p99 ≤ ${maxP99Ms} ms${maxP50Ms === undefined ? '' : ')'}`;
}

async function measureVariant(config: SuiteRun, databaseUrlForServer: string, jwtSecret: string, scenarios: readonly Scenario[], variant: Variant, report: string[]): Promise<ResultRow[]> {
  log(`starting ${variant.script} (permissions ${variant.name})`);
  const server = await startServer({
    label: variant.label,
    script: variant.script,
    cwd: repoRoot,
    env: { databaseUrl: databaseUrlForServer, jwtSecret },
  });
  try {
    // One login per account the scenarios use.
    const tokens = new Map<string, string>();
    const headersFor = async (credentials: Credentials = config.suite.credentials): Promise<Record<string, string>> => {
      let token = tokens.get(credentials.username);
      if (token === undefined) {
        token = await login(server.baseUrl, credentials.username, credentials.password);
        tokens.set(credentials.username, token);
      }
      return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    };
    const rows: ResultRow[] = [];
    for (const scenario of scenarios) {
      const headers = await headersFor(scenario.credentials);
      const sqlStatementsPerRequest = await checkSample(server.baseUrl, headers, scenario, variant);
      const connections = connectionsFor(config, scenario);
      log(`loading ${scenario.name}, permissions ${variant.name}: ${config.warmupSeconds} s warm-up + ${config.durationSeconds} s × ${connections} connections`);
      const figures = await runLoad(
        {
          baseUrl: server.baseUrl,
          headers,
          bodies: scenario.variables.map((variables) => JSON.stringify({ query: scenario.query, variables })),
          connections,
          durationSeconds: config.durationSeconds,
          warmupSeconds: config.warmupSeconds,
        },
        `${scenario.name} (permissions ${variant.name})`,
      );
      const { verdict, misses } = judgeScenario(scenario.target, figures);
      log(`  ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms → ${verdict}`);
      rows.push({ scenario: scenario.name, variant: variant.name, target: scenario.target, sqlStatementsPerRequest, figures, verdict, misses });
    }
    if (config.suite.report && variant === permissionsOn) {
      const api = {
        run: async (query: string, variables: Record<string, unknown>, credentials?: Credentials): Promise<unknown> => {
          const answer = await postGraphQL(server.baseUrl, { query, variables }, await headersFor(credentials));
          if (answer.errors !== null) throw new Error(`report query failed: ${answer.rawBody.slice(0, 500)}`);
          return answer.data;
        },
      };
      report.push(...(await withClient(databaseUrlForServer, (client) => (config.suite.report as NonNullable<Suite['report']>)(client, api, rows))));
    }
    return rows;
  } finally {
    await server.stop();
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

/** Runs every configured suite in turn; each has its own database, servers and BENCH_TIMEOUT. */
export async function runBench(config: BenchConfig, options: RunOptions = defaultRunOptions): Promise<void> {
  const { suites: chosen, ...common } = config;
  for (const [i, suite] of chosen.entries()) {
    if (chosen.length > 1) log(`suite ${i + 1} of ${chosen.length}: ${suite.name}`);
    await runSuite({ ...common, suite }, options);
  }
}

async function runSuite(config: SuiteRun, options: RunOptions): Promise<void> {
  const startedAt = new Date();

  // Bounded runtime: whatever hangs (a server that never answers, a stuck
  // migration), the run ends and takes its children with it.
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after BENCH_TIMEOUT=${config.timeoutSeconds} s`);
    killAllChildrenNow();
    process.exit(2);
  }, config.timeoutSeconds * 1000);
  deadline.unref();

  try {
    await measureSuite(config, options, startedAt);
  } finally {
    clearTimeout(deadline);
  }
}

async function measureSuite(config: SuiteRun, options: RunOptions, startedAt: Date): Promise<void> {
  const database = await prepareDatabase(config, options);
  const postgres = await serverVersion(database.url);
  if (config.skipLoad) {
    log('BENCH_SKIP_LOAD set: stopping before the servers start');
    return;
  }

  const scenarios = await withClient(database.url, (client) => config.suite.scenarios(client));
  const jwtSecret = randomSecret();
  const rows: ResultRow[] = [];
  const report: string[] = [];
  for (const variant of options.variants) {
    rows.push(...(await measureVariant(config, database.url, jwtSecret, scenarios, variant, report)));
  }
  // Rows grouped by scenario, permissions on before off.
  rows.sort((a, b) => scenarios.findIndex((s) => s.name === a.scenario) - scenarios.findIndex((s) => s.name === b.scenario));

  console.log('');
  const connections = scenarios.map((s) => `${s.name} ${connectionsFor(config, s)}`).join(', ');
  console.log(`${config.suite.name}: connections ${connections}; ${config.durationSeconds} s after ${config.warmupSeconds} s warm-up; PostgreSQL ${postgres}; ${cpus().length} CPUs shared by client, server and database`);
  console.log('targets: ' + scenarios.map(describeTarget).join('; '));
  console.log('');
  console.log(formatResults(rows));
  const overhead = formatPermissionOverhead(rows, permissionsOn.name, permissionsOff.name);
  if (overhead.length > 0) console.log(['', 'permission layer:', ...overhead].join('\n'));
  if (report.length > 0) console.log(['', ...report].join('\n'));

  const resultsPath = join(repoRoot, 'bench', 'results', `${config.suite.name}.json`);
  writeJson(resultsPath, {
    suite: config.suite.name,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryBytes: totalmem(), node: process.version, postgres },
    settings: {
      connections: config.connections,
      connectionsByScenario: Object.fromEntries(scenarios.map((s) => [s.name, connectionsFor(config, s)])),
      durationSeconds: config.durationSeconds,
      warmupSeconds: config.warmupSeconds,
    },
    database: { rows: database.rows, generation: database.generation },
    results: rows,
    report,
  });
  console.log(`\nbench: results written to ${resultsPath}`);
}

function onSignal(signal: NodeJS.Signals): void {
  console.error(`bench: ${signal}, stopping the servers`);
  void stopAllChildren(3_000).finally(() => process.exit(130));
}

/** Runs the bench as a command: signals and every exit path stop the child servers. */
export function main(run: () => Promise<void>): void {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Whatever the way out, no server outlives the runner.
  process.on('exit', killAllChildrenNow);

  run()
    .catch((error: unknown) => {
      console.error('bench: failed:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(async () => {
      await stopAllChildren(5_000);
      // autocannon's timers or a pg socket must not keep a finished run alive.
      process.exit();
    });
}

if (require.main === module) main(async () => runBench(readConfig(process.env)));
