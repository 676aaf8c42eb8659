import { residentBytes } from './cpu';
import { withClient } from './db';
import { login, postGraphQL } from './graphql';
import { runOnce } from './load';
import { startServer } from './server';
import type { SoakPlan, Suite } from './suite';

/**
 * The memory soak (issue #14, item 5): the production server with permissions on, started through
 * bench/soak-server.ts (which logs its heap every 10 s), under a mixed load for a few minutes:
 * autocannon sends the suite's reads (its scenarios, alternating) on BENCH_CONNECTIONS connections
 * while one writer sends the plan's writes back to back, each answer checked. Every 10 s the RSS
 * (VmRSS of /proc/<pid>/status) and the last heap line are printed; at the end, RSS growth after
 * the first minute against the target (≤ 10%).
 */

/** RSS growth allowed after the first minute (issue #14). */
const maxRssGrowth = 0.1;
const sampleEveryMs = 10_000;

export interface SoakOptions {
  suite: Suite;
  plan: SoakPlan;
  databaseUrl: string;
  jwtSecret: string;
  cwd: string;
  script: string;
  seconds: number;
  connections: number;
  log(message: string): void;
}

interface Heap {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface SoakSample {
  seconds: number;
  rssBytes: number | null;
  /** The server's last memoryUsage() line (at most 10 s old). */
  heap: Heap | null;
  writes: number;
}

export interface SoakResult {
  seconds: number;
  connections: number;
  samples: SoakSample[];
  reads: { completed: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errorBodies: number; connectionErrors: number };
  writes: { completed: number; description: string };
  rssAfterFirstMinuteBytes: number | null;
  rssAtEndBytes: number | null;
  rssGrowth: number | null;
  heapUsedGrowth: number | null;
  maxRssGrowth: number;
  verdict: 'PASS' | 'MISS';
}

const mb = (bytes: number | null | undefined): string => (bytes === null || bytes === undefined ? '?' : (bytes / 1024 / 1024).toFixed(1));

function isHeap(value: unknown): value is Heap {
  return typeof value === 'object' && value !== null && typeof (value as Heap).heapUsed === 'number' && typeof (value as Heap).rss === 'number';
}

/** The reads in rotation: each scenario in turn, so a heavy scenario is not drowned by a light one's many variable sets. */
function alternatingBodies(scenarios: readonly { query: string; variables: readonly Record<string, unknown>[] }[]): string[] {
  const longest = Math.max(...scenarios.map((s) => s.variables.length));
  const bodies: string[] = [];
  for (let i = 0; i < longest; i += 1) {
    for (const s of scenarios) bodies.push(JSON.stringify({ query: s.query, variables: s.variables[i % s.variables.length] }));
  }
  return bodies;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { log } = options;
  let lastHeap: Heap | null = null;
  const server = await startServer({
    label: 'soak-server',
    script: options.script,
    cwd: options.cwd,
    env: { databaseUrl: options.databaseUrl, jwtSecret: options.jwtSecret },
    extraEnv: { BENCH_MEMORY_LOG_MS: String(sampleEveryMs) },
    onStdoutLine: (line) => {
      if (!line.startsWith('{"benchMemory":')) return false;
      const parsed: unknown = JSON.parse(line);
      const heap = (parsed as { benchMemory?: unknown }).benchMemory;
      if (isHeap(heap)) lastHeap = heap;
      return true;
    },
  });
  try {
    const token = await login(server.baseUrl, options.suite.credentials.username, options.suite.credentials.password);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const scenarios = await withClient(options.databaseUrl, (client) => options.suite.scenarios(client));
    for (const scenario of scenarios) {
      const sample = await postGraphQL(server.baseUrl, { query: scenario.query, variables: scenario.variables[0] }, headers);
      const problem = sample.errors !== null || sample.data === null ? sample.rawBody.slice(0, 500) : scenario.checkSample(sample.data);
      if (problem !== null) throw new Error(`soak: the read ${scenario.name} failed: ${problem}`);
    }
    const writes = await withClient(options.databaseUrl, (client) => options.plan.writes(client));
    log(`soak: ${options.seconds} s of reads (${scenarios.map((s) => s.name).join(', ')}, alternating, ${options.connections} connections) and writes (${writes.description}, one at a time)`);

    let writesDone = 0;
    const write = async (): Promise<void> => {
      const answer = await postGraphQL(server.baseUrl, writes.next(), headers);
      const problem =
        answer.status !== 200 || answer.errors !== null || answer.data === null ? `HTTP ${answer.status}: ${answer.rawBody.slice(0, 500)}` : writes.check(answer.data);
      if (problem !== null) throw new Error(`soak: write ${writesDone + 1} failed: ${problem}`);
      writesDone += 1;
    };
    // One write before the load: a refused write stops the run now, not after the soak.
    await write();
    let stopWriting = false;
    let writeFailure: Error | null = null;
    const writer = (async () => {
      while (!stopWriting) await write();
    })().catch((error: unknown) => {
      writeFailure = error instanceof Error ? error : new Error(String(error));
    });

    const started = performance.now();
    const samples: SoakSample[] = [];
    const sample = (): void => {
      const entry: SoakSample = { seconds: Math.round((performance.now() - started) / 1000), rssBytes: residentBytes(server.pid), heap: lastHeap, writes: writesDone };
      samples.push(entry);
      log(
        `soak ${String(entry.seconds).padStart(4)} s: RSS ${mb(entry.rssBytes)} MB, heap used ${mb(entry.heap?.heapUsed)} MB of ${mb(entry.heap?.heapTotal)} MB, ` +
          `external ${mb(entry.heap?.external)} MB; writes ${entry.writes}`,
      );
    };
    sample();
    const timer = setInterval(sample, sampleEveryMs);
    let result;
    try {
      result = await runOnce(
        { baseUrl: server.baseUrl, headers, bodies: alternatingBodies(scenarios), connections: options.connections, durationSeconds: options.seconds, warmupSeconds: 0 },
        options.seconds,
        'soak reads',
      );
    } finally {
      clearInterval(timer);
      stopWriting = true;
      await writer;
    }
    // A last sample at the end, unless the interval's was just taken.
    if (performance.now() - started - (samples[samples.length - 1]?.seconds ?? 0) * 1000 > 2_000) sample();
    if (writeFailure !== null) throw writeFailure;

    const atMinute = samples.find((s) => s.seconds >= 60) ?? null;
    const last = samples[samples.length - 1] ?? null;
    const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
      a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b - 1;
    const rssGrowth = ratio(last?.rssBytes, atMinute?.rssBytes);
    const heapUsedGrowth = ratio(last?.heap?.heapUsed, atMinute?.heap?.heapUsed);
    const clean = result.non2xx === 0 && result.mismatches === 0 && result.errors === 0;
    const verdict = rssGrowth !== null && rssGrowth <= maxRssGrowth && clean ? 'PASS' : 'MISS';

    console.log('');
    console.log(`soak: ${options.seconds} s, production server with permissions on (bench/soak-server.ts), ${options.connections} read connections + 1 writer`);
    console.log(
      `reads: ${result.requests.total} (${result.requests.mean.toFixed(0)} req/s, p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms, ` +
        `non-2xx ${result.non2xx}, errors ${result.mismatches}, connection errors ${result.errors}); writes: ${writesDone} (${writes.description}), every answer checked`,
    );
    console.log('');
    console.log('   s  RSS MB  heap used MB  heap total MB  external MB  writes');
    for (const s of samples) {
      console.log(
        `${String(s.seconds).padStart(4)}  ${mb(s.rssBytes).padStart(6)}  ${mb(s.heap?.heapUsed).padStart(12)}  ${mb(s.heap?.heapTotal).padStart(13)}  ${mb(s.heap?.external).padStart(11)}  ${String(s.writes).padStart(6)}`,
      );
    }
    const pct = (value: number | null): string => (value === null ? '?' : `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`);
    console.log('');
    console.log(
      `RSS after the first minute: ${mb(atMinute?.rssBytes)} → ${mb(last?.rssBytes)} MB (${pct(rssGrowth)}); heap used ${mb(atMinute?.heap?.heapUsed)} → ${mb(last?.heap?.heapUsed)} MB (${pct(heapUsedGrowth)}); ` +
        `target RSS growth ≤ ${(maxRssGrowth * 100).toFixed(0)}%${clean ? '' : ' and clean answers'} → ${verdict}`,
    );
    return {
      seconds: options.seconds,
      connections: options.connections,
      samples,
      reads: {
        completed: result.requests.total,
        requestsPerSecond: result.requests.mean,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errorBodies: result.mismatches,
        connectionErrors: result.errors,
      },
      writes: { completed: writesDone, description: writes.description },
      rssAfterFirstMinuteBytes: atMinute?.rssBytes ?? null,
      rssAtEndBytes: last?.rssBytes ?? null,
      rssGrowth,
      heapUsedGrowth,
      maxRssGrowth,
      verdict,
    };
  } finally {
    await server.stop();
  }
}
