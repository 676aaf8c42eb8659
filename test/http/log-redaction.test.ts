import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { createTestApp, type TestApp } from '../support/test-app';

/** Database errors reach the logs without their statement, parameters or quoted values (issue #15). */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

/** What the production logger writes for an error, as text. */
function logged(error: unknown): string {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
  createLogger({ logLevel: 'info' }, sink).error({ err: error }, 'unexpected error');
  return lines.join('');
}

async function failure(sql: string, params: unknown[]): Promise<unknown> {
  try {
    await app.orm.em.fork().getConnection().execute(sql, params, 'all');
  } catch (error) {
    return error;
  }
  throw new Error('the statement did not fail');
}

test('a bad value in a statement: neither the statement nor the value is logged', async () => {
  const error = await failure('select ?::int as n', ['Lò Văn Bí Mật 0912345678']);
  expect(String((error as Error).message)).toContain('Bí Mật');
  const line = logged(error);
  expect(line).not.toContain('Bí Mật');
  expect(line).not.toContain('0912345678');
  expect(line).toContain('[statement redacted]');
  expect(JSON.parse(line).err.type).toBeDefined();
});

test('a unique violation: the key value in the detail is not logged', async () => {
  const { id } = (await app.sql<{ id: number }>("select id from member where party_card_number is not null limit 1"))[0];
  const [{ card }] = await app.sql<{ card: string }>('select party_card_number as card from member where id = ?', [id]);
  const other = (await app.sql<{ id: number }>('select id from member where id <> ? limit 1', [id]))[0].id;
  const error = await failure('update member set party_card_number = ? where id = ?', [card, other]);
  const line = logged(error);
  expect(line).not.toContain(card);
  expect(line).toMatch(/unique|duplicate/i);
});

test('an ordinary error is logged as it was (control)', () => {
  const line = logged(new Error('the refresher lost its connection'));
  expect(JSON.parse(line).err.message).toBe('the refresher lost its connection');
});
