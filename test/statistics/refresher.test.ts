// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): the background refresher
import type { RunningServer } from '../../src/server';
import { bearer, loginOverHttp, postGraphQL, startHttpServer } from '../http/http-client';
import { gid } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The server's background refresher (STATISTICS_REFRESH_MS) takes a write into the statistics
 * within its interval, with no one asking; freshness says when the figures are current.
 */
let app: TestApp;
let server: RunningServer;
beforeAll(async () => {
  app = await createTestApp();
  server = await startHttpServer(app, { STATISTICS_REFRESH_MS: '50' });
});
afterAll(async () => {
  await server.stop();
  await app.close();
});

const STATS = 'query($u: ID) { statistics(unitId: $u, period: { year: 2026 }) { members { total } freshness { pendingChanges refreshedAt } } }';

test('a member created over HTTP is counted by the next refresh, and the answer says it is current', async () => {
  const { accessToken } = await loginOverHttp(server, 'organizer.province');
  const u = gid('OrgUnit', app.fixture.units.province.id);
  const read = async (): Promise<{ members: { total: number }; freshness: { pendingChanges: number; refreshedAt: string | null } }> =>
    (await postGraphQL(server, STATS, { u }, bearer(accessToken))).body.data?.statistics as never;
  const deadline = Date.now() + 10_000;
  while ((await read()).freshness.pendingChanges > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const before = await read();
  expect(before.freshness.pendingChanges).toBe(0);
  const created = await postGraphQL(server, 'mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }', {
    i: { unitId: gid('OrgUnit', app.fixture.units.cell.id), fullName: 'Lò Văn Mới', gender: 'MALE', ethnicity: 'Thái', admissionDate: '2026-01-05' },
  }, bearer(accessToken));
  expect(created.body.errors).toBeUndefined();
  let after = await read();
  while ((after.members.total === before.members.total || after.freshness.pendingChanges > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    after = await read();
  }
  expect(after.members.total).toBe(before.members.total + 1);
  expect(after.freshness.pendingChanges).toBe(0);
  expect(Date.parse(after.freshness.refreshedAt as string)).toBeGreaterThan(Date.parse(before.freshness.refreshedAt ?? '1970-01-01'));
});
