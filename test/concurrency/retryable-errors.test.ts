import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { formatError, isUnexpected } from '../../src/errors/format-error';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Collisions that remain (issue #16, decision 39): a deadlock, a serialization failure or a lock
 * timeout, raised by the real PostgreSQL through MikroORM, answers CONFLICT with retryable: true,
 * is not logged as unexpected, and names nothing of the database.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const exec = (em: EntityManager, sql: string, params: unknown[] = []): Promise<unknown> => em.getConnection().execute(sql, params, 'all', em.getTransactionContext());

/** What a resolver that threw `error` answers. */
function answer(error: unknown): ReturnType<typeof formatError> {
  const wrapped = new GraphQLError('raw', { originalError: error as Error, path: ['someMutation'] });
  return formatError({ message: 'raw', path: ['someMutation'] }, wrapped);
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the work to fail');
}

const RETRYABLE = { message: 'The write collided with a concurrent one and was rolled back; send it again', path: ['someMutation'], extensions: { code: 'CONFLICT', retryable: true } };

test('a deadlock (40P01): two transactions locking two rows in opposite orders, the loser answers a retryable CONFLICT', async () => {
  const [a, b] = [app.fixture.units.cell.id, app.fixture.units.school.id];
  let arrived = 0;
  let release: () => void = () => undefined;
  const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
  const crossing = (first: number, second: number) => app.orm.em.fork().transactional(async (em) => {
    await exec(em, 'select id from org_unit where id = ? for update', [first]);
    arrived += 1;
    if (arrived === 2) release();
    await bothHoldOne;
    await exec(em, 'select id from org_unit where id = ? for update', [second]);
  });
  const results = await Promise.allSettled([crossing(a, b), crossing(b, a)]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(failures).toHaveLength(1);
  expect((failures[0].reason as { code?: string }).code).toBe('40P01');
  expect(answer(failures[0].reason)).toEqual(RETRYABLE);
  expect(isUnexpected(new GraphQLError('raw', { originalError: failures[0].reason as Error, path: ['someMutation'] }))).toBe(false);
});

test('a lock timeout (55P03): a row held longer than lock_timeout answers a retryable CONFLICT', async () => {
  const id = app.fixture.units.cell.id;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked: () => void = () => undefined;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = app.orm.em.fork().transactional(async (em) => {
    await exec(em, 'select id from org_unit where id = ? for update', [id]);
    locked();
    await held;
  });
  await isLocked;
  const error = await failureOf(() => app.orm.em.fork().transactional(async (em) => {
    await exec(em, "set local lock_timeout = '50ms'");
    await exec(em, 'select id from org_unit where id = ? for update', [id]);
  }));
  release();
  await holder;
  expect((error as { code?: string }).code).toBe('55P03');
  expect(answer(error)).toEqual(RETRYABLE);
});

test('a serialization failure (40001): two SERIALIZABLE transactions with crossed reads and writes, the loser answers a retryable CONFLICT', async () => {
  await app.sql('create table if not exists race_probe (id int primary key, on_call boolean not null)');
  await app.sql('delete from race_probe');
  await app.sql('insert into race_probe values (1, true), (2, true)');
  let arrived = 0;
  let release: () => void = () => undefined;
  const bothRead = new Promise<void>((resolve) => (release = resolve));
  // Write skew: each sees two on call and takes one off; serially the second would see one and stop.
  const offCall = (id: number) => app.orm.em.fork().transactional(async (em) => {
    await exec(em, 'set transaction isolation level serializable');
    await exec(em, 'select count(*) from race_probe where on_call');
    arrived += 1;
    if (arrived === 2) release();
    await bothRead;
    await exec(em, 'update race_probe set on_call = false where id = ?', [id]);
  });
  const results = await Promise.allSettled([offCall(1), offCall(2)]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(failures).toHaveLength(1);
  expect((failures[0].reason as { code?: string }).code).toBe('40001');
  expect(answer(failures[0].reason)).toEqual(RETRYABLE);
});

test('other database errors stay INTERNAL_SERVER_ERROR, masked', async () => {
  const error = await failureOf(() => app.sql('select * from no_such_table'));
  expect(answer(error)).toEqual({ message: 'Internal server error', path: ['someMutation'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
});
