import { CELL_KINDS_SQL, COUNT_ONLY, flagIntervals, intervalEvents, stockRows, type Contribution } from '../contribution-sql';
import { VILLAGE_CELL_MIN_MEMBERS } from '../families';

/**
 * Members of the unit (official memberships, the one roster source) by every reported dimension,
 * the status changing on the official date; whether a residential cell has enough members; and
 * the lifecycle events recorded at the unit (admissions, recognitions, exits). Birth years are
 * kept so that age bands can be taken on any date; they are never shown.
 */
export const membersContribution: Contribution = {
  ctes: `,
member_periods as (
  select ms.unit_id, ms.member_id, ms.started_on as s, coalesce(ms.ended_on, 'infinity'::date) as e,
         m.gender, m.ethnicity, m.general_education, m.professional_qualification, m.political_theory, m.birth_date,
         coalesce(m.official_date, 'infinity'::date) as o
    from membership ms join u on u.id = ms.unit_id join member m on m.id = ms.member_id
   where ms.kind = 'OFFICIAL'
),
member_intervals as (
  select mp.unit_id, 'MEMBERS' as metric, k.k1, k.k2, mp.s, mp.e
    from member_periods mp
    cross join lateral (values
      ('TOTAL', ''),
      ('GENDER', mp.gender),
      ('ETHNIC_MINORITY', case when lower(btrim(mp.ethnicity)) = 'kinh' then 'NO' else 'YES' end),
      ('GENERAL_EDUCATION', coalesce(mp.general_education, 'UNKNOWN')),
      ('PROFESSIONAL_QUALIFICATION', coalesce(mp.professional_qualification, 'UNKNOWN')),
      ('POLITICAL_THEORY', coalesce(mp.political_theory, 'UNKNOWN')),
      ('BIRTH_YEAR', coalesce(extract(year from mp.birth_date)::int::text, 'UNKNOWN'))
    ) k(k1, k2)
  union all select unit_id, 'MEMBERS', 'STATUS', 'PROBATIONARY', s, least(e, o) from member_periods
  union all select unit_id, 'MEMBERS', 'STATUS', 'OFFICIAL', greatest(s, o), e from member_periods
),
size_periods as (
  select mp.unit_id, 'CELL_FLAGS' as metric, 'MIN_MEMBERS' as k1, 'RESIDENTIAL' as k2, mp.s, mp.e
    from member_periods mp join u on u.id = mp.unit_id
   where u.kind in ${CELL_KINDS_SQL} and u.cell_type = 'RESIDENTIAL'
),
size_events as (${intervalEvents('size_periods')}),
${flagIntervals('size_flags', 'size_events', VILLAGE_CELL_MIN_MEMBERS)},
stock_intervals as (select * from member_intervals union all select * from size_flags),
unit_area as materialized (
  -- Rural: a residential cell (thôn, bản) not under a ward (whose residential cells are tổ dân phố).
  select u.id, coalesce(u.cell_type, '') as cell_type,
         case when u.cell_type = 'RESIDENTIAL' and not exists (
           select 1 from org_unit w where w.id = any(string_to_array(btrim(u.path, '/'), '/')::int[]) and w.kind = 'WARD_COMMITTEE'
         ) then 'RURAL' else 'OTHER' end as area
    from u
),
events as (
  select e.unit_id, e.kind, e.occurred_on, ua.cell_type, ua.area
    from member_event e join unit_area ua on ua.id = e.unit_id
   where e.kind in ('ADMITTED', 'RECOGNISED_OFFICIAL', 'REMOVED', 'PROBATION_FAILED', 'EXPELLED', 'DIED')
),
own_rows as (
  ${stockRows('stock_intervals')}
  union all
  select unit_id, case when kind = 'ADMITTED' then 'ADMISSIONS' when kind = 'RECOGNISED_OFFICIAL' then 'RECOGNITIONS' else 'EXITS' end,
         occurred_on, case when kind in ('ADMITTED', 'RECOGNISED_OFFICIAL') then cell_type else kind end,
         case when kind = 'ADMITTED' then area else '' end, count(*)::bigint, ${COUNT_ONLY}
    from events group by 1, 2, 3, 4, 5
)`,
};
