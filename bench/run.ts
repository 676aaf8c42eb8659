import { execFileSync } from 'child_process';
import { cpus, totalmem } from 'os';
import { join, resolve } from 'path';
import { adminDatabaseUrl, countRows, databaseExists, databaseUrl, recreateDatabase, runMigrations, serverVersion, tableHasRows, withClient } from './lib/db';
import { cpuPerRequest, sampleCpu, type CpuSample } from './lib/cpu';
import { login, postGraphQL } from './lib/graphql';
import { runLoad } from './lib/load';
import { killAllChildrenNow, runToCompletion, stopAllChildren } from './lib/processes';
import {
  formatPermissionCosts,
  formatRatios,
  formatResults,
  judge,
  medianRows,
  permissionCosts,
  ratios,
  writeJson,
  type ResultRow,
} from './lib/report';
import { randomSecret, startServer, type RunningServer } from './lib/server';
import { runSoak } from './lib/soak';
import type { Credentials, RatioTarget, ReferenceName, ReferenceOperation, Scenario, Suite } from './lib/suite';
import { foundationSuite } from './scenarios/foundation';
import { meetingsSuite } from './scenarios/meetings';
import { soakSuite } from './scenarios/soak';
import { statisticsSuite } from './scenarios/statistics';
import { writesSuite } from './scenarios/writes';

/**
 * `npm run bench`: build dist/ once, then for each suite (BENCH_SUITE; foundation, meetings,
 * statistics by default), (re)create the bench database, migrate and fill it, and in each of
 * BENCH_ROUNDS rounds start every server in turn (chibo with and without the permission layer,
 * and for the foundation suite the reference servers of issue #14), load each scenario, then
 * print the rounds, their medians, the ratios chibo ÷ reference and the permission cost against
 * the targets, and write bench/results/<suite>.json. BENCH_SUITE=soak runs the memory soak.
 * See bench/README.md for the environment variables.
 */

const repoRoot = resolve(__dirname, '..');
const benchDatabase = 'chibo_bench';

/** Registered suites; a later issue adds its own here. */
const suites: Record<string, Suite> = { foundation: foundationSuite, meetings: meetingsSuite, statistics: statisticsSuite, soak: soakSuite, writes: writesSuite };

/** What `npm run bench` runs without BENCH_SUITE: every suite, one after the other (statistics builds 21 GB with its rollups: see bench/README.md). */
const defaultSuites = 'foundation,meetings,statistics';

/** A server the bench starts: chibo (permissions on or off) or a reference. */
export interface Variant {
  /** Shown in the table: on, off, apollo, postgraphile. */
  name: string;
  /** Prefix of its output lines. */
  label: string;
  /** Compiled by `npm run build`, run with the bench's own node. */
  script: string;
  /** The reference it is (its scenarios' queries are the scenario's `references[name]`); absent: chibo, which needs a login. */
  reference?: ReferenceName;
}

const permissionsOn: Variant = { name: 'on', label: 'server', script: 'dist/src/main.js' };
const permissionsOff: Variant = { name: 'off', label: 'server-no-shield', script: 'dist/bench/server-without-permissions.js' };
const apolloReference: Variant = { name: 'apollo', label: 'ref-apollo', script: 'dist/bench/reference/apollo-pg-dataloader.js', reference: 'apollo' };
const postgraphileReference: Variant = { name: 'postgraphile', label: 'ref-postgraphile', script: 'dist/bench/reference/postgraphile.js', reference: 'postgraphile' };
const variants: readonly Variant[] = [permissionsOn, permissionsOff, apolloReference, postgraphileReference];

