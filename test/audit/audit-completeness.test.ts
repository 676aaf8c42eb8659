import type { AccountName } from '../support/fixture';
import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { auditSince, dbId, gid, lastAuditId } from '../validation/support';
import { CREATE_MEMBER, CREATE_UNIT, UPDATE_UNIT, cellInput, memberInput, unitGid, verifyAll } from './support';

/**
 * Audit completeness: a mix of successful and rejected mutations (every rejection code) goes
 * through the API; afterwards the audit entries are exactly the successful mutations, in order,
 * by the right account, about the right object, and the chain verifies.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

type Expected = 'ok' | 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';

interface Step {
  readonly name: string;
  readonly as: AccountName | 'anonymous';
  readonly query: string;
  /** Variables, built when the step runs (later steps use ids of earlier ones). */
  readonly variables: () => Record<string, unknown>;
  readonly expected: Expected;
  /** For a success: the root field, whose `id` is the audited target. */
  readonly field?: string;
}

/** Global ids (and versions) handed out by earlier steps, by root field. */
const made: Record<string, string> = {};
const versions: Record<string, number> = {};
const UPDATE_MEMBER = 'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id version } }';
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeRole(id: $id) { id } }';
const CREATE_MEETING = 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id version } }';
const CANCEL_MEETING = 'mutation($id: ID!, $version: Int!, $reason: String!) { cancelMeeting(id: $id, version: $version, reason: $reason) { id } }';
const plannedMeeting = (): Record<string, unknown> => ({ input: { unitId: unitGid(app, 'cell'), kind: 'EXTRAORDINARY', format: 'IN_PERSON', scheduledAt: '2030-01-10T01:00:00Z' } });
const ASSIGN_POSITION = 'mutation($input: AssignPositionInput!) { assignPosition(input: $input) { id version } }';
const END_POSITION = 'mutation($input: EndPositionInput!) { endPosition(input: $input) { id version } }';
const secretaryOfCell = (): Record<string, unknown> => ({
  input: { memberId: gid('Member', app.fixture.members['Lò Văn Hùng'].id), unitId: unitGid(app, 'cell'), position: 'SECRETARY', startedOn: '2024-01-10', decisionRef: '3-QĐ/ĐU' },
});
const endSecretary = (): Record<string, unknown> => ({ input: { positionId: made.assignPosition, version: 1, endedOn: '2026-11-30', decisionRef: '9-QĐ/ĐU' } });

