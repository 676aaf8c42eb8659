import type { SqlStep as Step } from './meetings';
import { cellTypeSql, ethnicities, generalEducation, pick, politicalTheory, qualifications, religions } from './attributes';

/**
 * The SQL of the statistics dataset (bench/datasets/statistics.ts): a national tree of provinces,
 * communes and cells, their members with the history the product records, and positions.
 * Every attribute is a fixed function of an ordinal (province, commune and cell numbers; the
 * member's national ordinal `i`), never random(), so two runs build the same rows.
 */

export interface ProvinceShape {
  communes: number;
  cellsPerCommune: number;
}

/** The sizes the SQL needs; statistics.ts derives them from its own sizes and the scale. */
export interface TreeSizes {
  /** Province S01. */
  large: ProvinceShape;
  /** Provinces S02 … S(1 + otherProvinces). */
  otherProvinces: number;
  other: ProvinceShape;
  membersPerCell: number;
  /** One commune in this many (communes 1, 1 + n, …) has one more cell, dissolved and empty. */
  dissolvedCellEvery: number;
}

/** Generated provinces are coded S01 … S99; the large one is S01. */
export const largeProvinceCode = 'S01';
const provinceCodePattern = `'^S[0-9]{2}$'`;

/** Member slots 1–4 of a cell hold its positions; leavers and probationary members are never among them. */
const holderSlots = 4;

const orgSeq = `pg_get_serial_sequence('org_unit', 'id')`;

export function checkTreeSizes(sizes: TreeSizes): void {
  const values: Record<string, number> = {
    largeCommunes: sizes.large.communes,
    largeCellsPerCommune: sizes.large.cellsPerCommune,
    otherCommunes: sizes.other.communes,
    otherCellsPerCommune: sizes.other.cellsPerCommune,
    membersPerCell: sizes.membersPerCell,
    dissolvedCellEvery: sizes.dissolvedCellEvery,
  };
  for (const [key, value] of Object.entries(values)) {
    // Interpolated into SQL text: only plain positive integers may pass.
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`statistics size ${key} must be a positive integer, got ${String(value)}`);
  }
  if (!Number.isSafeInteger(sizes.otherProvinces) || sizes.otherProvinces < 0 || sizes.otherProvinces > 98) {
    throw new Error(`statistics size otherProvinces must be an integer from 0 to 98, got ${String(sizes.otherProvinces)}`);
  }
  if (sizes.large.communes > 999 || sizes.other.communes > 999 || sizes.large.cellsPerCommune > 998 || sizes.other.cellsPerCommune > 998) {
    throw new Error('statistics sizes: at most 999 communes per province and 998 cells per commune (3-digit codes)');
  }
  if (sizes.membersPerCell < holderSlots + 1 || sizes.membersPerCell > 99) {
    throw new Error(`statistics size membersPerCell must be from ${holderSlots + 1} to 99 (2-digit names)`);
  }
}

