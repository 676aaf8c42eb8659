import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInVietnam } from '../calendar';
import { CELL_LEVEL_KINDS_SQL, HEAD } from './contribution-sql';
import { CONTRIBUTIONS } from './contributions';
import { metricsTimed, STAT_FAMILIES, StatFamily } from './families';

/**
 * The refresher: takes dirty marks, recomputes those units' contributions from the base tables,
 * and applies the difference between the new and the stored contribution to every committee and
 * province above (and the nation), in one transaction per batch. Only the holder of the
 * stat_state row lock writes stat_own and stat_fact, so the sums never race.
 */
export interface RefreshResult {
  /** Batches committed. */
  readonly batches: number;
  /** Dirty marks consumed. */
  readonly marks: number;
  /** Unit × family contributions recomputed. */
  readonly contributions: number;
  /** Contribution rows that changed. */
  readonly changedRows: number;
  /** Marks were left (the batch limit was reached, or another refresher held the lock). */
  readonly pending: boolean;
}

export interface RefreshOptions {
  /** Marks taken per batch (one transaction). */
  readonly batchMarks?: number;
  /** Stop after this many batches (the background loop keeps each turn short). */
  readonly maxBatches?: number;
  /** Wait for the lock instead of leaving the work to the refresher that holds it. */
  readonly wait?: boolean;
  /** Told of every family statement: for the benchmark's rebuild figures and diagnostics. */
  readonly onStatement?: (family: StatFamily, units: number, ms: number, changedRows: number) => void;
}

const VALUES = ['n', 'a', 'b', 'c', 'd'] as const;

/** A dated row of stat_fact by day and again by month (the infinity row of a stock by day only). */
export const GRAINS = (day: string): string =>
  `(select 'D' as grain, ${day} as day union all select 'M', date_trunc('month', ${day})::date where ${day} <> 'infinity')`;
const KEY = ['unit_id', 'metric', 'day', 'k1', 'k2'] as const;
const sameKey = (x: string, y: string): string => KEY.map((k) => `${x}.${k} = ${y}.${k}`).join(' and ');

/** One statement per family: recompute, diff, apply the difference upwards, store the new contribution. */
export function refreshStatement(family: StatFamily): string {
  const diff = VALUES.map((v) => `coalesce(nw.${v}, 0) - coalesce(od.${v}, 0) as ${v}`).join(', ');
  const fresh = VALUES.map((v) => `coalesce(nw.${v}, 0) as new_${v}`).join(', ');
  const keys = KEY.map((k) => `coalesce(nw.${k}, od.${k}) as ${k}`).join(', ');
  return `with ${HEAD}${CONTRIBUTIONS[family].ctes},
new_rows as materialized (select unit_id, metric, day, k1, k2, n, a, b, c, d from own_rows),
old_rows as materialized (select unit_id, metric, day, k1, k2, n, a, b, c, d from stat_own where family = ? and unit_id = any(?::int[])),
-- One pass pairs new and stored rows: what changed, with the new values, and what is gone (no anti join of CTEs, quadratic when planned as a loop).
deltas as materialized (
  select * from (select ${keys}, ${diff}, ${fresh}, nw.unit_id is null as gone from new_rows nw full join old_rows od on ${sameKey('od', 'nw')}) x
   where ${VALUES.map((v) => `${v} <> 0`).join(' or ')}
),
targets as (
  -- Every committee and province on the unit's path (and the nation); a unit's own existence counts only above it.
  select s.unit_id as source, a.id as target, a.province_id
    from (select distinct unit_id from deltas) s join org_unit x on x.id = s.unit_id
    join org_unit a on a.id = any(string_to_array(btrim(x.path, '/'), '/')::int[]) and a.kind not in ${CELL_LEVEL_KINDS_SQL}
   where a.id <> x.id or ? <> 'TREE'
  union all select distinct unit_id, 0, 0 from deltas
),
facts as (
  insert into stat_fact as f (unit_id, province_id, metric, grain, day, k1, k2, ${VALUES.join(', ')})
  select t.target, t.province_id, dl.metric, g.grain, g.day, dl.k1, dl.k2, ${VALUES.map((v) => `sum(dl.${v})`).join(', ')}
    from deltas dl join targets t on t.source = dl.unit_id
    cross join lateral ${GRAINS('dl.day')} g
   group by 1, 2, 3, 4, 5, 6, 7
  on conflict (unit_id, metric, grain, day, k1, k2) do update set ${VALUES.map((v) => `${v} = f.${v} + excluded.${v}`).join(', ')}
  returning 1
),
gone as (
  delete from stat_own o using deltas dl where dl.gone and ${sameKey('o', 'dl')}
  returning 1
),
put as (
  insert into stat_own as o (unit_id, family, metric, day, k1, k2, ${VALUES.join(', ')}, province_id, unit_path)
  select dl.unit_id, ?, dl.metric, dl.day, dl.k1, dl.k2, ${VALUES.map((v) => `dl.new_${v}`).join(', ')}, u.province_id, u.path
    from deltas dl join u on u.id = dl.unit_id
   where not dl.gone
  on conflict (unit_id, metric, day, k1, k2) do update set ${[...VALUES, 'province_id', 'unit_path'].map((v) => `${v} = excluded.${v}`).join(', ')}
  returning 1
)
select (select count(*) from deltas)::int as changed, (select count(*) from facts)::int as facts, (select count(*) from gone)::int as gone, (select count(*) from put)::int as put`;
}

