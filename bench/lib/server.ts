import type { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { createServer } from 'net';
import { createInterface } from 'readline';
import { spawnTracked, stopChild } from './processes';

/** Asks the kernel for a free port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** 48 URL-safe characters: a fresh JWT secret per run, so no token outlives it. */
export function randomSecret(): string {
  return randomBytes(36).toString('base64url');
}

export interface ServerEnv {
  databaseUrl: string;
  jwtSecret: string;
}

export interface RunningServer {
  label: string;
  /** http://127.0.0.1:<port> — the load only ever targets the loopback address. */
  baseUrl: string;
  /** The node process, leader of its own process group (its CPU time is read from /proc). */
  pid: number;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  label: string;
  /** Compiled script relative to cwd (dist/…), run with this very node as `npm start` runs dist/src/main.js. */
  script: string;
  cwd: string;
  env: ServerEnv;
  /** More environment for this server (the soak's memory log interval, for example). */
  extraEnv?: Record<string, string>;
  /** Each line the server prints on stdout (the soak reads its memory log); true: consumed, not copied. */
  onStdoutLine?: (line: string) => boolean;
  readyTimeoutMs?: number;
}

/** Copies a child's output line by line with a label, so two servers' logs can be told apart. */
function prefixOutput(child: ChildProcess, label: string, onStdoutLine?: (line: string) => boolean): void {
  if (child.stdout !== null) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (onStdoutLine?.(line) !== true) process.stdout.write(`[${label}] ${line}\n`);
    });
  }
  if (child.stderr !== null) createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`[${label}] ${line}\n`));
}

async function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts a server process in production mode on a free port and waits until
 * GET /readyz answers 200. Fails early if the process exits first.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // process.execPath: the pinned node that runs the bench (node_modules/.bin/node under npm).
  const child = spawnTracked(process.execPath, [options.script], {
    cwd: options.cwd,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Loopback only: the bench account's password is public, the server must not be reachable from outside.
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.env.databaseUrl,
      JWT_SECRET: options.env.jwtSecret,
      // Asks the server to report its SQL statement count per request in x-sql-statements.
      SQL_STATEMENT_HEADER: 'true',
      LOG_LEVEL: 'warn',
      // One login serves a whole variant's runs; a long BENCH_DURATION must not outlive the token.
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixOutput(child, options.label, options.onStdoutLine);

  // Held in an object: set from callbacks, read in the polling loop.
  const state: { exitReason: string | null } = { exitReason: null };
  child.once('exit', (code, signal) => {
    state.exitReason = signal ?? `exit code ${String(code)}`;
  });
  child.once('error', (error) => {
    state.exitReason = `could not start: ${error.message}`;
  });

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    if (state.exitReason !== null) {
      throw new Error(`${options.label} (${options.script}) exited before it was ready: ${state.exitReason}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
      lastProblem = `GET /readyz answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      await stopChild(child, 2_000);
      throw new Error(
        `${options.label} was not ready within ${timeoutMs / 1000} s on ${baseUrl} (${lastProblem}); ` +
          'does it listen on PORT on the IPv4 loopback?',
      );
    }
    await sleep(250);
  }

  if (child.pid === undefined) throw new Error(`${options.label} has no pid`);
  return { label: options.label, baseUrl, pid: child.pid, stop: () => stopChild(child) };
}
