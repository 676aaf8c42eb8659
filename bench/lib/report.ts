import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import type { LoadFigures } from './load';
import type { Target } from './suite';

export interface ResultRow {
  scenario: string;
  variant: string;
  target: Target;
  /** From the x-sql-statements header of one sample request; null when the server did not send it. */
  sqlStatementsPerRequest: number | null;
  figures: LoadFigures;
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

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatResults(rows: readonly ResultRow[]): string {
  const body = rows.map((row) => [
    row.scenario,
    row.variant,
    row.figures.requestsPerSecond.toFixed(0),
    row.figures.p50Ms.toFixed(1),
    row.figures.p99Ms.toFixed(1),
    String(row.figures.non2xx),
    String(row.figures.errorBodies),
    row.sqlStatementsPerRequest === null ? '?' : String(row.sqlStatementsPerRequest),
    `≥${row.target.minRequestsPerSecond} & ≤${row.target.maxP99Ms}ms`,
    row.verdict,
  ]);
  const header = ['scenario', 'permissions', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'SQL/req', 'target', 'verdict'];
  const notes = rows.filter((row) => row.misses.length > 0).map((row) => `  ${row.scenario} / ${row.variant}: ${row.misses.join('; ')}`);
  return [table(header, body), ...(notes.length > 0 ? ['', 'misses:', ...notes] : [])].join('\n');
}

/** The permission layer's cost: how much of each scenario's throughput the permission layer takes. */
export function formatPermissionOverhead(rows: readonly ResultRow[], onVariant: string, offVariant: string): string[] {
  const lines: string[] = [];
  for (const scenario of new Set(rows.map((row) => row.scenario))) {
    const on = rows.find((row) => row.scenario === scenario && row.variant === onVariant);
    const off = rows.find((row) => row.scenario === scenario && row.variant === offVariant);
    if (on === undefined || off === undefined || off.figures.requestsPerSecond === 0) continue;
    const cost = 1 - on.figures.requestsPerSecond / off.figures.requestsPerSecond;
    lines.push(`  ${scenario}: permissions cost ${(cost * 100).toFixed(1)}% of throughput, p99 ${off.figures.p99Ms.toFixed(1)} → ${on.figures.p99Ms.toFixed(1)} ms`);
  }
  return lines;
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}
