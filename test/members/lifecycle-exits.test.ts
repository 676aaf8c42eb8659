import { createTestApp, type TestApp } from '../support/test-app';
import { addPosition, createMeeting, vietnamTime } from '../meetings/support';
import { auditSince, dbId, expectRejected, lastAuditId, ok } from '../validation/support';
import { DEATH, END_EXEMPTION, EXEMPT, EXPEL, LIFECYCLE_TABLES, newMember, RECOGNIZE, REMOVE, SEND, TIMELINE, unitId } from './lifecycle-support';

/**
 * Exemption from work and meetings (the member stays, marked exempt), and leaving the party:
 * removal, expulsion, death. Leaving ends the memberships, exemptions, positions and a transfer in
 * flight on its date and closes the history: later events are BAD_USER_INPUT (after the death),
 * earlier ones CONFLICT. Lists show current members unless former ones are asked for.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const MEMBER = 'query($id: ID!) { member(id: $id) { status exempt version exemptions { from to reason } } }';

describe('exemptMember and endExemption', () => {
  test('an exemption with an end: exempt on rosters within it, counted out of the rate, still a member', async () => {
    const m = await newMember(app, 'school');
    const exempted = ok(await app.run(AS, EXEMPT, {
      input: { memberId: m.id, version: m.version, occurredOn: '2026-06-20', decisionRef: '33-QĐ/CB', from: '2026-07-01', to: '2026-08-31', reason: 'Sức khỏe yếu' },
    })).exemptMember;
    expect(exempted).toMatchObject({ status: 'OFFICIAL', exempt: false, version: m.version + 1 });
    expect(ok(await app.run(AS, MEMBER, { id: m.id })).member.exemptions).toEqual([{ from: '2026-07-01', to: '2026-08-31', reason: 'Sức khỏe yếu' }]);
    const line = async (date: string): Promise<unknown> =>
      (await createMeeting(app, AS, { unitId: unitId(app, 'school'), kind: 'EXTRAORDINARY', heldAt: vietnamTime(date) })).attendance.find((a) => a.member?.fullName === m.fullName);
    expect(await line('2026-06-30')).toEqual({ status: 'NOT_RECORDED', reason: null, member: { fullName: m.fullName } });
    expect(await line('2026-08-31')).toEqual({ status: 'EXEMPT', reason: 'Sức khỏe yếu', member: { fullName: m.fullName } });
    expect(await line('2026-09-01')).toEqual({ status: 'NOT_RECORDED', reason: null, member: { fullName: m.fullName } });
  });

  test('an open exemption makes the member exempt today until it is ended; overlaps are CONFLICT', async () => {
    const m = await newMember(app, 'school');
    const exempted = ok(await app.run(AS, EXEMPT, {
      input: { memberId: m.id, version: m.version, occurredOn: '2026-01-10', decisionRef: '5-QĐ/CB', from: '2026-01-10', reason: 'Tuổi cao' },
    })).exemptMember;
    expect(exempted.exempt).toBe(true);
    await expectRejected(app, AS, LIFECYCLE_TABLES, EXEMPT, {
      input: { memberId: m.id, version: exempted.version, occurredOn: '2026-02-01', decisionRef: '6', from: '2025-12-01', to: '2026-01-10', reason: 'x' },
    }, { code: 'CONFLICT', field: 'input.from' });
    const ended = ok(await app.run(AS, END_EXEMPTION, { input: { memberId: m.id, version: exempted.version, occurredOn: '2026-11-01' } })).endExemption;
    expect(ended.exempt).toBe(false);
    expect(ok(await app.run(AS, MEMBER, { id: m.id })).member.exemptions).toEqual([{ from: '2026-01-10', to: '2026-10-31', reason: 'Tuổi cao' }]);
    await expectRejected(app, AS, LIFECYCLE_TABLES, END_EXEMPTION, { input: { memberId: m.id, version: ended.version, occurredOn: '2026-11-05' } }, { code: 'CONFLICT', field: 'input.occurredOn' });
  });

  test.each([
    ['an end before the start', 'input.to', { from: '2026-07-01', to: '2026-06-30' }],
    ['a start before the admission', 'input.from', { from: '2019-12-31' }],
    ['no reason', 'input.reason', { reason: '' }],
    ['no decision reference', 'input.decisionRef', { decisionRef: ' ' }],
  ])('%s is BAD_USER_INPUT on %s', async (_what, field, changes: Record<string, unknown>) => {
    const m = await newMember(app, 'school');
    await expectRejected(app, AS, LIFECYCLE_TABLES, EXEMPT, {
      input: { memberId: m.id, version: m.version, occurredOn: '2026-06-20', decisionRef: '1', from: '2026-07-01', reason: 'Tuổi cao', ...changes },
    }, { code: 'BAD_USER_INPUT', field });
  });
});

describe('leaving the party', () => {
  test('recordMemberDeath: DECEASED; memberships, exemption and positions end that day; a transfer in flight is cancelled', async () => {
    const m = await newMember(app, 'cell');
    let version = ok(await app.run(AS, EXEMPT, { input: { memberId: m.id, version: m.version, occurredOn: '2026-05-01', decisionRef: '1', from: '2026-05-01', reason: 'Ốm nặng' } })).exemptMember.version;
    const position = await addPosition(app, m.fullName, 'cell', 'COMMITTEE_MEMBER');
    version = ok(await app.run(AS, SEND, { input: { memberId: m.id, version, toUnitId: unitId(app, 'school'), kind: 'OFFICIAL', occurredOn: '2026-06-01', decisionRef: '2' } })).sendMemberTransfer && version + 1;
    const since = await lastAuditId(app);

    const dead = ok(await app.run(AS, DEATH, { input: { memberId: m.id, version, occurredOn: '2026-06-10' } })).recordMemberDeath;
    expect(dead).toMatchObject({ status: 'DECEASED', exempt: false, unit: { name: 'Chi bộ bản Nậm Cười' } });
    const read = ok(await app.run(AS, TIMELINE, { id: m.id })).member;
    expect(read.timeline.slice(-3).map((e: any) => [e.kind, e.occurredOn, e.reason])).toEqual([
      ['TRANSFER_SENT', '2026-06-01', null],
      ['DIED', '2026-06-10', null],
      ['TRANSFER_CANCELLED', '2026-06-10', 'The member left the party'],
    ]);
    expect(read.memberships).toEqual([{ kind: 'OFFICIAL', startedOn: '2020-01-06', endedOn: '2026-06-10', unit: { name: 'Chi bộ bản Nậm Cười' } }]);
    expect(ok(await app.run(AS, 'query($id: ID!) { member(id: $id) { exemptions { to } pendingTransfer { id } } }', { id: m.id })).member).toEqual({ exemptions: [{ to: '2026-06-09' }], pendingTransfer: null });
    expect(await app.sql('select ended_on::text as ended_on from member_position where id = ?', [position])).toEqual([{ ended_on: '2026-06-10' }]);
    expect((await auditSince(app, since)).map((e) => [e.operation, e.target_id, e.after.status])).toEqual([['recordMemberDeath', String(dbId(m.id)), 'DECEASED']]);

    // The roster of a meeting after the death does not have the member.
    const after = await createMeeting(app, AS, { unitId: unitId(app, 'cell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-06-11') });
    expect(after.attendance.map((a) => a.member?.fullName)).not.toContain(m.fullName);

    // An event after the death is BAD_USER_INPUT on the date; any other, CONFLICT.
    await expectRejected(app, AS, LIFECYCLE_TABLES, EXPEL, { input: { memberId: m.id, version: dead.version, occurredOn: '2026-06-11', decisionRef: '9', reason: 'x' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
    await expectRejected(app, AS, LIFECYCLE_TABLES, EXEMPT, { input: { memberId: m.id, version: dead.version, occurredOn: '2026-07-01', decisionRef: '9', from: '2026-07-01', reason: 'x' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
    await expectRejected(app, AS, LIFECYCLE_TABLES, DEATH, { input: { memberId: m.id, version: dead.version, occurredOn: '2026-06-10' } }, { code: 'CONFLICT', field: 'status' });
    await expectRejected(app, AS, LIFECYCLE_TABLES, SEND, { input: { memberId: m.id, version: dead.version, toUnitId: unitId(app, 'school'), kind: 'OFFICIAL', occurredOn: '2026-06-05', decisionRef: '3' } }, { code: 'CONFLICT', field: 'status' });
  });

  test('removeMember: REMOVED with the kind and reason; expelMember: EXPELLED', async () => {
    const struck = await newMember(app, 'cell');
    const removed = ok(await app.run(AS, REMOVE, {
      input: { memberId: struck.id, version: struck.version, occurredOn: '2026-04-01', kind: 'STRUCK_OFF', decisionRef: '20-QĐ/ĐU', reason: 'Bỏ sinh hoạt đảng 3 tháng liền không có lý do' },
    })).removeMember;
    expect(removed.status).toBe('REMOVED');
    const expelled = await newMember(app, 'cell');
    expect(ok(await app.run(AS, EXPEL, {
      input: { memberId: expelled.id, version: expelled.version, occurredOn: '2026-04-02', decisionRef: '21-QĐ/UBKT', reason: 'Vi phạm nghiêm trọng' },
    })).expelMember.status).toBe('EXPELLED');
    const { timeline } = ok(await app.run(AS, TIMELINE, { id: struck.id })).member;
    expect(timeline[timeline.length - 1]).toMatchObject({ kind: 'REMOVED', removalKind: 'STRUCK_OFF', decisionRef: '20-QĐ/ĐU', reason: 'Bỏ sinh hoạt đảng 3 tháng liền không có lý do' });
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: struck.id, version: removed.version, occurredOn: '2026-04-02', decisionRef: '1' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
  });

  test.each([
    ['a removal dated before the admission', 'BAD_USER_INPUT', 'input.occurredOn', REMOVE, { kind: 'PUT_OUT', reason: 'x', occurredOn: '2019-01-01' }],
    ['an expulsion without a reason', 'BAD_USER_INPUT', 'input.reason', EXPEL, { reason: ' ', occurredOn: '2026-04-01' }],
    ['a death in the future', 'BAD_USER_INPUT', 'input.occurredOn', DEATH, { occurredOn: '2999-01-01', decisionRef: null }],
  ])('%s is %s on %s', async (_what, code, field, mutation, changes: Record<string, unknown>) => {
    const m = await newMember(app, 'cell');
    await expectRejected(app, AS, LIFECYCLE_TABLES, mutation, { input: { memberId: m.id, version: m.version, decisionRef: '1', ...changes } }, { code, field });
  });
});

describe('lists show current members unless former ones are asked for', () => {
  test('the cell’s members and memberCount leave out the deceased; statuses: [DECEASED] finds them', async () => {
    const m = await newMember(app, 'school');
    const query = `query($id: ID!, $s: [MemberStatus!]) { orgUnit(id: $id) { memberCount members(first: 50, filter: { statuses: $s }) { totalCount nodes { fullName status } } } }`;
    const before = ok(await app.run(AS, query, { id: unitId(app, 'school') })).orgUnit;
    ok(await app.run(AS, DEATH, { input: { memberId: m.id, version: m.version, occurredOn: '2026-03-01' } }));
    const after = ok(await app.run(AS, query, { id: unitId(app, 'school') })).orgUnit;
    expect(after.memberCount).toBe(before.memberCount - 1);
    expect(after.members.totalCount).toBe(before.members.totalCount - 1);
    expect(after.members.nodes.map((n: any) => n.fullName)).not.toContain(m.fullName);
    const former = ok(await app.run(AS, query, { id: unitId(app, 'school'), s: ['DECEASED'] })).orgUnit.members.nodes;
    expect(former).toEqual([{ fullName: m.fullName, status: 'DECEASED' }]);
    const top = ok(await app.run(AS, '{ members(first: 100) { nodes { fullName } } }')).members.nodes.map((n: any) => n.fullName);
    expect(top).not.toContain(m.fullName);
    expect(ok(await app.run(AS, MEMBER, { id: m.id })).member.status).toBe('DECEASED');
  });
});

describe('the history is never overwritten', () => {
  test('the event log refuses updates and deletes, whoever asks', async () => {
    await expect(app.sql("update member_event set decision_ref = 'sửa' where id = (select min(id) from member_event)")).rejects.toThrow(/append-only/);
    await expect(app.sql('delete from member_event where id = (select min(id) from member_event)')).rejects.toThrow(/append-only/);
  });
});
