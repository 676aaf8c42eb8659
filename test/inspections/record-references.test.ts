import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, type TestApp } from '../support/test-app';
import { createMeeting, vietnamTime } from '../meetings/support';
import { expectRejected, ok } from '../validation/support';
import { FINDING, INSPECTION_TABLES, INSPECTOR, memberGid, startedInspection, unitGid } from './support';

/** A finding names the records looked at: meetings and evaluations of the targets' units, nothing else. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const finding = (inspectionId: string, recordIds: string[]) => ({ input: { inspectionId, kind: 'SHORTCOMING', severity: 'MINOR', subject: 'RECORDS_AND_MINUTES', description: 'Biên bản thiếu chữ ký', recordIds } });

test('a meeting of the target cell is accepted and given back by id', async () => {
  const started = await startedInspection(app);
  const meeting = await createMeeting(app, 'organizer:commune', { unitId: unitGid(app, 'cell'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-03-10') });
  const added = ok(await app.run(INSPECTOR, FINDING, finding(started.id, [meeting.id]))).addInspectionFinding;
  expect(added.recordIds).toEqual([meeting.id]);
});

test('a meeting of a member target’s cell counts as the target’s', async () => {
  const started = await startedInspection(app, { targetUnitIds: [], targetMemberIds: [memberGid(app, 'Trần Thị Bình')] });
  const meeting = await createMeeting(app, 'organizer:commune', { unitId: unitGid(app, 'school'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-03-11') });
  ok(await app.run(INSPECTOR, FINDING, finding(started.id, [meeting.id])));
});

test('a meeting of another cell and a missing one get the same BAD_USER_INPUT', async () => {
  const started = await startedInspection(app);
  const other = await createMeeting(app, 'organizer:commune', { unitId: unitGid(app, 'school'), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-03-12') });
  const a = await expectRejected(app, INSPECTOR, INSPECTION_TABLES, FINDING, finding(started.id, [other.id]), { code: 'BAD_USER_INPUT', field: 'input.recordIds.0' });
  const b = await expectRejected(app, INSPECTOR, INSPECTION_TABLES, FINDING, finding(started.id, [toGlobalId('Meeting', 999999)]), { code: 'BAD_USER_INPUT', field: 'input.recordIds.0' });
  expect(a.errors?.[0].message).toBe(b.errors?.[0].message);
});

test('an id of another type is BAD_USER_INPUT', async () => {
  const started = await startedInspection(app);
  await expectRejected(app, INSPECTOR, INSPECTION_TABLES, FINDING, finding(started.id, [memberGid(app, 'Nguyễn Văn An')]), { code: 'BAD_USER_INPUT', field: 'input.recordIds.0' });
});
