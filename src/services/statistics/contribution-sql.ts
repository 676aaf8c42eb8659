import { CELL_LEVEL_KINDS } from './families';

/**
 * Building blocks of the contribution queries (contributions/*.ts). Every query starts from two
 * CTEs made here: `p` (the horizon of stock history) and `u` (the units whose contribution is
 * computed, with their active interval), and ends in a CTE `own_rows` with the columns of
 * stat_own: unit_id, metric, day, k1, k2, n, a, b, c, d.
 *
 * Intervals are half-open [s, e) with s possibly -infinity and e possibly infinity.
 */
export const HEAD = `p as (select ?::date as horizon),
u as (
  select o.id, o.kind, o.cell_type, o.path, o.parent_id, o.province_id,
         coalesce(o.founded_on, '-infinity'::date) as active_from,
         case when o.status = 'DISSOLVED' then coalesce(o.dissolved_on, '-infinity'::date) else coalesce(o.dissolved_on, 'infinity'::date) end as active_to
    from org_unit o where o.id = any(?::int[])
)`;

export const CELL_KINDS_SQL = `('CELL', 'GRASSROOTS_CELL')`;
export const CELL_LEVEL_KINDS_SQL = `(${CELL_LEVEL_KINDS.map((k) => `'${k}'`).join(', ')})`;

/** Subtree test usable with a per-row key: a byte-wise range the text_pattern_ops indexes serve. */
export const within = (column: string, path: string): string => `${column} ~>=~ ${path} and ${column} ~<~ (${path} || '~')`;

/** The value columns for rows that only count (n): a to d are zero. */
export const COUNT_ONLY = '0::bigint as a, 0::bigint as b, 0::bigint as c, 0::bigint as d';

/**
 * A stock from intervals (CTE `intervals` with unit_id, metric, k1, k2, s, e, each worth 1): the
 * value after every change at day = infinity, and +1 / −1 on the days since the horizon where an
 * interval starts or ends. As of D (≥ horizon): the infinity row minus the changes after D.
 */
export function stockRows(intervals: string): string {
  return `select unit_id, metric, day, k1, k2, sum(n)::bigint as n, ${COUNT_ONLY} from (
    select unit_id, metric, 'infinity'::date as day, k1, k2, 1 as n from ${intervals} where s < e and e = 'infinity'
    union all
    select unit_id, metric, s, k1, k2, 1 from ${intervals}, p where s < e and s >= p.horizon and s <> 'infinity'
    union all
    select unit_id, metric, e, k1, k2, -1 from ${intervals}, p where s < e and e >= p.horizon and e <> 'infinity'
  ) x group by unit_id, metric, day, k1, k2 having sum(n) <> 0`;
}

/**
 * CTEs turning counting events (CTE `events`: unit_id, metric, k1, k2, day, delta) into the
 * intervals where the running count is at least `threshold` (a flag such as "the secretary is
 * also the village head", however many rows make it true), cut to the unit's active interval.
 * Defines `${name}` with unit_id, metric, k1, k2, s, e.
 */
export function flagIntervals(name: string, events: string, threshold: number): string {
  if (!Number.isSafeInteger(threshold) || threshold < 1) throw new Error('threshold must be a positive integer');
  const w = 'partition by unit_id, metric, k1, k2 order by day';
  return `${name}_count as (
  select unit_id, metric, k1, k2, day, sum(sum(delta)) over (${w}) >= ${threshold} as on_
    from ${events} group by unit_id, metric, k1, k2, day
),
${name}_edges as (
  select unit_id, metric, k1, k2, day, on_ from (
    select *, lag(on_, 1, false) over (${w}) as was from ${name}_count
  ) t where on_ <> was
),
${name} as (
  select f.unit_id, f.metric, f.k1, f.k2, greatest(f.s, u.active_from) as s, least(f.e, u.active_to) as e
    from (select unit_id, metric, k1, k2, day as s, lead(day, 1, 'infinity'::date) over (${w}) as e, on_ from ${name}_edges) f
    join u on u.id = f.unit_id
   where f.on_
)`;
}

/** Counting events of intervals (CTE with unit_id, metric, k1, k2, s, e): +1 at the start, −1 at the end. */
export function intervalEvents(intervals: string): string {
  return `select unit_id, metric, k1, k2, s as day, 1 as delta from ${intervals} where s < e
    union all select unit_id, metric, k1, k2, e, -1 from ${intervals} where s < e and e <> 'infinity'`;
}

/** A contribution query: the head, the family's CTEs (each starting with a comma), then `own_rows`. */
export interface Contribution {
  /** CTEs after HEAD, each preceded by a comma, the last one named own_rows. */
  readonly ctes: string;
}