/** Provinces, communes and cells, with temp tables of their ordinals for the member and position steps. */
export function treeSteps(sizes: TreeSizes): Step[] {
  checkTreeSizes(sizes);
  const communesOf = (code: string): string => `case when ${code} = '${largeProvinceCode}' then ${sizes.large.communes} else ${sizes.other.communes} end`;
  const cellsOf = (code: string): string => `case when ${code} = '${largeProvinceCode}' then ${sizes.large.cellsPerCommune} else ${sizes.other.cellsPerCommune} end`;
  return [
    {
      // Founding dates lie before the first admission (1970), so every membership and meeting
      // falls inside its unit's history; the 2025 reorganisation is not modelled.
      name: 'provinces',
      today: false,
      sql: `
insert into org_unit (id, province_id, parent_id, path, depth, kind, name, name_search, name_sort_key, code, founded_on)
select x.id, x.id, null, '/' || x.id || '/', 0, 'PROVINCE', 'Tinh ' || x.code, 'tinh ' || lower(x.code), 'tinh ' || lower(x.code), x.code, date '1955-01-01'
  from (select nextval(${orgSeq})::int as id, 'S' || lpad(g::text, 2, '0') as code
          from generate_series(1, ${1 + sizes.otherProvinces}) g order by g) x`,
    },
    {
      name: 'communes',
      today: false,
      sql: `
create temp table stat_commune on commit drop as
select x.*, x.province_path || x.id || '/' as path, x.province_code || '-X' || lpad(x.no::text, 3, '0') as code
  from (
    select nextval(${orgSeq})::int as id, p.id as province_id, p.path as province_path, p.code as province_code,
           g as no, ${cellsOf('p.code')} as cells
      from org_unit p cross join lateral generate_series(1, ${communesOf('p.code')}) g
     where p.kind = 'PROVINCE' and p.code ~ ${provinceCodePattern}
     order by p.code, g
  ) x;
insert into org_unit (id, province_id, parent_id, path, depth, kind, name, name_search, name_sort_key, code, founded_on)
select id, province_id, province_id, path, 1, 'COMMUNE_COMMITTEE', 'Xa ' || code, 'xa ' || lower(code), 'xa ' || lower(code), code,
       date '1960-01-01' + (no * 37 % 1800)
  from stat_commune order by id;
analyze stat_commune`,
    },
    {
      // Cells 1 … n of every commune, and in one commune of dissolvedCellEvery a cell n + 1 that
      // is dissolved (it gets no members). Active cells are numbered 1 … C nationally (ordinal).
      name: 'cells',
      today: false,
      sql: `
create temp table stat_cell on commit drop as
select y.*, y.commune_path || y.id || '/' as path, y.commune_code || '-C' || lpad(y.no::text, 3, '0') as code,
       case when not y.dissolved then row_number() over (partition by y.dissolved order by y.id) end as ordinal
  from (
    select nextval(${orgSeq})::int as id, c.province_id, c.id as commune_id, c.path as commune_path, c.code as commune_code,
           c.no as commune_no, g as no, ${cellTypeSql('g')} as cell_type, g > c.cells as dissolved
      from stat_commune c
      cross join lateral generate_series(1, c.cells + case when c.no % ${sizes.dissolvedCellEvery} = 1 % ${sizes.dissolvedCellEvery} then 1 else 0 end) g
     order by c.id, g
  ) y;
insert into org_unit (id, province_id, parent_id, path, depth, kind, cell_type, name, name_search, name_sort_key, code, founded_on)
select id, province_id, commune_id, path, 2, 'CELL', cell_type, 'Chi bo ' || code, 'chi bo ' || lower(code), 'chi bo ' || lower(code), code,
       date '1965-01-01' + ((commune_no * 1000 + no) * 53 % 1800)::int
  from stat_cell order by id;
create index on stat_cell (ordinal);
analyze stat_cell`,
    },
    {
      // As dissolveOrgUnit records it: the status and date, the current version closed that day
      // and a DISSOLVED version opened. Before the meetings' months, so they hold none.
      name: 'dissolved cells',
      today: false,
      sql: `
update org_unit u set status = 'DISSOLVED', dissolved_on = date '2024-06-30' - c.commune_no % 90, version = u.version + 1, updated_at = now()
  from stat_cell c where c.id = u.id and c.dissolved;
update org_unit_version v set valid_to = u.dissolved_on
  from org_unit u join stat_cell c on c.id = u.id and c.dissolved where v.unit_id = u.id and v.valid_to is null;
insert into org_unit_version (unit_id, province_id, parent_id, path, depth, kind, cell_type, name, status, valid_from, change, decision_ref)
select u.id, u.province_id, u.parent_id, u.path, u.depth, u.kind, u.cell_type, u.name, u.status, u.dissolved_on, 'DISSOLVED', 'QD-GT-' || u.code
  from org_unit u join stat_cell c on c.id = u.id and c.dissolved order by u.id`,
    },
  ];
}

/**
 * The members of every active cell, slot m = 1 … membersPerCell, ordinal i national. Statuses:
 * ~4% PROBATIONARY (admitted within the last year), ~0.15% REMOVED or DECEASED (their departure
 * follows in leaversStep), the rest OFFICIAL; slots 1–4 are always OFFICIAL and stay (they hold
 * the positions). Ages 20–90 (probationary 19–60) from today; official members admitted from
 * their 18th birthday or 1970, whichever is later, to 400 days ago, official a year later.
 * The party card number is the ordinal (lpad 10): unique, as its index requires.
 * Holders (slots 1–4) go to stat_holder for the positions.
 */
