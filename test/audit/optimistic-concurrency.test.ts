import type { AccountName } from '../support/fixture';
import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { createMeeting, data, HUNG, AN, memberGid, topicGid } from '../meetings/support';
import { gid, lastAuditId, auditSince } from '../validation/support';
import { unitGid } from './support';

/**
 * Optimistic concurrency of the versioned writes beyond units and members (those have their own
 * tests in test/validation): two requests that read the same version race; exactly one wins, the
 * other answers CONFLICT, and exactly one audit entry is written.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS: AccountName = 'organizer:commune';
const HELD = { heldAt: '2025-09-03T01:00:00Z', chairId: '', minutesTakerId: '', minutes: 'Biên bản', resolution: 'Nghị quyết' };

/** Runs the same write twice at once; exactly one succeeds and one audit entry is written. */
async function race(as: AccountName, query: string, variables: Record<string, unknown>): Promise<void> {
  const since = await lastAuditId(app);
  const results: GqlResult[] = await Promise.all([app.run(as, query, variables), app.run(as, query, variables)]);
  const codes = results.map((r) => (r.errors ? r.errors.map((e) => e.extensions?.code).join(',') : 'ok')).sort();
  expect(codes).toEqual(['CONFLICT', 'ok']);
  expect(await auditSince(app, since)).toHaveLength(1);
}

async function heldMeeting(month: string): Promise<{ id: string; version: number }> {
  return createMeeting(app, AS, { ...HELD, heldAt: `2025-${month}-03T01:00:00Z`, chairId: memberGid(app, HUNG), minutesTakerId: memberGid(app, AN) });
}

test('updateMeeting changing only attendance', async () => {
  const meeting = await heldMeeting('09');
  await race(AS, 'mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { version } }', {
    input: { id: meeting.id, version: meeting.version, attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }] },
  });
});

test('cancelMeeting', async () => {
  const meeting = await createMeeting(app, AS, { scheduledAt: '2030-05-03T01:00:00Z' });
  await race(AS, 'mutation($id: ID!, $v: Int!) { cancelMeeting(id: $id, version: $v, reason: "Trùng lịch") { version } }', { id: meeting.id, v: meeting.version });
});

test('finaliseMinutes', async () => {
  const meeting = await heldMeeting('10');
  await race(AS, 'mutation($id: ID!, $v: Int!) { finaliseMinutes(id: $id, version: $v) { version } }', { id: meeting.id, v: meeting.version });
});

test('updateMeetingRules', async () => {
  const input = { provinceId: unitGid(app, 'province'), version: 1, regularDay: 3, windowFirstDay: 1, windowLastDay: 7, thematicPerQuarter: 1, attendanceThreshold: 0.85 };
  await race('admin:province', 'mutation($input: MeetingRulesInput!) { updateMeetingRules(input: $input) { version } }', { input });
});

test('reportTask', async () => {
  const meeting = await heldMeeting('11');
  const task = (await data(app, AS, 'mutation($input: AssignTaskInput!) { assignTask(input: $input) { id version } }', {
    input: { meetingId: meeting.id, ownerId: memberGid(app, AN), description: 'Vận động hộ nghèo' },
  })).assignTask;
  await race(AS, 'mutation($input: ReportTaskInput!) { reportTask(input: $input) { version } }', { input: { taskId: task.id, version: task.version, report: 'Đã xong', status: 'DONE' } });
});

test('saveThematicPlan over an existing plan, and submitThematicPlan', async () => {
  const topicId = await topicGid(app, 'HO_CHI_MINH');
  const SAVE = 'mutation($input: SaveThematicPlanInput!) { saveThematicPlan(input: $input) { id version } }';
  const input = { unitId: unitGid(app, 'cell'), year: 2027, items: [{ quarter: 1, topicId, title: 'Học tập và làm theo' }] };
  const plan = (await data(app, AS, SAVE, { input })).saveThematicPlan;
  await race(AS, SAVE, { input: { ...input, version: plan.version, items: [{ quarter: 2, topicId, title: 'Đổi quý' }] } });
  const [{ version }] = await app.sql<{ version: number }>('select version from thematic_plan where id = ?', [Number(Buffer.from(plan.id, 'base64url').toString().split(':')[1])]);
  await race(AS, 'mutation($id: ID!, $v: Int!) { submitThematicPlan(id: $id, version: $v) { version } }', { id: plan.id, v: version });
});

test('endPosition', async () => {
  const held = (await data(app, AS, 'mutation($input: AssignPositionInput!) { assignPosition(input: $input) { id version } }', {
    input: { memberId: memberGid(app, AN), unitId: unitGid(app, 'cell'), position: 'COMMITTEE_MEMBER', startedOn: '2024-01-10', decisionRef: '3-QĐ/ĐU' },
  })).assignPosition;
  await race(AS, 'mutation($input: EndPositionInput!) { endPosition(input: $input) { version } }', { input: { positionId: held.id, version: held.version, endedOn: '2026-11-30', decisionRef: '9-QĐ/ĐU' } });
});

test('revokeRole and revokeApiKey (no version: the state "not yet revoked" is what is raced for)', async () => {
  const granted = (await data(app, 'admin:province', 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }', {
    input: { accountId: gid('Account', app.fixture.accounts['inspector:cell']), role: 'ANALYST', unitId: unitGid(app, 'school') },
  })).grantRole;
  await race('admin:province', 'mutation($id: ID!) { revokeRole(id: $id) { id } }', { id: granted.id });
  const issued = (await data(app, 'admin:province', 'mutation($a: ID!) { createApiKey(accountId: $a, label: "đua") { apiKey { id } } }', {
    a: gid('Account', app.fixture.accounts['service:province']),
  })).createApiKey;
  await race('admin:province', 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: issued.apiKey.id });
});
