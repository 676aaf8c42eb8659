import { spawn, type ChildProcess, type SpawnOptions } from 'child_process';

/**
 * Every child the bench starts is registered here so that any way out of the
 * runner (success, error, timeout, Ctrl-C) stops them: a server left running
 * would hold the port and the bench database's connections.
 */
const children = new Set<ChildProcess>();

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Starts a tracked child in its own process group, so stopping it also stops what it started. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || !isRunning(child)) return;
  try {
    // Negative pid: the child's process group (npm → node, for example).
    process.kill(-child.pid, signal);
  } catch {
    // Already gone between the check and the signal.
  }
}

/** SIGTERM, then SIGKILL after graceMs; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAllChildren(graceMs = 10_000): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child, graceMs)));
}

/** Last resort on process exit, where nothing asynchronous runs any more. */
export function killAllChildrenNow(): void {
  for (const child of children) signalGroup(child, 'SIGKILL');
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit or after timeoutMs. */
export async function runToCompletion(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<void> {
  const child = spawnTracked(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'inherit', 'inherit'] });
  const label = [command, ...args].join(' ');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child, 2_000);
      reject(new Error(`${label} did not finish within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${label} could not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${String(code)}`})`));
    });
  });
}
