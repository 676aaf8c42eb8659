import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) {
  id status heldOn version minutesStatus attendanceSummary { roster present rate } attendance { status member { fullName } } topics { code } } }`;

function ids(): { cell: string; hung: string; an: string; mai: string } {
  return {
    cell: toGlobalId('OrgUnit', app.fixture.units.cell.id),
    hung: toGlobalId('Member', app.fixture.members['Lò Văn Hùng'].id),
    an: toGlobalId('Member', app.fixture.members['Nguyễn Văn An'].id),
    mai: toGlobalId('Member', app.fixture.members['Tẩn Thị Mai'].id),
  };
}

test('a regular meeting held on the rule day freezes the roster and records attendance', async () => {
  const { cell, hung, an } = ids();
  const result = await app.run('organizer:commune', CREATE, {
    input: {
      unitId: cell, kind: 'REGULAR', format: 'IN_PERSON', scheduledAt: '2025-06-03T01:00:00Z', heldAt: '2025-06-03T01:00:00Z',
      chairId: hung, minutesTakerId: an, durationMinutes: 120, minutes: 'Biên bản', resolution: 'Nghị quyết',
      attendance: [{ memberId: hung, status: 'PRESENT' }, { memberId: an, status: 'ABSENT_EXCUSED', reason: 'Ốm' }],
    },
  });
  expect(result.errors).toBeUndefined();
  const meeting = (result.data as { createMeeting: { status: string; heldOn: string; attendanceSummary: { roster: number; present: number } } }).createMeeting;
  expect(meeting.status).toBe('HELD');
  expect(meeting.heldOn).toBe('2025-06-03');
  // Tẩn Thị Mai was admitted in 2026: not on a 2025 roster.
  expect(meeting.attendanceSummary).toEqual({ roster: 2, present: 1, rate: 0.5 });
});

test('an attendance line for someone not on the roster is BAD_USER_INPUT', async () => {
  const { cell, mai } = ids();
  const result = await app.run('organizer:commune', CREATE, {
    input: { unitId: cell, kind: 'EXTRAORDINARY', format: 'IN_PERSON', scheduledAt: '2025-07-10T01:00:00Z', heldAt: '2025-07-10T01:00:00Z', attendance: [{ memberId: mai, status: 'PRESENT' }] },
  });
  expect(onlyError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendance.0.memberId' });
});

test('compliance of the commune for June 2025 counts the held meeting', async () => {
  const result = await app.run('analyst:province', `{ meetingCompliance(unitId: "${toGlobalId('OrgUnit', app.fixture.units.commune.id)}", period: { year: 2025, month: 6 }) {
    summary { cells regularExpected regularHeld regularInWindow lowAttendance attendanceRate thematicExpected thematicHeld cellsFallingShort }
    shortfalls(first: 10) { totalCount nodes { cell { name } slots { month quarter reasons } } } } }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toMatchObject({ meetingCompliance: { summary: { cells: 2, regularExpected: 2, regularHeld: 1, regularInWindow: 1, lowAttendance: 1, thematicExpected: 2, thematicHeld: 0, cellsFallingShort: 2 } } });
});
