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

/** The grade was read through scope; its inputs are read for that subject only. */
export async function gradeInputs(ctx: RequestContext, grade: AnnualGrade): Promise<GradeInputsView> {
  const from = `${grade.year}-01-01`;
  const to = `${grade.year}-12-31`;
  if (grade.subjectKind === GradeSubjectKind.ORGANISATION) {
    const ratings = (await cellYearRatings(ctx.em, [grade.unitId], grade.year)).get(grade.unitId);
    return { monthlyMeetingRatings: ratings?.months ?? [], attendance: null, tasks: null };
  }
  const conn = ctx.em.getConnection();
  const [a] = await conn.execute<Array<{ meetings: number; present: number; excused: number; unexcused: number; exempt: number }>>(
    `select count(*)::int as meetings,
            count(*) filter (where a.status = 'PRESENT')::int as present,
            count(*) filter (where a.status = 'ABSENT_EXCUSED')::int as excused,
            count(*) filter (where a.status = 'ABSENT_UNEXCUSED')::int as unexcused,
            count(*) filter (where a.status = 'EXEMPT')::int as exempt
       from meeting_attendance a join meeting m on m.id = a.meeting_id
      where a.member_id = ? and m.held_on between ? and ?`,
    [grade.memberId, from, to],
    'all',
  );
  const [t] = await conn.execute<Array<{ assigned: number; done: number; overdue: number }>>(
    `select count(*)::int as assigned, count(*) filter (where t.status = 'DONE')::int as done,
            count(*) filter (where t.status <> 'DONE' and t.deadline < ?)::int as overdue
       from meeting_task t join meeting m on m.id = t.meeting_id
      where t.owner_id = ? and m.held_on between ? and ?`,
    [todayInVietnam(), grade.memberId, from, to],
    'all',
  );
  const expected = a.meetings - a.exempt;
  return {
    monthlyMeetingRatings: null,
    attendance: { meetings: a.meetings, present: a.present, absentExcused: a.excused, absentUnexcused: a.unexcused, exempt: a.exempt, rate: expected > 0 ? Math.round((a.present / expected) * 10000) / 10000 : null },
    tasks: t,
  };
}