export function memberSteps(sizes: TreeSizes): Step[] {
  checkTreeSizes(sizes);
  const n = sizes.membersPerCell;
  return [
    {
      name: 'holders table',
      today: false,
      sql: `create temp table stat_holder (cell_id int not null, slot int not null, member_id int not null, admission_date date not null) on commit drop`,
    },
    {
      name: 'members',
      today: true,
      sql: `
with inserted as (
  insert into member (province_id, unit_id, unit_path, full_name, name_search, name_sort_key, gender, birth_date,
                      ethnicity, religion, general_education, professional_qualification, political_theory,
                      party_card_number, admission_date, official_date, status, citizen_id, phone, address)
  select c.province_id, c.id, c.path, nm.full_name, lower(nm.full_name), lower(nm.full_name), s.gender, b.birth_date,
         ${pick('s.i', 1009, ethnicities)},
         ${pick('s.i', 1013, religions)},
         ${pick('s.i', 1019, generalEducation)},
         case when s.i % 997 = 0 then 'DOCTORATE' else ${pick('s.i', 1021, qualifications)} end,
         ${pick('s.i', 1031, politicalTheory)},
         lpad(s.i::text, 10, '0'), a.admission_date,
         case when s.status <> 'PROBATIONARY' then a.admission_date + 365 end,
         s.status,
         -- 12-digit citizen id: province number, sex digit, birth year, serial.
         lpad(substr(c.commune_code, 2, 2), 3, '0') || case when s.gender = 'MALE' then '0' else '1' end
           || to_char(b.birth_date, 'YY') || lpad((s.i % 1000000)::text, 6, '0'),
         '09' || lpad((s.i % 100000000)::text, 8, '0'),
         'So ' || s.m || ', thon ' || c.no || ', xa ' || c.commune_no || ', tinh ' || substr(c.commune_code, 1, 3)
    -- The ordinals depend on the cell, so the planner keeps cells outside and members are inserted cell by cell.
    from (select * from stat_cell where ordinal is not null order by ordinal) c
    cross join lateral generate_series((c.ordinal - 1) * ${n} + 1, c.ordinal * ${n}) i
    cross join lateral (
      select i, (i - 1) % ${n} + 1 as m,
             case when i % 3 = 0 then 'FEMALE' else 'MALE' end as gender,
             case when (i - 1) % ${n} < ${holderSlots} then 'OFFICIAL'
                  when i * 7919 % 1051 = 1 then 'REMOVED'
                  when i * 7919 % 1051 = 2 then 'DECEASED'
                  when i * 7919 % 1061 < 53 then 'PROBATIONARY'
                  else 'OFFICIAL' end as status
    ) s
    cross join lateral (
      select $1::date - case when s.status = 'PROBATIONARY' then 19 * 365 + (s.i * 131 % (41 * 365))::int
                             else 20 * 365 + (s.i * 131 % (70 * 365))::int end as birth_date
    ) b
    cross join lateral (select greatest(date '1970-01-01', (b.birth_date + interval '18 years')::date) as earliest, $1::date - 400 as latest) w
    cross join lateral (
      select case when s.status = 'PROBATIONARY' then $1::date - 30 - (s.i * 37 % 300)::int
                  else w.earliest + (s.i * 7919 % (w.latest - w.earliest + 1))::int end as admission_date
    ) a
    cross join lateral (select 'Dang vien ' || c.code || '-' || lpad(s.m::text, 2, '0') as full_name) nm
  returning id, unit_id, party_card_number, admission_date
)
insert into stat_holder (cell_id, slot, member_id, admission_date)
select unit_id, ((party_card_number::bigint - 1) % ${n} + 1)::int, id, admission_date
  from inserted where (party_card_number::bigint - 1) % ${n} < ${holderSlots}`,
    },
    {
      name: 'holders index',
      today: false,
      sql: `create index on stat_holder (cell_id, slot); analyze stat_holder`,
    },
  ];
}

