import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';

/**
 * CPU time of processes from /proc (Linux only): utime + stime, in clock ticks, of a server's
 * process group and of the PostgreSQL backends serving one database. Sampled before and after a
 * measured run; the difference divided by the completed requests is the CPU cost per request.
 */

let ticksPerSecond: number | null = null;

/** `getconf CLK_TCK` (100 on Linux almost everywhere), read once. */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === null) {
    let value = 100;
    try {
      const raw = Number(execFileSync('getconf', ['CLK_TCK'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
      if (Number.isInteger(raw) && raw > 0) value = raw;
    } catch {
      // No getconf: Linux's USER_HZ is 100.
    }
    ticksPerSecond = value;
  }
  return ticksPerSecond;
}

export function ticksToMs(ticks: number): number {
  return (ticks * 1000) / clockTicksPerSecond();
}

interface ProcStat {
  pid: number;
  pgrp: number;
  /** utime + stime of the process (all its threads), in ticks. */
  ticks: number;
}

/** Fields of /proc/<pid>/stat after the command name, which may hold spaces and parentheses. */
function readStat(pid: number): ProcStat | null {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
  const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): pgrp is field 5, utime 14, stime 15.
  const pgrp = Number(rest[2]);
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return { pid, pgrp, ticks: utime + stime };
}

function pids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/**
 * CPU ticks used so far by the process group `pgid`: the bench starts every server as the leader
 * of a group of its own (spawnTracked, detached), so this is the server and any child it started.
 */
export function processGroupTicks(pgid: number): number {
  let total = 0;
  for (const pid of pids()) {
    const stat = readStat(pid);
    if (stat !== null && stat.pgrp === pgid) total += stat.ticks;
  }
  return total;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Per-process CPU ticks of the PostgreSQL backends connected to `database`, found by their
 * process title (`postgres: [cluster: ]user database host(port) state`). Background processes
 * (checkpointer, WAL writer …) and other databases' backends are left out: this machine is
 * shared, and other runs use other databases. Keyed by pid, so that a backend that appears
 * between two samples counts from zero.
 */
export function postgresBackendTicks(database: string): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of pids()) {
    const title = cmdline(pid);
    if (!title.startsWith('postgres: ')) continue;
    const match = /^postgres: (?:[^ ]+: )?([^ ]+) ([^ ]+) /.exec(title);
    if (match === null || match[2] !== database) continue;
    const stat = readStat(pid);
    if (stat !== null) ticks.set(pid, stat.ticks);
  }
  return ticks;
}

/** Ticks the backends used between two samples (backends that ended in between are lost: see the README). */
export function backendTicksBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, value] of after) total += value - (before.get(pid) ?? 0);
  return total;
}

/** A sample of both, taken around a measured run. */
export interface CpuSample {
  server: number;
  postgres: Map<number, number>;
}

export function sampleCpu(serverPgid: number, database: string): CpuSample {
  return { server: processGroupTicks(serverPgid), postgres: postgresBackendTicks(database) };
}

/** CPU ms per request of the server and of PostgreSQL between two samples; null without requests. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): { serverMs: number | null; postgresMs: number | null } {
  if (requests <= 0) return { serverMs: null, postgresMs: null };
  return {
    serverMs: ticksToMs(after.server - before.server) / requests,
    postgresMs: ticksToMs(backendTicksBetween(before.postgres, after.postgres)) / requests,
  };
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status), null if gone. */
export function residentBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}