const STEPS: readonly Step[] = [
  { name: 'create a cell', as: 'admin:province', query: CREATE_UNIT, variables: () => cellInput(app, 'commune', 'Chi bộ bản Đầy Đủ'), expected: 'ok', field: 'createOrgUnit' },
  { name: 'a cell under a cell', as: 'admin:province', query: CREATE_UNIT, variables: () => cellInput(app, 'cell', 'Chi bộ sai chỗ'), expected: 'BAD_USER_INPUT' },
  { name: 'a cell where the admin has no say', as: 'admin:commune', query: CREATE_UNIT, variables: () => cellInput(app, 'otherCommune', 'Chi bộ ngoài phạm vi'), expected: 'NOT_FOUND' },
  { name: 'an analyst writing the tree', as: 'analyst:province', query: CREATE_UNIT, variables: () => cellInput(app, 'commune', 'Chi bộ phân tích'), expected: 'FORBIDDEN' },
  { name: 'a stranger writing the tree', as: 'anonymous', query: CREATE_UNIT, variables: () => cellInput(app, 'commune', 'Chi bộ ẩn danh'), expected: 'UNAUTHENTICATED' },
  { name: 'update the school cell', as: 'admin:province', query: UPDATE_UNIT, variables: () => ({ input: { id: unitGid(app, 'school'), version: 1, code: 'TH' } }), expected: 'ok', field: 'updateOrgUnit' },
  { name: 'update the school cell with a stale version', as: 'admin:province', query: UPDATE_UNIT, variables: () => ({ input: { id: unitGid(app, 'school'), version: 1, code: 'TH2' } }), expected: 'CONFLICT' },
  { name: 'update a missing unit', as: 'admin:province', query: UPDATE_UNIT, variables: () => ({ input: { id: gid('OrgUnit', 999999), version: 1, code: 'X' } }), expected: 'NOT_FOUND' },
  { name: 'create a member', as: 'organizer:commune', query: CREATE_MEMBER, variables: () => memberInput(app, 'cell', 'Mùa Thị Đủ', 'FULL-0001'), expected: 'ok', field: 'createMember' },
  { name: 'a member with a taken card number', as: 'organizer:commune', query: CREATE_MEMBER, variables: () => memberInput(app, 'school', 'Mùa Văn Trùng', 'FULL-0001'), expected: 'BAD_USER_INPUT' },
  { name: 'update the member', as: 'organizer:commune', query: UPDATE_MEMBER, variables: () => ({ input: { id: made.createMember, version: 1, phone: '0987654321' } }), expected: 'ok', field: 'updateMember' },
  { name: 'update the member with a stale version', as: 'organizer:commune', query: UPDATE_MEMBER, variables: () => ({ input: { id: made.createMember, version: 1, phone: '0987654322' } }), expected: 'CONFLICT' },
  { name: 'a member updated by its cell organizer of another cell', as: 'organizer:cell', query: UPDATE_MEMBER, variables: () => ({ input: { id: gid('Member', app.fixture.members['Trần Thị Bình'].id), version: 1, phone: '0911111111' } }), expected: 'NOT_FOUND' },
  { name: 'grant a role', as: 'admin:province', query: GRANT, variables: () => ({ input: { accountId: gid('Account', app.fixture.accounts['inspector:cell']), role: 'ANALYST', unitId: unitGid(app, 'school') } }), expected: 'ok', field: 'grantRole' },
  { name: 'grant the same role again', as: 'admin:province', query: GRANT, variables: () => ({ input: { accountId: gid('Account', app.fixture.accounts['inspector:cell']), role: 'ANALYST', unitId: unitGid(app, 'school') } }), expected: 'CONFLICT' },
  { name: 'revoke it', as: 'admin:province', query: REVOKE, variables: () => ({ id: made.grantRole }), expected: 'ok', field: 'revokeRole' },
  { name: 'revoke it again', as: 'admin:province', query: REVOKE, variables: () => ({ id: made.grantRole }), expected: 'CONFLICT' },
  { name: 'plan a meeting', as: 'organizer:commune', query: CREATE_MEETING, variables: plannedMeeting, expected: 'ok', field: 'createMeeting' },
  { name: 'a meeting planned by a member', as: 'member:cell', query: CREATE_MEETING, variables: plannedMeeting, expected: 'FORBIDDEN' },
  { name: 'cancel the meeting', as: 'organizer:commune', query: CANCEL_MEETING, variables: () => ({ id: made.createMeeting, version: versions.createMeeting, reason: 'Trùng lịch' }), expected: 'ok', field: 'cancelMeeting' },
  { name: 'cancel it with a stale version', as: 'organizer:commune', query: CANCEL_MEETING, variables: () => ({ id: made.createMeeting, version: versions.createMeeting, reason: 'Lần nữa' }), expected: 'CONFLICT' },
  { name: 'make Hùng secretary of the cell', as: 'organizer:commune', query: ASSIGN_POSITION, variables: secretaryOfCell, expected: 'ok', field: 'assignPosition' },
  { name: 'make him secretary again', as: 'organizer:commune', query: ASSIGN_POSITION, variables: secretaryOfCell, expected: 'CONFLICT' },
  { name: 'end his post', as: 'organizer:commune', query: END_POSITION, variables: endSecretary, expected: 'ok', field: 'endPosition' },
  { name: 'end it again with the old version', as: 'organizer:commune', query: END_POSITION, variables: endSecretary, expected: 'CONFLICT' },
];

function outcome(result: GqlResult): Expected {
  if (!result.errors) return 'ok';
  expect(result.errors).toHaveLength(1);
  return result.errors[0].extensions?.code as Expected;
}

test('the audit log holds exactly the successful mutations, in order, and the chain verifies', async () => {
  const since = await lastAuditId(app);
  const succeeded: Array<{ operation: string; account_id: number; target_id: string }> = [];
  for (const step of STEPS) {
    const result = await app.run(step.as, step.query, step.variables());
    expect([step.name, outcome(result)]).toEqual([step.name, step.expected]);
    if (step.expected === 'ok' && step.field) {
      const { id, version } = result.data?.[step.field] as { id: string; version?: number };
      made[step.field] = id;
      if (version !== undefined) versions[step.field] = version;
      succeeded.push({ operation: step.field, account_id: app.fixture.accounts[step.as as AccountName], target_id: String(dbId(id)) });
    }
  }
  // Every rejection code was exercised.
  expect(new Set(STEPS.map((s) => s.expected))).toEqual(new Set(['ok', 'BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']));
  const entries = await auditSince(app, since);
  expect(entries.map((e) => ({ operation: e.operation, account_id: e.account_id, target_id: e.target_id }))).toEqual(succeeded);
  expect(await verifyAll(app)).toMatchObject({ ok: true, entriesChecked: entries.length, firstBreak: null });
});
