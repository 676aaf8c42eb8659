import type { AnnualGrade } from '../../entities/annual-grade';
import { GradeSubjectKind } from '../../entities/evaluation-enums';
import type { RequestContext } from '../../request-context';
import { todayInVietnam } from '../calendar';
import { cellYearRatings, type PeriodRatingView } from './period-ratings';

/** What the committee sees beside a decision: the cell's monthly ratings, or the member's attendance and tasks. */
export interface GradeInputsView {
  readonly monthlyMeetingRatings: readonly PeriodRatingView[] | null;
  readonly attendance: { readonly meetings: number; readonly present: number; readonly absentExcused: number; readonly absentUnexcused: number; readonly exempt: number; readonly rate: number | null } | null;
  readonly tasks: { readonly assigned: number; readonly done: number; readonly overdue: number } | null;
}

type Attendance = NonNullable<GradeInputsView['attendance']>;
type Tasks = NonNullable<GradeInputsView['tasks']>;

/** Members' attendance and tasks of a year, for all the members of the request at once. */
async function memberInputs(ctx: RequestContext, memberIds: readonly number[], year: number): Promise<GradeInputsView[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const ids = `{${memberIds.join(',')}}`;
  const conn = ctx.em.getConnection();
  const attendance = await conn.execute<Array<{ member_id: number; meetings: number; present: number; excused: number; unexcused: number; exempt: number }>>(
    `select a.member_id, count(*)::int as meetings,
            count(*) filter (where a.status = 'PRESENT')::int as present,
            count(*) filter (where a.status = 'ABSENT_EXCUSED')::int as excused,
            count(*) filter (where a.status = 'ABSENT_UNEXCUSED')::int as unexcused,
            count(*) filter (where a.status = 'EXEMPT')::int as exempt
       from meeting_attendance a join meeting m on m.id = a.meeting_id
      where a.member_id = any(?::int[]) and m.held_on between ? and ?
      group by a.member_id`,
    [ids, from, to],
    'all',
  );
  const tasks = await conn.execute<Array<{ owner_id: number; assigned: number; done: number; overdue: number }>>(
    `select t.owner_id, count(*)::int as assigned, count(*) filter (where t.status = 'DONE')::int as done,
            count(*) filter (where t.status <> 'DONE' and t.deadline < ?)::int as overdue
       from meeting_task t join meeting m on m.id = t.meeting_id
      where t.owner_id = any(?::int[]) and m.held_on between ? and ?
      group by t.owner_id`,
    [todayInVietnam(), ids, from, to],
    'all',
  );
  return memberIds.map((id) => {
    const a = attendance.find((r) => r.member_id === id) ?? { meetings: 0, present: 0, excused: 0, unexcused: 0, exempt: 0 };
    const t = tasks.find((r) => r.owner_id === id);
    const expected = a.meetings - a.exempt;
    const seen: Attendance = { meetings: a.meetings, present: a.present, absentExcused: a.excused, absentUnexcused: a.unexcused, exempt: a.exempt, rate: expected > 0 ? Math.round((a.present / expected) * 10000) / 10000 : null };
    const own: Tasks = t ? { assigned: t.assigned, done: t.done, overdue: t.overdue } : { assigned: 0, done: 0, overdue: 0 };
    return { monthlyMeetingRatings: null, attendance: seen, tasks: own };
  });
}

/**
 * The grade was read through scope; its inputs are read for that subject only. Batched over the
 * grades of the request (one loader per kind and year), so that a list of grades with their inputs
 * runs a fixed number of statements.
 */
export function gradeInputs(ctx: RequestContext, grade: AnnualGrade): Promise<GradeInputsView> {
  const year = grade.year;
  if (grade.subjectKind === GradeSubjectKind.ORGANISATION) {
    return ctx.loaders
      .keyed<number, GradeInputsView>(`gradeInputsOfUnits:${year}`, async (unitIds) => {
        const ratings = await cellYearRatings(ctx.em, unitIds, year);
        return unitIds.map((id) => ({ monthlyMeetingRatings: ratings.get(id)?.months ?? [], attendance: null, tasks: null }));
      })
      .load(grade.unitId);
  }
  return ctx.loaders.keyed<number, GradeInputsView>(`gradeInputsOfMembers:${year}`, (memberIds) => memberInputs(ctx, memberIds, year)).load(grade.memberId as number);
}
