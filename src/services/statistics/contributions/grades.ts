import { COUNT_ONLY, type Contribution } from '../contribution-sql';

/** Annual grades decided for the unit's organisations, members and committee head, and four-good results, dated 1 January of their year. */
export const gradesContribution: Contribution = {
  ctes: `,
own_rows as (
  select g.unit_id, 'GRADES' as metric, make_date(g.year, 1, 1) as day, g.subject_kind as k1, g.decided_level as k2, count(*)::bigint as n, ${COUNT_ONLY}
    from annual_grade g join u on u.id = g.unit_id where g.state <> 'PROPOSED'
   group by 1, 2, 3, 4, 5
  union all
  select f.unit_id, 'FOUR_GOOD', make_date(f.year, 1, 1),
         case when f.political_task and f.meeting_quality and f.unity_discipline and f.cadres_members then 'ACHIEVED' else 'NOT_ACHIEVED' end, '',
         count(*)::bigint, ${COUNT_ONLY}
    from four_good_assessment f join u on u.id = f.unit_id
   group by 1, 2, 3, 4, 5
)`,
};