export interface BenchConfig {
  adminUrl: string;
  /** Run in order, each on a database of its own (recreated unless BENCH_REUSE_DB finds it filled). */
  suites: readonly Suite[];
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** BENCH_ROUNDS: every server measured on every scenario this many times, alternating. */
  rounds: number;
  /** BENCH_TIMEOUT if set; otherwise computed per suite from its servers, scenarios and rounds. */
  timeoutSeconds: number | null;
  soakSeconds: number;
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
    rounds: intFromEnv(env, 'BENCH_ROUNDS', 3, 1),
    timeoutSeconds: env.BENCH_TIMEOUT === undefined || env.BENCH_TIMEOUT === '' ? null : intFromEnv(env, 'BENCH_TIMEOUT', 0, 10),
    soakSeconds: intFromEnv(env, 'BENCH_SOAK_SECONDS', 300, 70),
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
  /** Compiles the servers (dist/). */
  build: () => Promise<void>;
}

const defaultRunOptions: RunOptions = {
  variants,
  migrate: (url) => runMigrations(url, repoRoot),
  build: () => runToCompletion('npm', ['run', '-s', 'build'], { cwd: repoRoot, env: process.env, timeoutMs: 600_000 }),
};

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

/** What a server is sent for a scenario: chibo's query, or the reference's own. */
function operationFor(scenario: Scenario, variant: Variant): ReferenceOperation {
  if (variant.reference === undefined) return { query: scenario.query, variables: scenario.variables };
  const operation = scenario.references?.[variant.reference];
  if (operation === undefined) throw new Error(`${scenario.name} has no operation for ${variant.name}`);
  return operation;
}

/** One request outside the load: fails loudly on errors or an empty answer, and reads the SQL count. */
async function checkSample(baseUrl: string, headers: Record<string, string>, scenario: Scenario, variant: Variant): Promise<number | null> {
  const operation = operationFor(scenario, variant);
  const sample = await postGraphQL(baseUrl, { query: operation.query, variables: operation.variables[0] }, headers);
  const where = `${scenario.name} on ${variant.name}`;
  if (sample.status !== 200 || sample.errors !== null || sample.data === null) {
    throw new Error(`${where}: the sample request failed (HTTP ${sample.status}): ${sample.rawBody.slice(0, 800)}`);
  }
  const problem = scenario.checkSample(operation.toChibo ? operation.toChibo(sample.data) : sample.data);
  if (problem !== null) throw new Error(`${where}: the sample answer is wrong: ${problem}: ${sample.rawBody.slice(0, 800)}`);
  const statements = sqlStatementsHeader(sample.headers);
  if (statements === null) log(`warning: ${where}: no x-sql-statements header (is SQL_STATEMENT_HEADER honoured?)`);
  return statements;
}

/** The `data` of every variable set, serialized (in chibo's terms for a reference). */
async function answersOf(baseUrl: string, headers: Record<string, string>, scenario: Scenario, variant: Variant): Promise<string[]> {
  const operation = operationFor(scenario, variant);
  const answers: string[] = [];
  for (const variables of operation.variables) {
    const answer = await postGraphQL(baseUrl, { query: operation.query, variables }, headers);
    if (answer.status !== 200 || answer.errors !== null) {
      throw new Error(`${scenario.name} on ${variant.name}: HTTP ${answer.status}: ${answer.rawBody.slice(0, 500)}`);
    }
    answers.push(JSON.stringify(operation.toChibo ? operation.toChibo(answer.data) : answer.data));
  }
  return answers;
}

/** Where two serialized answers first differ, with some context, for the error message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return `at character ${i}: chibo …${a.slice(Math.max(0, i - 60), i + 60)}… vs …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

/**
 * Every server must give chibo's answers (permissions on) byte for byte, for every variable set,
 * before it is measured: a faster server that answers something else would measure nothing.
 */
async function compareAnswers(expected: Map<string, string[]>, baseUrl: string, headers: Record<string, string>, scenario: Scenario, variant: Variant): Promise<void> {
  const answers = await answersOf(baseUrl, headers, scenario, variant);
  const chibo = expected.get(scenario.name);
  if (chibo === undefined) {
    expected.set(scenario.name, answers);
    return;
  }
  for (const [i, answer] of answers.entries()) {
    const want = chibo[i] as string;
    if (answer !== want) {
      throw new Error(`${scenario.name}: ${variant.name} answers differently from chibo for variable set ${i + 1} ${firstDifference(want, answer)}`);
    }
  }
  log(`  ${scenario.name}: ${variant.name} gives chibo's answers byte for byte (${answers.length} variable set${answers.length === 1 ? '' : 's'})`);
}

