import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { alive, ownPostgresPlace, sleep, startEmbeddedChild, type EmbeddedChild } from './support';

/**
 * Issue #16 item 5, embedded mode: after kill -9 of the node process that started it, the
 * embedded PostgreSQL keeps running; the next start stops that orphan (same data directory)
 * and goes on. A server still owned by a live node process is left alone and named. A start
 * that fails says why (it said "undefined"). Every start runs in a child node process.
 */
let place: Awaited<ReturnType<typeof ownPostgresPlace>>;
let owner: EmbeddedChild | undefined;

beforeAll(async () => {
  place = await ownPostgresPlace('orphan');
});
afterAll(async () => {
  if (owner) {
    owner.kill('SIGTERM');
    await owner.exited;
  }
  // Whatever a failed test left running on this data directory.
  const pid = await postmasterPid().catch(() => null);
  if (pid !== null && alive(pid)) {
    process.kill(pid, 'SIGINT');
    while (alive(pid)) await sleep(100);
  }
  await place?.remove();
});

const databaseDir = (): string => path.join(place.dataDir, 'pg');
const postmasterPid = async (): Promise<number> => Number((await readFile(path.join(databaseDir(), 'postmaster.pid'), 'utf8')).split('\n')[0]);
const adminUrl = (): string => `postgres://postgres:postgres@127.0.0.1:${place.port}/postgres`;

async function answers(): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('select 1 as one');
    return rows[0].one === 1;
  } finally {
    await client.end();
  }
}

test('a server left running by a node killed with -9 is stopped, and the next start goes on', async () => {
  const first = await startEmbeddedChild(place.dataDir, place.port);
  const orphan = await postmasterPid();
  first.kill('SIGKILL');
  await first.exited;
  await sleep(300);
  expect(alive(orphan)).toBe(true);
  expect(await answers()).toBe(true);

  owner = await startEmbeddedChild(place.dataDir, place.port);
  expect(alive(orphan)).toBe(false);
  const pid = await postmasterPid();
  expect(pid).not.toBe(orphan);
  expect(alive(pid)).toBe(true);
  expect(await answers()).toBe(true);
});

test('a server still owned by a live node process is left running, and the second start says so', async () => {
  expect(owner).toBeDefined();
  const pid = await postmasterPid();
  await expect(startEmbeddedChild(place.dataDir, place.port)).rejects.toThrow(/is in use by a running server \(postgres pid \d+, started by process \d+/);
  expect(alive(pid)).toBe(true);
  expect(await answers()).toBe(true);
});

test('a start that fails gives PostgreSQL\'s own reason, not "undefined"', async () => {
  owner?.kill('SIGTERM');
  expect(await owner?.exited).toBe(0);
  owner = undefined;
  const versionFile = path.join(databaseDir(), 'PG_VERSION');
  const version = await readFile(versionFile, 'utf8');
  await writeFile(versionFile, '9\n');
  try {
    const failure = await startEmbeddedChild(place.dataDir, place.port).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/exited during start:[\s\S]*incompatible with server/);
    expect(failure).not.toMatch(/undefined/);
  } finally {
    await writeFile(versionFile, version);
  }
});
