import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { addAccount, addPosition, createMeeting, vietnamTime } from '../meetings/support';
import { errorShape } from '../support/permission-cases';
import { dbId, expectRejected, gid, ok } from '../validation/support';
import { addCommuneWithCell, CANCEL, END_TEMPORARY, LIFECYCLE_TABLES, memberId, newMember, RECEIVE, SEND, TIMELINE, TRANSFERS, transferMember, unitId, versionOf } from './lifecycle-support';

/**
 * Transfers (chuyển sinh hoạt đảng) as a two-step handover. Both ends are checked against the
 * caller's scope: the sender must see the destination, the receiver must write members there,
 * and anyone else gets NOT_FOUND, exactly as for a missing id. A transfer is readable at both ends
 * and by the member, and by no one else.
 */
let app: TestApp;
let receiver: AccountName;
let outsider: AccountName;
beforeAll(async () => {
  app = await createTestApp();
  await addCommuneWithCell(app, 'thirdCommune', 'thirdCell');
  receiver = await addAccount(app, 'organizer:otherCommune', { role: 'ORGANIZER', at: 'otherCommune' });
  outsider = await addAccount(app, 'organizer:thirdCommune', { role: 'ORGANIZER', at: 'thirdCommune' as UnitName });
});
afterAll(() => app.close());

const PROVINCE = 'organizer:province' as const;
const COMMUNE = 'organizer:commune' as const;
const NODE = `query($id: ID!) { node(id: $id) { ... on MemberTransfer { state memberName } } }`;

async function send(as: AccountName, member: { id: string; version: number }, to: UnitName, input: Record<string, unknown> = {}): Promise<any> {
  return ok(await app.run(as, SEND, { input: { memberId: member.id, version: member.version, toUnitId: unitId(app, to), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: '15-GGT/ĐU', ...input } })).sendMemberTransfer;
}

const transfersOf = async (as: AccountName, filter: Record<string, unknown> = {}): Promise<any[]> => ok(await app.run(as, TRANSFERS, { filter })).memberTransfers.nodes;
const unitOf = async (as: AccountName, id: string): Promise<any> => (await app.run(as, 'query($id: ID!) { member(id: $id) { unit { name } pendingTransfer { state } } }', { id }));

