import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected, lastAuditId, auditSince } from '../validation/support';
import {
  AN, BINH, CANCEL_MEETING, CREATE_MEETING, createMeeting, CUONG, data, GET_MEETING, HUNG, MEETING_TABLES, memberGid, topicGid, unitGid, UPDATE_MEETING, updateMeeting, vietnamTime,
} from './support';

/**
 * The meeting record (issue #3, domain.md §3): planned, then recorded as held; every rule of its
 * input is BAD_USER_INPUT naming the field; a cancelled meeting stays with its reason; stale
 * versions and edits of held or cancelled meetings are CONFLICT. Every rejection leaves meeting,
 * attendance, topics, guests and the audit log as they were.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const cell = (): string => unitGid(app, 'cell');
const regular = (date: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  unitId: cell(), kind: 'REGULAR', format: 'IN_PERSON', scheduledAt: vietnamTime(date), heldAt: vietnamTime(date), ...over,
});
const rejectCreate = (input: Record<string, unknown>, code: string, field?: string): Promise<unknown> =>
  expectRejected(app, AS, MEETING_TABLES, CREATE_MEETING, { input }, { code, field });

describe('createMeeting and updateMeeting: a planned meeting recorded as held', () => {
  test('planned, then held: the roster is frozen on the meeting date and the record is complete', async () => {
    const since = await lastAuditId(app);
    const planned = await createMeeting(app, AS, { scheduledAt: vietnamTime('2026-08-03', '08:00'), place: 'Nhà văn hóa bản', agenda: ['Kiểm điểm tháng 7', 'Nhiệm vụ tháng 8'] });
    expect(planned).toMatchObject({ status: 'PLANNED', heldAt: null, heldOn: null, attendanceSummary: null, attendance: [], place: 'Nhà văn hóa bản' });

    const held = await updateMeeting(app, AS, {
      id: planned.id, version: planned.version, heldAt: vietnamTime('2026-08-03', '08:15'), durationMinutes: 120,
      chairId: memberGid(app, HUNG), minutesTakerId: memberGid(app, AN), content: 'Nội dung', minutes: 'Biên bản', resolution: 'Nghị quyết',
      guests: [{ fullName: 'Đồng chí Phó Bí thư xã', position: 'Phó Bí thư Đảng ủy', unitId: unitGid(app, 'commune') }, { fullName: 'Cán bộ tỉnh', unitId: unitGid(app, 'province') }],
      attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, AN), status: 'PRESENT' }],
    });
    expect(held).toMatchObject({
      status: 'HELD', heldAt: '2026-08-03T01:15:00.000Z', heldOn: '2026-08-03', durationMinutes: 120,
      chair: { fullName: HUNG }, minutesTaker: { fullName: AN }, minutes: 'Biên bản', resolution: 'Nghị quyết', minutesStatus: 'DRAFT',
      guests: [{ fullName: 'Đồng chí Phó Bí thư xã', position: 'Phó Bí thư Đảng ủy' }, { fullName: 'Cán bộ tỉnh', position: null }],
      // Mai, admitted on 2026-03-02, is on the August roster but her attendance is not recorded yet.
      attendanceSummary: { roster: 3, present: 2, exempt: 0, notRecorded: 1, rate: 0.6667 },
    });
    const audits = await auditSince(app, since);
    expect(audits.map((a) => a.operation)).toEqual(['createMeeting', 'updateMeeting']);
    expect(audits[1].before).toMatchObject({ status: 'PLANNED', heldAt: null });
    expect(audits[1].after).toMatchObject({ status: 'HELD', heldAt: '2026-08-03T01:15:00.000Z', durationMinutes: 120 });
  });

  test('an online meeting needs an https link', async () => {
    await rejectCreate(regular('2026-09-03', { format: 'ONLINE' }), 'BAD_USER_INPUT', 'input.onlineLink');
    await rejectCreate(regular('2026-09-03', { format: 'ONLINE', onlineLink: 'http://meet.example.vn/chibo' }), 'BAD_USER_INPUT', 'input.onlineLink');
    await rejectCreate(regular('2026-09-03', { format: 'ONLINE', onlineLink: 'https://meet example' }), 'BAD_USER_INPUT', 'input.onlineLink');
    const m = await createMeeting(app, AS, regular('2026-09-03', { format: 'ONLINE', onlineLink: 'https://meet.example.vn/chibo' }));
    expect(m).toMatchObject({ format: 'ONLINE', onlineLink: 'https://meet.example.vn/chibo' });
    // Switching an in-person meeting to online without a link is refused too.
    const p = await createMeeting(app, AS, { kind: 'EXTRAORDINARY', scheduledAt: vietnamTime('2026-12-15') });
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: p.id, version: p.version, format: 'ONLINE' } }, { code: 'BAD_USER_INPUT', field: 'input.onlineLink' });
  });
});

describe('BAD_USER_INPUT with the field, nothing written', () => {
  // [what, input, field]
  // prettier-ignore
  const CASES: Array<[string, () => Record<string, unknown>, string]> = [
    ['held in the future',                    () => regular('2026-10-03', { heldAt: new Date(Date.now() + 3600_000).toISOString() }), 'input.heldAt'],
    ['a negative duration',                   () => regular('2026-10-03', { durationMinutes: -30 }),  'input.durationMinutes'],
    ['a zero duration',                       () => regular('2026-10-03', { durationMinutes: 0 }),    'input.durationMinutes'],
    ['an absurd duration (a week)',           () => regular('2026-10-03', { durationMinutes: 10080 }), 'input.durationMinutes'],
    ['a regular meeting of a commune',        () => regular('2026-10-03', { unitId: unitGid(app, 'commune') }), 'input.unitId'],
    ['a thematic meeting of a commune',       () => regular('2026-10-03', { kind: 'THEMATIC', unitId: unitGid(app, 'commune') }), 'input.unitId'],
    ['a party-group meeting of a cell',       () => regular('2026-10-03', { kind: 'PARTY_GROUP' }),   'input.unitId'],
    ['a party-committee meeting of a cell',   () => regular('2026-10-03', { kind: 'PARTY_COMMITTEE' }), 'input.unitId'],
    ['a chair from another cell',             () => regular('2026-10-03', { chairId: memberGid(app, BINH) }), 'input.chairId'],
    ['a minutes-taker from another commune',  () => regular('2026-10-03', { minutesTakerId: memberGid(app, CUONG) }), 'input.minutesTakerId'],
    ['a guest from a sibling cell',           () => regular('2026-10-03', { guests: [{ fullName: 'Khách', unitId: unitGid(app, 'school') }] }), 'input.guests.0.unitId'],
    ['a guest from another province',         () => regular('2026-10-03', { guests: [{ fullName: 'A', unitId: unitGid(app, 'commune') }, { fullName: 'B', unitId: unitGid(app, 'otherProvince') }] }), 'input.guests.1.unitId'],
    ['a guest without a name',                () => regular('2026-10-03', { guests: [{ fullName: ' ' }] }), 'input.guests.0.fullName'],
    ['attendance of someone not on the roster', () => regular('2026-10-03', { attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, BINH), status: 'PRESENT' }] }), 'input.attendance.1.memberId'],
    ['a member twice in the attendance',      () => regular('2026-10-03', { attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, HUNG), status: 'ABSENT_UNEXCUSED' }] }), 'input.attendance.1.memberId'],
    ['an excused absence without a reason',   () => regular('2026-10-03', { attendance: [{ memberId: memberGid(app, AN), status: 'ABSENT_EXCUSED' }] }), 'input.attendance.0.reason'],
    ['attendance marked NOT_RECORDED',        () => regular('2026-10-03', { attendance: [{ memberId: memberGid(app, AN), status: 'NOT_RECORDED' }] }), 'input.attendance.0.status'],
    ['attendance of a meeting not yet held',  () => regular('2026-10-03', { heldAt: undefined, attendance: [{ memberId: memberGid(app, AN), status: 'PRESENT' }] }), 'input.attendance'],
    ['a blank agenda item',                   () => regular('2026-10-03', { agenda: ['Một', ''] }), 'input.agenda.1'],
  ];
  test.each(CASES)('%s', async (_what, input, field) => {
    await rejectCreate(input(), 'BAD_USER_INPUT', field);
  });

  test('a thematic meeting without a topic (none, or an empty list), or with a topic that does not exist', async () => {
    await rejectCreate(regular('2026-10-12', { kind: 'THEMATIC' }), 'BAD_USER_INPUT', 'input.topicIds');
    await rejectCreate(regular('2026-10-12', { kind: 'THEMATIC', topicIds: [] }), 'BAD_USER_INPUT', 'input.topicIds');
    const missing = Buffer.from('ThematicTopic:99999').toString('base64url');
    await rejectCreate(regular('2026-10-12', { kind: 'THEMATIC', topicIds: [missing] }), 'BAD_USER_INPUT', 'input.topicIds');
    const m = await createMeeting(app, AS, regular('2026-10-12', { kind: 'THEMATIC', topicIds: [await topicGid(app, 'HO_CHI_MINH'), await topicGid(app, 'LEGAL_EDUCATION')] }));
    expect(m.topics).toEqual([{ code: 'HO_CHI_MINH' }, { code: 'LEGAL_EDUCATION' }]);
    // Removing every topic of a thematic meeting is refused as well.
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: m.version, topicIds: [] } }, { code: 'BAD_USER_INPUT', field: 'input.topicIds' });
  });

  test('a rejected update changes none of the fields it also carried', async () => {
    const m = await createMeeting(app, AS, { scheduledAt: vietnamTime('2026-11-03'), place: 'Hội trường' });
    // place and content are valid; the chair is not: the whole update is refused.
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: m.version, place: 'Nhà bí thư', content: 'X', chairId: memberGid(app, BINH) } }, { code: 'BAD_USER_INPUT', field: 'input.chairId' });
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: m.version, place: 'Nhà bí thư', durationMinutes: -1 } }, { code: 'BAD_USER_INPUT', field: 'input.durationMinutes' });
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: m.version, place: 'Nhà bí thư', heldAt: new Date(Date.now() + 86400_000).toISOString() } }, { code: 'BAD_USER_INPUT', field: 'input.heldAt' });
    expect((await data(app, AS, GET_MEETING, { id: m.id })).meeting).toMatchObject({ place: 'Hội trường', chair: null, status: 'PLANNED', version: m.version });
  });
});

describe('versions, cancellation and CONFLICT', () => {
  test('a stale version is CONFLICT on the field version', async () => {
    const m = await createMeeting(app, AS, { scheduledAt: vietnamTime('2026-12-03') });
    const moved = await updateMeeting(app, AS, { id: m.id, version: m.version, place: 'Nhà văn hóa' });
    expect(moved.version).toBeGreaterThan(m.version);
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: m.version, place: 'Chỗ khác' } }, { code: 'CONFLICT', field: 'version' });
    await expectRejected(app, AS, MEETING_TABLES, CANCEL_MEETING, { id: m.id, version: m.version, reason: 'Trùng lịch' }, { code: 'CONFLICT', field: 'version' });
  });

  test('a cancelled meeting stays, with its reason, and cannot be edited or cancelled again', async () => {
    const m = await createMeeting(app, AS, { kind: 'EXTRAORDINARY', scheduledAt: vietnamTime('2026-12-20') });
    await expectRejected(app, AS, MEETING_TABLES, CANCEL_MEETING, { id: m.id, version: m.version, reason: '  ' }, { code: 'BAD_USER_INPUT', field: 'input.reason' });
    const since = await lastAuditId(app);
    const cancelled = (await data(app, AS, CANCEL_MEETING, { id: m.id, version: m.version, reason: 'Lũ quét, đường vào bản bị chia cắt' })).cancelMeeting;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Lũ quét, đường vào bản bị chia cắt' });
    expect(cancelled.version).toBeGreaterThan(m.version);
    expect((await auditSince(app, since)).map((a) => [a.operation, a.before.status, a.after.status])).toEqual([['cancelMeeting', 'PLANNED', 'CANCELLED']]);
    expect(await app.sql('select status, cancel_reason from meeting where id = ?', [Number(Buffer.from(m.id, 'base64url').toString().split(':')[1])])).toEqual([
      { status: 'CANCELLED', cancel_reason: 'Lũ quét, đường vào bản bị chia cắt' },
    ]);
    // Still listed, still readable.
    expect((await data(app, 'member:cell', GET_MEETING, { id: m.id })).meeting.status).toBe('CANCELLED');
    const listed = (await data(app, 'member:cell', '{ meetings(first: 50, filter: { statuses: [CANCELLED] }) { nodes { id } } }')).meetings.nodes;
    expect(listed).toEqual([{ id: m.id }]);

    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: cancelled.version, place: 'X' } }, { code: 'CONFLICT' });
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: cancelled.version, heldAt: vietnamTime('2026-11-01') } }, { code: 'CONFLICT' });
    await expectRejected(app, AS, MEETING_TABLES, CANCEL_MEETING, { id: m.id, version: cancelled.version, reason: 'Lần nữa' }, { code: 'CONFLICT' });
  });

  test('a held meeting cannot be cancelled', async () => {
    const m = await createMeeting(app, AS, { kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-11-12') });
    await expectRejected(app, AS, MEETING_TABLES, CANCEL_MEETING, { id: m.id, version: m.version, reason: 'Nhầm' }, { code: 'CONFLICT' });
  });

  test('meetings of units out of scope are NOT_FOUND, for reads and writes alike', async () => {
    const m = await createMeeting(app, 'organizer:province', { unitId: unitGid(app, 'otherCell'), kind: 'EXTRAORDINARY', scheduledAt: vietnamTime('2026-12-22') });
    expect((await app.run(AS, GET_MEETING, { id: m.id })).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    await expectRejected(app, AS, MEETING_TABLES, UPDATE_MEETING, { input: { id: m.id, version: m.version, place: 'X' } }, { code: 'NOT_FOUND' });
    await expectRejected(app, AS, MEETING_TABLES, CANCEL_MEETING, { id: m.id, version: m.version, reason: 'X' }, { code: 'NOT_FOUND' });
    await rejectCreate({ ...regular('2026-10-03'), unitId: unitGid(app, 'otherCell') }, 'NOT_FOUND');
  });
});
