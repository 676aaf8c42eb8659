import { CELL_KINDS_SQL, COUNT_ONLY, within, type Contribution } from '../contribution-sql';

/**
 * Oversight of a cell (domain.md §5, §6): inspected in a year (a started inspection of that year
 * targets the cell, a unit inside it or one of its members, as inspectionCoverage counts),
 * supervised in a year and a quarter (a supervisor attended a held meeting of the cell while their
 * assignment ran), covered (either), the visits by assignee kind, and weak-cell flags.
 */
export const oversightContribution: Contribution = {
  ctes: `,
cells as (select * from u where kind in ${CELL_KINDS_SQL}),
inspected as (
  select distinct c.id as unit_id, i.year
    from cells c join inspection_target t on ${within('t.unit_path', 'c.path')}
    join inspection i on i.id = t.inspection_id and i.state <> 'PLANNED'
),
visits as (
  select sa.unit_id, sa.id as assignment_id, sa.assignee_kind, m.id as meeting_id, m.held_on
    from cells c join supervisory_assignment sa on sa.unit_id = c.id
    join meeting m on ${within('m.unit_path', 'sa.unit_path')} and m.status = 'HELD' and m.held_on between sa.starts_on and sa.ends_on
   where exists (select 1 from meeting_guest g where g.meeting_id = m.id and g.account_id = sa.account_id)
),
supervised_years as (select distinct unit_id, extract(year from held_on)::int as year from visits),
own_rows as (
  select unit_id, 'OVERSIGHT' as metric, make_date(year, 1, 1) as day, 'INSPECTED' as k1, 'YEAR' as k2, 1::bigint as n, ${COUNT_ONLY} from inspected
  union all select unit_id, 'OVERSIGHT', make_date(year, 1, 1), 'SUPERVISED', 'YEAR', 1, ${COUNT_ONLY} from supervised_years
  union all select distinct unit_id, 'OVERSIGHT', date_trunc('quarter', held_on)::date, 'SUPERVISED', 'QUARTER', 1::bigint, ${COUNT_ONLY} from visits
  union all select unit_id, 'OVERSIGHT', make_date(year, 1, 1), 'COVERED', 'YEAR', 1, ${COUNT_ONLY}
    from (select unit_id, year from inspected union select unit_id, year from supervised_years) x
  union all select unit_id, 'SUPERVISION_VISITS', held_on, assignee_kind, '', count(distinct (assignment_id, meeting_id))::bigint, ${COUNT_ONLY}
    from visits group by 1, 2, 3, 4, 5
  union all select w.unit_id, 'WEAK_FLAGS', make_date(w.year, coalesce(w.quarter * 3 - 2, 1), 1), case when w.quarter is null then 'YEAR' else 'QUARTER' end, '',
         count(*)::bigint, ${COUNT_ONLY}
    from weak_cell_flag w join cells c on c.id = w.unit_id group by 1, 2, 3, 4, 5
)`,
};
