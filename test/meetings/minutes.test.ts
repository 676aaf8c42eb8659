import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { auditSince, expectRejected, lastAuditId } from '../validation/support';
import { addAccount, AN, createMeeting, data, dbIdOf, GET_MEETING, HUNG, MEETING_TABLES, memberGid, UPDATE_MEETING, updateMeeting, vietnamTime, type MeetingView } from './support';

/**
 * The minutes' lifecycle (issue #3): draft → finalised, which needs the chair, the minutes-taker
 * and the minutes → immutable; a correction after that is an amendment with its author, reason and
 * time, and the original text stays readable. Editing finalised minutes otherwise is CONFLICT.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const TABLES = [...MEETING_TABLES, 'minutes_amendment'];
const FINALISE = `mutation($id: ID!, $version: Int!) { finaliseMinutes(id: $id, version: $version) { id version minutesStatus minutesFinalisedAt minutes resolution } }`;
const AMEND = `mutation($input: AmendMinutesInput!) { amendMinutes(input: $input) { id version minutesStatus minutes resolution amendments { field previousText newText reason createdAt } } }`;
const AMENDMENTS = `query($id: ID!) { meeting(id: $id) { minutes resolution amendments { field previousText newText reason createdAt } } }`;

const version = async (id: string): Promise<number> => (await data(app, AS, GET_MEETING, { id })).meeting.version;

describe('finaliseMinutes', () => {
  let meeting: MeetingView;
  beforeAll(async () => {
    meeting = await createMeeting(app, AS, { heldAt: vietnamTime('2026-04-03') });
  });

  test('a planned meeting has no minutes to finalise', async () => {
    const planned = await createMeeting(app, AS, { scheduledAt: vietnamTime('2026-12-03') });
    await expectRejected(app, AS, TABLES, FINALISE, { id: planned.id, version: planned.version }, { code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('needs the chair, then the minutes-taker, then the minutes; each missing one is BAD_USER_INPUT', async () => {
    await expectRejected(app, AS, TABLES, FINALISE, { id: meeting.id, version: meeting.version }, { code: 'BAD_USER_INPUT', field: 'chairId' });
    let m = await updateMeeting(app, AS, { id: meeting.id, version: meeting.version, chairId: memberGid(app, HUNG) });
    await expectRejected(app, AS, TABLES, FINALISE, { id: m.id, version: m.version }, { code: 'BAD_USER_INPUT', field: 'minutesTakerId' });
    m = await updateMeeting(app, AS, { id: m.id, version: m.version, minutesTakerId: memberGid(app, AN) });
    await expectRejected(app, AS, TABLES, FINALISE, { id: m.id, version: m.version }, { code: 'BAD_USER_INPUT', field: 'minutes' });
    m = await updateMeeting(app, AS, { id: m.id, version: m.version, minutes: 'Biên bản gốc', resolution: 'Nghị quyết gốc', attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }] });
    // A stale version is refused before anything else.
    await expectRejected(app, AS, TABLES, FINALISE, { id: m.id, version: m.version - 1 }, { code: 'CONFLICT', field: 'version' });
    // Members and inspectors read the minutes but do not sign them.
    await expectRejected(app, 'member:cell', TABLES, FINALISE, { id: m.id, version: m.version }, { code: 'FORBIDDEN' });
    await expectRejected(app, 'inspector:commune', TABLES, FINALISE, { id: m.id, version: m.version }, { code: 'FORBIDDEN' });

    const since = await lastAuditId(app);
    const finalised = (await data(app, AS, FINALISE, { id: m.id, version: m.version })).finaliseMinutes;
    expect(finalised).toMatchObject({ minutesStatus: 'FINALISED', minutes: 'Biên bản gốc' });
    expect(Date.now() - Date.parse(finalised.minutesFinalisedAt)).toBeLessThan(60_000);
    const [audit] = await auditSince(app, since);
    expect(audit).toMatchObject({ operation: 'finaliseMinutes', target_type: 'Meeting', target_id: String(dbIdOf(m.id)), account_id: app.fixture.accounts[AS] });
    expect([audit.before.minutesStatus, audit.after.minutesStatus]).toEqual(['DRAFT', 'FINALISED']);
    const [row] = await app.sql<{ by: number }>('select minutes_finalised_by_id as by from meeting where id = ?', [dbIdOf(m.id)]);
    expect(row.by).toBe(app.fixture.accounts[AS]);

    await expectRejected(app, AS, TABLES, FINALISE, { id: m.id, version: finalised.version }, { code: 'CONFLICT' });
  });

  // [what, changes]
  // prettier-ignore
  const LOCKED: Array<[string, () => Record<string, unknown>]> = [
    ['the minutes',         () => ({ minutes: 'Sửa thẳng biên bản' })],
    ['the resolution',      () => ({ resolution: 'Sửa thẳng nghị quyết' })],
    ['the content',         () => ({ content: 'Nội dung khác' })],
    ['the attendance',      () => ({ attendance: [{ memberId: memberGid(app, AN), status: 'PRESENT' }] })],
    ['the chair',           () => ({ chairId: memberGid(app, AN) })],
    ['the minutes-taker',   () => ({ minutesTakerId: null })],
    ['the duration',        () => ({ durationMinutes: 90 })],
    ['the agenda',          () => ({ agenda: ['Khác'] })],
    ['the time held',       () => ({ heldAt: vietnamTime('2026-04-03', '14:00') })],
  ];
  test.each(LOCKED)('after finalising, updateMeeting touching %s is CONFLICT', async (_what, changes) => {
    await expectRejected(app, AS, TABLES, UPDATE_MEETING, { input: { id: meeting.id, version: await version(meeting.id), ...changes() } }, { code: 'CONFLICT', field: 'minutesStatus' });
  });
});

describe('amendMinutes', () => {
  test('on draft minutes it is CONFLICT: drafts are edited with updateMeeting', async () => {
    const m = await createMeeting(app, AS, { heldAt: vietnamTime('2026-05-03'), minutes: 'Nháp' });
    await expectRejected(app, AS, TABLES, AMEND, { input: { id: m.id, version: m.version, field: 'MINUTES', text: 'Sửa', reason: 'Ghi nhầm' } }, { code: 'CONFLICT' });
    expect((await updateMeeting(app, AS, { id: m.id, version: m.version, minutes: 'Nháp đã sửa' })).minutes).toBe('Nháp đã sửa');
  });

  test('after finalising: the new text is current, every earlier text stays readable, each amendment audited', async () => {
    let m = await createMeeting(app, AS, {
      heldAt: vietnamTime('2026-06-03'), chairId: memberGid(app, HUNG), minutesTakerId: memberGid(app, AN), minutes: 'Biên bản: 2 có mặt', resolution: 'Nghị quyết tháng 6',
    });
    m = (await data(app, AS, FINALISE, { id: m.id, version: m.version })).finaliseMinutes;
    const amend = (field: string, text: string, reason: string, v = m.version): Promise<any> => app.run(AS, AMEND, { input: { id: m.id, version: v, field, text, reason } });

    await expectRejected(app, AS, TABLES, AMEND, { input: { id: m.id, version: m.version, field: 'MINUTES', text: 'X', reason: ' ' } }, { code: 'BAD_USER_INPUT', field: 'input.reason' });
    await expectRejected(app, AS, TABLES, AMEND, { input: { id: m.id, version: m.version, field: 'MINUTES', text: '', reason: 'Y' } }, { code: 'BAD_USER_INPUT', field: 'input.text' });
    await expectRejected(app, AS, TABLES, AMEND, { input: { id: m.id, version: m.version + 5, field: 'MINUTES', text: 'X', reason: 'Y' } }, { code: 'CONFLICT', field: 'version' });
    await expectRejected(app, 'member:cell', TABLES, AMEND, { input: { id: m.id, version: m.version, field: 'MINUTES', text: 'X', reason: 'Y' } }, { code: 'FORBIDDEN' });

    const since = await lastAuditId(app);
    const first = (await amend('MINUTES', 'Biên bản: 3 có mặt', 'Ghi thiếu đồng chí An')).data.amendMinutes;
    expect(first).toMatchObject({ minutesStatus: 'FINALISED', minutes: 'Biên bản: 3 có mặt', resolution: 'Nghị quyết tháng 6' });
    expect(first.version).toBeGreaterThan(m.version);
    // The version read before the amendment is stale now.
    expect(onlyError(await amend('RESOLUTION', 'Z', 'Z', m.version))).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const second = (await amend('RESOLUTION', 'Nghị quyết tháng 6 (đính chính)', 'Sai chỉ tiêu', first.version)).data.amendMinutes;
    const third = (await amend('MINUTES', 'Biên bản: 3 có mặt, 1 vắng có lý do', 'Bổ sung', second.version)).data.amendMinutes;

    expect(third.minutes).toBe('Biên bản: 3 có mặt, 1 vắng có lý do');
    expect(third.resolution).toBe('Nghị quyết tháng 6 (đính chính)');
    expect(third.amendments.map(({ createdAt, ...a }: any) => a)).toEqual([
      { field: 'MINUTES', previousText: 'Biên bản: 2 có mặt', newText: 'Biên bản: 3 có mặt', reason: 'Ghi thiếu đồng chí An' },
      { field: 'RESOLUTION', previousText: 'Nghị quyết tháng 6', newText: 'Nghị quyết tháng 6 (đính chính)', reason: 'Sai chỉ tiêu' },
      { field: 'MINUTES', previousText: 'Biên bản: 3 có mặt', newText: 'Biên bản: 3 có mặt, 1 vắng có lý do', reason: 'Bổ sung' },
    ]);
    const times = third.amendments.map((a: any) => Date.parse(a.createdAt));
    expect(times.every((t: number, i: number) => !Number.isNaN(t) && (i === 0 || t >= times[i - 1]))).toBe(true);

    // The author of each amendment is recorded.
    expect(await app.sql('select author_id from minutes_amendment where meeting_id = ? order by id', [dbIdOf(m.id)])).toEqual(
      [1, 2, 3].map(() => ({ author_id: app.fixture.accounts[AS] })),
    );
    const audits = await auditSince(app, since);
    expect(audits.map((a) => [a.operation, a.before.minutes, a.after.minutes, a.after.amendmentReason])).toEqual([
      ['amendMinutes', 'Biên bản: 2 có mặt', 'Biên bản: 3 có mặt', 'Ghi thiếu đồng chí An'],
      ['amendMinutes', 'Biên bản: 3 có mặt', 'Biên bản: 3 có mặt', 'Sai chỉ tiêu'],
      ['amendMinutes', 'Biên bản: 3 có mặt', 'Biên bản: 3 có mặt, 1 vắng có lý do', 'Bổ sung'],
    ]);
    expect([audits[1].before.resolution, audits[1].after.resolution]).toEqual(['Nghị quyết tháng 6', 'Nghị quyết tháng 6 (đính chính)']);

    // The cell's members and the committees above it read the history; another cell's member does not; analysts never.
    for (const as of ['member:cell', 'organizer:cell', 'organizer:commune', 'inspector:province', 'admin:province'] as const) {
      expect((await data(app, as, AMENDMENTS, { id: m.id })).meeting).toMatchObject({ minutes: 'Biên bản: 3 có mặt, 1 vắng có lý do', amendments: expect.any(Array) });
    }
    const schoolMember = await addAccount(app, 'member:school', { member: 'Trần Thị Bình', role: 'MEMBER', at: 'school' });
    expect(onlyError(await app.run(schoolMember, AMENDMENTS, { id: m.id })).code).toBe('NOT_FOUND');
    expect(onlyError(await app.run('analyst:province', AMENDMENTS, { id: m.id })).code).toBe('FORBIDDEN');
  });
});
