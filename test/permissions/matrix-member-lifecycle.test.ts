import { newMember, RECEIVE, SEND, unitId } from '../members/lifecycle-support';
import type { UnitName } from '../support/fixture';
import { cells, expectOutcome, rowCount, type Actor, type Outcome } from '../support/permission-cases';
import { createTestApp, type TestApp } from '../support/test-app';
import { dbId, ok } from '../validation/support';

/**
 * Permission matrix of transfers, both ends written out. Sending needs MEMBERS_WRITE at the
 * member's cell and a destination the caller can see (else NOT_FOUND); receiving needs
 * MEMBERS_WRITE at the destination; a transfer is readable at either end. Roles without
 * MEMBERS_WRITE anywhere are stopped by the shield (FORBIDDEN) before any lookup. Every case works on a
 * fresh member, so that no case depends on another.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** A transfer sent by the national administrator, from `from` to `to`, for a new member of `from`. */
async function sentTransfer(from: UnitName, to: UnitName): Promise<{ id: string; version: number; memberId: string }> {
  const m = await newMember(app, from);
  const t = ok(await app.run('admin:national', SEND, { input: { memberId: m.id, version: m.version, toUnitId: unitId(app, to), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: 'GT-1' } })).sendMemberTransfer;
  return { id: t.id, version: t.version, memberId: m.id };
}

type SendColumn = 'school' | 'otherCell' | 'otherProvinceCell';
const SEND_COLUMNS: readonly SendColumn[] = ['school', 'otherCell', 'otherProvinceCell'];
const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const A = 'allowed' as const;
const U = 'UNAUTHENTICATED' as const;

// prettier-ignore
const SEND_TABLE: Record<Actor, Outcome[]> = {
  //                     school  otherCell  otherProvinceCell   (the member is in Chi bộ bản Nậm Cười)
  'admin:national':     [A, A, A],
  'admin:province':     [A, A, N],
  'admin:commune':      [A, N, N],
  'admin:cell':         [N, N, N],
  'organizer:province': [A, A, N],
  'organizer:commune':  [A, N, N],
  'organizer:cell':     [N, N, N],
  'inspector:province': [F, F, F],
  'inspector:commune':  [F, F, F],
  'inspector:cell':     [F, F, F],
  'analyst:province':   [F, F, F],
  'analyst:commune':    [F, F, F],
  'analyst:cell':       [F, F, F],
  'service:province':   [F, F, F],
  'member:cell':        [F, F, F],
  'norole':             [F, F, F],
  'anonymous':          [U, U, U],
};

describe('sendMemberTransfer of a member of the cell', () => {
  test.each(cells(SEND_COLUMNS, SEND_TABLE))('as %s to %s → %s', async (actor, column, expected) => {
    const m = await newMember(app, 'cell');
    const result = await app.run(actor, SEND, { input: { memberId: m.id, version: m.version, toUnitId: unitId(app, column), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: 'GT-2' } });
    expectOutcome(result, 'sendMemberTransfer', expected);
    expect(await rowCount(app.sql, 'member_transfer', 'member_id = ?', [dbId(m.id)])).toBe(expected === 'allowed' ? 1 : 0);
  });
});

type ReceiveColumn = 'withinCommune' | 'toOtherCommune' | 'outside';
const RECEIVE_COLUMNS: readonly ReceiveColumn[] = ['withinCommune', 'toOtherCommune', 'outside'];
const ENDS: Record<ReceiveColumn, [UnitName, UnitName]> = {
  withinCommune: ['cell', 'school'],
  toOtherCommune: ['cell', 'otherCell'],
  outside: ['otherCell', 'otherProvinceCell'],
};

// prettier-ignore
const RECEIVE_TABLE: Record<Actor, Outcome[]> = {
  //                     cell→school  cell→otherCell  otherCell→otherProvinceCell
  'admin:national':     [A, A, A],
  'admin:province':     [A, A, F],
  'admin:commune':      [A, F, N],
  'admin:cell':         [F, F, N],
  'organizer:province': [A, A, F],
  'organizer:commune':  [A, F, N],
  'organizer:cell':     [F, F, N],
  'inspector:province': [F, F, F],
  'inspector:commune':  [F, F, F],
  'inspector:cell':     [F, F, F],
  'analyst:province':   [F, F, F],
  'analyst:commune':    [F, F, F],
  'analyst:cell':       [F, F, F],
  'service:province':   [F, F, F],
  'member:cell':        [F, F, F],
  'norole':             [F, F, F],
  'anonymous':          [U, U, U],
};

describe('receiveMemberTransfer', () => {
  test.each(cells(RECEIVE_COLUMNS, RECEIVE_TABLE))('as %s, %s → %s', async (actor, column, expected) => {
    const t = await sentTransfer(...ENDS[column]);
    const result = await app.run(actor, RECEIVE, { input: { transferId: t.id, version: t.version, occurredOn: '2026-10-05' } });
    expectOutcome(result, 'receiveMemberTransfer', expected);
    const [row] = await app.sql<{ state: string }>('select state from member_transfer where id = ?', [dbId(t.id)]);
    expect(row.state).toBe(expected === 'allowed' ? 'RECEIVED' : 'SENT');
  });
});

// prettier-ignore
const READ_TABLE: Record<Actor, Outcome[]> = {
  //                     cell→school  cell→otherCell  otherCell→otherProvinceCell
  'admin:national':     [A, A, A],
  'admin:province':     [A, A, A],
  'admin:commune':      [A, A, N],
  'admin:cell':         [A, A, N],
  'organizer:province': [A, A, A],
  'organizer:commune':  [A, A, N],
  'organizer:cell':     [A, A, N],
  'inspector:province': [A, A, A],
  'inspector:commune':  [A, A, N],
  'inspector:cell':     [A, A, N],
  'analyst:province':   [N, N, N],
  'analyst:commune':    [N, N, N],
  'analyst:cell':       [N, N, N],
  'service:province':   [N, N, N],
  'member:cell':        [A, A, N],
  'norole':             [N, N, N],
  'anonymous':          [U, U, U],
};

describe('a transfer in flight by node(id): readable at either end, NOT_FOUND elsewhere', () => {
  const transfers = {} as Record<ReceiveColumn, string>;
  beforeAll(async () => {
    for (const column of RECEIVE_COLUMNS) transfers[column] = (await sentTransfer(...ENDS[column])).id;
  });

  test.each(cells(RECEIVE_COLUMNS, READ_TABLE))('as %s, %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { node(id: $id) { ... on MemberTransfer { state } } }', { id: transfers[column] });
    expectOutcome(result, 'node', expected);
  });
});