function connectionsFor(config: SuiteRun, scenario: Scenario): number {
  return Math.min(config.connections, scenario.maxConnections ?? config.connections);
}

function describeTarget(scenario: Scenario): string {
  const { minRequestsPerSecond, maxP99Ms, maxP50Ms } = scenario.target;
  const p50 = maxP50Ms === undefined ? '' : `p50 ≤ ${maxP50Ms} ms (and `;
  return `${scenario.name} ${p50}≥ ${minRequestsPerSecond} req/s with p99 ≤ ${maxP99Ms} ms${maxP50Ms === undefined ? '' : ')'}`;
}

/** The scenarios a server is measured on: all for chibo, those with its operation for a reference. */
function scenariosOf(scenarios: readonly Scenario[], variant: Variant): Scenario[] {
  return variant.reference === undefined ? [...scenarios] : scenarios.filter((s) => s.references?.[variant.reference as ReferenceName] !== undefined);
}

interface RoundContext {
  config: SuiteRun;
  database: { url: string; name: string };
  jwtSecret: string;
  scenarios: readonly Scenario[];
  round: number;
  /** chibo's answers by scenario, from the first round; null after it (compared once). */
  expected: Map<string, string[]> | null;
  /** Every round's rows so far, for the suite's report in the last round. */
  rows: readonly ResultRow[];
  report: string[];
}

async function loginHeaders(server: RunningServer, suite: Suite): Promise<(credentials?: Credentials) => Promise<Record<string, string>>> {
  const tokens = new Map<string, string>();
  return async (credentials: Credentials = suite.credentials) => {
    let token = tokens.get(credentials.username);
    if (token === undefined) {
      token = await login(server.baseUrl, credentials.username, credentials.password);
      tokens.set(credentials.username, token);
    }
    return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  };
}

