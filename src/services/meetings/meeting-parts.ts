import type { Meeting } from '../../entities/meeting';
import { AttendanceStatus } from '../../entities/meeting-enums';
import { MeetingGuest } from '../../entities/meeting-guest';
import { MeetingTask } from '../../entities/meeting-task';
import { MinutesAmendment } from '../../entities/minutes-amendment';
import { ThematicTopic } from '../../entities/thematic-topic';
import { TaskReport } from '../../entities/task-report';
import type { RequestContext } from '../../request-context';

/**
 * The parts of a meeting the caller already may read (the meeting was loaded through scope),
 * each batched over all meetings of the request: one statement per part, however many meetings.
 */
export interface AttendanceLineView {
  readonly meetingId: number;
  readonly memberId: number;
  readonly status: AttendanceStatus;
  readonly reason: string | null;
}

export interface AttendanceSummaryView {
  readonly roster: number;
  readonly present: number;
  readonly exempt: number;
  readonly notRecorded: number;
  readonly rate: number | null;
}

function groupBy<T>(keys: readonly number[], rows: readonly T[], keyOf: (row: T) => number): T[][] {
  const map = new Map<number, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
}

export function attendanceLines(ctx: RequestContext, meeting: Meeting): Promise<AttendanceLineView[]> {
  return ctx.loaders
    .keyed<number, AttendanceLineView[]>('attendance', async (ids) => {
      const rows = await ctx.em.getConnection().execute<Array<{ meeting_id: number; member_id: number; status: AttendanceStatus; reason: string | null; name_sort_key: string }>>(
        `select a.meeting_id, a.member_id, a.status, a.reason from meeting_attendance a join member m on m.id = a.member_id
          where a.meeting_id in (${ids.map(() => '?').join(',')}) order by a.meeting_id, m.name_sort_key, m.id`,
        [...ids],
        'all',
      );
      return groupBy(ids, rows.map((r) => ({ meetingId: r.meeting_id, memberId: r.member_id, status: r.status, reason: r.reason })), (r) => r.meetingId);
    })
    .load(meeting.id);
}

export async function attendanceSummary(ctx: RequestContext, meeting: Meeting): Promise<AttendanceSummaryView | null> {
  const lines = await attendanceLines(ctx, meeting);
  if (lines.length === 0) return null;
  const count = (s: AttendanceStatus): number => lines.filter((l) => l.status === s).length;
  const exempt = count(AttendanceStatus.EXEMPT);
  const present = count(AttendanceStatus.PRESENT);
  const expected = lines.length - exempt;
  return { roster: lines.length, present, exempt, notRecorded: count(AttendanceStatus.NOT_RECORDED), rate: expected > 0 ? Math.round((present / expected) * 10000) / 10000 : null };
}

export function guestsOf(ctx: RequestContext, meeting: Meeting): Promise<MeetingGuest[]> {
  return ctx.loaders
    .keyed<number, MeetingGuest[]>('guests', async (ids) =>
      groupBy(ids, await ctx.em.find(MeetingGuest, { meeting: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (g) => g.meeting.id),
    )
    .load(meeting.id);
}

export function amendmentsOf(ctx: RequestContext, meeting: Meeting): Promise<MinutesAmendment[]> {
  return ctx.loaders
    .keyed<number, MinutesAmendment[]>('amendments', async (ids) =>
      groupBy(ids, await ctx.em.find(MinutesAmendment, { meeting: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (a) => a.meeting.id),
    )
    .load(meeting.id);
}

export function tasksOfMeeting(ctx: RequestContext, meeting: Meeting): Promise<MeetingTask[]> {
  return ctx.loaders
    .keyed<number, MeetingTask[]>('meetingTasks', async (ids) =>
      groupBy(ids, await ctx.em.find(MeetingTask, { meeting: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (t) => t.meeting.id),
    )
    .load(meeting.id);
}

export function reportsOf(ctx: RequestContext, task: MeetingTask): Promise<TaskReport[]> {
  return ctx.loaders
    .keyed<number, TaskReport[]>('taskReports', async (ids) =>
      groupBy(ids, await ctx.em.find(TaskReport, { task: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (r) => r.task.id),
    )
    .load(task.id);
}

export function topicsOfMeeting(ctx: RequestContext, meeting: Meeting): Promise<ThematicTopic[]> {
  return ctx.loaders
    .keyed<number, ThematicTopic[]>('meetingTopics', async (ids) => {
      const rows = await ctx.em.getConnection().execute<Array<{ meeting_id: number; topic_id: number }>>(
        `select meeting_id, topic_id from meeting_topic where meeting_id in (${ids.map(() => '?').join(',')})`,
        [...ids],
        'all',
      );
      const topics = rows.length === 0 ? [] : await ctx.em.find(ThematicTopic, { id: { $in: [...new Set(rows.map((r) => r.topic_id))] } }, { orderBy: { sortOrder: 'asc' } });
      const byId = new Map(topics.map((t) => [t.id, t]));
      return ids.map((id) => rows.filter((r) => r.meeting_id === id).map((r) => byId.get(r.topic_id)).filter((t): t is ThematicTopic => t !== undefined));
    })
    .load(meeting.id);
}
