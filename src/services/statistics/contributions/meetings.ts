import { CELL_KINDS_SQL, COUNT_ONLY, type Contribution } from '../contribution-sql';

/**
 * Held meetings of the unit by kind and cell type (a party group's are its cell's type): count,
 * present, expected (the frozen roster less the exempt), minutes and meetings with a duration;
 * and thematic meetings by topic, so that the topic × cell-type matrix adds up.
 */
export const meetingsContribution: Contribution = {
  ctes: `,
held_meetings as (
  select m.id, m.unit_id, m.kind, m.held_on, m.duration_minutes,
         case when u.kind in ${CELL_KINDS_SQL} then coalesce(u.cell_type, '') when u.kind = 'PARTY_GROUP' then coalesce(pc.cell_type, '') else '' end as cell_type
    from meeting m join u on u.id = m.unit_id left join org_unit pc on pc.id = u.parent_id
   where m.status = 'HELD'
),
attendance as (
  select a.meeting_id, count(*) filter (where a.status = 'PRESENT') as present, count(*) filter (where a.status <> 'EXEMPT') as expected
    from meeting_attendance a where a.meeting_id in (select id from held_meetings) group by a.meeting_id
),
own_rows as (
  select hm.unit_id, 'MEETINGS_HELD' as metric, hm.held_on as day, hm.kind as k1, hm.cell_type as k2, count(*)::bigint as n,
         coalesce(sum(at.present), 0)::bigint as a, coalesce(sum(at.expected), 0)::bigint as b,
         coalesce(sum(hm.duration_minutes), 0)::bigint as c, count(hm.duration_minutes)::bigint as d
    from held_meetings hm left join attendance at on at.meeting_id = hm.id
   group by 1, 2, 3, 4, 5
  union all
  select hm.unit_id, 'THEMATIC_TOPICS', hm.held_on, coalesce(t.topic_id::text, ''), hm.cell_type, count(*)::bigint, ${COUNT_ONLY}
    from held_meetings hm left join meeting_topic t on t.meeting_id = hm.id
   where hm.kind = 'THEMATIC'
   group by 1, 2, 3, 4, 5
)`,
};
