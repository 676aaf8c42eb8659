import type { RunningServer } from '../../src/server';
import { FREE_ATTEMPTS, throttleDelayMs } from '../../src/services/accounts/login-throttle';
import { FIXTURE_PASSWORD } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { codesOf, LOGIN, postGraphQL, startHttpServer } from '../http/http-client';

/** Repeated failed logins are remembered per username and slow down further attempts. */
describe('throttleDelayMs', () => {
  test(`the first ${FREE_ATTEMPTS} failures cost nothing`, () => {
    for (let failures = 0; failures < FREE_ATTEMPTS; failures += 1) expect(throttleDelayMs(failures, 1000)).toBe(0);
  });

  test('from the free attempts on, the delay starts at the base and doubles with each failure', () => {
    expect(throttleDelayMs(FREE_ATTEMPTS, 1000)).toBe(1000);
    expect(throttleDelayMs(FREE_ATTEMPTS + 1, 1000)).toBe(2000);
    expect(throttleDelayMs(FREE_ATTEMPTS + 2, 1000)).toBe(4000);
  });

  test('the delay stops growing after five doublings', () => {
    expect(throttleDelayMs(FREE_ATTEMPTS + 5, 1000)).toBe(32000);
    expect(throttleDelayMs(FREE_ATTEMPTS + 50, 1000)).toBe(32000);
  });

  test('the delay scales with the configured base', () => {
    expect(throttleDelayMs(FREE_ATTEMPTS + 1, 250)).toBe(500);
    expect(throttleDelayMs(FREE_ATTEMPTS + 3, 0)).toBe(0);
  });
});

describe('through the API', () => {
  // Long enough to stand clear of an argon2 check (tens of ms), short enough that the sixth
  // parallel guess (32 × base) does not dominate the suite's time.
  const BASE_MS = 150;
  let app: TestApp;
  let slowServer: RunningServer;

  beforeAll(async () => {
    app = await createTestApp();
    slowServer = await startHttpServer(app, { LOGIN_THROTTLE_BASE_MS: String(BASE_MS) });
  });
  afterAll(async () => {
    await slowServer?.stop();
    await app?.close();
  });

  const login = (username: string, password: string) => app.run('anonymous', LOGIN, { username, password });
  const failures = async (username: string): Promise<number | null> =>
    (await app.sql<{ failures: number }>('select failures from login_throttle where username = ?', [username]))[0]?.failures ?? null;

  test('each failed login of a known username is counted', async () => {
    for (let i = 1; i <= 3; i += 1) {
      expect(codesOf(await login('organizer.cell', 'wrong-password'))).toEqual(['UNAUTHENTICATED']);
      expect(await failures('organizer.cell')).toBe(i);
    }
  });

  test('failed logins of an unknown username are counted the same way', async () => {
    await login('ghost.user', 'whatever-password');
    await login('ghost.user', 'whatever-password');
    expect(await failures('ghost.user')).toBe(2);
  });

  test('failures are counted per username, case and spaces ignored', async () => {
    await login('Analyst.Province', 'wrong-password');
    await login(' analyst.province ', 'wrong-password');
    await login('inspector.province', 'wrong-password');
    expect(await failures('analyst.province')).toBe(2);
    expect(await failures('inspector.province')).toBe(1);
  });

  test('a successful login clears the failures of its username', async () => {
    await login('admin.cell', 'wrong-password');
    await login('admin.cell', 'wrong-password');
    expect(await failures('admin.cell')).toBe(2);
    const ok = await login('admin.cell', FIXTURE_PASSWORD);
    expect(ok.errors).toBeUndefined();
    expect(await failures('admin.cell')).toBeNull();
  });

  test('failures older than the window start the count afresh', async () => {
    await app.sql("insert into login_throttle (username, failures, last_failure_at) values ('admin.commune', 9, now() - interval '1 hour')");
    await login('admin.commune', 'wrong-password');
    expect(await failures('admin.commune')).toBe(1);
  });

  test(`after ${FREE_ATTEMPTS} failures the next attempt is answered only after the throttle delay`, async () => {
    await app.sql('insert into login_throttle (username, failures, last_failure_at) values (?, ?, now())', ['analyst.cell', FREE_ATTEMPTS]);
    const started = Date.now();
    const { body } = await postGraphQL(slowServer, LOGIN, { username: 'analyst.cell', password: 'wrong-password' });
    expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(BASE_MS);
    expect(await failures('analyst.cell')).toBe(FREE_ATTEMPTS + 1);
  });

  test('an unknown username is slowed down exactly like a known one', async () => {
    await app.sql('insert into login_throttle (username, failures, last_failure_at) values (?, ?, now())', ['ghost.throttled', FREE_ATTEMPTS + 1]);
    const started = Date.now();
    const { body } = await postGraphQL(slowServer, LOGIN, { username: 'ghost.throttled', password: 'wrong-password' });
    expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * BASE_MS);
  });

  // Attempts are counted before the password is checked, so parallel guesses each count for the
  // next: the sixth waits at least base × 2⁵, as if they had been sent one after another.
  test('parallel guesses against one throttled username are slowed down as if sent one after another', async () => {
    await app.sql('insert into login_throttle (username, failures, last_failure_at) values (?, ?, now())', ['admin.province', FREE_ATTEMPTS]);
    const started = Date.now();
    const answered = await Promise.all(
      Array.from({ length: 6 }, () => postGraphQL(slowServer, LOGIN, { username: 'admin.province', password: 'guess' }).then(() => Date.now() - started)),
    );
    expect(Math.max(...answered)).toBeGreaterThanOrEqual(32 * BASE_MS);
  });
});
