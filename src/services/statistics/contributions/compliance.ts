import { CELL_KINDS_SQL, COUNT_ONLY, type Contribution } from '../contribution-sql';

/**
 * A cell's compliance slots, as meetingCompliance judges them (src/services/meetings/compliance.ts):
 * per month the regular meeting chosen (in the province's window first, then the earliest) and
 * whether it was in the window, its attendance against the threshold and whether attendance was
 * recorded; per quarter whether the thematic minimum was met. Dated the first day of the slot.
 */
export const complianceContribution: Contribution = {
  ctes: `,
cells as (select * from u where kind in ${CELL_KINDS_SQL}),
cell_rules as (
  select c.id, coalesce(c.cell_type, '') as cell_type,
         coalesce(pr.window_first_day, dr.window_first_day) as window_first, coalesce(pr.window_last_day, dr.window_last_day) as window_last,
         coalesce(pr.attendance_threshold, dr.attendance_threshold) as threshold, coalesce(pr.thematic_per_quarter, dr.thematic_per_quarter) as per_quarter
    from cells c left join meeting_rules pr on pr.province_id = c.province_id
    cross join (select * from meeting_rules where province_id is null) dr
),
regular as (
  select m.unit_id, date_trunc('month', m.held_on)::date as month, m.id, m.held_on,
         extract(day from m.held_on) between r.window_first and r.window_last as in_window
    from meeting m join cell_rules r on r.id = m.unit_id
   where m.kind = 'REGULAR' and m.status = 'HELD'
),
chosen as (
  select distinct on (g.unit_id, g.month) g.*, r.cell_type, r.threshold
    from regular g join cell_rules r on r.id = g.unit_id
   order by g.unit_id, g.month, g.in_window desc, g.held_on, g.id
),
slots as (
  select ch.*, coalesce(x.present, 0) as present, coalesce(x.expected, 0) as expected, coalesce(x.unrecorded, 0) as unrecorded
    from chosen ch left join lateral (
      select count(*) filter (where a.status = 'PRESENT') as present, count(*) filter (where a.status <> 'EXEMPT') as expected,
             count(*) filter (where a.status = 'NOT_RECORDED') as unrecorded
        from meeting_attendance a where a.meeting_id = ch.id
    ) x on true
),
thematic as (
  select m.unit_id, date_trunc('quarter', m.held_on)::date as quarter, count(*) as held
    from meeting m join cell_rules r on r.id = m.unit_id
   where m.kind = 'THEMATIC' and m.status = 'HELD'
   group by 1, 2
),
own_rows as (
  select unit_id, 'COMPLIANCE' as metric, month as day, 'REGULAR_HELD' as k1, cell_type as k2, 1::bigint as n,
         present::bigint as a, expected::bigint as b, 0::bigint as c, 0::bigint as d
    from slots
  union all select unit_id, 'COMPLIANCE', month, 'REGULAR_IN_WINDOW', cell_type, 1, ${COUNT_ONLY} from slots where in_window
  union all select unit_id, 'COMPLIANCE', month, 'LOW_ATTENDANCE', cell_type, 1, ${COUNT_ONLY} from slots where expected > 0 and present::numeric / expected < threshold
  union all select unit_id, 'COMPLIANCE', month, 'ATTENDANCE_NOT_RECORDED', cell_type, 1, ${COUNT_ONLY} from slots where unrecorded > 0
  union all select t.unit_id, 'COMPLIANCE', t.quarter, 'THEMATIC_MET', r.cell_type, 1, ${COUNT_ONLY}
    from thematic t join cell_rules r on r.id = t.unit_id where t.held >= greatest(r.per_quarter, 1)
)`,
};
