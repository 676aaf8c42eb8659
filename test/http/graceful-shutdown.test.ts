import net from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ServerContext } from '../../src/graphql-server';
import type { RunningServer } from '../../src/server';
import { FREE_ATTEMPTS } from '../../src/services/accounts/login-throttle';
import { FIXTURE_PASSWORD } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { LOGIN, postGraphQL, startHttpServer, type GqlResponse } from './http-client';

/** stop() lets requests in flight finish, then refuses new connections. */
const THROTTLE_MS = 1500;

let app: TestApp;
let server: RunningServer;
let stopped: Promise<void> | undefined;
let requestStarted: () => void;
const started = new Promise<void>((resolve) => {
  requestStarted = resolve;
});

/** Tells the test when Apollo has received the slow request, so stop() surely comes after it. */
const signalStart: ApolloServerPlugin<ServerContext> = {
  async requestDidStart() {
    requestStarted();
  },
};

beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app, { LOGIN_THROTTLE_BASE_MS: String(THROTTLE_MS) }, { plugins: [signalStart] });
});
afterAll(async () => {
  await (stopped ?? server?.stop());
  await app?.close();
});

function connect(port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

test('a request in flight when stop() is called completes with 200, and new connections are refused', async () => {
  const port = Number(new URL(server.url).port);
  // A throttled username: the correct login is answered only after the throttle delay.
  await app.sql("insert into login_throttle (username, failures, last_failure_at) values ('organizer.commune', ?, now())", [FREE_ATTEMPTS]);
  const slow: Promise<GqlResponse> = postGraphQL(server, LOGIN, { username: 'organizer.commune', password: FIXTURE_PASSWORD });
  await started;
  const stopCalledAt = Date.now();
  stopped = server.stop();

  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await connect(port)).toBe('ECONNREFUSED');

  const response = await slow;
  expect(Date.now() - stopCalledAt).toBeGreaterThan(THROTTLE_MS / 2);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data?.login).toMatchObject({ account: { username: 'organizer.commune' } });
  await stopped;
  expect(await connect(port)).toBe('ECONNREFUSED');
});
