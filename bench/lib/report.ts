import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import type { LoadFigures } from './load';
import type { RatioTarget, Target } from './suite';

export interface ResultRow {
  scenario: string;
  /** The server: on / off (chibo with permissions on / off), apollo, postgraphile. */
  variant: string;
  /** 1, 2 …; 0 for the median of the rounds. */
  round: number;
  target: Target;
  /** From the x-sql-statements header of one sample request; null when the server did not send it. */
  sqlStatementsPerRequest: number | null;
  figures: LoadFigures;
  /** CPU (user + system) of the server's processes during the measured run ÷ completed requests. */
  serverCpuMsPerRequest: number | null;
  /** CPU of the PostgreSQL backends of the bench database during the measured run ÷ completed requests. */
  postgresCpuMsPerRequest: number | null;
  verdict: 'PASS' | 'MISS';
  /** Why a row missed, in words. */
  misses: string[];
}

/**
 * A row passes only if it is fast enough AND every response was a clean
 * answer: a server that fails quickly must not look like a fast server.
 */
export function judge(target: Target, figures: LoadFigures): { verdict: 'PASS' | 'MISS'; misses: string[] } {
  const misses: string[] = [];
  if (target.maxP50Ms !== undefined && figures.p50Ms > target.maxP50Ms) misses.push(`p50 ${figures.p50Ms.toFixed(1)} ms > ${target.maxP50Ms} ms`);
  if (figures.requestsPerSecond < target.minRequestsPerSecond) {
    misses.push(`${figures.requestsPerSecond.toFixed(0)} req/s < ${target.minRequestsPerSecond}`);
  }
  if (figures.p99Ms > target.maxP99Ms) misses.push(`p99 ${figures.p99Ms.toFixed(1)} ms > ${target.maxP99Ms} ms`);
  if (figures.non2xx > 0) misses.push(`${figures.non2xx} non-2xx`);
  if (figures.errorBodies > 0) misses.push(`${figures.errorBodies} responses with errors`);
  if (figures.connectionErrors > 0) misses.push(`${figures.connectionErrors} connection errors/timeouts`);
  if (figures.completed === 0) misses.push('no request completed');
  return { verdict: misses.length === 0 ? 'PASS' : 'MISS', misses };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function medianOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : median(known);
}

/**
 * One row per scenario and server: the median of each figure over the rounds (so the figures of
 * a row may come from different rounds), the failure counts summed, judged again.
 */
