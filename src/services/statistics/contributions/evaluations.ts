import { COUNT_ONLY, type Contribution } from '../contribution-sql';

/**
 * Meeting evaluations at the unit: ratings by the meeting's day (drafts apart), the unit's rating
 * per month, quarter and year as periodRating (src/services/evaluations/scoring.ts) derives it
 * from regular meetings, and held regular or thematic meetings with no evaluation yet.
 */
export const evaluationsContribution: Contribution = {
  ctes: `,
evaluations as (select e.* from meeting_evaluation e join u on u.id = e.unit_id),
scored as (
  select ev.unit_id, ev.held_on, ev.id, coalesce(ev.appraised_total, ev.self_total)::float8 as total, mx.max_total::float8 as max_total,
         s.good_min::float8 as good_min, s.fair_min::float8 as fair_min, s.average_min::float8 as average_min
    from evaluations ev join criteria_set s on s.id = ev.criteria_set_id
    cross join lateral (select sum(c.max_points) as max_total from criterion c where c.set_id = s.id) mx
   where ev.state <> 'DRAFT' and ev.meeting_kind = 'REGULAR'
),
periods as (
  select sc.unit_id, g.grain, date_trunc(lower(g.grain), sc.held_on)::date as start,
         avg(sc.total / sc.max_total) as share,
         (array_agg(sc.good_min / sc.max_total order by sc.held_on desc, sc.id desc))[1] as good_share,
         (array_agg(sc.fair_min / sc.max_total order by sc.held_on desc, sc.id desc))[1] as fair_share,
         (array_agg(sc.average_min / sc.max_total order by sc.held_on desc, sc.id desc))[1] as average_share
    from scored sc cross join (values ('MONTH'), ('QUARTER'), ('YEAR')) g(grain)
   group by 1, 2, 3
),
own_rows as (
  select unit_id, 'MEETING_RATINGS' as metric, held_on as day,
         case when state = 'DRAFT' then '' else coalesce(appraised_rating, self_rating) end as k1, state as k2, count(*)::bigint as n, ${COUNT_ONLY}
    from evaluations group by 1, 2, 3, 4, 5
  union all
  select unit_id, 'CELL_RATINGS', start, grain,
         case when share + 1e-9 >= good_share then 'GOOD' when share + 1e-9 >= fair_share then 'FAIR' when share + 1e-9 >= average_share then 'AVERAGE' else 'WEAK' end,
         1, ${COUNT_ONLY}
    from periods
  union all
  select m.unit_id, 'EVALUATION_GAPS', m.held_on, m.kind, '', count(*)::bigint, ${COUNT_ONLY}
    from meeting m join u on u.id = m.unit_id
   where m.status = 'HELD' and m.kind in ('REGULAR', 'THEMATIC') and not exists (select 1 from meeting_evaluation e where e.meeting_id = m.id)
   group by 1, 2, 3, 4, 5
)`,
};
