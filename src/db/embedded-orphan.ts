import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The embedded PostgreSQL is a process of its own: when node is killed with -9 it keeps running,
 * holding its data directory, and the next start failed (issue #16 item 5). Before starting,
 * a live postmaster of the same data directory whose parent is no longer a node process (it was
 * re-parented when its node died) is stopped; one still owned by a running node process (another
 * chibo on the same DATA_DIR) is left alone and reported.
 */

interface ProcessInfo {
  readonly args: string;
  readonly ppid: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (PostgreSQL runs as "postgres" under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's command line and parent: /proc on Linux, `ps` elsewhere; null when it cannot be read. */
function processInfo(pid: number): ProcessInfo | null {
  try {
    if (existsSync(`/proc/${pid}/stat`)) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      return { args, ppid };
    }
    const out = execFileSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const match = /^(\d+)\s+(.*)$/.exec(out);
    return match ? { ppid: Number(match[1]), args: match[2] } : null;
  } catch {
    return null;
  }
}

const isNode = (args: string): boolean => /(^|\/)node(\d*|js)?(\s|$)/.test(args.split(' ')[0] ?? '');

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

export async function stopOrphanedPostgres(databaseDir: string, log: (message: string) => void): Promise<void> {
  let pidFile: string;
  try {
    pidFile = await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8');
  } catch {
    return; // no server was left running
  }
  const [pidLine, dirLine] = pidFile.split('\n');
  const pid = Number(pidLine);
  // A stale file (the process is gone, or its pid now belongs to another program) PostgreSQL clears itself.
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  const info = processInfo(pid);
  if (!info || !/postgres/.test(info.args) || !info.args.includes(dirLine)) return;
  const parent = info.ppid > 1 ? processInfo(info.ppid) : null;
  if (parent && isNode(parent.args)) {
    throw new Error(`The embedded PostgreSQL data directory ${databaseDir} is in use by a running server (postgres pid ${pid}, started by process ${info.ppid}: ${parent.args}); stop it first or set another DATA_DIR`);
  }
  log(`stopping the embedded PostgreSQL left running by a process that died (pid ${pid}, data ${databaseDir})`);
  // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, then stops cleanly).
  process.kill(pid, 'SIGINT');
  if (await waitGone(pid, 30_000)) return;
  // SIGQUIT: immediate shutdown; the next start recovers from the WAL as after a crash.
  process.kill(pid, 'SIGQUIT');
  if (await waitGone(pid, 10_000)) return;
  throw new Error(`The embedded PostgreSQL left running in ${databaseDir} (pid ${pid}) did not stop; stop it by hand`);
}
