import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createTestApp, TEST_ENV, type TestApp } from '../support/test-app';

/**
 * CLUSTER_WORKERS=2 (src/cluster.ts): the primary prepares the database once and forks two HTTP
 * workers on one port; a worker that dies is replaced; SIGTERM stops every process.
 */
let app: TestApp;
let primary: ChildProcess;
let port: number;
let output = '';
let listeningAt = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const workerPids = (): number[] =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary.pid)]).toString().split('\n').map((line) => Number(line.trim())).filter((pid) => pid > 0);

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ready = async (): Promise<boolean> => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  app = await createTestApp();
  port = await freePort();
  primary = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    env: { ...process.env, ...TEST_ENV, LOG_LEVEL: 'info', DATABASE_URL: app.databaseUrl, PORT: String(port), HOST: '127.0.0.1', CLUSTER_WORKERS: '2', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  primary.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  primary.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(ready, 'the cluster to answer /readyz', 60_000);
  await until(() => (output.match(/chibo listening/g) ?? []).length === 2, 'both workers to listen');
  listeningAt = Date.now();
}, 90_000);

afterAll(async () => {
  if (primary.exitCode === null) primary.kill('SIGKILL');
  await app.close();
});

test('two workers serve one port', async () => {
  expect(workerPids()).toHaveLength(2);
  const answers = await Promise.all(Array.from({ length: 8 }, async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status));
  expect(answers).toEqual(Array(8).fill(200));
});

test('a worker that dies is replaced and the port keeps answering', async () => {
  // A worker dying within 10 s of its start stops the cluster instead (no restart loop): outlive that.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, listeningAt + 10_500 - Date.now())));
  const [victim] = workerPids();
  process.kill(victim, 'SIGKILL');
  await until(() => !workerPids().includes(victim) && workerPids().length === 2, 'a replacement worker');
  await until(ready, 'the cluster to answer again');
  expect(output).toContain('worker exited');
}, 60_000);

test('SIGTERM stops the workers and the primary', async () => {
  const workers = workerPids();
  const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
  primary.kill('SIGTERM');
  expect(await exited).toBe(0);
  for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
}, 60_000);