export function medianRows(rows: readonly ResultRow[]): ResultRow[] {
  const groups = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const key = `${row.scenario}\u0000${row.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as ResultRow;
    const of = (pick: (f: LoadFigures) => number): number => median(group.map((r) => pick(r.figures)));
    const sum = (pick: (f: LoadFigures) => number): number => group.reduce((total, r) => total + pick(r.figures), 0);
    const figures: LoadFigures = {
      requestsPerSecond: of((f) => f.requestsPerSecond),
      p50Ms: of((f) => f.p50Ms),
      p99Ms: of((f) => f.p99Ms),
      maxMs: Math.max(...group.map((r) => r.figures.maxMs)),
      completed: sum((f) => f.completed),
      non2xx: sum((f) => f.non2xx),
      errorBodies: sum((f) => f.errorBodies),
      connectionErrors: sum((f) => f.connectionErrors),
      timeouts: sum((f) => f.timeouts),
      durationSeconds: sum((f) => f.durationSeconds),
    };
    const { verdict, misses } = judge(first.target, figures);
    return {
      scenario: first.scenario,
      variant: first.variant,
      round: 0,
      target: first.target,
      sqlStatementsPerRequest: medianOrNull(group.map((r) => r.sqlStatementsPerRequest)),
      figures,
      serverCpuMsPerRequest: medianOrNull(group.map((r) => r.serverCpuMsPerRequest)),
      postgresCpuMsPerRequest: medianOrNull(group.map((r) => r.postgresCpuMsPerRequest)),
      verdict,
      misses,
    };
  });
}

function table(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 2): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (value: number | null, digits = 2): string => (value === null ? '?' : value.toFixed(digits));

/** The table of results: per round (with a round column) or the medians. */
export function formatResults(rows: readonly ResultRow[], options: { rounds: boolean } = { rounds: false }): string {
  const body = rows.map((row) => [
    row.scenario,
    row.variant,
    ...(options.rounds ? [String(row.round)] : []),
    row.figures.requestsPerSecond.toFixed(0),
    row.figures.p50Ms.toFixed(1),
    row.figures.p99Ms.toFixed(1),
    ms(row.serverCpuMsPerRequest),
    ms(row.postgresCpuMsPerRequest),
    row.sqlStatementsPerRequest === null ? '?' : String(row.sqlStatementsPerRequest),
    String(row.figures.non2xx),
    String(row.figures.errorBodies),
    `${row.target.maxP50Ms === undefined ? '' : `p50≤${row.target.maxP50Ms}ms & `}≥${row.target.minRequestsPerSecond} & ≤${row.target.maxP99Ms}ms`,
    row.verdict,
  ]);
  const header = ['scenario', 'server', ...(options.rounds ? ['round'] : []), 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'PG ms/req', 'SQL/req', 'non-2xx', 'errors', 'target', 'verdict'];
  const notes = rows
    .filter((row) => row.misses.length > 0)
    .map((row) => `  ${row.scenario} / ${row.variant}${options.rounds ? ` / round ${row.round}` : ''}: ${row.misses.join('; ')}`);
  return [table(header, body, options.rounds ? 3 : 2), ...(notes.length > 0 ? ['', 'misses:', ...notes] : [])].join('\n');
}

/** chibo (permissions on) against one reference on one scenario, from the medians. */
export interface RatioResult {
  scenario: string;
  reference: string;
  /** chibo ÷ reference; null where a figure is missing or zero. */
  serverCpuMsPerRequest: number | null;
  requestsPerSecond: number | null;
  p99Ms: number | null;
  postgresCpuMsPerRequest: number | null;
  /** The issue's targets on this pair, each with its verdict. */
  targets: { metric: RatioTarget['metric']; max: number; ratio: number | null; verdict: 'PASS' | 'MISS' }[];
}

const ratioOf = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);
const times = (value: number | null): string => (value === null ? '?' : `${value.toFixed(2)}×`);

export function ratios(medians: readonly ResultRow[], chibo: string, targets: ReadonlyMap<string, readonly RatioTarget[]>): RatioResult[] {
  const results: RatioResult[] = [];
  for (const row of medians) {
    if (row.variant !== chibo) continue;
    for (const reference of medians.filter((r) => r.scenario === row.scenario && r.variant !== chibo && r.variant !== 'off')) {
      const cpu = ratioOf(row.serverCpuMsPerRequest, reference.serverCpuMsPerRequest);
      const p99 = ratioOf(row.figures.p99Ms, reference.figures.p99Ms);
      const scenarioTargets = (targets.get(row.scenario) ?? []).filter((t) => t.reference === reference.variant);
      results.push({
        scenario: row.scenario,
        reference: reference.variant,
        serverCpuMsPerRequest: cpu,
        requestsPerSecond: ratioOf(row.figures.requestsPerSecond, reference.figures.requestsPerSecond),
        p99Ms: p99,
        postgresCpuMsPerRequest: ratioOf(row.postgresCpuMsPerRequest, reference.postgresCpuMsPerRequest),
        targets: scenarioTargets.map((t) => {
          const ratio = t.metric === 'p99Ms' ? p99 : cpu;
          return { metric: t.metric, max: t.max, ratio, verdict: ratio !== null && ratio <= t.max ? 'PASS' : 'MISS' };
        }),
      });
    }
  }
  return results;
}

export function formatRatios(results: readonly RatioResult[]): string[] {
  return results.map((r) => {
    const verdicts = r.targets.map((t) => `${t.metric === 'p99Ms' ? 'p99' : 'CPU/req'} ≤ ${t.max}× → ${t.verdict}`);
    return (
      `  ${r.scenario} vs ${r.reference}: CPU/req ${times(r.serverCpuMsPerRequest)}, req/s ${times(r.requestsPerSecond)}, ` +
      `p99 ${times(r.p99Ms)}, PG CPU/req ${times(r.postgresCpuMsPerRequest)}` +
      (verdicts.length > 0 ? `; targets: ${verdicts.join(', ')}` : '')
    );
  });
}

export interface PermissionCost {
  scenario: string;
  /** on ÷ off − 1 of the CPU per request (null if unknown). */
  cpuCost: number | null;
  /** 1 − on ÷ off of req/s. */
  throughputCost: number | null;
  p99OffMs: number;
  p99OnMs: number;
  maxCost: number | null;
  verdict: 'PASS' | 'MISS' | null;
}

/** The permission layer's cost per scenario, from the medians: CPU per request (judged) and throughput. */
export function permissionCosts(medians: readonly ResultRow[], onVariant: string, offVariant: string, maxCost: number | null): PermissionCost[] {
  const costs: PermissionCost[] = [];
  for (const scenario of new Set(medians.map((row) => row.scenario))) {
    const on = medians.find((row) => row.scenario === scenario && row.variant === onVariant);
    const off = medians.find((row) => row.scenario === scenario && row.variant === offVariant);
    if (on === undefined || off === undefined) continue;
    const cpuRatio = ratioOf(on.serverCpuMsPerRequest, off.serverCpuMsPerRequest);
    const cpuCost = cpuRatio === null ? null : cpuRatio - 1;
    const throughput = ratioOf(on.figures.requestsPerSecond, off.figures.requestsPerSecond);
    costs.push({
      scenario,
      cpuCost,
      throughputCost: throughput === null ? null : 1 - throughput,
      p99OffMs: off.figures.p99Ms,
      p99OnMs: on.figures.p99Ms,
      maxCost,
      verdict: maxCost === null ? null : cpuCost !== null && cpuCost <= maxCost ? 'PASS' : 'MISS',
    });
  }
  return costs;
}

const percent = (value: number | null): string => (value === null ? '?' : `${(value * 100).toFixed(1)}%`);

export function formatPermissionCosts(costs: readonly PermissionCost[]): string[] {
  return costs.map(
    (c) =>
      `  ${c.scenario}: permissions cost ${percent(c.cpuCost)} of CPU per request, ${percent(c.throughputCost)} of throughput, ` +
      `p99 ${c.p99OffMs.toFixed(1)} → ${c.p99OnMs.toFixed(1)} ms` +
      (c.maxCost === null ? '' : `; target CPU cost ≤ ${percent(c.maxCost)} → ${c.verdict ?? '?'}`),
  );
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}