describe('a transfer to a cell of another commune, visible at both ends only to the right people', () => {
  let member: { id: string; version: number; fullName: string };
  let transfer: any;

  beforeAll(async () => {
    member = await newMember(app, 'cell');
  });

  test('the commune organizer cannot send to a cell it cannot see: NOT_FOUND, nothing written', async () => {
    await expectRejected(app, COMMUNE, LIFECYCLE_TABLES, SEND, {
      input: { memberId: member.id, version: member.version, toUnitId: unitId(app, 'otherCell'), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: '15' },
    }, { code: 'NOT_FOUND' });
  });

  test('the out-of-scope destination answers exactly like a missing one', async () => {
    const attempt = (toUnitId: string) => app.run(COMMUNE, SEND, { input: { memberId: member.id, version: member.version, toUnitId, kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: '15' } });
    expect(errorShape(await attempt(unitId(app, 'otherCell')))).toEqual(errorShape(await attempt(gid('OrgUnit', 999999))));
  });

  test('the province organizer sends it; the member stays in the old cell while it is in flight', async () => {
    transfer = await send(PROVINCE, member, 'otherCell');
    expect(transfer).toMatchObject({ kind: 'OFFICIAL', state: 'SENT', sentOn: '2026-10-01', sentDecisionRef: '15-GGT/ĐU', receivedOn: null, version: 1, memberName: member.fullName, fromUnitName: 'Chi bộ bản Nậm Cười', toUnitName: 'Chi bộ bản Lả Mường' });
    expect(ok(await unitOf(COMMUNE, member.id)).member).toEqual({ unit: { name: 'Chi bộ bản Nậm Cười' }, pendingTransfer: { state: 'SENT' } });
    const roster = await createMeeting(app, PROVINCE, { unitId: unitId(app, 'cell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-10-05') });
    expect(roster.attendance.map((a) => a.member?.fullName)).toContain(member.fullName);
  });

  test('the sending commune sees it as outgoing, with the member', async () => {
    const outgoing = await transfersOf(COMMUNE, { unitId: unitId(app, 'commune'), direction: 'OUTGOING' });
    expect(outgoing.map((t) => [t.id, t.member?.fullName, t.toUnit])).toEqual([[transfer.id, member.fullName, null]]);
    expect(await transfersOf(COMMUNE, { unitId: unitId(app, 'commune'), direction: 'INCOMING' })).toEqual([]);
  });

  test('the receiving commune sees it as incoming, with the name on the letter but not the record', async () => {
    const incoming = await transfersOf(receiver, { unitId: unitId(app, 'otherCommune'), direction: 'INCOMING' });
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ id: transfer.id, member: null, memberName: member.fullName, fromUnit: null, fromUnitName: 'Chi bộ bản Nậm Cười', toUnit: { name: 'Chi bộ bản Lả Mường' } });
    expect(ok(await app.run(receiver, NODE, { id: transfer.id })).node).toEqual({ state: 'SENT', memberName: member.fullName });
    expect((await unitOf(receiver, member.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  test('a direction without a unit is BAD_USER_INPUT on filter.direction, not silently dropped', async () => {
    const result = await app.run(receiver, TRANSFERS, { filter: { direction: 'INCOMING' } });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'filter.direction']]);
  });

  test('a third commune does not see it at all: an empty list, and NOT_FOUND by id', async () => {
    expect(await transfersOf(outsider)).toEqual([]);
    expect(await transfersOf(outsider, { states: ['SENT', 'RECEIVED', 'CANCELLED'] })).toEqual([]);
    expect((await app.run(outsider, NODE, { id: transfer.id })).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  test('an analyst gets nothing: FORBIDDEN on the transfers and on the member', async () => {
    expect((await app.run('analyst:province', TRANSFERS, {})).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await app.run('analyst:province', TIMELINE, { id: member.id })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  test('only the receiving side receives: the sender FORBIDDEN, a third commune NOT_FOUND', async () => {
    const input = { transferId: transfer.id, version: transfer.version, occurredOn: '2026-10-10' };
    await expectRejected(app, COMMUNE, LIFECYCLE_TABLES, RECEIVE, { input }, { code: 'FORBIDDEN' });
    await expectRejected(app, outsider, LIFECYCLE_TABLES, RECEIVE, { input }, { code: 'NOT_FOUND' });
    await expectRejected(app, outsider, LIFECYCLE_TABLES, RECEIVE, { input: { ...input, transferId: gid('MemberTransfer', 999999) } }, { code: 'NOT_FOUND' });
    const outOfScope = await app.run(outsider, RECEIVE, { input });
    expect(errorShape(outOfScope)).toEqual(errorShape(await app.run(outsider, RECEIVE, { input: { ...input, transferId: gid('MemberTransfer', 999999) } })));
  });

  test('the receiving commune receives it: the membership moves on that date', async () => {
    await expectRejected(app, receiver, LIFECYCLE_TABLES, RECEIVE, { input: { transferId: transfer.id, version: transfer.version, occurredOn: '2026-09-30' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
    await expectRejected(app, receiver, LIFECYCLE_TABLES, RECEIVE, { input: { transferId: transfer.id, version: transfer.version + 1, occurredOn: '2026-10-10' } }, { code: 'CONFLICT', field: 'version' });
    const received = ok(await app.run(receiver, RECEIVE, { input: { transferId: transfer.id, version: transfer.version, occurredOn: '2026-10-10', decisionRef: '40-QĐ/ĐU' } })).receiveMemberTransfer;
    expect(received).toMatchObject({ state: 'RECEIVED', receivedOn: '2026-10-10', receivedDecisionRef: '40-QĐ/ĐU', version: 2, member: { fullName: member.fullName } });
    expect(ok(await unitOf(receiver, member.id)).member).toEqual({ unit: { name: 'Chi bộ bản Lả Mường' }, pendingTransfer: null });
    // The old side no longer reads the member, but still sees the transfer it sent.
    expect((await unitOf(COMMUNE, member.id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await transfersOf(COMMUNE, { states: ['RECEIVED'] })).map((t) => [t.id, t.member])).toEqual([[transfer.id, null]]);
    // Received twice: CONFLICT.
    await expectRejected(app, receiver, LIFECYCLE_TABLES, RECEIVE, { input: { transferId: transfer.id, version: received.version, occurredOn: '2026-10-11' } }, { code: 'CONFLICT', field: 'state' });
  });

  test('the roster before the receipt is the old cell’s, after it the new cell’s', async () => {
    const names = (m: { attendance: Array<{ member: { fullName: string } | null }> }): string[] => m.attendance.map((a) => a.member?.fullName ?? '?');
    const oldBefore = await createMeeting(app, PROVINCE, { unitId: unitId(app, 'cell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-10-09') });
    const oldAfter = await createMeeting(app, PROVINCE, { unitId: unitId(app, 'cell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-10-10') });
    const newBefore = await createMeeting(app, PROVINCE, { unitId: unitId(app, 'otherCell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-10-09') });
    const newAfter = await createMeeting(app, PROVINCE, { unitId: unitId(app, 'otherCell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-10-10') });
    expect([names(oldBefore), names(oldAfter), names(newBefore), names(newAfter)].map((n) => n.includes(member.fullName))).toEqual([true, false, false, true]);
  });

  test('the timeline keeps the whole history, each event at its cell, with the authors the reader may see', async () => {
    const read = ok(await app.run('admin:province', TIMELINE, { id: member.id })).member;
    expect(read.timeline.map((e: any) => [e.kind, e.occurredOn, e.unit?.name ?? null, e.transfer?.state ?? null, e.author?.displayName ?? null])).toEqual([
      ['ADMITTED', '2020-01-06', 'Chi bộ bản Nậm Cười', null, null],
      ['RECOGNISED_OFFICIAL', '2021-01-06', 'Chi bộ bản Nậm Cười', null, null],
      ['TRANSFER_SENT', '2026-10-01', 'Chi bộ bản Nậm Cười', 'RECEIVED', 'organizer:province'],
      ['TRANSFER_RECEIVED', '2026-10-10', 'Chi bộ bản Lả Mường', 'RECEIVED', 'organizer:otherCommune'],
    ]);
    expect(read.memberships).toEqual([
      { kind: 'OFFICIAL', startedOn: '2020-01-06', endedOn: '2026-10-10', unit: { name: 'Chi bộ bản Nậm Cười' } },
      { kind: 'OFFICIAL', startedOn: '2026-10-10', endedOn: null, unit: { name: 'Chi bộ bản Lả Mường' } },
    ]);
    // The receiving organizer reads the history too, without the units and authors outside its scope.
    const there = ok(await app.run(receiver, TIMELINE, { id: member.id })).member.timeline;
    expect(there.map((e: any) => [e.kind, e.unit?.name ?? null, e.author?.displayName ?? null])).toEqual([
      ['ADMITTED', null, null],
      ['RECOGNISED_OFFICIAL', null, null],
      ['TRANSFER_SENT', null, null],
      ['TRANSFER_RECEIVED', 'Chi bộ bản Lả Mường', 'organizer:otherCommune'],
    ]);
  });
});

describe('the member sees their own history and transfer', () => {
  test('An (member:cell) moved to the school cell reads the own timeline and the own transfer; analysts get nothing', async () => {
    await transferMember(app, PROVINCE, 'Nguyễn Văn An', 'school', '2026-09-01', '2026-09-05');
    const own = ok(await app.run('member:cell', TIMELINE, { id: memberId(app, 'Nguyễn Văn An') })).member;
    // The own record follows the member; the MEMBER role stays where it was granted, so the new cell itself is not visible to An until re-granted.
    expect(own.unit).toBeNull();
    expect(own.timeline.map((e: any) => e.kind)).toEqual(['ADMITTED', 'RECOGNISED_OFFICIAL', 'TRANSFER_SENT', 'TRANSFER_RECEIVED']);
    expect((await transfersOf('member:cell', { states: ['RECEIVED'] })).map((t) => t.memberName)).toContain('Nguyễn Văn An');
    expect((await app.run('analyst:commune', TIMELINE, { id: memberId(app, 'Nguyễn Văn An') })).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('the history is read like personal data', () => {
  test('a fellow member of the cell sees the status and the memberships, not the timeline or the exemptions', async () => {
    const result = await app.run('member:cell', 'query($id: ID!) { member(id: $id) { status memberships { kind } timeline { kind } exemptions { reason } } }', { id: memberId(app, 'Lò Văn Hùng') });
    expect(result.data?.member).toEqual({ status: 'OFFICIAL', memberships: [{ kind: 'OFFICIAL' }], timeline: null, exemptions: null });
    expect(result.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]).sort()).toEqual([['FORBIDDEN', 'member.exemptions'], ['FORBIDDEN', 'member.timeline']]);
  });
});

describe('what a send or receipt must respect', () => {
  test('one transfer in flight per member: a second send is CONFLICT, also right after a concurrent one', async () => {
    const m = await newMember(app, 'cell');
    const first = await send(COMMUNE, m, 'school');
    await expectRejected(app, COMMUNE, LIFECYCLE_TABLES, SEND, {
      input: { memberId: m.id, version: await versionOf(app, m.fullName), toUnitId: unitId(app, 'school'), kind: 'TEMPORARY', occurredOn: '2026-10-02', decisionRef: '2' },
    }, { code: 'CONFLICT', field: 'memberId' });
    // Cancelled, it frees the member for another.
    ok(await app.run(COMMUNE, CANCEL, { input: { transferId: first.id, version: first.version, occurredOn: '2026-10-03', reason: 'Gửi nhầm chi bộ' } }));
    const racing = await Promise.all([1, 2].map(async () => versionOf(app, m.fullName)).map(async (v) =>
      app.run(COMMUNE, SEND, { input: { memberId: m.id, version: await v, toUnitId: unitId(app, 'school'), kind: 'OFFICIAL', occurredOn: '2026-10-04', decisionRef: '3' } })));
    expect(racing.map((r) => r.errors?.[0].extensions?.code ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
    expect(await app.sql("select count(*)::int as n from member_transfer where member_id = ? and state = 'SENT'", [dbId(m.id)])).toEqual([{ n: 1 }]);
  });

  test('a stale member version on send is CONFLICT on version', async () => {
    const m = await newMember(app, 'cell');
    await expectRejected(app, COMMUNE, LIFECYCLE_TABLES, SEND, {
      input: { memberId: m.id, version: m.version + 1, toUnitId: unitId(app, 'school'), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: '1' },
    }, { code: 'CONFLICT', field: 'version' });
  });

  test.each([
    ['a commune as destination', 'input.toUnitId', { toUnitId: 'commune' }],
    ['the own cell as destination', 'input.toUnitId', { toUnitId: 'cell' }],
    ['a date before the admission', 'input.occurredOn', { occurredOn: '2019-12-31' }],
    ['a date in the future', 'input.occurredOn', { occurredOn: '2999-01-01' }],
    ['an end date on an official transfer', 'input.temporaryTo', { temporaryTo: '2027-01-01' }],
    ['a temporary end before the send', 'input.temporaryTo', { kind: 'TEMPORARY', temporaryTo: '2026-09-30' }],
    ['no letter reference', 'input.decisionRef', { decisionRef: '' }],
  ])('%s is BAD_USER_INPUT on %s', async (_what, field, changes: Record<string, unknown>) => {
    const m = await newMember(app, 'cell');
    const input: Record<string, unknown> = { memberId: m.id, version: m.version, toUnitId: unitId(app, 'school'), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: '1', ...changes };
    if (typeof changes.toUnitId === 'string') input.toUnitId = unitId(app, changes.toUnitId as UnitName);
    await expectRejected(app, COMMUNE, LIFECYCLE_TABLES, SEND, { input }, { code: 'BAD_USER_INPUT', field });
  });

  test('a date before the member joined the current cell is BAD_USER_INPUT', async () => {
    const m = await newMember(app, 'cell');
    await transferMember(app, COMMUNE, m.fullName, 'school', '2026-03-01', '2026-03-10');
    await expectRejected(app, COMMUNE, LIFECYCLE_TABLES, SEND, {
      input: { memberId: m.id, version: await versionOf(app, m.fullName), toUnitId: unitId(app, 'cell'), kind: 'OFFICIAL', occurredOn: '2026-03-09', decisionRef: '1' },
    }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
  });
});

describe('cancelMemberTransfer', () => {
  test('the receiving side refuses it: CANCELLED with the reason, the member stays, a receipt after it is CONFLICT', async () => {
    const m = await newMember(app, 'cell');
    const sent = await send(PROVINCE, m, 'otherCell');
    await expectRejected(app, outsider, LIFECYCLE_TABLES, CANCEL, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-10-02', reason: 'x' } }, { code: 'NOT_FOUND' });
    await expectRejected(app, receiver, LIFECYCLE_TABLES, CANCEL, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-10-02', reason: ' ' } }, { code: 'BAD_USER_INPUT', field: 'input.reason' });
    const cancelled = ok(await app.run(receiver, CANCEL, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-10-02', reason: 'Đảng viên không cư trú tại bản' } })).cancelMemberTransfer;
    expect(cancelled).toMatchObject({ state: 'CANCELLED', cancelledOn: '2026-10-02', cancelReason: 'Đảng viên không cư trú tại bản', version: 2 });
    expect(ok(await unitOf(COMMUNE, m.id)).member).toEqual({ unit: { name: 'Chi bộ bản Nậm Cười' }, pendingTransfer: null });
    await expectRejected(app, receiver, LIFECYCLE_TABLES, RECEIVE, { input: { transferId: sent.id, version: cancelled.version, occurredOn: '2026-10-03' } }, { code: 'CONFLICT', field: 'state' });
    const { timeline } = ok(await app.run(COMMUNE, TIMELINE, { id: m.id })).member;
    expect(timeline.slice(-2).map((e: any) => [e.kind, e.reason])).toEqual([['TRANSFER_SENT', null], ['TRANSFER_CANCELLED', 'Đảng viên không cư trú tại bản']]);
  });
});

describe('positions follow the member', () => {
  test('moving to another cell of the commune ends the cell secretary’s post there, not the commune post', async () => {
    const m = await newMember(app, 'cell');
    const secretary = await addPosition(app, m.fullName, 'cell', 'SECRETARY');
    const standing = await addPosition(app, m.fullName, 'commune', 'STANDING_COMMITTEE_MEMBER');
    await transferMember(app, COMMUNE, m.fullName, 'school', '2026-10-01', '2026-10-05');
    const rows = await app.sql<{ id: number; ended_on: string | null }>('select id, ended_on::text as ended_on from member_position where id in (?, ?) order by id', [secretary, standing]);
    expect(rows).toEqual([{ id: secretary, ended_on: '2026-10-05' }, { id: standing, ended_on: null }]);
  });
});

describe('temporary attachment (sinh hoạt tạm thời)', () => {
  const names = (m: { attendance: Array<{ member: { fullName: string } | null }> }): string[] => m.attendance.map((a) => a.member?.fullName ?? '?');

  test('the member attends the other cell for the attachment, not the official cell, and stays its member', async () => {
    const m = await newMember(app, 'school');
    const sent = await send(PROVINCE, m, 'otherCell', { kind: 'TEMPORARY', occurredOn: '2026-08-25', temporaryTo: '2026-09-30' });
    ok(await app.run(receiver, RECEIVE, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-09-01' } }));
    const at = async (unit: UnitName, date: string): Promise<boolean> =>
      names(await createMeeting(app, PROVINCE, { unitId: unitId(app, unit), kind: 'EXTRAORDINARY', heldAt: vietnamTime(date) })).includes(m.fullName);
    expect([await at('school', '2026-08-31'), await at('otherCell', '2026-08-31')]).toEqual([true, false]);
    expect([await at('school', '2026-09-15'), await at('otherCell', '2026-09-15')]).toEqual([false, true]);
    expect([await at('school', '2026-10-01'), await at('otherCell', '2026-10-01')]).toEqual([true, false]);
    expect(ok(await unitOf(COMMUNE, m.id)).member.unit).toEqual({ name: 'Chi bộ Trường Tiểu học Bình Lư' });
  });

  test('a receipt after the planned last day of the attachment is BAD_USER_INPUT', async () => {
    const m = await newMember(app, 'school');
    const sent = await send(PROVINCE, m, 'otherCell', { kind: 'TEMPORARY', occurredOn: '2026-08-25', temporaryTo: '2026-09-30' });
    await expectRejected(app, receiver, LIFECYCLE_TABLES, RECEIVE, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-10-01' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
  });

  test('while attached, the other cell reads the member by id (not in its lists); ending the attachment ends that', async () => {
    const m = await newMember(app, 'school');
    const sent = await send(PROVINCE, m, 'otherCell', { kind: 'TEMPORARY', occurredOn: '2026-11-01' });
    ok(await app.run(receiver, RECEIVE, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-11-02' } }));
    const read = await app.run(receiver, 'query($id: ID!) { member(id: $id) { fullName phone } }', { id: m.id });
    expect(read.data?.member).toEqual({ fullName: m.fullName, phone: null });
    const listed = ok(await app.run(receiver, '{ members(first: 50) { nodes { fullName } } }')).members.nodes.map((n: any) => n.fullName);
    expect(listed).not.toContain(m.fullName);

    await expectRejected(app, COMMUNE, LIFECYCLE_TABLES, END_TEMPORARY, { input: { memberId: m.id, version: await versionOf(app, m.fullName), occurredOn: '2026-11-01' } }, { code: 'CONFLICT', field: 'input.occurredOn' });
    const ended = ok(await app.run(COMMUNE, END_TEMPORARY, { input: { memberId: m.id, version: await versionOf(app, m.fullName), occurredOn: '2026-11-20' } })).endTemporaryMembership;
    expect(ended.unit).toEqual({ name: 'Chi bộ Trường Tiểu học Bình Lư' });
    expect((await app.run(receiver, 'query($id: ID!) { member(id: $id) { fullName } }', { id: m.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { memberships } = ok(await app.run(COMMUNE, TIMELINE, { id: m.id })).member;
    expect(memberships.map((p: any) => [p.kind, p.startedOn, p.endedOn])).toEqual([['OFFICIAL', '2020-01-06', null], ['TEMPORARY', '2026-11-02', '2026-11-20']]);
  });
});
