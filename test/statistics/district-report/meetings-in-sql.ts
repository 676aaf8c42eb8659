import { vietnamDateOf } from '../../../src/services/meetings/meeting-calendar';
import { dbIdOf } from '../../meetings/support';
import type { TestApp } from '../../support/test-app';

/** A held meeting as createMeeting takes it (global ids), attendance given for the whole roster. */
export interface HeldMeetingInput {
  readonly unitId: string;
  readonly kind: 'REGULAR' | 'THEMATIC';
  readonly format: 'IN_PERSON';
  readonly scheduledAt: string;
  readonly heldAt: string;
  readonly durationMinutes: number;
  readonly attendance: ReadonlyArray<{ memberId: string; status: 'PRESENT' | 'ABSENT_EXCUSED'; reason?: string }>;
  readonly topicIds?: readonly string[];
}

/**
 * Writes held meetings in three set-based statements: the rows createMeeting leaves behind for such
 * an input (meeting, frozen roster with the recorded attendance, topics), without its per-meeting
 * checks and audit entry. The district test sends a sample of cells through createMeeting and
 * compares their rows with these (district-report.test.ts); thousands of API calls would only
 * repeat what the meetings suites already prove.
 */
export async function insertHeldMeetings(app: TestApp, inputs: readonly HeldMeetingInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const ids = (await app.sql<{ id: number }>('select nextval(\'meeting_id_seq\')::int as id from generate_series(1, ?)', [inputs.length])).map((r) => r.id);
  const meetings = inputs.map((m, i) => ({
    id: ids[i], unit_id: dbIdOf(m.unitId), kind: m.kind, format: m.format, scheduled_at: m.scheduledAt, held_at: m.heldAt,
    held_on: vietnamDateOf(new Date(m.heldAt)), duration_minutes: m.durationMinutes,
  }));
  await app.sql(
    // Version 2, as createMeeting leaves it: inserted as planned, then recorded as held.
    `insert into meeting (id, province_id, unit_id, unit_path, kind, format, status, scheduled_at, held_at, held_on, duration_minutes, version)
     select x.id, u.province_id, u.id, u.path, x.kind, x.format, 'HELD', x.scheduled_at, x.held_at, x.held_on, x.duration_minutes, 2
       from jsonb_to_recordset(?::jsonb) as x(id int, unit_id int, kind text, format text, scheduled_at timestamptz, held_at timestamptz, held_on date, duration_minutes int)
       join org_unit u on u.id = x.unit_id`,
    [JSON.stringify(meetings)],
  );
  const attendance = inputs.flatMap((m, i) => m.attendance.map((a) => ({ meeting_id: ids[i], member_id: dbIdOf(a.memberId), status: a.status, reason: a.reason ?? null })));
  await app.sql(
    `insert into meeting_attendance (meeting_id, member_id, province_id, unit_path, status, reason)
     select x.meeting_id, x.member_id, m.province_id, m.unit_path, x.status, x.reason
       from jsonb_to_recordset(?::jsonb) as x(meeting_id int, member_id int, status text, reason text)
       join meeting m on m.id = x.meeting_id`,
    [JSON.stringify(attendance)],
  );
  const topics = inputs.flatMap((m, i) => (m.topicIds ?? []).map((t) => ({ meeting_id: ids[i], topic_id: dbIdOf(t) })));
  if (topics.length > 0) {
    await app.sql('insert into meeting_topic (meeting_id, topic_id) select x.meeting_id, x.topic_id from jsonb_to_recordset(?::jsonb) as x(meeting_id int, topic_id int)', [JSON.stringify(topics)]);
  }
}