/**
 * Departures as leaveParty records them: a REMOVED (struck off, with a decision) or DIED event
 * between the official date and 30 days ago, and the official membership ended that day by it.
 * The members hold no positions (slots 1–4 never leave) and no exemptions or transfers.
 */
export const leaversStep: Step = {
  name: 'leavers',
  today: true,
  sql: `
with departure as (
  insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, decision_ref, details)
  select m.province_id, m.id, m.unit_id, m.unit_path, case m.status when 'REMOVED' then 'REMOVED' else 'DIED' end,
         greatest(m.official_date + 1, $1::date - 30 - m.id % 900),
         case when m.status = 'REMOVED' then 'QD-XT-' || m.id end,
         case when m.status = 'REMOVED'
              then '{"removalKind":"STRUCK_OFF","reason":"Bỏ sinh hoạt đảng quá thời hạn","source":"ONBOARDING"}'
              else '{"source":"ONBOARDING"}' end::jsonb
    from member m where m.status in ('REMOVED', 'DECEASED') order by m.id
  returning id, member_id, occurred_on
)
update membership ms set ended_on = d.occurred_on, ended_by_event_id = d.id
  from departure d where ms.member_id = d.member_id and ms.ended_on is null`,
};

/**
 * Positions, open unless said otherwise (ended_on inclusive). In every active cell the secretary
 * (slot 1; in one cell of ten a predecessor, slot 3, for the previous term). Residential cells: a
 * village head who is a member in ~80% (the secretary in ~55%, slot 2 otherwise) and a Front work
 * committee head in ~57% (the secretary in ~2%, slot 3 otherwise), as in Phong Thổ (domain.md §7).
 * Administrative agency and public service cells: the agency head, the secretary in ~90% (slot 4
 * otherwise). Each commune: slot 2 of its first five cells on the commune committee.
 */
export const positionsStep: Step = {
  name: 'positions',
  today: false,
  sql: `
insert into member_position (province_id, member_id, unit_id, unit_path, position, started_on, ended_on)
select c.province_id, h.member_id, c.id, c.path, p.position, greatest(p.started_on, h.admission_date), p.ended_on
  from stat_cell c
  cross join lateral (select c.ordinal * 7919 % 1000 as vh, c.ordinal * 104729 % 1000 as fh, c.ordinal * 3571 % 1000 as ah) r
  cross join lateral (values
    ('SECRETARY', 1, date '2025-07-01', null::date, true),
    ('SECRETARY', 3, date '2020-07-01', date '2025-06-30', c.ordinal % 10 = 3),
    ('VILLAGE_HEAD', case when r.vh < 550 then 1 else 2 end, date '2025-07-01', null, c.cell_type = 'RESIDENTIAL' and r.vh < 800),
    ('FRONT_WORK_COMMITTEE_HEAD', case when r.fh < 20 then 1 else 3 end, date '2025-07-01', null, c.cell_type = 'RESIDENTIAL' and r.fh < 570),
    ('AGENCY_HEAD', case when r.ah < 900 then 1 else 4 end, date '2025-07-01', null, c.cell_type in ('ADMINISTRATIVE_AGENCY', 'PUBLIC_SERVICE'))
  ) p(position, slot, started_on, ended_on, held)
  join stat_holder h on h.cell_id = c.id and h.slot = p.slot
 where c.ordinal is not null and p.held
   -- A past term only for a member admitted by its start.
   and (p.ended_on is null or h.admission_date <= p.started_on)
union all
select c.province_id, h.member_id, c.commune_id, c.commune_path, 'COMMITTEE_MEMBER', greatest(date '2025-07-01', h.admission_date), null
  from stat_cell c join stat_holder h on h.cell_id = c.id and h.slot = 2
 where c.ordinal is not null and c.no <= 5`,
};

/**
 * What the product relies on, counted: every count must be 0. Checked before commit, so a
 * generator that breaks an invariant leaves nothing behind.
 */
