import { COUNT_ONLY, type Contribution } from '../contribution-sql';

/**
 * Inspections run by the unit (by their year: state and origin, targets, findings), their
 * remediation by deadline (done on time or late, or still open), and the discipline of the unit
 * or of its members by the day decided.
 */
export const inspectionsContribution: Contribution = {
  ctes: `,
run as (select i.* from inspection i join u on u.id = i.inspecting_unit_id),
own_rows as (
  select inspecting_unit_id as unit_id, 'INSPECTIONS' as metric, make_date(year, 1, 1) as day, state as k1, origin as k2, count(*)::bigint as n, ${COUNT_ONLY}
    from run group by 1, 2, 3, 4, 5
  union all
  select r.inspecting_unit_id, 'INSPECTION_TARGETS', make_date(r.year, 1, 1), case when t.member_id is null then 'ORGANISATION' else 'MEMBER' end, '',
         count(*)::bigint, ${COUNT_ONLY}
    from run r join inspection_target t on t.inspection_id = r.id group by 1, 2, 3, 4, 5
  union all
  select r.inspecting_unit_id, 'FINDINGS', make_date(r.year, 1, 1), f.kind, f.subject, count(*)::bigint, ${COUNT_ONLY}
    from run r join inspection_finding f on f.inspection_id = r.id group by 1, 2, 3, 4, 5
  union all
  select r.inspecting_unit_id, 'REMEDIATION', a.deadline, a.status,
         case when a.status = 'OPEN' then '' when a.done_on <= a.deadline then 'ON_TIME' else 'LATE' end, count(*)::bigint, ${COUNT_ONLY}
    from run r join remediation_action a on a.inspection_id = r.id group by 1, 2, 3, 4, 5
  union all
  select d.unit_id, 'DISCIPLINE', d.decided_on, case when d.member_id is null then 'ORGANISATION' else 'MEMBER' end, d.kind, count(*)::bigint, ${COUNT_ONLY}
    from discipline d join u on u.id = d.unit_id group by 1, 2, 3, 4, 5
)`,
};
