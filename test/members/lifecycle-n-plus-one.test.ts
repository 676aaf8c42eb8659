import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { EXEMPT, newMember, SEND, unitId } from './lifecycle-support';

/**
 * A list of members with their whole history (timeline with units, authors and transfers,
 * memberships, exemptions, transfer in flight) runs as many statements for 12 members as for 3.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const HISTORY = `query($u: ID!) { orgUnit(id: $u) { members(first: 50) { nodes { fullName exempt probationEndsOn
  timeline { kind unit { name } author { displayName } transfer { state memberName fromUnitName toUnit { name } } }
  memberships { kind unit { name } } exemptions { reason } pendingTransfer { state } } } } }`;

/** Members of the school cell, each exempted and sent on to the Nậm Cười cell (in flight). */
async function addMembers(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const m = await newMember(app, 'school', { admissionDate: '2025-01-06', officialDate: null });
    const exempted = ok(await app.run('organizer:commune', EXEMPT, { input: { memberId: m.id, version: m.version, occurredOn: '2026-02-01', decisionRef: 'E', from: '2026-02-01', reason: 'Ốm' } })).exemptMember;
    ok(await app.run('organizer:commune', SEND, { input: { memberId: m.id, version: exempted.version, toUnitId: unitId(app, 'cell'), kind: 'OFFICIAL', occurredOn: '2026-03-01', decisionRef: 'G' } }));
  }
}

async function measure(): Promise<{ statements: number; result: GqlResult }> {
  const { result, statements } = await app.countSql(() => app.run('admin:province', HISTORY, { u: unitId(app, 'school') }));
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { statements, result };
}

test('the members of a cell with their history: as many statements for 12 members as for 3', async () => {
  await addMembers(1);
  const few = await measure();
  await addMembers(9);
  const many = await measure();
  const nodes = (many.result.data as any).orgUnit.members.nodes;
  expect(nodes).toHaveLength(12);
  expect(nodes.filter((n: any) => n.pendingTransfer?.state === 'SENT')).toHaveLength(10);
  expect(many.statements).toBe(few.statements);
});