export const invariantsSql = `
with official_period as (
  select member_id, count(*) filter (where ended_on is null) as open, min(unit_id) filter (where ended_on is null) as unit_id,
         min(unit_path) filter (where ended_on is null) as unit_path, min(province_id) filter (where ended_on is null) as province_id,
         max(ended_by_event_id) as ended_by, max(ended_on) as ended_on
    from membership where kind = 'OFFICIAL' group by member_id
), history as (
  select member_id,
         count(*) filter (where kind = 'ADMITTED') as admitted, min(occurred_on) filter (where kind = 'ADMITTED') as admitted_on,
         count(*) filter (where kind = 'RECOGNISED_OFFICIAL') as recognised, min(occurred_on) filter (where kind = 'RECOGNISED_OFFICIAL') as recognised_on,
         max(id) filter (where kind in ('REMOVED', 'DIED')) as departure, max(occurred_on) filter (where kind in ('REMOVED', 'DIED')) as departed_on,
         max(kind) filter (where kind in ('REMOVED', 'DIED')) as departure_kind
    from member_event group by member_id
), checked as (
  select m.status in ('PROBATIONARY', 'OFFICIAL') as current, m.status, m.unit_id, m.unit_path, m.province_id, m.admission_date,
         m.official_date, o.open, o.unit_id as o_unit_id, o.unit_path as o_unit_path,
         o.province_id as o_province_id, o.ended_by, o.ended_on, h.admitted, h.admitted_on, h.recognised, h.recognised_on,
         h.departure, h.departed_on, h.departure_kind
    from member m left join official_period o on o.member_id = m.id left join history h on h.member_id = m.id
)
select
  count(*) filter (where current and (open is distinct from 1 or o_unit_id <> unit_id or o_unit_path <> unit_path or o_province_id <> province_id))
    as "current member without one open official membership of its cell",
  count(*) filter (where not current and open <> 0) as "leaver with an open membership",
  count(*) filter (where (status = 'PROBATIONARY') <> (official_date is null)) as "status against official date",
  count(*) filter (where admitted is distinct from 1 or admitted_on <> admission_date) as "member without one ADMITTED event on its admission date",
  count(*) filter (where coalesce(recognised, 0) <> (official_date is not null)::int or recognised_on <> official_date)
    as "official date without its RECOGNISED_OFFICIAL event",
  count(*) filter (where not current and (departure is null or ended_by <> departure or ended_on <> departed_on
                                         or departure_kind <> case status when 'REMOVED' then 'REMOVED' else 'DIED' end))
    as "leaver without the event that ended its membership",
  count(*) filter (where current and departure is not null) as "current member with a departure",
  (select count(*) from org_unit u where u.status = 'DISSOLVED' and exists (select 1 from membership ms where ms.unit_id = u.id and ms.ended_on is null))
    as "dissolved unit with members",
  (select count(*) from (select 1 from member_position where ended_on is null
      and position in ('SECRETARY', 'VILLAGE_HEAD', 'FRONT_WORK_COMMITTEE_HEAD', 'AGENCY_HEAD')
    group by unit_id, position having count(*) > 1) d) as "unit with two open holders of a single position",
  (select count(*) from (select 1 from member_position where ended_on is null
    group by member_id, unit_id, position having count(*) > 1) d) as "member holding a position twice",
  (select count(*) from member_position p join member m on m.id = p.member_id
    where p.ended_on is null and (m.status not in ('PROBATIONARY', 'OFFICIAL') or not (m.unit_path like p.unit_path || '%')))
    as "open position outside its holder's cell or commune, or of a leaver",
  (select count(*) from meeting_attendance a join meeting mt on mt.id = a.meeting_id
     left join membership ms on ms.member_id = a.member_id and ms.unit_id = mt.unit_id
      and ms.started_on <= mt.held_on and (ms.ended_on is null or ms.ended_on > mt.held_on)
    where ms.id is null) as "attendance of a member not on the roster",
  (select count(*) from meeting mt where mt.held_on <> (mt.held_at at time zone 'Asia/Ho_Chi_Minh')::date) as "held_on not the Vietnam date of held_at"
  from checked`;
