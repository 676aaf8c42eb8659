/**
 * The history of members inserted in bulk by seeds (demo, test fixture, benchmark): for every
 * member without a membership yet, an ADMITTED event and an official membership of its cell from
 * the admission date, and a RECOGNISED_OFFICIAL event on its official date. Without these the
 * rosters, which read memberships, would be empty. One set-based statement whatever the size.
 */
export const ONBOARDING_HISTORY_SQL = `
with fresh as (
  select m.* from member m where not exists (select 1 from membership ms where ms.member_id = m.id)
), events as (
  insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, details)
  select e.province_id, e.id, e.unit_id, e.unit_path, e.kind, e.occurred_on, '{"source":"ONBOARDING"}'
    from (
      select f.*, 'ADMITTED' as kind, f.admission_date as occurred_on, 0 as step from fresh f
      union all
      select f.*, 'RECOGNISED_OFFICIAL', f.official_date, 1 from fresh f where f.official_date is not null
    ) e
   order by e.id, e.step
  returning id, member_id, kind, occurred_on
)
insert into membership (province_id, member_id, unit_id, unit_path, kind, started_on, started_by_event_id)
select m.province_id, m.id, m.unit_id, m.unit_path, 'OFFICIAL', e.occurred_on, e.id
  from events e join fresh m on m.id = e.member_id
 where e.kind = 'ADMITTED'`;
