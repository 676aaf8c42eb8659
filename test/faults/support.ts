import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A data directory and a port of a test's own for an embedded PostgreSQL that the test may stop,
 * kill or break: never the system server on 5432, nor the suite's embedded one.
 */
export async function ownPostgresPlace(name: string): Promise<{ dataDir: string; port: number; remove(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `chibo-${name}-`));
  // As root the server runs as "postgres", which must be able to enter the directory.
  await chmod(dataDir, 0o755);
  return { dataDir, port: await freePort(), remove: () => rm(dataDir, { recursive: true, force: true }) };
}

/** A port nothing listens on now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface EmbeddedChild {
  readonly pid: number;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Runs the embedded PostgreSQL of `dataDir` in a child node process (start-embedded-child.ts):
 * resolves once it is ready, rejects with the child's stderr when the start fails.
 */
export function startEmbeddedChild(dataDir: string, port: number): Promise<EmbeddedChild> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'test/faults/start-embedded-child.ts', dataDir, String(port)], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') resolve({ pid: child.pid ?? -1, exited, kill: (signal) => child.kill(signal) });
    });
    void exited.then((code) => reject(new Error(`exit ${code}: ${stderr}`)));
  });
}