async function measureVariant(context: RoundContext, variant: Variant): Promise<ResultRow[]> {
  const { config, round } = context;
  log(`round ${round}: starting ${variant.script} (${variant.name})`);
  const server = await startServer({
    label: variant.label,
    script: variant.script,
    cwd: repoRoot,
    env: { databaseUrl: context.database.url, jwtSecret: context.jwtSecret },
  });
  try {
    // One login per account the scenarios use; the references have no authentication.
    const headersFor =
      variant.reference === undefined
        ? await loginHeaders(server, config.suite)
        : async (): Promise<Record<string, string>> => ({ 'content-type': 'application/json' });
    const rows: ResultRow[] = [];
    for (const scenario of scenariosOf(context.scenarios, variant)) {
      const headers = await headersFor(scenario.credentials);
      const sqlStatementsPerRequest = await checkSample(server.baseUrl, headers, scenario, variant);
      if (context.expected !== null && (scenario.references !== undefined || variant.reference !== undefined)) {
        await compareAnswers(context.expected, server.baseUrl, headers, scenario, variant);
      }
      const connections = connectionsFor(config, scenario);
      const operation = operationFor(scenario, variant);
      log(`round ${round}: loading ${scenario.name} on ${variant.name}: ${config.warmupSeconds} s warm-up + ${config.durationSeconds} s × ${connections} connections`);
      let cpu: { serverMs: number | null; postgresMs: number | null } = { serverMs: null, postgresMs: null };
      const figures = await runLoad<CpuSample>(
        {
          baseUrl: server.baseUrl,
          headers,
          bodies: operation.variables.map((variables) => JSON.stringify({ query: operation.query, variables })),
          connections,
          durationSeconds: config.durationSeconds,
          warmupSeconds: config.warmupSeconds,
        },
        `${scenario.name} (${variant.name})`,
        {
          before: () => sampleCpu(server.pid, context.database.name),
          after: (before, loaded) => {
            cpu = cpuPerRequest(before, sampleCpu(server.pid, context.database.name), loaded.completed);
          },
        },
      );
      const { verdict, misses } = judge(scenario.target, figures);
      log(
        `  ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, ` +
          `CPU ${cpu.serverMs?.toFixed(2) ?? '?'} ms/req (PostgreSQL ${cpu.postgresMs?.toFixed(2) ?? '?'}) → ${verdict}`,
      );
      rows.push({
        scenario: scenario.name,
        variant: variant.name,
        round,
        target: scenario.target,
        sqlStatementsPerRequest,
        figures,
        serverCpuMsPerRequest: cpu.serverMs,
        postgresCpuMsPerRequest: cpu.postgresMs,
        verdict,
        misses,
      });
    }
    // The suite's own report, once, on chibo with permissions, in the last round (every round of it measured by then).
    if (config.suite.report && variant === permissionsOn && round === config.rounds) {
      const api = {
        run: async (query: string, variables: Record<string, unknown>, credentials?: Credentials): Promise<unknown> => {
          const answer = await postGraphQL(server.baseUrl, { query, variables }, await headersFor(credentials));
          if (answer.errors !== null) throw new Error(`report query failed: ${answer.rawBody.slice(0, 500)}`);
          return answer.data;
        },
      };
      const medians = medianRows([...context.rows, ...rows].filter((row) => row.variant === permissionsOn.name));
      const suiteReport = config.suite.report;
      context.report.push(...(await withClient(context.database.url, (client) => suiteReport(client, api, medians))));
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
  // The servers run compiled JavaScript, as `npm start` does: built once, here.
  log('building dist/ (npm run -s build)');
  const buildStart = performance.now();
  await options.build();
  log(`built in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);
  const { suites: chosen, ...common } = config;
  for (const [i, suite] of chosen.entries()) {
    if (chosen.length > 1) log(`suite ${i + 1} of ${chosen.length}: ${suite.name}`);
    await runSuite({ ...common, suite }, options);
  }
}

/** The servers of a suite: chibo on and off, and the references its scenarios name. */
function variantsFor(scenarios: readonly Scenario[], all: readonly Variant[]): Variant[] {
  const named = new Set(scenarios.flatMap((s) => Object.keys(s.references ?? {})));
  return all.filter((v) => v.reference === undefined || named.has(v.reference));
}

/** BENCH_TIMEOUT, or room for the database and every run of every round (up to 4 servers × 4 scenarios). */
function timeoutFor(config: SuiteRun): number {
  if (config.timeoutSeconds !== null) return config.timeoutSeconds;
  if (config.suite.soak !== undefined) return 900 + config.soakSeconds;
  return 600 + config.rounds * 16 * (config.warmupSeconds + config.durationSeconds + 20);
}

async function runSuite(config: SuiteRun, options: RunOptions): Promise<void> {
  const startedAt = new Date();
  const timeoutSeconds = timeoutFor(config);

  // Bounded runtime: whatever hangs (a server that never answers, a stuck
  // migration), the run ends and takes its children with it.
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after BENCH_TIMEOUT=${timeoutSeconds} s`);
    killAllChildrenNow();
    process.exit(2);
  }, timeoutSeconds * 1000);
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
  const databaseName = decodeURIComponent(new URL(database.url).pathname.slice(1));
  const resultsPath = join(repoRoot, 'bench', 'results', `${config.suite.name}.json`);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryBytes: totalmem(), node: process.version, postgres };

  if (config.suite.soak !== undefined) {
    const soak = await runSoak({
      suite: config.suite,
      plan: config.suite.soak,
      databaseUrl: database.url,
      jwtSecret: randomSecret(),
      cwd: repoRoot,
      script: 'dist/bench/soak-server.js',
      seconds: config.soakSeconds,
      connections: config.connections,
      log,
    });
    writeJson(resultsPath, { suite: config.suite.name, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), commit: gitCommit(), machine, database: { rows: database.rows, generation: database.generation }, soak });
    console.log(`\nbench: results written to ${resultsPath}`);
    return;
  }

  const scenarios = await withClient(database.url, (client) => config.suite.scenarios(client));
  const servers = variantsFor(scenarios, options.variants);
  const jwtSecret = randomSecret();
  const rows: ResultRow[] = [];
  const report: string[] = [];
  const expected = new Map<string, string[]>();
  for (let round = 1; round <= config.rounds; round += 1) {
    for (const variant of servers) {
      const context: RoundContext = { config, database: { url: database.url, name: databaseName }, jwtSecret, scenarios, round, expected: round === 1 ? expected : null, rows, report };
      rows.push(...(await measureVariant(context, variant)));
    }
  }
  // Rows grouped by scenario, then server in the order they ran, then round.
  const order = (row: ResultRow): number[] => [scenarios.findIndex((s) => s.name === row.scenario), servers.findIndex((v) => v.name === row.variant), row.round];
  const byOrder = (a: ResultRow, b: ResultRow): number => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return 0;
  };
  rows.sort(byOrder);
  const medians = medianRows(rows).sort(byOrder);
  const ratioTargets = new Map<string, readonly RatioTarget[]>(scenarios.map((s) => [s.name, s.ratioTargets ?? []]));
  const chiboVsReferences = ratios(medians, permissionsOn.name, ratioTargets);
  const costs = permissionCosts(medians, permissionsOn.name, permissionsOff.name, config.suite.maxPermissionCost ?? null);

  console.log('');
  const connections = scenarios.map((s) => `${s.name} ${connectionsFor(config, s)}`).join(', ');
  console.log(
    `${config.suite.name}: ${config.rounds} round${config.rounds === 1 ? '' : 's'} of ${servers.map((v) => v.name).join(', ')}; connections ${connections}; ` +
      `${config.durationSeconds} s after ${config.warmupSeconds} s warm-up; PostgreSQL ${postgres}; ${cpus().length} CPUs shared by client, server and database`,
  );
  console.log('targets: ' + scenarios.map(describeTarget).join('; '));
  console.log('servers: on / off = chibo with permissions on / off; apollo = bench/reference/apollo-pg-dataloader.ts; postgraphile = bench/reference/postgraphile.ts');
  console.log('CPU ms/req: the server\'s processes, PG ms/req: the PostgreSQL backends of the bench database, both during the measured run ÷ completed requests');
  if (config.rounds > 1) {
    console.log(['', 'each round:', formatResults(rows, { rounds: true })].join('\n'));
    console.log(['', `median of ${config.rounds} rounds (per figure):`].join('\n'));
  } else console.log('');
  console.log(formatResults(medians));
  if (chiboVsReferences.length > 0) console.log(['', 'chibo (permissions on) ÷ reference, medians:', ...formatRatios(chiboVsReferences)].join('\n'));
  if (costs.length > 0) console.log(['', 'permission layer (on vs off, medians):', ...formatPermissionCosts(costs)].join('\n'));
  if (report.length > 0) console.log(['', ...report].join('\n'));

  writeJson(resultsPath, {
    suite: config.suite.name,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine,
    settings: {
      rounds: config.rounds,
      servers: servers.map((v) => ({ name: v.name, script: v.script })),
      connections: config.connections,
      connectionsByScenario: Object.fromEntries(scenarios.map((s) => [s.name, connectionsFor(config, s)])),
      durationSeconds: config.durationSeconds,
      warmupSeconds: config.warmupSeconds,
      cpu: 'utime+stime from /proc: the server process group; the PostgreSQL backends whose process title names the bench database',
    },
    database: { rows: database.rows, generation: database.generation },
    results: rows,
    medians,
    ratios: chiboVsReferences,
    permissionCosts: costs,
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
