import { createTestApp, type TestApp } from '../support/test-app';
import { AN, createMeeting, HUNG, memberDbId, memberGid, updateMeeting, unitGid, vietnamTime, BINH, PAO, dbIdOf } from './support';

/**
 * A meeting's attendance counts (roster, present, exempt, not recorded) are kept on the meeting
 * row by statement triggers on meeting_attendance (decision 36): through the API, and by any
 * statement that inserts, changes or deletes lines, several meetings at a time included.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

interface Counts {
  roster: number;
  present: number;
  exempt: number;
  not_recorded: number;
}

const countsOf = async (meetingId: number): Promise<Counts> =>
  (await app.sql<Counts>('select attendance_roster as roster, attendance_present as present, attendance_exempt as exempt, attendance_not_recorded as not_recorded from meeting where id = ?', [meetingId]))[0];

/** Meetings whose kept counts differ from a recount of their lines. */
const drifted = (): Promise<unknown[]> =>
  app.sql(`
    select m.id from meeting m
      left join (select meeting_id, count(*)::int as roster, count(*) filter (where status = 'PRESENT')::int as present,
                        count(*) filter (where status = 'EXEMPT')::int as exempt, count(*) filter (where status = 'NOT_RECORDED')::int as not_recorded
                   from meeting_attendance group by meeting_id) x on x.meeting_id = m.id
     where (m.attendance_roster, m.attendance_present, m.attendance_exempt, m.attendance_not_recorded)
           is distinct from (coalesce(x.roster, 0), coalesce(x.present, 0), coalesce(x.exempt, 0), coalesce(x.not_recorded, 0))`);

const line = (name: string, status: string, reason?: string): Record<string, string> => ({ memberId: memberGid(app, name), status, ...(reason ? { reason } : {}) });

test('recorded and corrected through the API', async () => {
  const held = await createMeeting(app, 'organizer:province', { unitId: unitGid(app, 'cell'), heldAt: vietnamTime('2025-03-03'), attendance: [line(HUNG, 'PRESENT')] });
  const id = dbIdOf(held.id);
  // The roster of March 2025 is Hùng and An (Mai joined in 2026); An's line is not recorded yet.
  expect(await countsOf(id)).toEqual({ roster: 2, present: 1, exempt: 0, not_recorded: 1 });
  await updateMeeting(app, 'organizer:province', { id: held.id, version: held.version, attendance: [line(AN, 'ABSENT_EXCUSED', 'Ốm'), line(HUNG, 'PRESENT')] });
  expect(await countsOf(id)).toEqual({ roster: 2, present: 1, exempt: 0, not_recorded: 0 });

  const planned = await createMeeting(app, 'organizer:province', { unitId: unitGid(app, 'school'), scheduledAt: vietnamTime('2025-04-03') });
  expect(await countsOf(dbIdOf(planned.id))).toEqual({ roster: 0, present: 0, exempt: 0, not_recorded: 0 });
  const nowHeld = await updateMeeting(app, 'organizer:province', { id: planned.id, version: planned.version, heldAt: vietnamTime('2025-04-03'), attendance: [line(BINH, 'PRESENT'), line(PAO, 'PRESENT')] });
  expect(nowHeld.attendanceSummary).toMatchObject({ roster: 2, present: 2 });
  expect(await countsOf(dbIdOf(planned.id))).toEqual({ roster: 2, present: 2, exempt: 0, not_recorded: 0 });
  expect(await drifted()).toEqual([]);
});

test('any statement on the lines, over several meetings at once', async () => {
  const cell = app.fixture.units.cell;
  const provinceId = Number(cell.path.split('/')[1]);
  const ids = (await app.sql<{ id: number }>(
    `insert into meeting (province_id, unit_id, unit_path, kind, format, status, scheduled_at, held_at, held_on)
     select ?, ?, ?, 'REGULAR', 'IN_PERSON', 'HELD', d, d, d::date from unnest(array['2024-01-03', '2024-02-03', '2024-03-03']::timestamptz[]) d returning id`,
    [provinceId, cell.id, cell.path],
  )).map((r) => r.id);
  const members = [HUNG, AN, BINH, PAO].map((name) => memberDbId(app, name));
  // One insert over three meetings: 4 lines each, statuses by position.
  await app.sql(
    `insert into meeting_attendance (meeting_id, member_id, province_id, unit_path, status, reason)
     select m, x.member, ?, ?, (array['PRESENT', 'EXEMPT', 'NOT_RECORDED', 'PRESENT'])[x.n], case when x.n = 2 then 'Miễn' end
       from unnest(?::int[]) m cross join unnest(?::int[]) with ordinality as x(member, n)`,
    [provinceId, cell.path, `{${ids.join(',')}}`, `{${members.join(',')}}`],
  );
  for (const id of ids) expect(await countsOf(id)).toEqual({ roster: 4, present: 2, exempt: 1, not_recorded: 1 });

  // One update across two meetings: every line not recorded becomes present, and one present line absent.
  await app.sql(`update meeting_attendance set status = 'PRESENT' where meeting_id = any(?::int[]) and status = 'NOT_RECORDED'`, [`{${ids[0]},${ids[1]}}`]);
  await app.sql(`update meeting_attendance set status = 'ABSENT_UNEXCUSED' where meeting_id = ? and member_id = ?`, [ids[1], members[0]]);
  expect(await countsOf(ids[0])).toEqual({ roster: 4, present: 3, exempt: 1, not_recorded: 0 });
  expect(await countsOf(ids[1])).toEqual({ roster: 4, present: 2, exempt: 1, not_recorded: 0 });

  // An update that changes no count leaves the meeting row alone.
  const [before] = await app.sql<{ xmin: string }>('select xmin::text from meeting where id = ?', [ids[2]]);
  await app.sql(`update meeting_attendance set reason = reason where meeting_id = ?`, [ids[2]]);
  expect((await app.sql<{ xmin: string }>('select xmin::text from meeting where id = ?', [ids[2]]))[0].xmin).toBe(before.xmin);

  // A line deleted, another moved into its place from a third meeting, and lines deleted.
  await app.sql(`delete from meeting_attendance where meeting_id = ? and member_id = ?`, [ids[0], members[2]]);
  expect(await countsOf(ids[0])).toEqual({ roster: 3, present: 2, exempt: 1, not_recorded: 0 });
  await app.sql(`update meeting_attendance set meeting_id = ? where meeting_id = ? and member_id = ?`, [ids[0], ids[2], members[2]]);
  expect(await countsOf(ids[0])).toEqual({ roster: 4, present: 2, exempt: 1, not_recorded: 1 });
  expect(await countsOf(ids[2])).toEqual({ roster: 3, present: 2, exempt: 1, not_recorded: 0 });
  await app.sql(`delete from meeting_attendance where meeting_id = ? and status <> 'EXEMPT'`, [ids[2]]);
  expect(await countsOf(ids[2])).toEqual({ roster: 1, present: 0, exempt: 1, not_recorded: 0 });
  await app.sql(`delete from meeting_attendance where meeting_id = any(?::int[])`, [`{${ids.join(',')}}`]);
  for (const id of ids) expect(await countsOf(id)).toEqual({ roster: 0, present: 0, exempt: 0, not_recorded: 0 });
  expect(await drifted()).toEqual([]);
});
