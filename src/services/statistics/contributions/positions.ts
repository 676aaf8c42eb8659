import { CELL_KINDS_SQL, flagIntervals, intervalEvents, stockRows, type Contribution } from '../contribution-sql';

/**
 * Positions held at the unit (ended_on is the last day held), and the flags of a cell behind the
 * concurrency ratios of domain.md §7: the secretary also village head, Front head or agency head,
 * and a party member as village head or Front head. A flag holds while at least one holder makes
 * it true and the cell is active.
 */
export const positionsContribution: Contribution = {
  ctes: `,
held as (
  select p.unit_id, p.member_id, p.position, p.started_on as s, coalesce(p.ended_on + 1, 'infinity'::date) as e, u.kind as unit_kind, coalesce(u.cell_type, '') as cell_type
    from member_position p join u on u.id = p.unit_id
),
position_intervals as (select unit_id, 'POSITIONS' as metric, position as k1, unit_kind as k2, s, e from held),
secretary as (select * from held where position = 'SECRETARY' and unit_kind in ${CELL_KINDS_SQL}),
concurrent as (
  -- Joined on the base table's index, not on the held CTE: two CTE scans would be looped over each other.
  select sc.unit_id, sc.cell_type, o.position, greatest(sc.s, o.started_on) as s, least(sc.e, coalesce(o.ended_on + 1, 'infinity'::date)) as e
    from secretary sc join member_position o on o.unit_id = sc.unit_id and o.member_id = sc.member_id
   where o.position in ('VILLAGE_HEAD', 'FRONT_WORK_COMMITTEE_HEAD', 'AGENCY_HEAD')
),
flag_periods as (
  select unit_id, 'CELL_FLAGS' as metric, 'HAS_SECRETARY' as k1, cell_type as k2, s, e from secretary
  union all select unit_id, 'CELL_FLAGS', 'SECRETARY_VILLAGE_HEAD', cell_type, s, e from concurrent where position = 'VILLAGE_HEAD' and cell_type = 'RESIDENTIAL'
  union all select unit_id, 'CELL_FLAGS', 'SECRETARY_FRONT_HEAD', cell_type, s, e from concurrent where position = 'FRONT_WORK_COMMITTEE_HEAD' and cell_type = 'RESIDENTIAL'
  union all select unit_id, 'CELL_FLAGS', 'SECRETARY_VILLAGE_OR_FRONT_HEAD', cell_type, s, e from concurrent
   where position in ('VILLAGE_HEAD', 'FRONT_WORK_COMMITTEE_HEAD') and cell_type = 'RESIDENTIAL'
  union all select unit_id, 'CELL_FLAGS', 'SECRETARY_AGENCY_HEAD', cell_type, s, e from concurrent
   where position = 'AGENCY_HEAD' and cell_type in ('ADMINISTRATIVE_AGENCY', 'PUBLIC_SERVICE')
  union all select unit_id, 'CELL_FLAGS', 'VILLAGE_HEAD_MEMBER', cell_type, s, e from held
   where position = 'VILLAGE_HEAD' and cell_type = 'RESIDENTIAL' and unit_kind in ${CELL_KINDS_SQL}
  union all select unit_id, 'CELL_FLAGS', 'FRONT_HEAD_MEMBER', cell_type, s, e from held
   where position = 'FRONT_WORK_COMMITTEE_HEAD' and cell_type = 'RESIDENTIAL' and unit_kind in ${CELL_KINDS_SQL}
),
flag_events as (${intervalEvents('flag_periods')}),
${flagIntervals('flags', 'flag_events', 1)},
stock_intervals as (select * from position_intervals union all select * from flags),
own_rows as (${stockRows('stock_intervals')})`,
};
