/**
 * The history of members inserted in bulk by seeds (demo, test fixture, benchmark): for every
 * member without a membership yet, an ADMITTED event and an official membership of its cell from
 * the admission date, and a RECOGNISED_OFFICIAL event on its official date. Without these the
 * rosters, which read memberships, would be empty. Set-based: two statements whatever the size.
 */
export const ONBOARDING_HISTORY_SQL: readonly string[] = [
  `with fresh as (
     select m.* from member m where not exists (select 1 from membership ms where ms.member_id = m.id)
   ), admitted as (
     insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, details)
     select province_id, id, unit_id, unit_path, 'ADMITTED', admission_date, '{"source":"ONBOARDING"}' from fresh order by id
     returning id, member_id, occurred_on
   )
   insert into membership (province_id, member_id, unit_id, unit_path, kind, started_on, started_by_event_id)
   select m.province_id, m.id, m.unit_id, m.unit_path, 'OFFICIAL', a.occurred_on, a.id from admitted a join member m on m.id = a.member_id`,
  `insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, details)
   select m.province_id, m.id, m.unit_id, m.unit_path, 'RECOGNISED_OFFICIAL', m.official_date, '{"source":"ONBOARDING"}' from member m
    where m.official_date is not null
      and not exists (select 1 from member_event e where e.member_id = m.id and e.kind = 'RECOGNISED_OFFICIAL')
    order by m.id`,
];