const STATEMENTS = new Map<StatFamily, string>(STAT_FAMILIES.map((f) => [f, refreshStatement(f)]));

/** Postgres array literal of ids: bound as one text parameter (knex would expand a JS array). */
export const idArray = (ids: Iterable<number>): string => `{${[...ids].join(',')}}`;

/** Stock history is kept from 1 January four years back: "as of" any day since then reads the rollups. */
export function horizonFor(today: string = todayInVietnam()): string {
  return `${Number(today.slice(0, 4)) - 4}-01-01`;
}

type Row = Record<string, unknown>;

async function refreshBatch(em: EntityManager, limit: number, wait: boolean, onStatement: RefreshOptions['onStatement']): Promise<{ marks: number; contributions: number; changed: number } | null> {
  const exec = <T extends Row>(sql: string, params: unknown[] = []): Promise<T[]> => em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
  const state = await exec<{ horizon: string }>(`select horizon::text as horizon from stat_state where id = 1 for update${wait ? '' : ' skip locked'}`);
  if (state.length === 0) return null;
  const horizon = await advanceHorizon(exec, state[0].horizon);
  const marks = await exec<{ unit_id: number; family: StatFamily }>(
    'delete from stat_dirty where id in (select id from stat_dirty order by id limit ?) returning unit_id, family',
    [limit],
  );
  if (marks.length === 0) return { marks: 0, contributions: 0, changed: 0 };
  const byFamily = new Map<StatFamily, Set<number>>();
  for (const m of marks) {
    const units = byFamily.get(m.family) ?? new Set<number>();
    units.add(m.unit_id);
    byFamily.set(m.family, units);
  }
  let contributions = 0;
  let changed = 0;
  for (const family of STAT_FAMILIES) {
    const units = byFamily.get(family);
    if (!units) continue;
    const ids = idArray(units);
    const started = performance.now();
    const [result] = await exec<{ changed: number }>(STATEMENTS.get(family) as string, [horizon, ids, family, ids, family, family]);
    onStatement?.(family, units.size, performance.now() - started, result.changed);
    contributions += units.size;
    changed += result.changed;
  }
  await exec('update stat_state set refreshed_at = now(), refreshed_units = refreshed_units + ? where id = 1', [contributions]);
  return { marks: marks.length, contributions, changed };
}

/**
 * On the first refresh of a year the horizon moves on: stock changes older than the new horizon
 * are dropped everywhere (the value after every change keeps them), and so are rows summed to zero.
 */
async function advanceHorizon(exec: <T extends Row>(sql: string, params?: unknown[]) => Promise<T[]>, stored: string): Promise<string> {
  const horizon = horizonFor();
  if (stored >= horizon) return stored;
  const stocks = `{${metricsTimed('STOCK').join(',')}}`;
  for (const table of ['stat_own', 'stat_fact']) {
    await exec(`delete from ${table} where metric = any(?::text[]) and day < ?::date`, [stocks, horizon]);
  }
  await exec(`delete from stat_fact where ${VALUES.map((v) => `${v} = 0`).join(' and ')}`);
  await exec('update stat_state set horizon = ?::date where id = 1', [horizon]);
  return horizon;
}

/** Refreshes until no mark is left (or maxBatches), each batch in its own transaction. */
export async function refreshStatistics(em: EntityManager, options: RefreshOptions = {}): Promise<RefreshResult> {
  const limit = options.batchMarks ?? 5000;
  const wait = options.wait ?? true;
  let batches = 0;
  let marks = 0;
  let contributions = 0;
  let changedRows = 0;
  for (;;) {
    if (options.maxBatches !== undefined && batches >= options.maxBatches) return { batches, marks, contributions, changedRows, pending: true };
    const done = await em.fork().transactional((tx) => refreshBatch(tx, limit, wait, options.onStatement));
    if (done === null) return { batches, marks, contributions, changedRows, pending: true };
    if (done.marks === 0) return { batches, marks, contributions, changedRows, pending: false };
    batches += 1;
    marks += done.marks;
    contributions += done.contributions;
    changedRows += done.changed;
  }
}
